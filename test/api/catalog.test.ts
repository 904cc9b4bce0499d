import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendAvailable, createClient, createTestApp, tenantWithOwner, type TClient, type TTestApp } from '../support/test-app.ts';

type TReq = { ref: string; kind: string; parentRef: string | null; mappingCount: number; title: { en: string; fr: string } };

describe.skipIf(!backendAvailable)('catalog: frameworks, requirements, crosswalks, search', () => {
  let t: TTestApp;
  let c: TClient;
  const tree = async (id: string) => {
    const res = await c.get(`/api/catalog/frameworks/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; version: string; counts: Record<string, number>; requirements: TReq[] };
  };
  const childrenOf = (reqs: TReq[], parent: string) => reqs.filter((r) => r.parentRef === parent);

  beforeAll(async () => {
    t = await createTestApp();
    c = (await tenantWithOwner(t)).c;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('needs a signed-in caller', async () => {
    const anon = createClient(t.app);
    expect((await anon.get('/api/catalog/frameworks')).statusCode).toBe(401);
    expect((await anon.get('/api/catalog/frameworks/iso-iec-42001-2023')).statusCode).toBe(401);
    expect((await anon.get('/api/catalog/search?q=risk')).statusCode).toBe(401);
  });

  it('lists the built-in frameworks with their counts by kind and their mappings', async () => {
    const res = await c.get('/api/catalog/frameworks');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; custom: boolean; counts: Record<string, number>; mappingCount: number }[];
    expect(items.map((f) => f.id)).toEqual(['eu-ai-act-2024', 'iso-iec-27001-2022', 'iso-iec-42001-2023', 'nist-ai-rmf-1.0', 'soc2-tsc-2017']);
    const byId = Object.fromEntries(items.map((f) => [f.id, f]));
    expect(byId['iso-iec-42001-2023']!.counts).toMatchObject({ control: 38, objective: 9 });
    expect(byId['soc2-tsc-2017']!.counts).toMatchObject({ criterion: 61 });
    expect(byId['iso-iec-27001-2022']!.counts).toMatchObject({ control: 93 });
    expect(byId['eu-ai-act-2024']!.counts).toMatchObject({ area: 8 });
    expect(byId['nist-ai-rmf-1.0']!.counts).toEqual({ function: 4, category: 19, subcategory: 72 });
    expect(items.every((f) => f.custom === false)).toBe(true);
    // 42001 is in three crosswalks: 36 (27001) + 57 (AI Act) + 163 (NIST).
    expect(byId['iso-iec-42001-2023']!.mappingCount).toBe(36 + 57 + 163);
  });

  it('ISO/IEC 42001: 38 Annex A controls in 9 objectives, clauses 4-10 with every sub-clause', async () => {
    const fw = await tree('iso-iec-42001-2023');
    const reqs = fw.requirements;
    const objectives = reqs.filter((r) => r.kind === 'objective');
    expect(objectives.map((o) => o.ref)).toEqual(['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10']);
    const controls = reqs.filter((r) => r.kind === 'control');
    expect(controls).toHaveLength(38);
    // Every control sits under one of the 9 objectives (A.6 through its two sub-groups).
    const objectiveOf = (r: TReq): string => {
      const parent = reqs.find((p) => p.ref === r.parentRef)!;
      return parent.kind === 'objective' ? parent.ref : objectiveOf(parent);
    };
    const perObjective = Object.fromEntries(objectives.map((o) => [o.ref, controls.filter((x) => objectiveOf(x) === o.ref).length]));
    expect(perObjective).toEqual({ 'A.2': 3, 'A.3': 2, 'A.4': 5, 'A.5': 4, 'A.6': 9, 'A.7': 5, 'A.8': 4, 'A.9': 3, 'A.10': 3 });
    const clauses = new Set(reqs.filter((r) => r.kind === 'clause').map((r) => r.ref));
    for (const ref of ['4', '5', '6', '7', '8', '9', '10', '6.1.1', '6.1.2', '6.1.3', '6.1.4', '7.5.1', '7.5.2', '7.5.3', '9.2.1', '9.2.2', '9.3.1', '9.3.2', '9.3.3', '8.4', '10.2']) {
      expect(clauses.has(ref), ref).toBe(true);
    }
    expect(childrenOf(reqs, '6.1').map((r) => r.ref)).toEqual(['6.1.1', '6.1.2', '6.1.3', '6.1.4']);
    expect(childrenOf(reqs, '9.3').map((r) => r.ref)).toEqual(['9.3.1', '9.3.2', '9.3.3']);
    expect(fw.counts.clause).toBe(43);
  });

  it('SOC 2: 61 criteria, 33 CC, 3 A, 2 C, 5 PI, 18 P', async () => {
    const criteria = (await tree('soc2-tsc-2017')).requirements.filter((r) => r.kind === 'criterion');
    expect(criteria).toHaveLength(61);
    const series = (prefix: RegExp) => criteria.filter((r) => prefix.test(r.ref)).length;
    expect([series(/^CC\d/), series(/^A\d/), series(/^C\d/), series(/^PI\d/), series(/^P\d/)]).toEqual([33, 3, 2, 5, 18]);
  });

  it('ISO/IEC 27001: 93 Annex A controls, 37 + 8 + 14 + 34', async () => {
    const reqs = (await tree('iso-iec-27001-2022')).requirements;
    expect(reqs.filter((r) => r.kind === 'control')).toHaveLength(93);
    expect(['A.5', 'A.6', 'A.7', 'A.8'].map((g) => childrenOf(reqs, g).filter((r) => r.kind === 'control').length)).toEqual([37, 8, 14, 34]);
  });

  it('EU AI Act: 8 Annex III areas; NIST AI RMF: 4 functions, 19 categories, 72 subcategories', async () => {
    const ai = (await tree('eu-ai-act-2024')).requirements;
    expect(ai.filter((r) => r.kind === 'area').map((r) => r.ref)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Annex III(${n})`));
    const nist = (await tree('nist-ai-rmf-1.0')).requirements;
    expect(nist.filter((r) => r.kind === 'function').map((r) => r.ref)).toEqual(['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);
    expect(nist.filter((r) => r.kind === 'category')).toHaveLength(19);
    expect(nist.filter((r) => r.kind === 'subcategory')).toHaveLength(72);
    const perFunction = ['GOVERN', 'MAP', 'MEASURE', 'MANAGE'].map((f) => nist.filter((r) => r.kind === 'subcategory' && r.ref.startsWith(`${f} `)).length);
    expect(perFunction).toEqual([19, 18, 22, 13]);
  });

  it('the framework tree carries an ETag and answers 304 when it has not changed', async () => {
    const first = await c.get('/api/catalog/frameworks/iso-iec-42001-2023');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await c.get('/api/catalog/frameworks/iso-iec-42001-2023', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const tree42001 = first.json() as { requirements: TReq[] };
    // The body is built by PostgreSQL: its keys are exactly the documented contract.
    expect(Object.keys(tree42001).sort()).toEqual(['counts', 'custom', 'description', 'edition', 'id', 'publisher', 'requirements', 'shortTitle', 'title', 'version']);
    expect(Object.keys(tree42001.requirements[0]!).sort()).toEqual(
      ['appliesFrom', 'category', 'description', 'documentedInformation', 'kind', 'label', 'mappingCount', 'parentRef', 'ref', 'title'],
    );
    expect(tree42001.requirements.find((r) => r.ref === '6.1.2')!.mappingCount).toBeGreaterThan(0);
  });

  it('a requirement lists its crosswalks in both directions', async () => {
    const res = await c.get('/api/catalog/frameworks/iso-iec-42001-2023/requirements/6.1.2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.framework).toMatchObject({ id: 'iso-iec-42001-2023', version: '2023-r2', shortTitle: { en: 'ISO/IEC 42001', fr: 'ISO/IEC 42001' } });
    expect(body.parent).toMatchObject({ ref: '6.1' });
    expect(body.requirement).toMatchObject({ ref: '6.1.2', kind: 'clause', parentRef: '6.1', documentedInformation: expect.any(String) });
    type TM = { direction: string; relation: string; rationale: { fr: string }; other: { frameworkId: string; ref: string } };
    const m = body.mappings as TM[];
    expect(m).toContainEqual(
      expect.objectContaining({
        direction: 'outgoing',
        other: expect.objectContaining({ frameworkId: 'eu-ai-act-2024', frameworkShortTitle: { en: 'EU AI Act', fr: 'règlement européen sur l’IA' }, ref: 'Art. 9' }),
      }),
    );
    expect(m).toContainEqual(expect.objectContaining({ direction: 'outgoing', other: expect.objectContaining({ frameworkId: 'iso-iec-27001-2022', ref: '6.1.2' }) }));
    expect(m).toContainEqual(expect.objectContaining({ direction: 'incoming', other: expect.objectContaining({ frameworkId: 'nist-ai-rmf-1.0', ref: 'GOVERN 1.3' }) }));
    expect(m.every((x) => x.rationale.fr.length > 0)).toBe(true);
    expect(body.requirement.mappingCount).toBe(m.length);

    const art = await c.get(`/api/catalog/frameworks/eu-ai-act-2024/requirements/${encodeURIComponent('Art. 6')}`);
    expect(art.statusCode).toBe(200);
    expect(art.json().children.map((x: { ref: string }) => x.ref)).toEqual(['Art. 6(1)', 'Art. 6(2)', 'Art. 6(3)', 'Art. 6(4)']);
    expect(art.json().children[0].label).toEqual({ en: 'Art. 6(1)', fr: 'Art. 6, par. 1' });
    expect(art.json().parent).toEqual({ ref: 'Chapter III', label: { en: 'Chapter III', fr: 'Chapitre III' }, title: expect.objectContaining({ fr: 'Systèmes d’IA à haut risque' }) });
    expect(art.json().requirement.appliesFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The page says which act set the date, and the date the Regulation first set before the amendment.
    expect(art.json().requirement).toMatchObject({
      appliesFromOriginal: '2026-08-02',
      dateSource: { en: expect.stringContaining('Digital Omnibus on AI'), fr: expect.stringContaining('Omnibus numérique sur l’IA') },
    });

    expect((await c.get('/api/catalog/frameworks/iso-iec-42001-2023/requirements/A.99')).statusCode).toBe(404);
    expect((await c.get('/api/catalog/frameworks/no-such-framework')).statusCode).toBe(404);
  });

  it('search matches refs and titles, in English and French, without caring about accents or case', async () => {
    const search = async (q: string) => {
      const res = await c.get(`/api/catalog/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as { frameworkId: string; ref: string; title: { fr: string } }[];
    };
    const impacts = await search('impact');
    expect(impacts).toContainEqual(expect.objectContaining({ frameworkId: 'iso-iec-42001-2023', ref: 'A.5.4' }));
    const fr = await search('évaluation des impacts');
    expect(fr).toContainEqual(expect.objectContaining({ frameworkId: 'iso-iec-42001-2023', ref: 'A.5' }));
    expect(await search('EVALUATION IMPACTS')).toEqual(fr);
    expect((await search('mesures liées aux personnes'))[0]).toMatchObject({ frameworkId: 'iso-iec-27001-2022', ref: 'A.6' });
    expect((await search('A.6.2.4'))[0]).toMatchObject({ frameworkId: 'iso-iec-42001-2023', ref: 'A.6.2.4' });
    expect((await search('cc6')).map((r) => r.ref)).toEqual(expect.arrayContaining(['CC6.1', 'CC6.8']));
    expect((await search('art 9'))[0]).toMatchObject({ frameworkId: 'eu-ai-act-2024', ref: 'Art. 9' });
    expect(await search('zzzz-nothing')).toEqual([]);
    expect((await c.get('/api/catalog/search?q=')).statusCode).toBe(400);
    expect((await c.get(`/api/catalog/search?q=${'x'.repeat(101)}`)).statusCode).toBe(400);
    expect((await c.get('/api/catalog/search?q=risk&limit=3')).json().items).toHaveLength(3);
  });

  it('every framework names its edition, publisher and word refs in French', async () => {
    const items = (await c.get('/api/catalog/frameworks')).json().items as { id: string; edition: { fr: string }; publisher: { fr: string }; shortTitle: { fr: string } }[];
    const ai = items.find((f) => f.id === 'eu-ai-act-2024')!;
    expect(ai).toMatchObject({ edition: { fr: 'Règlement (UE) 2024/1689 (règlement sur l’IA)' }, publisher: { fr: 'Union européenne' }, shortTitle: { fr: 'règlement européen sur l’IA' } });
    expect(items.find((f) => f.id === 'soc2-tsc-2017')!.edition.fr).toMatch(/^Critères des services de confiance 2017/);
    const annex = (await tree('eu-ai-act-2024')).requirements.find((r) => r.ref === 'Annex III(5)(c)') as TReq & { label: { fr: string } };
    expect(annex.label.fr).toBe('Annexe III, point 5 c)');
  });

  describe('full-text search', () => {
    type TPage = { items: { frameworkId: string; ref: string; label: { fr: string } | null; title: { fr: string } }[]; total: number; nextOffset: number | null };
    const page = async (q: string, extra = '') => {
      const res = await c.get(`/api/catalog/search?q=${encodeURIComponent(q)}${extra}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as TPage;
    };

    it('searches descriptions: "human oversight" finds the ISO/IEC 42001 requirements that ask for it', async () => {
      const { items } = await page('human oversight', '&limit=50');
      const refs42001 = items.filter((r) => r.frameworkId === 'iso-iec-42001-2023').map((r) => r.ref);
      // A.3.2 and A.8.2 mention human oversight only in their descriptions, not in their titles.
      expect(refs42001).toEqual(expect.arrayContaining(['A.3.2', 'A.8.2']));
      // The AI Act's human-oversight article has it in its title: it ranks above description-only hits.
      const art14 = items.findIndex((r) => r.frameworkId === 'eu-ai-act-2024' && r.ref === 'Art. 14');
      expect(art14).toBeGreaterThanOrEqual(0);
      expect(art14).toBeLessThan(items.findIndex((r) => r.ref === 'A.3.2'));
      // Typing is searching: the last word counts as a prefix.
      expect((await page('human overs', '&limit=50')).items.map((r) => r.ref)).toEqual(expect.arrayContaining(['A.3.2', 'A.8.2']));
    });

    it('pages through "risque" with a total: more than 20 results, none lost or repeated', async () => {
      const first = await page('risque');
      expect(first.items).toHaveLength(20);
      expect(first.total).toBeGreaterThan(20);
      expect(first.nextOffset).toBe(20);
      const seen = [...first.items];
      let next = first.nextOffset;
      while (next !== null) {
        const more = await page('risque', `&offset=${next}&limit=50`);
        expect(more.total).toBe(first.total);
        seen.push(...more.items);
        next = more.nextOffset;
      }
      expect(seen).toHaveLength(first.total);
      expect(new Set(seen.map((r) => `${r.frameworkId} ${r.ref}`)).size).toBe(first.total);
      // French stems: "risques" and "risque" are the same word.
      expect((await page('risques')).total).toBe(first.total);
      const past = await page('risque', `&offset=${first.total + 5}`);
      expect(past).toEqual({ items: [], total: first.total, nextOffset: null });
    });

    it('folds French accents both ways: "integrite" finds "intégrité", "sécurité" finds "securite"', async () => {
      const { items } = await page('integrite');
      expect(items).toContainEqual(expect.objectContaining({ frameworkId: 'soc2-tsc-2017', ref: 'CC1.1', title: expect.objectContaining({ fr: 'Intégrité et éthique' }) }));
      expect((await page('INTÉGRITÉ')).total).toBe((await page('integrite')).total);
      expect((await page('chapitre iii')).items[0]).toMatchObject({ frameworkId: 'eu-ai-act-2024', ref: 'Chapter III', label: { fr: 'Chapitre III' } });
      expect((await c.get('/api/catalog/search?q=risk&offset=-1')).statusCode).toBe(400);
    });
  });
});
