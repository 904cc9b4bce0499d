import type { TRole } from '../../../../shared/contracts/roles.ts';
import type { TAuditState } from '../../../../shared/contracts/certification.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { AppError, forbidden } from '../../../platform/errors/errors.ts';
import { SCHEDULE_EDITABLE, TEAM_EDITABLE, auditLifecycle } from './audit-lifecycle.ts';

/**
 * A certification audit as the rules see it: its state and its lead auditor (null until one is
 * assigned), read in the same query as the audit.
 */
export type TCertAuditSubject = { state: TAuditState; leadUserId: string | null };

const BODY_READERS: readonly TRole[] = ['scheme_manager', 'auditor', 'technical_reviewer', 'decision_maker'];

const certAudit = rulesFor<TCertAuditSubject>()('certAudit');

export const AUDITS_POLICIES = [
  // The body's whole calendar is internal to the body: every member sees it.
  certAudit.allow(BODY_READERS, 'certAudit.read'),
  certAudit.allow(['scheme_manager'], 'certAudit.schedule'),
  certAudit.deny(
    'certAudit.schedule',
    (_, a) => !SCHEDULE_EDITABLE.includes(a.state),
    (_, a) => new AppError(409, 'cert_audit_state', 'This audit has started or ended: its planned dates can no longer change.', { state: a.state }),
  ),
  // The scheme manager runs the programme; the lead auditor runs their own audit (17021-1 9.4.1).
  certAudit.allow(['scheme_manager'], 'certAudit.transition'),
  certAudit.allow(
    ['auditor'],
    'certAudit.transition',
    (actor, a) => a.leadUserId !== null && a.leadUserId === actor.userId,
    () => forbidden('Only the lead auditor of this audit or a scheme manager can move it forward.'),
  ),
  certAudit.deny(
    'certAudit.transition',
    (_, a) => auditLifecycle.isFinal(a.state),
    (_, a) => new AppError(409, 'cert_audit_state', `This audit is ${a.state === 'closed' ? 'closed' : 'cancelled'}.`, { state: a.state }),
  ),
  // Each member signs for themselves; the service checks they are on the team.
  certAudit.allow(BODY_READERS, 'certAudit.declare'),
  certAudit.allow(['scheme_manager'], 'certAudit.manageTeam'),
  certAudit.deny(
    'certAudit.manageTeam',
    (_, a) => !TEAM_EDITABLE.includes(a.state),
    (_, a) => new AppError(409, 'cert_audit_team_frozen', 'This audit is reported or over: its team is a record and no longer changes.', { state: a.state }),
  ),
];
