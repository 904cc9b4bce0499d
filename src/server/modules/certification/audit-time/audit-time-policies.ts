import { CERTIFICATION_BODY_ROLES } from '../../../../shared/contracts/roles.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';

/** The body's audit-time configuration as the rules see it: no record-level rule yet, the role decides. */
export type TAuditTimeSubject = Record<string, never>;

const auditTime = rulesFor<TAuditTimeSubject>()('auditTime');

export const AUDIT_TIME_POLICIES = [
  auditTime.allow(CERTIFICATION_BODY_ROLES, 'auditTime.read'),
  // A calculation without a client writes nothing: anyone in the body may try figures.
  auditTime.allow(CERTIFICATION_BODY_ROLES, 'auditTime.calculate'),
  // Kept on a client, it becomes the basis of a proposal's fees: the scheme manager's call.
  auditTime.allow(['scheme_manager'], 'auditTime.record'),
  auditTime.allow(['scheme_manager'], 'auditTime.configure'),
];
