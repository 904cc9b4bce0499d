import { rulesFor } from '../../platform/authz/policy.ts';
import { EVERYONE, WRITERS } from '../../platform/authz/role-sets.ts';

const file = rulesFor<{ id: string }>()('file');

export const FILE_POLICIES = [file.allow(WRITERS, 'file.upload'), file.allow(EVERYONE, 'file.read')];
