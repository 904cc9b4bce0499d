import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOC2_DOCUMENTATION_MATURITIES, SOC2_OPTIONAL_CATEGORIES, SOC2_SYSTEM_COMPLEXITIES, ZSoc2FeeInputs, ZSoc2FeeParameters, type TSoc2FeeInputs } from '../../../../shared/contracts/soc2-fees.ts';
import { DEFAULT_SOC2_FEE_PARAMETERS as P, estimateSoc2Fee } from './fee-estimate.ts';
import { soc2FeeTraceLines } from './fee-trace-lines.ts';
import { feeCents } from '../../../../shared/proposal-pricing.ts';

const type2 = (o: Partial<TSoc2FeeInputs> = {}): TSoc2FeeInputs =>
  ZSoc2FeeInputs.parse({ reportType: 'type2', observationMonths: 6, categories: [], complexity: 'low', documentationMaturity: 'established', subserviceOrganizations: { carveOut: 0, inclusive: 0 }, ...o });

const arbInputs = fc
  .record({
    reportType: fc.constantFrom('type1' as const, 'type2' as const),
    months: fc.integer({ min: 3, max: 12 }),
    categories: fc.subarray([...SOC2_OPTIONAL_CATEGORIES]),
    complexity: fc.constantFrom(...SOC2_SYSTEM_COMPLEXITIES),
    documentationMaturity: fc.constantFrom(...SOC2_DOCUMENTATION_MATURITIES),
    carveOut: fc.integer({ min: 0, max: 20 }),
    inclusive: fc.integer({ min: 0, max: 20 }),
    priorType1: fc.boolean(),
  })
  .map(
    (r): TSoc2FeeInputs => ({
      reportType: r.reportType,
      observationMonths: r.reportType === 'type2' ? r.months : null,
      categories: r.categories,
      complexity: r.complexity,
      documentationMaturity: r.documentationMaturity,
      subserviceOrganizations: { carveOut: r.carveOut, inclusive: r.inclusive },
      priorType1: r.reportType === 'type2' && r.priorType1,
    }),
  );

/** Firm parameters a firm could record (within the schema's bounds). */
const arbParams = fc
  .record({
    dayRateCents: fc.integer({ min: 1, max: 500_000 }),
    t1: fc.integer({ min: 1, max: 60 }),
    t2: fc.integer({ min: 1, max: 60 }),
    perMonth: fc.integer({ min: 0, max: 8 }),
    cat: fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 })),
    cx: fc.integer({ min: -50, max: 300 }),
    mat: fc.integer({ min: -50, max: 300 }),
    prior: fc.integer({ min: 0, max: 50 }),
    carve: fc.integer({ min: 0, max: 40 }),
    incl: fc.integer({ min: 0, max: 200 }),
    minimum: fc.integer({ min: 1, max: 200 }),
  })
  .map((r) =>
    ZSoc2FeeParameters.parse({
      ...P,
      dayRateCents: r.dayRateCents,
      baseDays: { type1: r.t1 / 2, type2: r.t2 / 2 },
      daysPerObservationMonth: r.perMonth / 2,
      categoryPct: { availability: r.cat[0], confidentiality: r.cat[1], processing_integrity: r.cat[2], privacy: r.cat[3] },
      complexityPct: { low: r.cx, moderate: r.cx, high: r.cx },
      maturityPct: { initial: r.mat, established: r.mat, mature: r.mat },
      priorType1ReductionPct: r.prior,
      subserviceDays: { carveOut: r.carve / 2, inclusive: r.incl / 2 },
      minimumDays: r.minimum / 2,
    }),
  );

