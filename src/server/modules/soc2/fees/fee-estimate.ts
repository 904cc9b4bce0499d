import type { TSoc2FeeEstimate, TSoc2FeeInputs, TSoc2FeeParameters, TSoc2FeeTraceStep } from '../../../../shared/contracts/soc2-fees.ts';
import { SOC2_OPTIONAL_CATEGORIES } from '../../../../shared/contracts/soc2-fees.ts';
import { feeCents } from '../../../../shared/proposal-pricing.ts';

/*
 * The fee estimate of a SOC 2 engagement, a pure function of the firm's parameters and the scope.
 * Order: the core days (base, plus the observation period for a Type II), the categories beyond
 * Security as percentages of the core, then complexity, documentation maturity and a prior Type I
 * as multipliers of what precedes, then the subservice organizations and reporting as flat days,
 * then the firm's minimum. All arithmetic is in half days (integers), each step rounded to the
 * nearest half day, so the trace adds up exactly and every multiplier keeps the order of its
 * input (a larger scope never costs less: the property tests hold the firm's parameters to it).
 */

/** Attest's shipped parameters; a firm records its own versions (the figures are conventions, not rules). */
export const DEFAULT_SOC2_FEE_PARAMETERS: TSoc2FeeParameters = {
  version: 1,
  currency: 'EUR',
  dayRateCents: 125_000,
  baseDays: { type1: 10, type2: 14 },
  daysPerObservationMonth: 1.5,
  categoryPct: { availability: 15, confidentiality: 15, processing_integrity: 25, privacy: 35 },
  complexityPct: { low: 0, moderate: 25, high: 60 },
  maturityPct: { initial: 25, established: 0, mature: -10 },
  priorType1ReductionPct: 15,
  subserviceDays: { carveOut: 0.5, inclusive: 3 },
  reportingDays: 3,
  minimumDays: 5,
};

const NS = 'feeTrace';

export function estimateSoc2Fee(params: TSoc2FeeParameters, inputs: TSoc2FeeInputs): TSoc2FeeEstimate {
  const trace: TSoc2FeeTraceStep[] = [];
  // Half days as integers: h = days × 2.
  let h = 0;
  const step = (code: TSoc2FeeTraceStep['code'], labelKey: string, addH: number, p: Record<string, number | string> = {}) => {
    h += addH;
    trace.push({ code, labelKey: `${NS}.${labelKey}`, params: p, days: addH / 2, totalDays: h / 2 });
  };
  const scale = (pct: number) => Math.round((h * (100 + pct)) / 100) - h;

  const type2 = inputs.reportType === 'type2';
  step('base', type2 ? 'baseType2' : 'baseType1', params.baseDays[inputs.reportType] * 2, { days: params.baseDays[inputs.reportType] });
  if (type2 && inputs.observationMonths !== null) {
    step('observation', 'observation', inputs.observationMonths * params.daysPerObservationMonth * 2, { months: inputs.observationMonths, perMonth: params.daysPerObservationMonth });
  }
  const coreH = h;
  // In the catalog's order whatever order the scope lists them in, so the trace reads the same.
  for (const c of SOC2_OPTIONAL_CATEGORIES.filter((c) => inputs.categories.includes(c))) {
    const pct = params.categoryPct[c];
    step('category', `category.${c}`, Math.round((coreH * pct) / 100), { pct, coreDays: coreH / 2 });
  }
  const complexity = params.complexityPct[inputs.complexity];
  if (complexity !== 0) step('complexity', `complexity.${inputs.complexity}`, scale(complexity), { pct: complexity });
  const maturity = params.maturityPct[inputs.documentationMaturity];
  if (maturity !== 0) step('maturity', `maturity.${inputs.documentationMaturity}`, scale(maturity), { pct: maturity });
  if (type2 && inputs.priorType1 && params.priorType1ReductionPct > 0) step('prior_type1', 'priorType1', scale(-params.priorType1ReductionPct), { pct: params.priorType1ReductionPct });
  const { carveOut, inclusive } = inputs.subserviceOrganizations;
  if (carveOut > 0) step('subservice_carve_out', 'subserviceCarveOut', carveOut * params.subserviceDays.carveOut * 2, { count: carveOut, perOrganization: params.subserviceDays.carveOut });
  if (inclusive > 0) step('subservice_inclusive', 'subserviceInclusive', inclusive * params.subserviceDays.inclusive * 2, { count: inclusive, perOrganization: params.subserviceDays.inclusive });
  if (params.reportingDays > 0) step('reporting', 'reporting', params.reportingDays * 2, { days: params.reportingDays });
  if (h < params.minimumDays * 2) step('minimum', 'minimum', params.minimumDays * 2 - h, { days: params.minimumDays });

  const days = h / 2;
  const totalCents = feeCents(days, params.dayRateCents);
  trace.push({ code: 'fee', labelKey: `${NS}.fee`, params: { days, dayRateCents: params.dayRateCents, totalCents }, days: 0, totalDays: days });
  return { parametersVersion: params.version, currency: params.currency, dayRateCents: params.dayRateCents, days, totalCents, trace };
}
