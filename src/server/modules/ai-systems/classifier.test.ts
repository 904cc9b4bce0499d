import { describe, expect, it } from 'vitest';
import { ZClassificationAnswers, type TAiOrgRole } from '../../../shared/contracts/ai-systems.ts';
import { BUILT_IN_CATALOGS_DIR, readCatalogDirCached } from '../catalog/catalog-files.ts';
import { classify, obligationsFor } from './classifier.ts';

/* Judged against the real built-in catalog file: the dates and role split are its data. */
const catalog = readCatalogDirCached(BUILT_IN_CATALOGS_DIR).frameworks.find((f) => f.framework.id === 'eu-ai-act-2024')!.framework.requirements;
const answers = (a: Partial<Record<string, unknown>>) => ZClassificationAnswers.parse(a);
const obligations = (a: Partial<Record<string, unknown>>, roles: TAiOrgRole[]) => {
  const ans = answers(a);
  return obligationsFor(classify(ans), ans, roles, catalog).map((o) => `${o.ref} ${o.appliesFrom}${o.toBeConfirmed ? ' tbc' : ''}`);
};
const HIGH_RISK_PROVIDER = ['9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20'].map((n) => `Art. ${n}`);

describe('EU AI Act classifier', () => {
  it('credit scoring (Annex III(5)(b)) is high-risk: a provider gets Arts 9–17 and the rest from 2 December 2027, to be confirmed', () => {
    const c = classify(answers({ annexIIIRef: 'Annex III(5)(b)' }));
    expect(c).toEqual({ tier: 'high-risk', route: 'annex-iii', annexIIIRef: 'Annex III(5)(b)', reasons: [{ code: 'annex_iii_use', ref: 'Annex III(5)(b)' }] });
    expect(obligations({ annexIIIRef: 'Annex III(5)(b)' }, ['provider'])).toEqual([
      'Art. 4 2025-02-02',
      ...HIGH_RISK_PROVIDER.map((r) => `${r} 2027-12-02 tbc`),
      'Art. 43 2027-12-02 tbc',
      'Art. 47 2027-12-02 tbc',
      'Art. 48 2027-12-02 tbc',
      'Art. 49 2027-12-02 tbc',
      'Art. 72 2027-12-02 tbc',
      'Art. 73 2027-12-02 tbc',
    ]);
  });

  it('a deployer of the same system gets Arts 26 and 27 (FRIA) instead; provider and deployer get both', () => {
    expect(obligations({ annexIIIRef: 'Annex III(5)(b)' }, ['deployer'])).toEqual(['Art. 4 2025-02-02', 'Art. 26 2027-12-02 tbc', 'Art. 27 2027-12-02 tbc']);
    const both = obligations({ annexIIIRef: 'Annex III(5)(b)' }, ['provider', 'deployer']);
    expect(both).toContain('Art. 9 2027-12-02 tbc');
    expect(both).toContain('Art. 27 2027-12-02 tbc');
    expect(obligations({ annexIIIRef: 'Annex III(5)(b)' }, ['importer'])).toEqual(['Art. 23 2027-12-02 tbc']);
    expect(obligations({ annexIIIRef: 'Annex III(5)(b)' }, ['distributor'])).toEqual(['Art. 24 2027-12-02 tbc']);
    expect(obligations({ annexIIIRef: 'Annex III(5)(b)' }, [])).toEqual([]);
  });

  it('an Annex I safety component takes the Annex I dates (2 August 2028); no FRIA, no EU-database registration; its product manufacturer is the provider', () => {
    const c = classify(answers({ annexISafetyComponent: true }));
    expect([c.tier, c.route, c.annexIIIRef]).toEqual(['high-risk', 'annex-i', null]);
    expect(obligations({ annexISafetyComponent: true }, ['deployer'])).toEqual(['Art. 4 2025-02-02', 'Art. 26 2028-08-02 tbc']);
    const manufacturer = obligations({ annexISafetyComponent: true }, ['product_manufacturer']);
    expect(manufacturer).toContain('Art. 9 2028-08-02 tbc');
    expect(manufacturer).not.toContain('Art. 49 2028-08-02 tbc');
  });

  it('critical infrastructure (Annex III(2)) deployers have no FRIA', () => {
    expect(obligations({ annexIIIRef: 'Annex III(2)' }, ['deployer'])).toEqual(['Art. 4 2025-02-02', 'Art. 26 2027-12-02 tbc']);
  });

  it('the Art. 6(3) exception lifts the high-risk tier, unless the system profiles people', () => {
    const exempt = classify(answers({ annexIIIRef: 'Annex III(4)', art63Exception: true, art63Reason: 'Only formats CVs.' }));
    expect([exempt.tier, exempt.route, exempt.reasons]).toEqual(['minimal', null, [{ code: 'art_6_3_exception', ref: 'Art. 6(3)' }]]);
    expect(obligations({ annexIIIRef: 'Annex III(4)', art63Exception: true, art63Reason: 'x' }, ['provider'])).toEqual(['Art. 4 2025-02-02', 'Art. 6(4) 2027-12-02 tbc']);
    const profiling = classify(answers({ annexIIIRef: 'Annex III(4)', art63Exception: true, art63Reason: 'x', profiling: true }));
    expect([profiling.tier, profiling.route, profiling.reasons.map((r) => r.code)]).toEqual(['high-risk', 'annex-iii', ['annex_iii_use', 'art_6_3_profiling']]);
  });

  it('prohibited practice wins over everything; transparency duties make a system limited and split provider and deployer', () => {
    const banned = classify(answers({ prohibitedPractice: true, annexIIIRef: 'Annex III(1)', interactsWithPeople: true }));
    expect([banned.tier, banned.route, banned.reasons[0]]).toEqual(['prohibited', null, { code: 'prohibited_practice', ref: 'Art. 5' }]);
    expect(obligations({ prohibitedPractice: true }, ['deployer'])).toEqual(['Art. 4 2025-02-02', 'Art. 5 2025-02-02']);

    const chatbot = { interactsWithPeople: true, generatesSyntheticContent: true, deepFakeOrPublicText: true };
    expect(classify(answers(chatbot)).tier).toBe('limited');
    expect(obligations(chatbot, ['provider'])).toEqual(['Art. 4 2025-02-02', 'Art. 50(1) 2026-08-02', 'Art. 50(2) 2026-08-02']);
    expect(obligations(chatbot, ['deployer'])).toEqual(['Art. 4 2025-02-02', 'Art. 50(4) 2026-08-02']);
    // A high-risk chatbot keeps its transparency duty.
    expect(obligations({ ...chatbot, annexIIIRef: 'Annex III(5)(b)' }, ['provider'])).toContain('Art. 50(1) 2026-08-02');
  });

  it('GPAI models add Arts 53 and 55 whatever the tier; nothing answered is minimal with AI literacy only', () => {
    expect(obligations({ gpaiModel: true, gpaiSystemicRisk: true }, ['provider'])).toEqual(['Art. 4 2025-02-02', 'Art. 53 2025-08-02', 'Art. 55 2025-08-02']);
    expect(classify(answers({}))).toEqual({ tier: 'minimal', route: null, annexIIIRef: null, reasons: [{ code: 'no_trigger', ref: null }] });
    expect(obligations({}, ['provider', 'deployer'])).toEqual(['Art. 4 2025-02-02']);
  });
});