describe('SOC 2 fee estimate', () => {
  it('ships default parameters its own schema accepts', () => {
    expect(ZSoc2FeeParameters.parse(DEFAULT_SOC2_FEE_PARAMETERS_COPY())).toEqual(P);
  });

  it('prices a Type II over 6 months, Security + Availability + Processing Integrity, step by step', () => {
    const e = estimateSoc2Fee(P, type2({ categories: ['processing_integrity', 'availability'], complexity: 'moderate', subserviceOrganizations: { carveOut: 2, inclusive: 0 } }));
    // 14 + 6 × 1.5 = 23 core days; +15 % of 23 = 3.45 → 3.5; +25 % = 5.75 → 6; 32.5 × 1.25 = 40.625 → 40.5.
    expect(e.trace.map((s) => [s.code, s.days, s.totalDays])).toEqual([
      ['base', 14, 14],
      ['observation', 9, 23],
      ['category', 3.5, 26.5],
      ['category', 6, 32.5],
      ['complexity', 8, 40.5],
      ['subservice_carve_out', 1, 41.5],
      ['reporting', 3, 44.5],
      ['fee', 0, 44.5],
    ]);
    expect(e).toMatchObject({ days: 44.5, totalCents: 5_562_500, parametersVersion: 1, currency: 'EUR' });
  });

  it('lifts a tiny scope to the firm’s minimum and shows it', () => {
    const params = { ...P, baseDays: { type1: 0.5, type2: 1 }, reportingDays: 0, minimumDays: 5 };
    const e = estimateSoc2Fee(params, { ...type2(), reportType: 'type1', observationMonths: null });
    expect(e.trace.map((s) => s.code)).toEqual(['base', 'minimum', 'fee']);
    expect(e.days).toBe(5);
  });

  it('refuses inputs that mix the types', () => {
    expect(ZSoc2FeeInputs.safeParse({ ...type2(), observationMonths: null }).success).toBe(false);
    expect(ZSoc2FeeInputs.safeParse({ ...type2(), reportType: 'type1' }).success).toBe(false);
    expect(ZSoc2FeeInputs.safeParse({ ...type2(), observationMonths: 13 }).success).toBe(false);
    expect(ZSoc2FeeInputs.safeParse({ ...type2(), observationMonths: 2 }).success).toBe(false);
    expect(ZSoc2FeeInputs.safeParse({ ...type2(), categories: ['privacy', 'privacy'] }).success).toBe(false);
  });

  it('the trace adds up, in half days, to the days; the fee is days × rate in cents', () => {
    fc.assert(
      fc.property(arbParams, arbInputs, (params, inputs) => {
        const e = estimateSoc2Fee(params, inputs);
        expect(e.trace.reduce((s, x) => s + x.days, 0)).toBe(e.days);
        expect(e.trace.at(-1)!.totalDays).toBe(e.days);
        expect(Number.isInteger(e.days * 2)).toBe(true);
        expect(e.days).toBeGreaterThanOrEqual(params.minimumDays);
        expect(e.totalCents).toBe(feeCents(e.days, params.dayRateCents));
      }),
    );
  });

  it('never costs less with one more category, a longer period or one more subservice organization', () => {
    fc.assert(
      fc.property(arbParams, arbInputs, fc.constantFrom(...SOC2_OPTIONAL_CATEGORIES), (params, inputs, extra) => {
        const base = estimateSoc2Fee(params, inputs).totalCents;
        if (!inputs.categories.includes(extra)) expect(estimateSoc2Fee(params, { ...inputs, categories: [...inputs.categories, extra] }).totalCents).toBeGreaterThanOrEqual(base);
        if (inputs.observationMonths !== null && inputs.observationMonths < 12)
          expect(estimateSoc2Fee(params, { ...inputs, observationMonths: inputs.observationMonths + 1 }).totalCents).toBeGreaterThanOrEqual(base);
        const s = inputs.subserviceOrganizations;
        expect(estimateSoc2Fee(params, { ...inputs, subserviceOrganizations: { ...s, carveOut: s.carveOut + 1 } }).totalCents).toBeGreaterThanOrEqual(base);
        expect(estimateSoc2Fee(params, { ...inputs, subserviceOrganizations: { ...s, inclusive: s.inclusive + 1 } }).totalCents).toBeGreaterThanOrEqual(base);
      }),
    );
  });

  it('with the shipped parameters: Type II costs more than Type I, more complexity and less maturity cost more', () => {
    const rank = <T extends string>(order: readonly T[], key: 'complexity' | 'documentationMaturity') =>
      fc.assert(
        fc.property(arbInputs, (inputs) => {
          const fees = order.map((v) => estimateSoc2Fee(P, { ...inputs, [key]: v }).totalCents);
          for (let i = 1; i < fees.length; i++) expect(fees[i]!).toBeGreaterThanOrEqual(fees[i - 1]!);
        }),
      );
    rank(['low', 'moderate', 'high'] as const, 'complexity');
    rank(['mature', 'established', 'initial'] as const, 'documentationMaturity');
    fc.assert(
      fc.property(arbInputs, fc.integer({ min: 3, max: 12 }), (inputs, months) => {
        const t1 = estimateSoc2Fee(P, { ...inputs, reportType: 'type1', observationMonths: null, priorType1: false });
        const t2 = estimateSoc2Fee(P, { ...inputs, reportType: 'type2', observationMonths: months, priorType1: false });
        expect(t2.totalCents).toBeGreaterThan(t1.totalCents);
      }),
    );
  });

  it('puts each step in words, in English and in French', () => {
    const e = estimateSoc2Fee(P, type2({ categories: ['availability'], documentationMaturity: 'mature', priorType1: true, subserviceOrganizations: { carveOut: 1, inclusive: 1 } }));
    const en = soc2FeeTraceLines(e, 'en');
    const fr = soc2FeeTraceLines(e, 'fr');
    expect(en).toHaveLength(e.trace.length);
    expect(en[1]).toBe('Observation period of 6 months at 1.5 days a month: +9 days → 23 days');
    expect(fr[1]).toBe('Période d’observation de 6 mois à 1,5 jour(s) par mois\u00a0: +9 jours → 23 jours');
    expect(en.join('\n')).toContain('(−10%): −2.5 days → 24 days');
    expect(en[5]).toBe('1 subservice organization(s) carved out, 0.5 days each: +0.5 days → 21 days');
    expect(fr.at(-1)).toMatch(/^Honoraires estimés\u00a0: 27 jours à 1\u202f250,00\u00a0€ par jour = 33\u202f750,00\u00a0€ hors TVA$/);
  });
});

function DEFAULT_SOC2_FEE_PARAMETERS_COPY() {
  return structuredClone(P);
}
