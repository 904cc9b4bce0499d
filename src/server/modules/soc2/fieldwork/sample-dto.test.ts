import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLE_SIZE_TABLE, ZSoc2SamplingPolicy } from '../../../../shared/contracts/soc2-sampling.ts';
import { sampleSize } from '../sampling/sample-size.ts';
import { sizeMethodFor } from './sample-dto.ts';

const daily = { frequency: 'daily', risk: 'moderate', prior_failure: false } as const;

describe('the firm’s sampling method, as the settings store it', () => {
  it('a percentage rule saved through the settings sizes the sample and names its version', () => {
    const policy = ZSoc2SamplingPolicy.parse({ method: 'percentage', version: 'Cabinet Exact 2026', percent: 2.5, min: 10, max: 60 });
    const m = sizeMethodFor(policy, daily);
    expect(m.policyVersion).toBe('Cabinet Exact 2026');
    expect(sampleSize(1_000, m.method, m.table)).toMatchObject({ method: 'percentage', computed: 25, size: 25 });
    expect(sampleSize(100_000, m.method, m.table).size).toBe(60);
  });

  it('a firm’s own table replaces the facts-sheet one; nothing usable falls back to it', () => {
    const table = { version: 'exact-v2', rows: { ...DEFAULT_SAMPLE_SIZE_TABLE.rows, daily: { lower: 30, moderate: 30, higher: 45 } } };
    const own = sizeMethodFor(ZSoc2SamplingPolicy.parse({ method: 'frequency-table', table }), daily);
    expect(sampleSize(10_000, own.method, own.table)).toMatchObject({ tableVersion: 'exact-v2', size: 30 });
    for (const stored of [null, 'nonsense', { method: 'percentage', percent: 0 }]) {
      const d = sizeMethodFor(stored, daily);
      expect(sampleSize(10_000, d.method, d.table)).toMatchObject({ tableVersion: DEFAULT_SAMPLE_SIZE_TABLE.version, size: 25 });
    }
  });
});
