import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { againstTarget, businessDaysBetween } from './business-days.ts';

describe('business days (seed durations)', () => {
  it('counts the weekdays after the first day up to and including the last', () => {
    // 2026-11-27 is a Friday.
    expect(businessDaysBetween('2026-11-27', '2026-11-27')).toBe(0);
    expect(businessDaysBetween('2026-11-27', '2026-11-28')).toBe(0);
    expect(businessDaysBetween('2026-11-27', '2026-11-29')).toBe(0);
    expect(businessDaysBetween('2026-11-27', '2026-11-30')).toBe(1);
    expect(businessDaysBetween('2026-11-23', '2026-11-27')).toBe(4);
    expect(businessDaysBetween('2026-11-23', '2026-12-07')).toBe(10);
    expect(businessDaysBetween('2026-12-28', '2027-01-04')).toBe(5);
    expect(businessDaysBetween('2026-11-30', '2026-11-27')).toBe(0);
  });

  it('agrees with a day-by-day count', () => {
    const start = Date.UTC(2026, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 120 }), (offset, span) => {
        const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
        const a = start + offset * 86_400_000;
        let n = 0;
        for (let i = 1; i <= span; i++) {
          const d = new Date(a + i * 86_400_000).getUTCDay();
          if (d !== 0 && d !== 6) n++;
        }
        expect(businessDaysBetween(day(a), day(a + span * 86_400_000))).toBe(n);
      }),
    );
  });

  it('is overdue only past the target: a decision target of 5 business days', () => {
    expect(againstTarget('2026-11-23', '2026-11-30', 5)).toEqual({ elapsedBusinessDays: 5, targetBusinessDays: 5, overdue: false });
    expect(againstTarget('2026-11-23', '2026-12-01', 5)).toEqual({ elapsedBusinessDays: 6, targetBusinessDays: 5, overdue: true });
  });
});
