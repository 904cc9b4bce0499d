import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, cycleDates } from '../engagements/programme-rules.ts';
import { chainedExpiry, nextCycleDueDates, renewalOutcome, restorationDeadline } from './recertification-rules.ts';

const done = { recertificationReported: true, nonconformitiesCleared: true };

describe('recertification rules (ISO/IEC 17021-1 9.6.3)', () => {
  it('chains the new expiry from the old one, with the day-before convention of the cycle', () => {
    // Granted 15 March 2027 → valid to 14 March 2030; renewed → valid to 14 March 2033.
    expect(chainedExpiry(cycleDates('2027-03-15').expiryDate)).toBe('2033-03-14');
    // Year and month ends.
    expect(chainedExpiry('2029-12-31')).toBe('2032-12-31');
    expect(chainedExpiry('2030-01-31')).toBe('2033-01-31');
    expect(chainedExpiry('2030-04-30')).toBe('2033-04-30');
    // A cycle starting on 29 February (old expiry 28 February 2028): anniversaries fall on 28 February.
    expect(chainedExpiry('2028-02-28')).toBe('2031-02-27');
    // Old expiry 29 February 2028 (granted 1 March 2025): the new cycle starts on 1 March.
    expect(cycleDates('2025-03-01').expiryDate).toBe('2028-02-29');
    expect(chainedExpiry('2028-02-29')).toBe('2031-02-28');
  });

  it('chains when the decision is taken on or before the expiry date, effective on the decision day', () => {
    expect(renewalOutcome({ oldExpiry: '2030-03-14', decisionDate: '2030-01-10', activities: done })).toEqual({ outcome: 'chain', effectiveDate: '2030-01-10', expiryDate: '2033-03-14', cycleStart: '2030-03-15' });
    expect(renewalOutcome({ oldExpiry: '2030-03-14', decisionDate: '2030-03-14', activities: done })).toMatchObject({ outcome: 'chain', expiryDate: '2033-03-14' });
  });

  it('restores within 6 months after expiry when the outstanding activities are completed, the lapse not covered', () => {
    expect(renewalOutcome({ oldExpiry: '2030-03-14', decisionDate: '2030-03-15', activities: done })).toEqual({
      outcome: 'restore',
      effectiveDate: '2030-03-15',
      expiryDate: '2033-03-14',
      cycleStart: '2030-03-15',
      lapsedFrom: '2030-03-15',
      lapsedTo: '2030-03-14',
      restoreBy: '2030-09-14',
    });
    expect(renewalOutcome({ oldExpiry: '2030-03-14', decisionDate: '2030-09-14', activities: done })).toMatchObject({ outcome: 'restore', effectiveDate: '2030-09-14', expiryDate: '2033-03-14', lapsedTo: '2030-09-13' });
  });

  it('requires a new stage 2 once the window has passed, or when the activities are outstanding', () => {
    expect(renewalOutcome({ oldExpiry: '2030-03-14', decisionDate: '2030-09-15', activities: done })).toEqual({ outcome: 'new_stage2_required', reason: 'restoration_window_passed', restoreBy: '2030-09-14' });
    expect(renewalOutcome({ oldExpiry: '2030-03-14', decisionDate: '2030-04-01', activities: { recertificationReported: false, nonconformitiesCleared: true } })).toEqual({
      outcome: 'new_stage2_required',
      reason: 'activities_outstanding',
      restoreBy: '2030-09-14',
    });
    expect(renewalOutcome({ oldExpiry: '2030-03-14', decisionDate: '2030-04-01', activities: { recertificationReported: true, nonconformitiesCleared: false } })).toMatchObject({ reason: 'activities_outstanding' });
  });

  it('counts the restoration window in calendar months, month ends and leap days included', () => {
    expect(restorationDeadline('2027-08-31')).toBe('2028-02-29');
    expect(restorationDeadline('2026-08-31')).toBe('2027-02-28');
    expect(restorationDeadline('2029-12-31')).toBe('2030-06-30');
    expect(restorationDeadline('2028-02-29')).toBe('2028-08-29');
  });

  it('dates the next cycle’s audits from the renewal decision, recertification before the new expiry', () => {
    expect(nextCycleDueDates('2030-01-10', '2033-03-14')).toEqual({ surveillance1DueBy: '2031-01-09', surveillance2DueBy: '2032-01-09', recertificationDueBy: '2033-03-13' });
  });

  it('always gives a renewed certificate three years, give or take the day-before convention, and never goes back', () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(day, (oldExpiry) => {
        const next = chainedExpiry(oldExpiry);
        const days = (Date.parse(next) - Date.parse(oldExpiry)) / 86_400_000;
        return days >= 1094 && days <= 1097;
      }),
    );
  });
});
