import type { TAuditTimeInputs, TAuditTimeResult, TAuditTimeTableConfig, TAuditTimeTableRef, TFactorKind, TTraceStep } from '../../../../shared/contracts/audit-time.ts';

/*
 * The audit-time rules (IAF MD5 method, IAF MD1 sampling, IAF MD11 integrated audits), pure: no
 * database, no clock. Days are counted internally in half days (integers) and percentages are
 * integers, so that each rounding is exact and happens where the trace says it does; every
 * rounding is to the nearest half day, a tie going up.
 *
 * Order: base (personnel band + AI-system band) → complexity factors, summed as percentages, the
 * reductions among them capped (30 % by default) → rounded → integrated-audit reduction → minimum
 * → site visits added → stage split, surveillance and recertification from the audit before site
 * visits, each with its own site sample → least on-site time → cycle total.
 */

export type TAuditTimeTable = TAuditTimeTableRef & { config: TAuditTimeTableConfig };

type TBand = { upTo: number; days: number };
type TBeyond = { every: number; addDays: number };

const half = (days: number) => Math.round(days * 2);
const days = (halves: number) => halves / 2;
/** Nearest integer, a tie going up; `n / d` of integers, so an exact tie is represented exactly. */
const roundRatio = (n: number, d: number) => Math.round(n / d);
/** √ products that should be whole (0.6 · √25) can land a hair above it in floating point. */
const ceilSafe = (v: number) => Math.ceil(v - 1e-9);

/** The band holding `value`, or the progression past the last band. */
export function bandOf(bands: readonly TBand[], beyond: TBeyond, value: number) {
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i]!;
    if (value <= b.upTo) return { from: i === 0 ? 0 : bands[i - 1]!.upTo + 1, to: b.upTo as number | null, days: b.days, beyondSteps: 0 };
  }
  const last = bands.at(-1)!;
  const steps = Math.ceil((value - last.upTo) / beyond.every);
  return { from: last.upTo + 1, to: null, days: last.days + steps * beyond.addDays, beyondSteps: steps };
}

/** IAF MD1 sample size of the sites other than the central function: ⌈k·√x⌉, never more than x. */
export function siteSampleSize(otherSites: number, k: number) {
  if (otherSites <= 0) return 0;
  return Math.min(otherSites, ceilSafe(k * Math.sqrt(otherSites)));
}

/** Effective personnel (IAF MD5): full-time staff plus part-time staff as FTE, a started person counted whole. */
export const effectivePersonnel = (i: Pick<TAuditTimeInputs, 'employeesFullTime' | 'partTimeFte'>) => Math.ceil(Math.round((i.employeesFullTime + i.partTimeFte) * 100) / 100);

/** The AI role's key in the table: several roles count for more than producing AI, which counts for more than using it. */
export function aiRoleKey(roles: readonly string[]): 'user' | 'producer' | 'severalRoles' {
  if (new Set(roles).size > 1) return 'severalRoles';
  return roles.includes('provider') || roles.includes('developer') ? 'producer' : 'user';
}

