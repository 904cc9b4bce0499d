import { addDays, addMonths, cycleDates } from '../engagements/programme-rules.ts';

/*
 * Recertification (ISO/IEC 17021-1 9.6.3, facts sheet section 3), as pure functions over calendar
 * days ('YYYY-MM-DD'). A certificate is valid up to and including its expiry date, the day before
 * the third anniversary of the cycle's start (programme-rules.cycleDates). On a renewal decision:
 *  - taken on or before the old expiry date → 'chain': the new cycle starts the day after the old
 *    expiry, so the new expiry is that day's cycleDates expiry (old expiry + 3 years, same
 *    day-before convention). The certificate takes effect on the decision day.
 *  - taken after expiry, no later than 6 months after it, with the outstanding activities completed
 *    (the recertification audit reported and its nonconformities cleared) → 'restore': effective on
 *    the decision day, expiry still based on the prior cycle (the same chained date), and the days
 *    between the old expiry and the decision are a lapse the certificate does not cover.
 *  - otherwise → 'new_stage2_required': the window has passed (or closes with activities still
 *    outstanding) and at least a stage 2 audit is needed before any certification.
 * A decision taken within the window while activities are outstanding is also refused, with the
 * last day of the window, so that the page can say by when they must be completed.
 */

/** How long after expiry certification can still be restored. */
export const RESTORATION_MONTHS = 6;

export type TOutstandingActivities = {
  /** The recertification audit of the cycle is reported (or closed). */
  recertificationReported: boolean;
  /** Its nonconformities are cleared: majors verified, minors with an accepted plan. */
  nonconformitiesCleared: boolean;
};

export type TRenewalOutcome =
  | { outcome: 'chain'; effectiveDate: string; expiryDate: string; cycleStart: string }
  | { outcome: 'restore'; effectiveDate: string; expiryDate: string; cycleStart: string; lapsedFrom: string; lapsedTo: string; restoreBy: string }
  | { outcome: 'new_stage2_required'; reason: 'restoration_window_passed' | 'activities_outstanding'; restoreBy: string };

/** The last day on which a certificate that expired on `expiryDate` may still be restored. */
export function restorationDeadline(expiryDate: string): string {
  return addMonths(expiryDate, RESTORATION_MONTHS);
}

/** The expiry of the certificate that renews one expiring on `oldExpiry`: chained, day-before convention. */
export function chainedExpiry(oldExpiry: string): string {
  return cycleDates(addDays(oldExpiry, 1)).expiryDate;
}

/** What a renewal decision taken on `decisionDate` does to a certificate that expires (or expired) on `oldExpiry`. */
export function renewalOutcome(input: { oldExpiry: string; decisionDate: string; activities: TOutstandingActivities }): TRenewalOutcome {
  const { oldExpiry, decisionDate, activities } = input;
  const cycleStart = addDays(oldExpiry, 1);
  const expiryDate = chainedExpiry(oldExpiry);
  if (decisionDate <= oldExpiry) return { outcome: 'chain', effectiveDate: decisionDate, expiryDate, cycleStart };
  const restoreBy = restorationDeadline(oldExpiry);
  if (decisionDate > restoreBy) return { outcome: 'new_stage2_required', reason: 'restoration_window_passed', restoreBy };
  if (!activities.recertificationReported || !activities.nonconformitiesCleared) return { outcome: 'new_stage2_required', reason: 'activities_outstanding', restoreBy };
  return { outcome: 'restore', effectiveDate: decisionDate, expiryDate, cycleStart, lapsedFrom: cycleStart, lapsedTo: addDays(decisionDate, -1), restoreBy };
}

export type TNextCycleDates = { surveillance1DueBy: string; surveillance2DueBy: string; recertificationDueBy: string };

/**
 * The deadlines of the next cycle's audits: surveillance 1 within 12 months of the renewal decision
 * and surveillance 2 in the second year after it (17021-1 9.1.3, as for a grant), recertification
 * completed before the new expiry (the day before it).
 */
export function nextCycleDueDates(decisionDate: string, expiryDate: string): TNextCycleDates {
  const c = cycleDates(decisionDate);
  return { surveillance1DueBy: c.surveillance1DueBy, surveillance2DueBy: c.surveillance2DueBy, recertificationDueBy: addDays(expiryDate, -1) };
}
