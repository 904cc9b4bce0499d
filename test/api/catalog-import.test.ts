import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendAvailable, createTestApp, tenantWithOwner, type TClient, type TTestApp } from '../support/test-app.ts';

const YAML = { 'content-type': 'application/yaml' };
const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

const frameworkYaml = (id: string, version = '1', extra = '') => `framework:
  id: ${id}
  version: "${version}"
  edition: { en: "ACME AI Policy ${version}", fr: "Politique IA ACME ${version}" }
  publisher: { en: "ACME Certification", fr: "ACME Certification" }
  title: { en: "ACME responsible AI scheme", fr: "Référentiel ACME d’IA responsable" }
  description: { en: "Our own scheme.", fr: "Notre propre référentiel." }
requirements:
  - ref: "G1"
    kind: group
    parent: null
    title: { en: "Governance", fr: "Gouvernance" }
  - ref: "G1.1"
    kind: control
    parent: "G1"
    title: { en: "Board oversight of AI", fr: "Supervision de l’IA par le conseil" }
    description: { en: "The board reviews AI risks yearly.", fr: "Le conseil revoit les risques d’IA chaque année." }
  - ref: "G1.2"
    kind: control
    parent: "G1"
    title: { en: "AI register", fr: "Registre des systèmes d’IA" }
${extra}`;

