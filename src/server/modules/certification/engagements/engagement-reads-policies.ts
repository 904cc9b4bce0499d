import { rulesFor } from '../../../platform/authz/policy.ts';
import { ORG_MEMBERS } from '../../../platform/authz/role-sets.ts';

/*
 * `engagementAims.read` is judged in the BODY's tenant on the role alone; whether this person may
 * cross into the organization is engagement-access.ts's question (on a team of a live audit of an
 * active engagement), asked before any record is read. `engagementAims.readLog` is the
 * organization's: every member sees who read what of its records.
 */
const engagementAims = rulesFor<Record<string, never>>()('engagementAims');

export const ENGAGEMENT_READS_POLICIES = [
  engagementAims.allow(['scheme_manager', 'auditor', 'technical_reviewer', 'decision_maker'], 'engagementAims.read'),
  engagementAims.allow(ORG_MEMBERS, 'engagementAims.readLog'),
];
