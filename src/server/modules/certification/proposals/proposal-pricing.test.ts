import { describe, expect, it } from 'vitest';
import { feeCents, priceLine, sortLines, totalsOf } from './proposal-pricing.ts';

describe('proposal pricing', () => {
  it('prices half days exactly in cents', () => {
    expect(feeCents(2.5, 150_000)).toBe(375_000);
    expect(feeCents(0.5, 1_001)).toBe(501);
    expect(feeCents(0, 150_000)).toBe(0);
  });

  it('adds travel and expenses to each line; years, the cycle and the fixed part add up', () => {
    const rate = 145_000;
    const lines = sortLines(
      [
        { slot: 'recertification' as const, days: 3, travelCents: 20_000, expensesCents: 5_000 },
        { slot: 'stage1' as const, days: 1.5, travelCents: 20_000, expensesCents: 0 },
        { slot: 'stage2' as const, days: 3, travelCents: 20_000, expensesCents: 12_000 },
        { slot: 'surveillance1' as const, days: 1.5, travelCents: 20_000, expensesCents: 0 },
        { slot: 'surveillance2' as const, days: 1.5, travelCents: 20_000, expensesCents: 0 },
      ].map((l) => priceLine({ ...l, dayRateCents: rate })),
    );
    expect(lines.map((l) => [l.slot, l.cycleYear, l.feeFixed, l.amountCents])).toEqual([
      ['stage1', 1, true, 237_500],
      ['stage2', 1, true, 467_000],
      ['surveillance1', 2, true, 237_500],
      ['surveillance2', 3, false, 237_500],
      ['recertification', 3, false, 460_000],
    ]);
    expect(totalsOf(lines)).toEqual({
      years: [
        { year: 1, days: 4.5, amountCents: 704_500 },
        { year: 2, days: 1.5, amountCents: 237_500 },
        { year: 3, days: 4.5, amountCents: 697_500 },
      ],
      cycleDays: 10.5,
      cycleCents: 1_639_500,
      fixedCents: 942_000,
    });
  });
});
