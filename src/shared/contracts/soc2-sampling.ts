import { z } from 'zod';

/*
 * A CPA firm's sampling policy (body_settings.soc2_sampling): the sample-size table by control
 * frequency and risk, or a percentage of the population with a floor and a ceiling, as some firms
 * use. The figures are conventions (facts sheet section 2, "Type II sample sizes"), never rules, so
 * the firm's own version is recorded with every sample drawn from it. Shared by the server (sizes,
 * settings) and the web (the settings form shows the defaults).
 */

const ZSize = z.number().int().min(1).max(10_000);
const ZRow = z.object({ lower: ZSize, moderate: ZSize, higher: ZSize }).refine((r) => r.lower <= r.moderate && r.moderate <= r.higher, {
  message: 'sizes must not decrease with risk',
});

export const ZSampleSizeTable = z.object({
  version: z.string().min(1).max(80),
  rows: z.object({
    annual: ZRow,
    quarterly: ZRow,
    monthly: ZRow,
    weekly: ZRow,
    daily: ZRow,
    many_per_day: ZRow,
    automated: ZRow,
  }),
});
export type TSampleSizeTable = z.infer<typeof ZSampleSizeTable>;

/**
 * The facts-sheet defaults. Where the sheet gives a range, `lower`/`moderate` take its usual figure
 * and `higher` its upper end ("upper end for higher risk or a prior failure"); many-times-a-day has
 * three risk-based figures 25 / 40 / 60. Automated is per configuration (times the configurations
 * tested). The ranges' low ends (monthly 2, weekly 5, daily 20) are not used by default.
 */
export const DEFAULT_SAMPLE_SIZE_TABLE: TSampleSizeTable = {
  version: 'attest-soc2-conventional-v1',
  rows: {
    annual: { lower: 1, moderate: 1, higher: 1 },
    quarterly: { lower: 2, moderate: 2, higher: 2 },
    monthly: { lower: 2, moderate: 2, higher: 5 },
    weekly: { lower: 5, moderate: 5, higher: 15 },
    daily: { lower: 25, moderate: 25, higher: 40 },
    many_per_day: { lower: 25, moderate: 40, higher: 60 },
    automated: { lower: 1, moderate: 1, higher: 1 },
  },
};

/** The firm's method: the table (its own version of it) or a percentage of the population within [min, max]. */
export const ZSoc2SamplingPolicy = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('frequency-table'), table: ZSampleSizeTable }),
  z
    .strictObject({
      method: z.literal('percentage'),
      version: z.string().min(1).max(80),
      percent: z.number().gt(0).max(100),
      min: z.number().int().min(1).max(10_000),
      max: z.number().int().min(1).max(100_000),
    })
    .refine((m) => m.min <= m.max, { message: 'min must not exceed max', path: ['max'] }),
]);
export type TSoc2SamplingPolicy = z.infer<typeof ZSoc2SamplingPolicy>;

export const DEFAULT_SOC2_SAMPLING_POLICY: TSoc2SamplingPolicy = { method: 'frequency-table', table: DEFAULT_SAMPLE_SIZE_TABLE };
