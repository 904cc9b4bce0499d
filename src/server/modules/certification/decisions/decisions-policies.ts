import type { TTeamSeat } from '../../../../shared/contracts/cert-decisions.ts';
import type { TTechnicalReviewState } from '../../../../shared/contracts/certification-decisions.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { AppError, forbidden } from '../../../platform/errors/errors.ts';

/**
 * The technical review and the certification decision (ISO/IEC 17021-1 9.5). Both are taken by
 * people who did not take part in the audits: the record the service hands in carries the acting
 * person's seats on the audit teams of this client's current cycle (read from the certification
 * file), and a seat refuses the action with the audits and roles named.
 */
export type TTechnicalReviewSubject = { reviewerId: string; state: TTechnicalReviewState; teamSeats: readonly TTeamSeat[] };
export type TCertDecisionSubject = { teamSeats: readonly TTeamSeat[] };

const seatsText = (seats: readonly TTeamSeat[]) => seats.map((s) => `${s.reference} (${s.role})`).join(', ');

export const notIndependent = (code: 'cert_decision_not_independent' | 'cert_review_not_independent', seats: readonly TTeamSeat[]) =>
  new AppError(
    403,
    code,
    code === 'cert_decision_not_independent'
      ? `The decision is taken by someone who did not take part in the audits (ISO/IEC 17021-1 9.5): you are on the team of ${seatsText(seats)} in this client’s current cycle.`
      : `The technical review is done by someone who did not take part in the audits (ISO/IEC 17021-1 9.5): this person is on the team of ${seatsText(seats)} in this client’s current cycle.`,
    { audits: seats },
  );

const review = rulesFor<TTechnicalReviewSubject>()('technicalReview');
const decision = rulesFor<TCertDecisionSubject>()('certDecision');

export const DECISIONS_POLICIES = [
  review.allow(['scheme_manager', 'technical_reviewer', 'decision_maker'], 'technicalReview.read'),
  review.allow(['scheme_manager', 'technical_reviewer'], 'technicalReview.create'),
  review.deny('technicalReview.create', (_, r) => r.teamSeats.length > 0, (_, r) => notIndependent('cert_review_not_independent', r.teamSeats)),
  // Only the reviewer named on the review fills it in, and only while it is a draft.
  review.allow(
    ['technical_reviewer'],
    'technicalReview.update',
    (actor, r) => r.reviewerId === actor.userId,
    () => forbidden('Only the technical reviewer named on this review fills it in.'),
  ),
  review.deny(
    'technicalReview.update',
    (_, r) => r.state !== 'draft',
    () => new AppError(409, 'cert_review_completed', 'This technical review is completed: its checklist, recommendation and file are frozen.'),
  ),
  review.allow(
    ['technical_reviewer'],
    'technicalReview.complete',
    (actor, r) => r.reviewerId === actor.userId,
    () => forbidden('Only the technical reviewer named on this review completes it.'),
  ),
  review.deny(
    'technicalReview.complete',
    (_, r) => r.state !== 'draft',
    () => new AppError(409, 'cert_review_completed', 'This technical review is completed: its checklist, recommendation and file are frozen.'),
  ),
  review.deny('technicalReview.complete', (_, r) => r.teamSeats.length > 0, (_, r) => notIndependent('cert_review_not_independent', r.teamSeats)),
  decision.allow(['scheme_manager', 'technical_reviewer', 'decision_maker'], 'certDecision.read'),
  decision.allow(['decision_maker'], 'certDecision.create'),
  decision.deny('certDecision.create', (_, d) => d.teamSeats.length > 0, (_, d) => notIndependent('cert_decision_not_independent', d.teamSeats)),
];