async function workbook(rows: (string | boolean | null)[][], header: Record<string, string>) {
  const wb = new ExcelJS.Workbook();
  const fs = wb.addWorksheet('Framework');
  fs.addRow(['field', 'value']);
  for (const [k, v] of Object.entries(header)) fs.addRow([k, v]);
  const rs = wb.addWorksheet('Requirements');
  rs.addRow(['ref', 'kind', 'parent', 'normative', 'title_en', 'title_fr', 'description_en', 'description_fr']);
  for (const r of rows) rs.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const xlsxHeader = (id: string) => ({
  id,
  version: '2025',
  edition_en: 'Bank AI 2025',
  edition_fr: 'Banque IA 2025',
  publisher_en: 'Banque',
  publisher_fr: 'Banque',
  title_en: 'Bank AI controls',
  title_fr: 'Mesures IA de la banque',
  description_en: 'Internal controls.',
  description_fr: 'Mesures internes.',
});

describe.skipIf(!backendAvailable)('catalog: custom frameworks (YAML and XLSX import, XLSX export)', () => {
  let t: TTestApp;
  let owner: Awaited<ReturnType<typeof tenantWithOwner>>;
  let c: TClient;
  const importUrl = () => `/api/tenants/${owner.tenant.id}/catalog/frameworks/import`;
  const storedVersions = (id: string) => t.p.db.selectFrom('catalog_frameworks').select(['version', 'is_current']).where('id', '=', id).orderBy('version').execute();
  const storedRequirements = async (id: string) =>
    Number((await t.p.db.selectFrom('catalog_requirements').select((eb) => eb.fn.countAll().as('n')).where('framework_id', '=', id).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp();
    owner = await tenantWithOwner(t, 'certification_body');
    c = owner.c;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports a YAML framework, visible to the tenant as a custom framework, and audits it', async () => {
    const res = await c.post(importUrl(), frameworkYaml('acme-ai-scheme'), YAML);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'created', framework: { id: 'acme-ai-scheme', version: '1', custom: true, counts: { group: 1, control: 2 } } });
    const list = (await c.get('/api/catalog/frameworks')).json().items as { id: string; custom: boolean }[];
    expect(list.find((f) => f.id === 'acme-ai-scheme')).toMatchObject({ custom: true });
    const tree = (await c.get('/api/catalog/frameworks/acme-ai-scheme')).json();
    expect(tree.requirements.map((r: { ref: string }) => r.ref)).toEqual(['G1', 'G1.1', 'G1.2']);
    expect(tree.requirements[2].description).toEqual({ en: '', fr: '' });
    const events = (await c.get(`/api/tenants/${owner.tenant.id}/audit-events?action=catalog.framework_imported`)).json().items;
    expect(events[0]).toMatchObject({ subjectId: 'acme-ai-scheme@1' });
    expect((await c.get('/api/catalog/search?q=registre')).json().items).toContainEqual(expect.objectContaining({ frameworkId: 'acme-ai-scheme', ref: 'G1.2' }));
  });

  it('versions like the built-in catalogs: same content is a no-op, changed content needs a new version', async () => {
    expect((await c.post(importUrl(), frameworkYaml('acme-ai-scheme'), YAML)).json().status).toBe('unchanged');
    const changed = frameworkYaml('acme-ai-scheme').replace('AI register', 'AI inventory');
    const refused = await c.post(importUrl(), changed, YAML);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/new version/);
    const v2 = await c.post(importUrl(), changed.replace('version: "1"', 'version: "2"'), YAML);
    expect(v2.statusCode).toBe(201);
    expect(await storedVersions('acme-ai-scheme')).toEqual([
      { version: '1', is_current: false },
      { version: '2', is_current: true },
    ]);
    const current = (await c.get('/api/catalog/frameworks/acme-ai-scheme/requirements/G1.2')).json();
    expect(current.requirement.title.en).toBe('AI inventory');
    const old = (await c.get('/api/catalog/frameworks/acme-ai-scheme/requirements/G1.2?version=1')).json();
    expect(old.requirement.title.en).toBe('AI register');
  });

  it('rejects a YAML file with a bad entry, naming its line, and imports nothing', async () => {
    const bad = frameworkYaml('acme-bad', '1', `  - ref: "G1.3"\n    kind: control\n    parent: "G9"\n    title: { en: "Orphan", fr: "Orphelin" }\n`);
    const res = await c.post(importUrl(), bad, YAML);
    expect(res.statusCode).toBe(400);
    const line = bad.split('\n').findIndex((l) => l.includes('parent: "G9"')) + 1;
    expect(res.json().message).toBe(`Line ${line}: requirement "G1.3": parent "G9" does not exist. Nothing was imported.`);
    expect(res.json().details).toEqual([{ line, reason: 'requirement "G1.3": parent "G9" does not exist' }]);
    expect(await storedVersions('acme-bad')).toEqual([]);

    const noFrench = frameworkYaml('acme-bad').replace('fr: "Registre des systèmes d’IA" ', '');
    const res2 = await c.post(importUrl(), noFrench, YAML);
    expect(res2.statusCode).toBe(400);
    expect(res2.json().message).toMatch(/^Line \d+: requirement "G1\.2": title\.fr is missing/);

    // The edition and the publisher are seen in the French UI too; a ref written in words needs its French form.
    const englishOnly = frameworkYaml('acme-bad')
      .replace(/publisher: .*/, 'publisher: ACME Certification')
      .replace('  - ref: "G1.2"', '  - ref: "Annex B"');
    const res3 = await c.post(importUrl(), englishOnly, YAML);
    expect(res3.statusCode).toBe(400);
    expect(res3.json().details).toEqual([
      { line: 5, reason: 'framework.publisher must have an English (en) and a French (fr) text' },
      { line: 18, reason: 'requirement "Annex B": label.fr is missing: a ref written in words needs its French form (label: { en: "Annex B", fr: "…" })' },
    ]);
  });

  it('refuses NUL and lone surrogates in a YAML value with a 400 naming the line, and imports nothing (issue 7 §4)', async () => {
    const withNul = frameworkYaml('acme-nul').replace('title: { en: "AI register"', 'title: { en: "AI\\0register"');
    const withSurrogate = frameworkYaml('acme-surrogate').replace('ref: "G1.2"', 'ref: "G1.\\uD8002"');
    for (const [id, body, field] of [
      ['acme-nul', withNul, 'title.en'],
      ['acme-surrogate', withSurrogate, 'ref'],
    ] as const) {
      const res = await c.post(importUrl(), body, YAML);
      expect(res.statusCode).toBe(400);
      const line = body.split('\n').findIndex((l) => l.includes('\\0') || l.includes('\\uD800')) + 1;
      expect(res.json().details).toEqual([{ line, reason: expect.stringMatching(new RegExp(`${field.replace('.', '\\.')} contains characters that cannot be stored`)) }]);
      expect(await storedVersions(id)).toEqual([]);
    }
  });

  it('imports an XLSX workbook and reports a bad row by its number, importing nothing', async () => {
    const ok = await workbook(
      [
        ['B1', 'group', null, true, 'Models', 'Modèles', null, null],
        ['B1.1', 'control', 'B1', true, 'Model validation', 'Validation des modèles', 'Validate before use.', 'Valider avant usage.'],
        ['B1.2', 'control', 'B1', false, 'Model inventory', 'Inventaire des modèles', null, null],
      ],
      xlsxHeader('bank-ai-controls'),
    );
    const res = await c.post(importUrl(), ok, XLSX);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().framework.counts).toEqual({ group: 1, control: 2 });

    const bad = await workbook(
      [
        ['B1', 'group', null, true, 'Models', 'Modèles', null, null],
        ['B1.1', 'control', 'B1', true, 'Model validation', null, null, null],
        ['B1.2', 'control', 'B1', true, 'Model inventory', 'Inventaire', null, null],
      ],
      xlsxHeader('bank-ai-bad'),
    );
    const rejected = await c.post(importUrl(), bad, XLSX);
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().message).toBe('Requirements row 3: requirement "B1.1": title_fr is missing. Nothing was imported.');
    expect(rejected.json().details).toEqual([{ sheet: 'Requirements', row: 3, reason: 'requirement "B1.1": title_fr is missing' }]);
    expect(await storedVersions('bank-ai-bad')).toEqual([]);
    expect(await storedRequirements('bank-ai-bad')).toBe(0);
  });

  it('refuses garbage, unknown types and oversized bodies with a clear 4xx', async () => {
    const garbage = await c.post(importUrl(), Buffer.from('PK\u0003\u0004 definitely not a zip'), XLSX);
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().message).toMatch(/not a readable XLSX workbook/);
    const notYaml = await c.post(importUrl(), 'framework: [unclosed', YAML);
    expect(notYaml.statusCode).toBe(400);
    expect(notYaml.json().message).toMatch(/^Line 1: YAML/);
    const list = await c.post(importUrl(), '- just\n- a list\n', YAML);
    expect(list.statusCode).toBe(400);
    const csv = await c.post(importUrl(), 'ref,kind\n', { 'content-type': 'text/csv' });
    expect(csv.statusCode).toBe(415);
    expect(csv.json().message).toMatch(/application\/yaml/);
    const empty = await c.post(importUrl(), '', YAML);
    expect(empty.statusCode).toBe(400);
    const huge = await c.post(importUrl(), Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), YAML);
    expect(huge.statusCode).toBe(413);
    expect(huge.json().message).toMatch(/5 MB/);
  });

  it('exports XLSX that imports back to the same content', async () => {
    const exported = await c.get('/api/catalog/frameworks/bank-ai-controls/xlsx');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toBe('attachment; filename="bank-ai-controls-2025.xlsx"');
    const again = await c.post(importUrl(), exported.rawPayload, XLSX);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().status).toBe('unchanged');

    // A built-in framework, exported and re-imported under another id, comes back whole.
    const soc2 = await c.get('/api/catalog/frameworks/soc2-tsc-2017/xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(soc2.rawPayload as unknown as ArrayBuffer);
    wb.getWorksheet('Framework')!.getRow(2).getCell(2).value = 'soc2-copy';
    const copy = await c.post(importUrl(), Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    expect(copy.statusCode, copy.body).toBe(201);
    const strip = (tree: { requirements: object[] }) => tree.requirements.map((r) => ({ ...r, mappingCount: 0 }));
    const original = (await c.get('/api/catalog/frameworks/soc2-tsc-2017')).json();
    const imported = (await c.get('/api/catalog/frameworks/soc2-copy')).json();
    expect(strip(imported)).toEqual(strip(original));
    expect(imported.counts).toEqual(original.counts);
  });

  it("hides a tenant's custom framework from other tenants and refuses its id to them", async () => {
    const other = await tenantWithOwner(t);
    for (const url of ['/api/catalog/frameworks/acme-ai-scheme', '/api/catalog/frameworks/acme-ai-scheme/requirements/G1.1', '/api/catalog/frameworks/acme-ai-scheme/oscal', '/api/catalog/frameworks/acme-ai-scheme/xlsx']) {
      expect((await other.c.get(url)).statusCode, url).toBe(404);
    }
    expect(((await other.c.get('/api/catalog/frameworks')).json().items as { id: string }[]).map((f) => f.id)).not.toContain('acme-ai-scheme');
    const found = (await other.c.get('/api/catalog/search?q=registre')).json().items as { frameworkId: string }[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((r) => r.frameworkId)).not.toContain('acme-ai-scheme');
    const taken = await other.c.post(`/api/tenants/${other.tenant.id}/catalog/frameworks/import`, frameworkYaml('acme-ai-scheme', '9'), YAML);
    expect(taken.statusCode).toBe(409);
    expect((await other.c.post(importUrl(), frameworkYaml('sneaky'), YAML)).statusCode).toBe(404);
    expect((await other.c.post(`/api/tenants/${other.tenant.id}/catalog/frameworks/import`, frameworkYaml('iso-iec-42001-2023', '2023'), YAML)).statusCode).toBe(409);
  });

  it('needs an administrator role to import; reading stays open to every member', async () => {
    await t.p.db.updateTable('memberships').set({ role: 'auditor' }).where('tenant_id', '=', owner.tenant.id).where('user_id', '=', owner.user.id).execute();
    try {
      expect((await c.post(importUrl(), frameworkYaml('acme-other'), YAML)).statusCode).toBe(403);
      expect((await c.get('/api/catalog/frameworks/acme-ai-scheme')).statusCode).toBe(200);
    } finally {
      await t.p.db.updateTable('memberships').set({ role: 'scheme_manager' }).where('tenant_id', '=', owner.tenant.id).where('user_id', '=', owner.user.id).execute();
    }
  });
});
