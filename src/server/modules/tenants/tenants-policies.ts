import { rulesFor } from '../../platform/authz/policy.ts';
import { EVERYONE, TENANT_ADMINS } from '../../platform/authz/role-sets.ts';

export type TTenantSubject = { id: string; requireMfa: boolean };

const tenant = rulesFor<TTenantSubject>()('tenant');

export const TENANT_POLICIES = [tenant.allow(EVERYONE, 'tenant.read'), tenant.allow(TENANT_ADMINS, 'tenant.update')];
