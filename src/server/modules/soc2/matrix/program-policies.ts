import { rulesFor } from '../../../platform/authz/policy.ts';
import { ORG_MEMBERS, ORG_WRITERS } from '../../../platform/authz/role-sets.ts';

/*
 * The audit programme (matrix, tests, request list) belongs to the firm: every member reads it; the
 * scheme manager and the auditors write it; technical reviewers and decision makers only read. The
 * organization reads its request list and its writers answer; a viewer changes nothing.
 */
const program = rulesFor<Record<string, never>>()('soc2Program');
const orgRequest = rulesFor<Record<string, never>>()('orgSoc2Request');

export const SOC2_PROGRAM_POLICIES = [
  program.allow(['scheme_manager', 'auditor', 'technical_reviewer', 'decision_maker'], 'soc2Program.read'),
  program.allow(['scheme_manager', 'auditor'], 'soc2Program.write'),
  orgRequest.allow(ORG_MEMBERS, 'orgSoc2Request.read'),
  orgRequest.allow(ORG_WRITERS, 'orgSoc2Request.respond'),
];