export function calculateAuditTime(inputs: TAuditTimeInputs, table: TAuditTimeTable): TAuditTimeResult {
  const c = table.config;
  const trace: TTraceStep[] = [];
  const step = (code: TTraceStep['code'], params: TTraceStep['params']) => trace.push({ code, params });

  const personnel = effectivePersonnel(inputs);
  step('effective_personnel', { fullTime: inputs.employeesFullTime, partTime: inputs.employeesPartTime, partTimeFte: inputs.partTimeFte, effective: personnel });

  const pb = bandOf(c.personnelBands, c.personnelBeyond, personnel);
  step('base_personnel', { personnel, from: Math.max(pb.from, 1), to: pb.to, days: pb.days, beyondSteps: pb.beyondSteps, every: c.personnelBeyond.every, addDays: c.personnelBeyond.addDays });
  const ab = bandOf(c.aiSystemBands, c.aiSystemsBeyond, inputs.aiSystems);
  step('base_ai_systems', { aiSystems: inputs.aiSystems, from: ab.from, to: ab.to, days: ab.days, beyondSteps: ab.beyondSteps, every: c.aiSystemsBeyond.every, addDays: c.aiSystemsBeyond.addDays });
  const baseHalves = half(pb.days) + half(ab.days);
  step('base_total', { days: days(baseHalves) });

  const factors: { kind: TFactorKind; pct: number; params: TTraceStep['params'] }[] = [];
  const roleKey = aiRoleKey(inputs.aiRoles);
  factors.push({ kind: 'ai_role', pct: c.factors.aiRole[roleKey], params: { roles: [...inputs.aiRoles].sort().join(','), key: roleKey } });
  const highRiskPct = Math.min(inputs.highRiskAiSystems * c.factors.highRiskPerSystem, c.factors.highRiskMax);
  factors.push({ kind: 'high_risk', pct: highRiskPct, params: { systems: inputs.highRiskAiSystems, perSystem: c.factors.highRiskPerSystem, max: c.factors.highRiskMax } });
  factors.push({ kind: 'sector_risk', pct: c.factors.sectorRisk[inputs.sectorRisk], params: { level: inputs.sectorRisk } });
  factors.push({ kind: 'aims_maturity', pct: c.factors.aimsMaturity[inputs.aimsMaturity], params: { level: inputs.aimsMaturity } });
  if (inputs.existingCertifications.length === 0) factors.push({ kind: 'certification', pct: 0, params: { certification: null } });
  for (const cert of [...inputs.existingCertifications].sort()) factors.push({ kind: 'certification', pct: -c.factors.certificationReduction[cert], params: { certification: cert } });
  for (const f of factors) step('factor', { kind: f.kind, pct: f.pct, ...f.params });

  const increases = factors.reduce((s, f) => s + Math.max(f.pct, 0), 0);
  const requestedReductions = factors.reduce((s, f) => s + Math.max(-f.pct, 0), 0);
  const reductions = Math.min(requestedReductions, c.reductionCapPct);
  if (reductions < requestedReductions) step('reduction_cap', { requested: requestedReductions, cap: c.reductionCapPct });
  const netPct = increases - reductions;
  const adjustedHalves = roundRatio(baseHalves * (100 + netPct), 100);
  step('adjusted', { base: days(baseHalves), increases, reductions, netPct, exact: (baseHalves * (100 + netPct)) / 200, days: days(adjustedHalves) });

  let coreHalves = adjustedHalves;
  if (inputs.integratedAudit && c.integratedReductionPct > 0) {
    coreHalves = roundRatio(adjustedHalves * (100 - c.integratedReductionPct), 100);
    step('integrated', { pct: c.integratedReductionPct, before: days(adjustedHalves), exact: (adjustedHalves * (100 - c.integratedReductionPct)) / 200, days: days(coreHalves) });
  }
  const minInitialHalves = half(c.minimumStage1Days) + half(c.minimumAuditDays);
  if (coreHalves < minInitialHalves) {
    step('minimum', { audit: 'initial', from: days(coreHalves), days: days(minInitialHalves) });
    coreHalves = minInitialHalves;
  }

  const otherSites = inputs.sites - 1;
  const sample = { initial: siteSampleSize(otherSites, 1), surveillance: siteSampleSize(otherSites, 0.6), recertification: siteSampleSize(otherSites, 0.8) };
  const randomAtLeast = { initial: Math.ceil(sample.initial / 4), surveillance: Math.ceil(sample.surveillance / 4), recertification: Math.ceil(sample.recertification / 4) };
  step('site_sample', { sites: inputs.sites, otherSites, ...sample, randomInitial: randomAtLeast.initial });
  const perSiteHalves = half(c.daysPerSampledSite);

  const initialSiteHalves = sample.initial * perSiteHalves;
  if (sample.initial > 0) step('site_days', { audit: 'initial', sampled: sample.initial, perSite: c.daysPerSampledSite, days: days(initialSiteHalves) });
  const initialHalves = coreHalves + initialSiteHalves;
  step('initial', { core: days(coreHalves), siteDays: days(initialSiteHalves), days: days(initialHalves) });

  const minStage1 = half(c.minimumStage1Days);
  const stage1Halves = Math.min(Math.max(roundRatio(coreHalves * c.stage1Pct, 100), minStage1), coreHalves - half(c.minimumAuditDays));
  const stage2Halves = initialHalves - stage1Halves;
  step('stage_split', { stage1Pct: c.stage1Pct, core: days(coreHalves), stage1: days(stage1Halves), stage2: days(stage2Halves), siteDays: days(initialSiteHalves) });

  const later = (audit: 'surveillance' | 'recertification', ratio: { numerator: number; denominator: number }, sampled: number) => {
    const exact = (coreHalves * ratio.numerator) / ratio.denominator / 2;
    const rounded = Math.max(roundRatio(coreHalves * ratio.numerator, ratio.denominator), half(c.minimumAuditDays));
    const siteHalves = sampled * perSiteHalves;
    step(audit, {
      numerator: ratio.numerator,
      denominator: ratio.denominator,
      core: days(coreHalves),
      exact: Math.round(exact * 100) / 100,
      rounded: days(rounded),
      minimum: c.minimumAuditDays,
      sampled,
      perSite: c.daysPerSampledSite,
      days: days(rounded + siteHalves),
    });
    return rounded + siteHalves;
  };
  const surveillanceHalves = later('surveillance', c.surveillanceRatio, sample.surveillance);
  const recertificationHalves = later('recertification', c.recertificationRatio, sample.recertification);

  // At most (100 − pct) % off site, rounded down to the half day, so that on site is never under pct %.
  const onSite = (h: number) => h - Math.floor((h * (100 - c.onSiteMinPct)) / 100);
  const onSiteMinDays = { initial: days(onSite(initialHalves)), surveillance: days(onSite(surveillanceHalves)), recertification: days(onSite(recertificationHalves)) };
  step('on_site', { pct: c.onSiteMinPct, ...onSiteMinDays });

  const cycleHalves = initialHalves + 2 * surveillanceHalves + recertificationHalves;
  step('cycle', { initial: days(initialHalves), surveillance: days(surveillanceHalves), recertification: days(recertificationHalves), days: days(cycleHalves) });

  return {
    effectivePersonnel: personnel,
    stage1Days: days(stage1Halves),
    stage2Days: days(stage2Halves),
    initialDays: days(initialHalves),
    surveillanceDays: days(surveillanceHalves),
    recertificationDays: days(recertificationHalves),
    cycleDays: days(cycleHalves),
    onSiteMinDays,
    siteSample: { sites: inputs.sites, otherSites, ...sample, randomAtLeast },
    table: { source: table.source, version: table.version, name: table.name },
    trace,
  };
}
