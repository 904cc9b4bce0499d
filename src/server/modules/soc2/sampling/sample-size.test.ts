import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLE_SIZE_TABLE, sampleSize, ZSampleSizeMethod, ZSampleSizeTable } from './sample-size.ts';

const table = (frequency: Parameters<typeof sampleSize>[1] & { method: 'frequency-table' }) => sampleSize(100_000, frequency).size;
const m = (frequency: 'annual' | 'quarterly' | 'monthly' | 'weekly' | 'daily' | 'many_per_day' | 'automated', risk: 'lower' | 'moderate' | 'higher' = 'lower', priorFailure = false) =>
  ({ method: 'frequency-table', frequency, risk, priorFailure }) as const;

describe('sampleSize', () => {
  it('gives the facts-sheet conventional sizes, the upper end for higher risk or a prior failure', () => {
    expect([table(m('annual')), table(m('quarterly')), table(m('monthly')), table(m('weekly')), table(m('daily')), table(m('automated'))]).toEqual([1, 2, 2, 5, 25, 1]);
    expect([table(m('many_per_day', 'lower')), table(m('many_per_day', 'moderate')), table(m('many_per_day', 'higher'))]).toEqual([25, 40, 60]);
    expect([table(m('monthly', 'higher')), table(m('weekly', 'higher')), table(m('daily', 'higher'))]).toEqual([5, 15, 40]);
    expect(sampleSize(100_000, m('daily', 'lower', true))).toMatchObject({ column: 'higher', size: 40, tableVersion: 'attest-soc2-conventional-v1' });
    expect(sampleSize(100_000, m('many_per_day', 'moderate', true)).size).toBe(60);
  });

  it('counts automated controls per configuration', () => {
    expect(sampleSize(10, { ...m('automated'), configurations: 3 })).toMatchObject({ configurations: 3, tableSize: 3, size: 3 });
    expect(sampleSize(10, { ...m('daily'), configurations: 3 })).toMatchObject({ configurations: 1, size: 10, tableSize: 25, cappedByPopulation: true });
  });

  it('never exceeds the population', () => {
    expect(sampleSize(3, m('daily'))).toMatchObject({ size: 3, cappedByPopulation: true });
    expect(sampleSize(0, m('annual'))).toMatchObject({ size: 0 });
    expect(sampleSize(4, { method: 'fixed', size: 9 })).toEqual({ method: 'fixed', requested: 9, populationSize: 4, size: 4, cappedByPopulation: true });
  });

  it('offers a percentage of the population with a minimum and a maximum', () => {
    const p = { method: 'percentage', percent: 10, min: 5, max: 60 } as const;
    expect(sampleSize(1_000_000, p)).toEqual({ method: 'percentage', percent: 10, min: 5, max: 60, computed: 60, populationSize: 1_000_000, size: 60, cappedByPopulation: false });
    expect(sampleSize(300, p).size).toBe(30);
    expect(sampleSize(7, p)).toMatchObject({ computed: 5, size: 5 });
    expect(sampleSize(3, p)).toMatchObject({ computed: 5, size: 3, cappedByPopulation: true });
    expect(sampleSize(1001, { ...p, percent: 0.1 }).size).toBe(5);
    expect(sampleSize(70, { ...p, percent: 10, min: 1 }).size).toBe(7);
  });

  it('takes a firm table and validates tables and methods', () => {
    const firm = { version: 'firm-2026', rows: { ...DEFAULT_SAMPLE_SIZE_TABLE.rows, daily: { lower: 20, moderate: 30, higher: 40 } } };
    expect(ZSampleSizeTable.parse(firm)).toEqual(firm);
    expect(sampleSize(365, m('daily', 'moderate'), firm)).toMatchObject({ tableVersion: 'firm-2026', size: 30 });
    expect(ZSampleSizeTable.safeParse({ ...firm, rows: { ...firm.rows, daily: { lower: 30, moderate: 20, higher: 40 } } }).success).toBe(false);
    expect(ZSampleSizeMethod.safeParse({ method: 'percentage', percent: 10, min: 9, max: 5 }).success).toBe(false);
    expect(() => sampleSize(-1, m('daily'))).toThrow(RangeError);
  });
});
