import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ZAuditTimeInputs, ZAuditTimeTableConfig, type TAuditTimeInputsIn, type TAuditTimeTableConfig } from '../../../../shared/contracts/audit-time.ts';
import { aiRoleKey, bandOf, calculateAuditTime, effectivePersonnel, siteSampleSize } from './audit-time-rules.ts';
import { DEFAULT_AUDIT_TIME_TABLE } from './default-table.ts';

const table = (config: Partial<TAuditTimeTableConfig> = {}) => ({ source: 'default' as const, version: 1, name: 'test', config: { ...DEFAULT_AUDIT_TIME_TABLE, ...config } });
const neutral: TAuditTimeInputsIn = { employeesFullTime: 40, aiSystems: 2, aiRoles: ['user'], sectorRisk: 'medium', aimsMaturity: 'established' };
const calc = (i: Partial<TAuditTimeInputsIn> = {}, config: Partial<TAuditTimeTableConfig> = {}) => calculateAuditTime(ZAuditTimeInputs.parse({ ...neutral, ...i }), table(config));
const codes = (r: ReturnType<typeof calc>) => r.trace.map((s) => s.code);
const stepOf = (r: ReturnType<typeof calc>, code: string) => r.trace.find((s) => s.code === code)?.params;

describe('audit-time rules', () => {
  it('ships a default table its own schema accepts', () => {
    expect(ZAuditTimeTableConfig.safeParse(DEFAULT_AUDIT_TIME_TABLE).success).toBe(true);
  });

  it('counts part-time staff as FTE, a started person counted whole', () => {
    expect(effectivePersonnel({ employeesFullTime: 40, partTimeFte: 5.5 })).toBe(46);
    expect(effectivePersonnel({ employeesFullTime: 40, partTimeFte: 6 })).toBe(46);
    expect(effectivePersonnel({ employeesFullTime: 0, partTimeFte: 0.3 })).toBe(1);
    // 0.1 + 0.2 is not 0.3 in floating point: still 1 person, not 2.
    expect(effectivePersonnel({ employeesFullTime: 1, partTimeFte: 0.1 + 0.2 - 0.3 })).toBe(1);
  });

  it('finds the band, and follows the progression past the last one', () => {
    const bands = [{ upTo: 5, days: 1 }, { upTo: 10, days: 2 }];
    expect(bandOf(bands, { every: 100, addDays: 1 }, 5)).toMatchObject({ from: 0, to: 5, days: 1 });
    expect(bandOf(bands, { every: 100, addDays: 1 }, 6)).toMatchObject({ from: 6, to: 10, days: 2 });
    expect(bandOf(bands, { every: 100, addDays: 1 }, 11)).toMatchObject({ from: 11, to: null, days: 3, beyondSteps: 1 });
    expect(bandOf(bands, { every: 100, addDays: 1 }, 110)).toMatchObject({ days: 3 });
    expect(bandOf(bands, { every: 100, addDays: 1 }, 111)).toMatchObject({ days: 4, beyondSteps: 2 });
    expect(calc({ employeesFullTime: 12_700 }).trace[1]!.params).toMatchObject({ days: 21, beyondSteps: 1, to: null });
  });

  it('orders AI roles: several roles > producing AI > using it', () => {
    expect(aiRoleKey(['user'])).toBe('user');
    expect(aiRoleKey(['provider'])).toBe('producer');
    expect(aiRoleKey(['developer'])).toBe('producer');
    expect(aiRoleKey(['provider', 'user'])).toBe('severalRoles');
    const user = calc({ aiRoles: ['user'], employeesFullTime: 200 }).initialDays;
    const producer = calc({ aiRoles: ['provider'], employeesFullTime: 200 }).initialDays;
    const several = calc({ aiRoles: ['developer', 'user'], employeesFullTime: 200 }).initialDays;
    expect(user).toBeLessThan(producer);
    expect(producer).toBeLessThanOrEqual(several);
  });

  it('caps the reductions at 30 % of the table value', () => {
    // mature (−10) + low sector (−5) + 27001 (−10) + 9001 (−5) + 27701 (−5) = −35 → −30.
    const r = calc({ employeesFullTime: 600, aimsMaturity: 'mature', sectorRisk: 'low', existingCertifications: ['iso27001', 'iso9001', 'iso27701'] });
    expect(stepOf(r, 'reduction_cap')).toEqual({ requested: 35, cap: 30 });
    // base 9 (426–625) + 0 (2 AI systems) → 9 × 70 % = 6.3 → 6.5.
    expect(stepOf(r, 'adjusted')).toMatchObject({ base: 9, increases: 0, reductions: 30, netPct: -30, exact: 6.3, days: 6.5 });
    // A body cannot configure more than IAF MD5 allows.
    expect(ZAuditTimeTableConfig.safeParse({ ...DEFAULT_AUDIT_TIME_TABLE, reductionCapPct: 35 }).success).toBe(false);
    // Increases are not capped, and the cap bears on reductions only.
    const up = calc({ employeesFullTime: 600, aimsMaturity: 'initial', sectorRisk: 'high', aiRoles: ['provider', 'user'], highRiskAiSystems: 2, aiSystems: 2 });
    expect(codes(up)).not.toContain('reduction_cap');
    expect(stepOf(up, 'adjusted')).toMatchObject({ increases: 45, reductions: 0 });
  });

  it('rounds to the nearest half day, a tie going up', () => {
    // 4.5 × 1.15 = 5.175 → 5; 7 × 1.15 = 8.05 → 8; 3.5 × 1.15 = 4.025 → 4; 5 × 1.15 = 5.75 → 6 (tie up).
    expect(stepOf(calc({ employeesFullTime: 50, aiRoles: ['provider', 'user'] }), 'adjusted')).toMatchObject({ exact: 5.175, days: 5 });
    expect(stepOf(calc({ employeesFullTime: 200, aiRoles: ['provider', 'user'] }), 'adjusted')).toMatchObject({ exact: 8.05, days: 8 });
    expect(stepOf(calc({ employeesFullTime: 20, aiRoles: ['provider', 'user'] }), 'adjusted')).toMatchObject({ exact: 4.025, days: 4 });
    expect(stepOf(calc({ employeesFullTime: 80, aiRoles: ['provider', 'user'] }), 'adjusted')).toMatchObject({ exact: 5.75, days: 6 });
    // Every figure of every result is a whole number of half days.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom<TAuditTimeInputsIn['aiRoles']>(['user'], ['provider'], ['developer', 'user']),
        fc.constantFrom('low', 'medium', 'high' as const),
        fc.constantFrom('initial', 'established', 'mature' as const),
        fc.boolean(),
        (people, ai, sites, aiRoles, sectorRisk, aimsMaturity, integrated) => {
          const r = calc({ employeesFullTime: people, aiSystems: ai, sites, aiRoles, sectorRisk, aimsMaturity, existingCertifications: ['iso27001'], integratedAudit: integrated });
          for (const v of [r.stage1Days, r.stage2Days, r.initialDays, r.surveillanceDays, r.recertificationDays, r.cycleDays, ...Object.values(r.onSiteMinDays)]) expect(Number.isInteger(v * 2)).toBe(true);
          expect(r.stage1Days + r.stage2Days).toBe(r.initialDays);
          expect(r.cycleDays).toBe(r.initialDays + 2 * r.surveillanceDays + r.recertificationDays);
          expect(r.stage1Days).toBeGreaterThanOrEqual(1);
          expect(r.surveillanceDays).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('samples sites per IAF MD1: √x initial, 0.6·√x surveillance, 0.8·√x recertification, the central function always', () => {
    expect([0, 1, 4, 9, 10, 25, 100].map((x) => siteSampleSize(x, 1))).toEqual([0, 1, 2, 3, 4, 5, 10]);
    expect([1, 4, 9, 10, 25, 100].map((x) => siteSampleSize(x, 0.6))).toEqual([1, 2, 2, 2, 3, 6]);
    expect([1, 4, 9, 10, 25, 100].map((x) => siteSampleSize(x, 0.8))).toEqual([1, 2, 3, 3, 4, 8]);
    const r = calc({ sites: 26 });
    expect(r.siteSample).toEqual({ sites: 26, otherSites: 25, initial: 5, surveillance: 3, recertification: 4, randomAtLeast: { initial: 2, surveillance: 1, recertification: 1 } });
    // 40 people, 2 AI systems, neutral: core 4; + 5 sampled sites × 0.5 day.
    expect(r.initialDays).toBe(4 + 2.5);
    expect(stepOf(r, 'surveillance')).toMatchObject({ rounded: 1.5, sampled: 3, days: 3 });
    expect(stepOf(r, 'recertification')).toMatchObject({ rounded: 2.5, sampled: 4, days: 4.5 });
    const single = calc({ sites: 1 });
    expect(single.siteSample.initial).toBe(0);
    expect(codes(single)).not.toContain('site_days');
  });

  it('takes surveillance as ⅓ and recertification as ⅔ of the initial audit before site visits', () => {
    const r = calc({ employeesFullTime: 300, aiSystems: 12 }); // 8 + 3 = 11 days
    expect(r.initialDays).toBe(11);
    expect(stepOf(r, 'surveillance')).toMatchObject({ exact: 3.67, rounded: 3.5 });
    expect(stepOf(r, 'recertification')).toMatchObject({ exact: 7.33, rounded: 7.5 });
    expect(r.cycleDays).toBe(11 + 2 * 3.5 + 7.5);
    // Surveillance never falls under the table's minimum audit.
    const small = calc({ employeesFullTime: 2, aiSystems: 1, aimsMaturity: 'mature', existingCertifications: ['iso27001'], integratedAudit: true });
    expect(small.surveillanceDays).toBe(1);
  });

  it('keeps at least 80 % of each audit on site', () => {
    const r = calc({ employeesFullTime: 300, aiSystems: 12 });
    expect(r.onSiteMinDays).toEqual({ initial: 9, surveillance: 3, recertification: 6 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 30 }), (people, ai, sites) => {
        const x = calc({ employeesFullTime: people, aiSystems: ai, sites });
        expect(x.onSiteMinDays.initial).toBeGreaterThanOrEqual(0.8 * x.initialDays);
        expect(x.onSiteMinDays.initial).toBeLessThanOrEqual(x.initialDays);
        expect(x.onSiteMinDays.surveillance).toBeGreaterThanOrEqual(0.8 * x.surveillanceDays);
        expect(x.onSiteMinDays.recertification).toBeGreaterThanOrEqual(0.8 * x.recertificationDays);
      }),
      { numRuns: 200 },
    );
  });

  it('takes a further reduction for an integrated audit (IAF MD11), outside the 30 % cap', () => {
    const plain = calc({ employeesFullTime: 600, existingCertifications: ['iso27001'] });
    const integrated = calc({ employeesFullTime: 600, existingCertifications: ['iso27001'], integratedAudit: true });
    expect(stepOf(plain, 'adjusted')).toMatchObject({ days: 8 }); // 9 × 0.9 = 8.1 → 8
    expect(stepOf(integrated, 'integrated')).toEqual({ pct: 10, before: 8, exact: 7.2, days: 7 });
    expect(integrated.initialDays).toBe(7);
    expect(ZAuditTimeInputs.safeParse({ ...neutral, integratedAudit: true }).success).toBe(false);
    expect(ZAuditTimeTableConfig.safeParse({ ...DEFAULT_AUDIT_TIME_TABLE, integratedReductionPct: 25 }).success).toBe(false);
  });

  it('adds for high-risk AI systems, up to the table’s maximum', () => {
    expect(stepOf(calc({ aiSystems: 3, highRiskAiSystems: 2 }), 'adjusted')).toMatchObject({ increases: 10 });
    expect(stepOf(calc({ aiSystems: 9, highRiskAiSystems: 9 }), 'adjusted')).toMatchObject({ increases: 20 });
  });

  it('refuses impossible inputs with the field at fault', () => {
    const issues = (i: Partial<TAuditTimeInputsIn>) => ZAuditTimeInputs.safeParse({ ...neutral, ...i }).error?.issues.map((x) => x.path.join('.'));
    expect(issues({ aiSystems: 1, highRiskAiSystems: 2 })).toEqual(['highRiskAiSystems']);
    expect(issues({ employeesPartTime: 2, partTimeFte: 3 })).toEqual(['partTimeFte']);
    expect(issues({ employeesFullTime: 0 })).toEqual(['employeesFullTime']);
    expect(issues({ aiRoles: [] })).toEqual(['aiRoles']);
    expect(issues({ aiRoles: ['user', 'user'] })).toEqual(['aiRoles']);
    expect(issues({ sites: 0 })).toEqual(['sites']);
  });

  it('names the table it used and traces every step', () => {
    const r = calculateAuditTime(ZAuditTimeInputs.parse({ ...neutral, sites: 5 }), { source: 'body', version: 3, name: 'Vérité 2027', config: DEFAULT_AUDIT_TIME_TABLE });
    expect(r.table).toEqual({ source: 'body', version: 3, name: 'Vérité 2027' });
    expect(codes(r)).toEqual([
      'effective_personnel', 'base_personnel', 'base_ai_systems', 'base_total',
      'factor', 'factor', 'factor', 'factor', 'factor',
      'adjusted', 'site_sample', 'site_days', 'initial', 'stage_split', 'surveillance', 'recertification', 'on_site', 'cycle',
    ]);
  });
});
