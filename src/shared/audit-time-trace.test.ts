import { describe, expect, it } from 'vitest';
import { ZAuditTimeInputs } from './contracts/audit-time.ts';
import { auditTimeTableLabel, auditTimeTraceLines, formatDays } from './audit-time-trace.ts';
import { calculateAuditTime } from '../server/modules/certification/audit-time/audit-time-rules.ts';
import { DEFAULT_AUDIT_TIME_TABLE } from '../server/modules/certification/audit-time/default-table.ts';

const table = { source: 'default' as const, version: 1, name: 'x', config: DEFAULT_AUDIT_TIME_TABLE };
const busy = calculateAuditTime(
  ZAuditTimeInputs.parse({
    employeesFullTime: 12_000,
    employeesPartTime: 10,
    partTimeFte: 4.5,
    sites: 10,
    aiSystems: 60,
    highRiskAiSystems: 3,
    aiRoles: ['provider', 'user'],
    sectorRisk: 'low',
    aimsMaturity: 'mature',
    existingCertifications: ['iso27001', 'iso9001', 'iso27701'],
    integratedAudit: true,
  }),
  table,
);
const tiny = calculateAuditTime(ZAuditTimeInputs.parse({ employeesFullTime: 3, aiSystems: 1, aiRoles: ['user'], sectorRisk: 'medium', aimsMaturity: 'established' }), table);

describe('audit-time trace in words', () => {
  it('says every step in English with its figures', () => {
    const en = auditTimeTraceLines(busy.trace, 'en');
    expect(en).toHaveLength(busy.trace.length);
    expect(en.join('\n')).not.toMatch(/undefined|NaN|\[object/);
    expect(en[0]).toBe('Effective personnel: 12,000 full-time + 10 part-time (4.5 FTE) = 12,005 people (a started person counts as one).');
    expect(en[1]).toBe('Base from the table: 12,005 people, band over 10,700 → 21\u00a0days, of which 1 × 1\u00a0day per 2,000 people beyond the table.');
    expect(en).toContain('Reductions add up to 35%, capped at 30% (IAF MD5).');
    expect(en).toContain('AI role (provider, user: several roles): +15%.');
    expect(en).toContain('Certified management system ISO/IEC 27001: −10%.');
    expect(en.find((l) => l.startsWith('Sites:'))).toBe(
      'Sites: 10 (the central function, always audited, and 9 others). Sampled besides the central function (IAF MD1): initial audit ⌈√9⌉ = 3, surveillance ⌈0.6·√9⌉ = 2, recertification ⌈0.8·√9⌉ = 3; at least 1 chosen at random.',
    );
    expect(auditTimeTraceLines(tiny.trace, 'en')).toContain('Initial audit (stage 1 + stage 2): 3\u00a0days.');
    expect(auditTimeTraceLines(tiny.trace, 'en')).toContain('A single site: no sampling.');
  });

  it('says it in French, with French typography', () => {
    const fr = auditTimeTraceLines(busy.trace, 'fr');
    const all = fr.join('\n');
    expect(all).not.toMatch(/undefined|NaN|\[object/);
    expect(all).not.toContain("'");
    // A space before : ; ? ! % must not break.
    expect(all).not.toMatch(/ [:;?!%]/);
    expect(fr[0]).toBe('Effectif\u00a0: 12\u202f000 à temps plein + 10 à temps partiel (4,5\u00a0ETP) = 12\u202f005 personnes (une personne entamée compte pour une).');
    expect(fr).toContain('Réductions cumulées de 35\u00a0%, plafonnées à 30\u00a0% (IAF MD5).');
    expect(fr).toContain('Rôle vis-à-vis de l’IA (fournisseur, utilisateur, plusieurs rôles)\u00a0: +15\u00a0%.');
    expect(auditTimeTraceLines(tiny.trace, 'fr')).toContain('Audit initial (étape 1 + étape 2)\u00a0: 3\u00a0jours.');
  });

  it('writes days the way each language does', () => {
    expect([formatDays('en', 0.5), formatDays('en', 1), formatDays('en', 1.5)]).toEqual(['0.5\u00a0day', '1\u00a0day', '1.5\u00a0days']);
    expect([formatDays('fr', 0.5), formatDays('fr', 1.5), formatDays('fr', 2)]).toEqual(['0,5\u00a0jour', '1,5\u00a0jour', '2\u00a0jours']);
  });

  it('names the table', () => {
    expect(auditTimeTableLabel({ source: 'default', version: 1, name: 'x' }, 'fr')).toBe('Tableau par défaut d’Attest, version 1');
    expect(auditTimeTableLabel({ source: 'body', version: 4, name: 'Vérité 2027' }, 'en')).toBe('Vérité 2027, version 4');
  });
});
