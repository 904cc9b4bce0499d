import { z } from 'zod';
import { DEFAULT_SAMPLE_SIZE_TABLE, type TSampleSizeTable } from '../../../../shared/contracts/soc2-sampling.ts';
import { SOC2_CONTROL_FREQUENCIES, SOC2_CONTROL_RISKS, type TSoc2ControlFrequency, type TSoc2ControlRisk } from '../../../../shared/contracts/soc2.ts';

/*
 * How many items to test for a control over a Type II period. The conventional table is the
 * facts sheet's (section 2, "Type II sample sizes": convention, not an AICPA rule), so a firm can
 * replace it or use another method; whatever was used is returned as a trace to store with the sample.
 */

// The lead's closed lists (migration 0032's CHECK constraints read the same values).
export const CONTROL_FREQUENCIES = SOC2_CONTROL_FREQUENCIES;
export type TControlFrequency = TSoc2ControlFrequency;
export const CONTROL_RISKS = SOC2_CONTROL_RISKS;
export type TControlRisk = TSoc2ControlRisk;

// The table and its defaults live in the shared contract: the firm's settings page edits them.
export { DEFAULT_SAMPLE_SIZE_TABLE, ZSampleSizeTable, type TSampleSizeTable } from '../../../../shared/contracts/soc2-sampling.ts';

export const ZSampleSizeMethod = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('frequency-table'),
    frequency: z.enum(CONTROL_FREQUENCIES),
    risk: z.enum(CONTROL_RISKS),
    priorFailure: z.boolean(),
    /** Automated controls: configurations tested (1 by default). */
    configurations: z.number().int().min(1).max(1000).optional(),
  }),
  z.object({
    method: z.literal('percentage'),
    percent: z.number().gt(0).max(100),
    min: z.number().int().min(1).max(10_000),
    max: z.number().int().min(1).max(100_000),
  }).refine((m) => m.min <= m.max, { message: 'min must not exceed max' }),
  z.object({ method: z.literal('fixed'), size: z.number().int().min(1).max(100_000) }),
]);
export type TSampleSizeMethod = z.infer<typeof ZSampleSizeMethod>;

export type TSampleSizeTrace =
  | {
      method: 'frequency-table';
      tableVersion: string;
      frequency: TControlFrequency;
      risk: TControlRisk;
      priorFailure: boolean;
      /** The risk column read: `higher` whenever there was a prior failure. */
      column: TControlRisk;
      configurations: number;
      tableSize: number;
      populationSize: number;
      size: number;
      cappedByPopulation: boolean;
    }
  | { method: 'percentage'; percent: number; min: number; max: number; computed: number; populationSize: number; size: number; cappedByPopulation: boolean }
  | { method: 'fixed'; requested: number; populationSize: number; size: number; cappedByPopulation: boolean };

/** Sample size and its trace; never more than the population (an empty population gives 0). */
export function sampleSize(populationSize: number, method: TSampleSizeMethod, table: TSampleSizeTable = DEFAULT_SAMPLE_SIZE_TABLE): TSampleSizeTrace {
  if (!Number.isInteger(populationSize) || populationSize < 0) throw new RangeError('population size must be a whole number ≥ 0');
  const cap = (n: number) => ({ size: Math.min(n, populationSize), cappedByPopulation: n > populationSize });
  switch (method.method) {
    case 'frequency-table': {
      const column: TControlRisk = method.priorFailure ? 'higher' : method.risk;
      const configurations = method.frequency === 'automated' ? (method.configurations ?? 1) : 1;
      const tableSize = table.rows[method.frequency][column] * configurations;
      return {
        method: 'frequency-table',
        tableVersion: table.version,
        frequency: method.frequency,
        risk: method.risk,
        priorFailure: method.priorFailure,
        column,
        configurations,
        tableSize,
        populationSize,
        ...cap(tableSize),
      };
    }
    case 'percentage': {
      // Integer arithmetic on hundredths of a percent so 0.1 + 0.2 style errors cannot move a size.
      const hundredths = Math.round(method.percent * 100);
      const raw = Math.ceil((populationSize * hundredths) / 10_000);
      const computed = Math.min(method.max, Math.max(method.min, raw));
      return { method: 'percentage', percent: method.percent, min: method.min, max: method.max, computed, populationSize, ...cap(computed) };
    }
    case 'fixed':
      return { method: 'fixed', requested: method.size, populationSize, ...cap(method.size) };
  }
}
