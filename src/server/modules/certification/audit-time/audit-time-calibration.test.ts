import { describe, expect, it } from 'vitest';
import { ZAuditTimeInputs, type TAuditTimeInputsIn } from '../../../../shared/contracts/audit-time.ts';
import { calculateAuditTime } from './audit-time-rules.ts';
import { DEFAULT_AUDIT_TIME_TABLE, DEFAULT_TABLE_NAME, DEFAULT_TABLE_VERSION } from './default-table.ts';

/*
 * The default table against the seed's indicative durations of an initial audit (stage 1 +
 * stage 2): small (1–50 people, 1–3 AI systems) 3–5 days; mid-size (50–250, 4–10) 6–10 days;
 * large (250+, 10+) 10–20+ days. The profiles share their edges (50, 250, 10); here an edge belongs
 * to the smaller profile: mid-size starts at 51 people, large at 251 people and 11 AI systems.
 * Each profile is checked over its whole personnel range and AI-system range, for every AI role
 * (an organization that only uses AI, one that produces it, one with several roles), on a single
 * site, in a medium-risk sector, with an established AIMS and no certified management system:
 * the profile as the seed states it, before factors it does not mention.
 */

const DEFAULT = { source: 'default' as const, version: DEFAULT_TABLE_VERSION, name: DEFAULT_TABLE_NAME, config: DEFAULT_AUDIT_TIME_TABLE };
const ROLES: TAuditTimeInputsIn['aiRoles'][] = [['user'], ['provider'], ['developer'], ['provider', 'user'], ['provider', 'developer', 'user']];
const initial = (people: number, ai: number, aiRoles: TAuditTimeInputsIn['aiRoles']) =>
  calculateAuditTime(ZAuditTimeInputs.parse({ employeesFullTime: people, aiSystems: ai, aiRoles, sectorRisk: 'medium', aimsMaturity: 'established' }), DEFAULT).initialDays;

function range(people: [number, number], ai: [number, number]) {
  const out: number[] = [];
  for (let p = people[0]; p <= people[1]; p++) for (let a = ai[0]; a <= ai[1]; a++) for (const r of ROLES) out.push(initial(p, a, r));
  return { min: Math.min(...out), max: Math.max(...out) };
}

describe('default audit-time table: the seed’s three profiles', () => {
  it('small Paris startup (1–50 people, 1–3 AI systems): 3–5 days', () => {
    const r = range([1, 50], [1, 3]);
    expect(r.min).toBeGreaterThanOrEqual(3);
    expect(r.max).toBeLessThanOrEqual(5);
  });

  it('mid-size Paris company (51–250 people, 4–10 AI systems): 6–10 days', () => {
    const r = range([51, 250], [4, 10]);
    expect(r.min).toBeGreaterThanOrEqual(6);
    expect(r.max).toBeLessThanOrEqual(10);
  });

  it('large Paris enterprise (251+ people, 11+ AI systems): 10–20+ days', () => {
    const r = range([251, 1200], [11, 30]);
    expect(r.min).toBeGreaterThanOrEqual(10);
    // "20+": the largest enterprises go past 20 days, and nothing shrinks as they grow.
    expect(initial(10_000, 60, ['provider', 'user'])).toBeGreaterThan(20);
    let last = 0;
    for (const people of [251, 500, 1000, 2000, 5000, 10_000, 20_000]) {
      const d = initial(people, 11, ['user']);
      expect(d).toBeGreaterThanOrEqual(last);
      last = d;
    }
  });

  it('one typical organization per profile, with its stages', () => {
    const startup = calculateAuditTime(ZAuditTimeInputs.parse({ employeesFullTime: 18, employeesPartTime: 4, partTimeFte: 2, aiSystems: 2, aiRoles: ['provider'], sectorRisk: 'medium', aimsMaturity: 'initial' }), DEFAULT);
    const midSize = calculateAuditTime(ZAuditTimeInputs.parse({ employeesFullTime: 140, aiSystems: 7, highRiskAiSystems: 2, aiRoles: ['provider', 'user'], sectorRisk: 'high', aimsMaturity: 'established', existingCertifications: ['iso27001'], sites: 2 }), DEFAULT);
    const large = calculateAuditTime(ZAuditTimeInputs.parse({ employeesFullTime: 1800, aiSystems: 24, highRiskAiSystems: 5, aiRoles: ['developer', 'user'], sectorRisk: 'high', aimsMaturity: 'established', existingCertifications: ['iso27001', 'iso9001'], sites: 6 }), DEFAULT);
    expect(startup.initialDays).toBeGreaterThanOrEqual(3);
    expect(startup.initialDays).toBeLessThanOrEqual(5);
    expect(midSize.initialDays).toBeGreaterThanOrEqual(6);
    expect(midSize.initialDays).toBeLessThanOrEqual(10);
    expect(large.initialDays).toBeGreaterThanOrEqual(10);
    expect({ startup: [startup.stage1Days, startup.stage2Days, startup.cycleDays], midSize: [midSize.stage1Days, midSize.stage2Days, midSize.cycleDays], large: [large.stage1Days, large.stage2Days, large.cycleDays] }).toMatchInlineSnapshot(`
      {
        "large": [
          6.5,
          16,
          53.5,
        ],
        "midSize": [
          3,
          7,
          24,
        ],
        "startup": [
          1,
          3,
          9.5,
        ],
      }
    `);
  });
});
