import { z } from 'zod';
import { SOC2_CATEGORIES, SOC2_PERIOD_MAX_MONTHS, SOC2_PERIOD_MIN_MONTHS, ZSoc2ReportType, type TSoc2Category } from './soc2.ts';

/*
 * The fee estimate of a SOC 2 engagement, from the cost factors a CPA firm prices on (the seed's
 * table): system complexity, the criteria categories in scope, Type I or Type II, the observation
 * period's length, documentation maturity and subservice organizations. The figures are the
 * firm's: Attest ships a default parameter set (versioned) that a firm replaces with its own.
 * Days are multiples of half a day and percentages integers, so every step is exact and a
 * reader can redo it by hand from the trace.
 */

/** Security (the common criteria) is always in scope; these are the categories a scope may add. */
export type TSoc2OptionalCategory = Exclude<TSoc2Category, 'security'>;
export const SOC2_OPTIONAL_CATEGORIES = SOC2_CATEGORIES.filter((c): c is TSoc2OptionalCategory => c !== 'security');
export const ZSoc2OptionalCategory = z.enum(SOC2_OPTIONAL_CATEGORIES as [TSoc2OptionalCategory, ...TSoc2OptionalCategory[]]);

export const SOC2_SYSTEM_COMPLEXITIES = ['low', 'moderate', 'high'] as const;
export const ZSoc2SystemComplexity = z.enum(SOC2_SYSTEM_COMPLEXITIES);
export type TSoc2SystemComplexity = z.infer<typeof ZSoc2SystemComplexity>;

export const SOC2_DOCUMENTATION_MATURITIES = ['initial', 'established', 'mature'] as const;
export const ZSoc2DocumentationMaturity = z.enum(SOC2_DOCUMENTATION_MATURITIES);
export type TSoc2DocumentationMaturity = z.infer<typeof ZSoc2DocumentationMaturity>;


const ZHalfDays = z.number().min(0).max(1000).multipleOf(0.5);
const ZPct = (min: number, max: number) => z.number().int().min(min).max(max);

export const ZSoc2FeeParameters = z.strictObject({
  /** Bumped by the firm at each change; recorded with every estimate made from it. */
  version: z.number().int().min(1).max(1_000_000),
  currency: z.literal('EUR'),
  dayRateCents: z.number().int().min(1).max(100_000_000),
  /** Days of a Security-only engagement of low complexity, before any factor: Type I, and Type II fieldwork without the period. */
  baseDays: z.strictObject({ type1: ZHalfDays.min(0.5), type2: ZHalfDays.min(0.5) }),
  /** Type II: days added per month of observation (testing spreads over the whole period). */
  daysPerObservationMonth: ZHalfDays.max(20),
  /** Percent of the core days (base + period) added by each category beyond Security. */
  categoryPct: z.strictObject({ availability: ZPct(0, 200), confidentiality: ZPct(0, 200), processing_integrity: ZPct(0, 200), privacy: ZPct(0, 200) }),
  /** Percent added (taken off when negative) for the system's complexity. */
  complexityPct: z.strictObject({ low: ZPct(-50, 300), moderate: ZPct(-50, 300), high: ZPct(-50, 300) }),
  /** Percent added (taken off when negative) for the state of the documentation and evidence. */
  maturityPct: z.strictObject({ initial: ZPct(-50, 300), established: ZPct(-50, 300), mature: ZPct(-50, 300) }),
  /** Type II after a Type I by the same firm: the description and scope already exist (the seed). */
  priorType1ReductionPct: ZPct(0, 50),
  /** Per subservice organization: carved out (its own SOC report is read, CSOCs mapped) or included (its controls tested). */
  subserviceDays: z.strictObject({ carveOut: ZHalfDays.max(20), inclusive: ZHalfDays.max(100) }),
  /** Report drafting, quality review and issue. */
  reportingDays: ZHalfDays.max(50),
  minimumDays: ZHalfDays.min(0.5).max(100),
});
export type TSoc2FeeParameters = z.infer<typeof ZSoc2FeeParameters>;

export const ZSoc2FeeInputs = z
  .strictObject({
    reportType: ZSoc2ReportType,
    /** Type II only: the observation period in whole months; null for Type I. */
    observationMonths: z.number().int().min(SOC2_PERIOD_MIN_MONTHS).max(SOC2_PERIOD_MAX_MONTHS).nullable(),
    categories: z.array(ZSoc2OptionalCategory).max(SOC2_OPTIONAL_CATEGORIES.length).refine((c) => new Set(c).size === c.length, 'Each category once.'),
    complexity: ZSoc2SystemComplexity,
    documentationMaturity: ZSoc2DocumentationMaturity,
    subserviceOrganizations: z.strictObject({ carveOut: z.number().int().min(0).max(200), inclusive: z.number().int().min(0).max(200) }),
    priorType1: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.reportType === 'type2' && v.observationMonths === null) ctx.addIssue({ code: 'custom', path: ['observationMonths'], message: 'A Type II engagement has an observation period.' });
    if (v.reportType === 'type1' && v.observationMonths !== null) ctx.addIssue({ code: 'custom', path: ['observationMonths'], message: 'A Type I engagement reports as of a date, without a period.' });
    if (v.reportType === 'type1' && v.priorType1) ctx.addIssue({ code: 'custom', path: ['priorType1'], message: 'Only a Type II follows a prior Type I.' });
  });
export type TSoc2FeeInputs = z.infer<typeof ZSoc2FeeInputs>;
export type TSoc2FeeInputsIn = z.input<typeof ZSoc2FeeInputs>;

export const SOC2_FEE_TRACE_CODES = ['base', 'observation', 'category', 'complexity', 'maturity', 'prior_type1', 'subservice_carve_out', 'subservice_inclusive', 'reporting', 'minimum', 'fee'] as const;
export const ZSoc2FeeTraceCode = z.enum(SOC2_FEE_TRACE_CODES);

/**
 * One factor's contribution: `days` added (negative when taken off) and the running total after it.
 * `labelKey` is the sentence in the `soc2Documents` i18n namespace, filled with `params`.
 */
export const ZSoc2FeeTraceStep = z.object({
  code: ZSoc2FeeTraceCode,
  labelKey: z.string(),
  params: z.record(z.string(), z.union([z.number(), z.string()])),
  days: z.number(),
  totalDays: z.number(),
});
export type TSoc2FeeTraceStep = z.infer<typeof ZSoc2FeeTraceStep>;

export const ZSoc2FeeEstimate = z.object({
  parametersVersion: z.number().int(),
  currency: z.literal('EUR'),
  dayRateCents: z.number().int(),
  days: z.number(),
  totalCents: z.number().int(),
  trace: z.array(ZSoc2FeeTraceStep),
});
export type TSoc2FeeEstimate = z.infer<typeof ZSoc2FeeEstimate>;
