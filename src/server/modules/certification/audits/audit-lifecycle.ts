import { AppError } from '../../../platform/errors/errors.ts';
import { defineLifecycle, type TGuard } from '../../../platform/lifecycle/lifecycle.ts';
import { AUDIT_STATES, type TAuditState, type TAuditType } from '../../../../shared/contracts/certification.ts';
import type { TCertAuditEvent } from '../../../../shared/contracts/cert-audits.ts';

/*
 * A certification audit (ISO/IEC 17021-1 9.2–9.4): planned → confirmed → in progress → reported →
 * closed, or cancelled before it is reported. Confirming commits the body to the client: the
 * dates and the lead auditor must be known. Stage 2 waits for the stage 1 report (9.3.1.2:
 * stage 1 decides whether the client is ready), checked again when it starts because a stage 1
 * could be re-opened by nobody but a confirmed stage 2 must not outrun it. Every team member signs
 * an impartiality declaration before the audit is confirmed (the body then names the team to the
 * client in advance, who may object to a member) and again before it starts, for anyone added after confirmation.
 */

export type TAuditTransitionContext = {
  type: TAuditType;
  plannedStart: string | null;
  plannedEnd: string | null;
  hasLead: boolean;
  /** For a stage 2: whether the programme's stage 1 is reported (or closed). */
  stage1Reported: boolean;
  /** Team members who have not signed their impartiality declaration for this audit. */
  undeclared: readonly string[];
  reason: string | null;
};

const datesSet: TGuard<TAuditTransitionContext> = (c) =>
  c.plannedStart && c.plannedEnd ? null : new AppError(409, 'cert_audit_dates_missing', 'Set the planned start and end dates before confirming this audit.', { field: 'plannedStart' });

const leadAssigned: TGuard<TAuditTransitionContext> = (c) =>
  c.hasLead ? null : new AppError(409, 'cert_audit_no_lead', 'Assign a lead auditor before confirming this audit.');

const afterStage1: TGuard<TAuditTransitionContext> = (c) =>
  c.type !== 'stage2' || c.stage1Reported ? null : new AppError(409, 'cert_audit_stage1_not_reported', 'Stage 2 can only go ahead once the stage 1 audit is reported.');

const declared: TGuard<TAuditTransitionContext> = (c) =>
  c.undeclared.length === 0
    ? null
    : new AppError(409, 'cert_audit_declarations_missing', 'Every member of the team must sign an impartiality declaration for this audit before it is confirmed or starts.', {
        userIds: [...c.undeclared],
        count: c.undeclared.length,
      });

const reasonGiven: TGuard<TAuditTransitionContext> = (c) =>
  c.reason?.trim() ? null : new AppError(400, 'validation_failed', 'Give the reason for cancelling this audit.', { field: 'reason' });

const REFUSAL: Record<TAuditState, string> = {
  planned: 'This audit is planned: confirm it first.',
  confirmed: 'This audit is confirmed and has not started yet.',
  in_progress: 'This audit is in progress: report it first.',
  reported: 'This audit is reported: it can only be closed now.',
  closed: 'This audit is closed.',
  cancelled: 'This audit was cancelled.',
};

export const auditLifecycle = defineLifecycle<TAuditState, TCertAuditEvent, TAuditTransitionContext>({
  name: 'certAudit',
  states: AUDIT_STATES,
  transitions: {
    confirm: { from: ['planned'], to: 'confirmed', audit: 'cert_audit.confirmed', guards: [datesSet, leadAssigned, afterStage1, declared] },
    start: { from: ['confirmed'], to: 'in_progress', audit: 'cert_audit.started', guards: [leadAssigned, afterStage1, declared] },
    report: { from: ['in_progress'], to: 'reported', audit: 'cert_audit.reported' },
    close: { from: ['reported'], to: 'closed', audit: 'cert_audit.closed' },
    cancel: { from: ['planned', 'confirmed', 'in_progress'], to: 'cancelled', audit: 'cert_audit.cancelled', guards: [reasonGiven] },
  },
  refusal: (state, event) => new AppError(409, 'cert_audit_state', REFUSAL[state], { state, event }),
});

/** States whose team may still change: once reported, who audited is a fact. */
export const TEAM_EDITABLE: readonly TAuditState[] = ['planned', 'confirmed', 'in_progress'];
/** States whose dates may still change. */
export const SCHEDULE_EDITABLE: readonly TAuditState[] = ['planned', 'confirmed'];
