import { rulesFor } from '../../../platform/authz/policy.ts';
import { ORG_MEMBERS, ORG_WRITERS } from '../../../platform/authz/role-sets.ts';

/* Competence and awareness records (7.2, 7.3): every member reads, a viewer changes nothing. */
const record = rulesFor<Record<string, never>>()('competenceRecord');

export const COMPETENCE_POLICIES = [
  record.allow(ORG_MEMBERS, 'competenceRecord.read'),
  record.allow(ORG_WRITERS, 'competenceRecord.create'),
  record.allow(ORG_WRITERS, 'competenceRecord.update'),
];
