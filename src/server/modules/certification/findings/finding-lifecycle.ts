import { AppError } from '../../../platform/errors/errors.ts';
import { defineLifecycle, type TGuard } from '../../../platform/lifecycle/lifecycle.ts';
import { FINDING_STATES, type TFindingClass, type TFindingState } from '../../../../shared/contracts/certification-decisions.ts';

/*
 * An audit finding (ISO/IEC 17021-1 9.4.9–9.4.10):
 *   open → submitted (the organization answers) → accepted (the auditor accepts the correction,
 *   root cause and plan) or back to open (rejected, with a reason; the answer stays in the history);
 *   a major then needs a follow-up verification (accepted → verified) before it is closed; a minor is
 *   closed once its action is implemented and checked (accepted → closed).
 *   Observations and opportunities are 'noted' and ask for nothing.
 * The auditor may still edit a finding while it is open and nobody has answered it yet: once an
 * answer exists, the organization answered THAT finding.
 */

export const FINDING_EVENTS = ['edit', 'submit', 'accept', 'reject', 'verify', 'close'] as const;
export type TFindingEvent = (typeof FINDING_EVENTS)[number];

export type TFindingTransitionContext = {
  class: TFindingClass;
  /** Answers submitted so far, whatever their verdict. */
  responses: number;
  /** The rejection's reason (reject only). */
  reason?: string | null;
  /** Whether a major's follow-up verification is recorded (close only). */
  verified?: boolean;
};

const unanswered: TGuard<TFindingTransitionContext> = (c) =>
  c.responses === 0 ? null : new AppError(409, 'finding_answered', 'The organization has answered this finding: it can no longer be edited.', { responses: c.responses });

const nonconformity: TGuard<TFindingTransitionContext> = (c) =>
  c.class === 'major' || c.class === 'minor' ? null : new AppError(409, 'finding_not_nonconformity', 'Observations and opportunities for improvement ask for no answer.', { class: c.class });

const majorOnly: TGuard<TFindingTransitionContext> = (c) =>
  c.class === 'major' ? null : new AppError(409, 'finding_not_major', 'Only a major nonconformity needs a follow-up verification; a minor is closed once its action is checked.', { class: c.class });

const reasonGiven: TGuard<TFindingTransitionContext> = (c) =>
  c.reason?.trim() ? null : new AppError(400, 'validation_failed', 'Give the reason for rejecting this answer.', [{ field: 'reason', issue: 'required', message: 'Give the reason for rejecting this answer.' }]);

const verifiedFirst: TGuard<TFindingTransitionContext> = (c) =>
  c.class !== 'major' || c.verified
    ? null
    : new AppError(409, 'finding_not_verified', 'A major nonconformity is closed only after its follow-up verification.', { class: c.class });

const REFUSAL: Record<TFindingState, string> = {
  open: 'This finding waits for the organization’s answer.',
  submitted: 'An answer to this finding waits for the auditor’s verdict.',
  accepted: 'The answer to this finding has been accepted.',
  verified: 'This major nonconformity has been verified: it can only be closed now.',
  closed: 'This finding is closed.',
  noted: 'Observations and opportunities for improvement ask for no answer.',
};

export const findingLifecycle = defineLifecycle<TFindingState, TFindingEvent, TFindingTransitionContext>({
  name: 'auditFinding',
  states: FINDING_STATES,
  transitions: {
    edit: { from: ['open', 'noted'], to: 'open', audit: 'audit_finding.updated', guards: [unanswered] },
    submit: { from: ['open'], to: 'submitted', audit: 'audit_finding.response_submitted', guards: [nonconformity] },
    accept: { from: ['submitted'], to: 'accepted', audit: 'audit_finding.response_accepted' },
    reject: { from: ['submitted'], to: 'open', audit: 'audit_finding.response_rejected', guards: [reasonGiven] },
    verify: { from: ['accepted'], to: 'verified', audit: 'audit_finding.verified', guards: [majorOnly] },
    close: { from: ['accepted', 'verified'], to: 'closed', audit: 'audit_finding.closed', guards: [nonconformity, verifiedFirst] },
  },
  refusal: (state, event) => new AppError(409, 'finding_state', REFUSAL[state], { state, event }),
});

/** The state a finding is raised in. */
export const initialFindingState = (c: TFindingClass): TFindingState => (c === 'major' || c === 'minor' ? 'open' : 'noted');

/** After an edit the state follows the (possibly changed) class: a noted observation made a minor becomes open. */
export const stateAfterEdit = initialFindingState;
