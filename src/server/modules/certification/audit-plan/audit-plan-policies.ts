import type { TAuditPlanStatus } from '../../../../shared/contracts/audit-plan.ts';
import type { TAuditState, TAuditTeamRole } from '../../../../shared/contracts/certification.ts';
import type { TRole } from '../../../../shared/contracts/roles.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import { ORG_MEMBERS } from '../../../platform/authz/role-sets.ts';
import { PLAN_OPEN_AUDIT_STATES } from './audit-plan-lifecycle.ts';

/**
 * The audit as the plan's rules see it. `teamRole`: the actor's role on this audit's team (null
 * when not on it), read in the statement that loads the audit.
 */
export type TAuditPlanSubject = { teamRole: TAuditTeamRole | null; auditState: TAuditState };

/** An issued version as the organization's rules see it. */
export type TOrgAuditPlanSubject = { status: TAuditPlanStatus; superseded: boolean };

/** The body's managers and those who judge the audit afterwards read every audit's plan. */
const BODY_READERS: readonly TRole[] = ['scheme_manager', 'technical_reviewer', 'decision_maker'];

const onTeam = (_: unknown, s: TAuditPlanSubject) => s.teamRole !== null;
const notTheirs = () => notFound('Audit');
const notTheLead = () => new AppError(403, 'forbidden', 'The audit plan is prepared by the scheme manager or the audit’s lead auditor; the team reads it.');
const closed = (_: unknown, s: TAuditPlanSubject) => !PLAN_OPEN_AUDIT_STATES.includes(s.auditState);
const closedReason = (_: unknown, s: TAuditPlanSubject) =>
  new AppError(409, 'audit_plan_state', `The plan is prepared while the audit is planned, confirmed or in progress (it is ${s.auditState}).`, { state: s.auditState, allowed: PLAN_OPEN_AUDIT_STATES });
const leadOrNotTheirs = (_: unknown, s: TAuditPlanSubject) => (s.teamRole ? notTheLead() : notTheirs());

const plan = rulesFor<TAuditPlanSubject>()('auditPlan');
const orgPlan = rulesFor<TOrgAuditPlanSubject>()('orgAuditPlan');

export const AUDIT_PLAN_POLICIES = [
  plan.allow(BODY_READERS, 'auditPlan.read'),
  plan.allow(['auditor'], 'auditPlan.read', onTeam, notTheirs),
  plan.allow(['scheme_manager'], 'auditPlan.write'),
  plan.allow(['auditor'], 'auditPlan.write', (_, s) => s.teamRole === 'lead_auditor', leadOrNotTheirs),
  plan.deny('auditPlan.write', closed, closedReason),
  plan.allow(['scheme_manager'], 'auditPlan.issue'),
  plan.allow(['auditor'], 'auditPlan.issue', (_, s) => s.teamRole === 'lead_auditor', leadOrNotTheirs),
  plan.deny('auditPlan.issue', closed, closedReason),

  orgPlan.allow(ORG_MEMBERS, 'orgAuditPlan.read'),
  orgPlan.allow(['owner', 'admin'], 'orgAuditPlan.acknowledge'),
  orgPlan.deny(
    'orgAuditPlan.acknowledge',
    (_, s) => s.status !== 'issued' || s.superseded,
    (_, s) =>
      s.status === 'acknowledged'
        ? new AppError(409, 'audit_plan_acknowledged', 'This plan has already been acknowledged.', {})
        : new AppError(409, 'audit_plan_superseded', 'A revised plan has been issued since: acknowledge the latest version.', {}),
  ),
];
