import type { TEffectivenessResult, TNcStatus } from '../../../../shared/contracts/nonconformities.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import { defineLifecycle, type TGuard } from '../../../platform/lifecycle/lifecycle.ts';

/*
 * ISO/IEC 42001 10.2, as a state machine:
 *
 *   open ──record_correction──▶ correction ──plan_action──▶ action_planned ──start_verification──▶ verifying
 *     └─────────────plan_action──────────────────────▲               ▲                                │
 *                                                                    └────── not_effective ───────────┤
 *                                                                                         close ──────┴──▶ closed
 *
 * The corrective action is planned only once the root cause is known (10.2 c–d); it is closed
 * only by an effectiveness check that found it effective (10.2 e); a check that found it not
 * effective sends it back to planning. A closed nonconformity is frozen.
 */

export type TNcContext = {
  correction: string;
  rootCause: string;
  correctiveAction: string;
  /** The result of the latest effectiveness check, null when none was recorded. */
  effectiveness: TEffectivenessResult | null;
};

const has = (s: string) => s.trim().length > 0;

const correctionRecorded: TGuard<TNcContext> = (c) =>
  has(c.correction) ? null : new AppError(409, 'nonconformity_correction_missing', 'Describe the correction (the immediate action taken) before recording it.', { field: 'correction' });

const rootCauseKnown: TGuard<TNcContext> = (c) =>
  has(c.rootCause) ? null : new AppError(409, 'nonconformity_root_cause_missing', 'The corrective action cannot be planned without a root cause: record why the nonconformity happened first.', { field: 'rootCause' });

const actionDecided: TGuard<TNcContext> = (c) =>
  has(c.correctiveAction) ? null : new AppError(409, 'nonconformity_action_missing', 'Describe the corrective action that removes the root cause first.', { field: 'correctiveAction' });

const checkedEffective: TGuard<TNcContext> = (c) =>
  c.effectiveness === 'effective'
    ? null
    : new AppError(409, 'nonconformity_not_effective', 'A nonconformity is closed only by an effectiveness check that found the corrective action effective.', { effectiveness: c.effectiveness });

const checkedNotEffective: TGuard<TNcContext> = (c) =>
  c.effectiveness === 'not_effective' ? null : new AppError(409, 'nonconformity_state', 'Only a check that found the action not effective sends it back to planning.', { effectiveness: c.effectiveness });

export type TNcLifecycleEvent = 'edit' | 'record_correction' | 'plan_action' | 'start_verification' | 'close' | 'not_effective';

const OPEN_STATES: readonly TNcStatus[] = ['open', 'correction', 'action_planned', 'verifying'];

export const nonconformityLifecycle = defineLifecycle<TNcStatus, TNcLifecycleEvent, TNcContext>({
  name: 'nonconformity',
  states: ['open', 'correction', 'action_planned', 'verifying', 'closed'],
  transitions: {
    edit: { from: OPEN_STATES, to: 'open', audit: 'nonconformity.updated' },
    record_correction: { from: ['open'], to: 'correction', audit: 'nonconformity.correction_recorded', guards: [correctionRecorded] },
    plan_action: { from: ['open', 'correction'], to: 'action_planned', audit: 'nonconformity.action_planned', guards: [rootCauseKnown, actionDecided] },
    start_verification: { from: ['action_planned'], to: 'verifying', audit: 'nonconformity.verification_started', guards: [rootCauseKnown, actionDecided] },
    close: { from: ['verifying'], to: 'closed', audit: 'nonconformity.closed', guards: [checkedEffective] },
    not_effective: { from: ['verifying'], to: 'action_planned', audit: 'nonconformity.action_not_effective', guards: [checkedNotEffective] },
  },
  refusal: (state, event) => {
    if (state === 'closed') return new AppError(409, 'nonconformity_closed', 'This nonconformity is closed: its record is frozen.', { status: state });
    const why: Partial<Record<TNcLifecycleEvent, string>> = {
      record_correction: 'The correction is recorded while the nonconformity is open.',
      plan_action: 'The corrective action is already planned.',
      start_verification: 'Plan the corrective action before verifying it.',
      close: 'Start the verification, then record an effectiveness check that finds the action effective.',
      not_effective: 'Only a nonconformity being verified can be found not effective.',
    };
    return new AppError(409, 'nonconformity_state', why[event] ?? 'Not possible in this state.', { status: state, event });
  },
});

/** `edit` keeps the state: the lifecycle only says whether editing is allowed. */
export const canEdit = (status: TNcStatus) => status !== 'closed';

/** Due date passed and not closed (dates as YYYY-MM-DD). */
export const ncOverdue = (n: { status: TNcStatus; dueOn: string | null }, today: string) => n.status !== 'closed' && n.dueOn !== null && n.dueOn < today;
