import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bomSchemaError } from '../../src/server/modules/ai-systems/cyclonedx-schema.ts';
import { as, buildMembership } from '../support/factories.ts';
import { backendAvailable, createTestApp, tenantWithOwner, type TClient, type TTestApp } from '../support/test-app.ts';

const JSON_CT = { 'content-type': 'application/vnd.cyclonedx+json' };
const FIELDS = ['name', 'purpose', 'lifecycleStage', 'roles', 'modelType', 'modelVersion', 'supplier', 'dataCategories', 'personalData', 'specialCategoryData', 'affectedPeople', 'humanOversight', 'intendedUse', 'knownLimitations', 'automatedDecisions', 'inAimsScope', 'bomRef'] as const;
const pick = (s: Record<string, unknown>) => Object.fromEntries(FIELDS.map((f) => [f, s[f]]));

describe.skipIf(!backendAvailable)('CycloneDX ML-BOM import and export', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const credit = {
    name: 'Credit scoring',
    purpose: 'Scores consumer credit applications.',
    lifecycleStage: 'deployed',
    roles: ['provider', 'deployer'],
    modelType: 'Gradient-boosted trees',
    modelVersion: '3.2.0',
    supplier: 'In-house',
    dataCategories: ['income', 'repayment history'],
    personalData: true,
    specialCategoryData: false,
    affectedPeople: 'Loan applicants',
    humanOversight: 'An analyst reviews every refusal.',
    intendedUse: 'Consumer credit decisions.\nLimits up to €50,000.',
    knownLimitations: 'Thin-file applicants score poorly.',
    automatedDecisions: true,
    inAimsScope: true,
  };
  const importBom = (c: TClient, tenantId: string, body: string | Buffer) => c.post(`/api/tenants/${tenantId}/ai-systems/bom`, body, JSON_CT);

  it('exports one system as a CycloneDX 1.6 BOM valid against the official schema; it imports back unchanged, and into another organization whole', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const T = `/api/tenants/${tenant.id}/ai-systems`;
    const s = (await c.post(T, { ...credit, bomRef: null })).json();
    await c.post(`${T}/${s.id}/classifications`, { answers: { annexIIIRef: 'Annex III(5)(b)' } });
    const res = await c.get(`${T}/${s.id}/bom`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/vnd\.cyclonedx\+json/);
    const bom = res.json();
    expect(bomSchemaError(bom, '1.6')).toBeNull();
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(bom.components[0]).toMatchObject({ type: 'machine-learning-model', name: 'Credit scoring', version: '3.2.0', modelCard: { considerations: { useCases: ['Consumer credit decisions.', 'Limits up to €50,000.'] } } });
    expect(bom.components[0].properties).toContainEqual({ name: 'attest:euAiActTier', value: 'high-risk' });

    const back = await importBom(c, tenant.id, res.body);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ created: 0, updated: 0, unchanged: 1, items: [{ id: s.id, outcome: 'unchanged' }] });

    const other = await tenantWithOwner(t);
    const into = (await importBom(other.c, other.tenant.id, res.body)).json();
    expect([into.created, into.items[0].name]).toEqual([1, 'Credit scoring']);
    const copy = (await other.c.get(`/api/tenants/${other.tenant.id}/ai-systems/${into.items[0].id}`)).json();
    expect(pick(copy)).toEqual(pick(s));
    const events = (await other.c.get(`/api/tenants/${other.tenant.id}/ai-systems/${copy.id}/history`)).json().items;
    expect(events[0]).toMatchObject({ action: 'ai_system.created', summary: { after: { source: 'cyclonedx', name: 'Credit scoring' } } });

    // The whole inventory, also valid.
    expect((await c.post(T, { name: 'Chatbot', lifecycleStage: 'design' })).statusCode).toBe(201);
    const all = (await c.get(`${T}/bom`)).json();
    expect(all.components.map((x: { name: string }) => x.name)).toEqual(['Chatbot', 'Credit scoring']);
    expect(bomSchemaError(all, '1.6')).toBeNull();
  });

  it('a third-party 1.5 / 1.7 ML-BOM creates systems, then updates the one with the same bom-ref or name', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const bom = (specVersion: string, description: string) =>
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion,
        version: 1,
        components: [
          { type: 'library', name: 'numpy', version: '2.0.0' },
          {
            type: 'machine-learning-model',
            'bom-ref': 'pkg:huggingface/acme/fraud@1.0',
            name: 'Fraud detection',
            version: '1.0',
            description,
            supplier: { name: 'Acme' },
            modelCard: { modelParameters: { task: 'classification' }, considerations: { technicalLimitations: ['Trained on 2023 data'] } },
            components: [{ type: 'machine-learning-model', name: 'Fraud embeddings' }],
          },
        ],
      });
    const first = (await importBom(c, tenant.id, bom('1.5', 'Flags card fraud.'))).json();
    expect([first.created, first.updated]).toEqual([2, 0]);
    const list = (await c.get(`/api/tenants/${tenant.id}/ai-systems`)).json().items;
    expect(list.map((s: { name: string; bomRef: string | null; lifecycleStage: string; supplier: string; modelType: string }) => [s.name, s.bomRef, s.lifecycleStage, s.supplier, s.modelType])).toEqual([
      ['Fraud detection', 'pkg:huggingface/acme/fraud@1.0', 'design', 'Acme', 'classification'],
      ['Fraud embeddings', null, 'design', '', ''],
    ]);
    const second = (await importBom(c, tenant.id, bom('1.7', 'Flags card and wire fraud.'))).json();
    expect([second.created, second.updated, second.unchanged]).toEqual([0, 1, 1]);
    const fraud = (await c.get(`/api/tenants/${tenant.id}/ai-systems?q=wire`)).json().items;
    expect(fraud.map((s: { name: string }) => s.name)).toEqual(['Fraud detection']);
  });

  it('an invalid, malformed, hostile or role-less import answers 4xx with the reason and path, and writes nothing', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const refused = async (body: string | Buffer, path?: string) => {
      const res = await importBom(c, tenant.id, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('bom_invalid');
      if (path) expect(res.json().details.path).toBe(path);
      return res.json().details.reason as string;
    };
    const model = { type: 'machine-learning-model', name: 'M' };
    expect(await refused('{"bomFormat": "CycloneDX", ', '$')).toMatch(/not JSON/);
    expect(await refused('', '$')).toMatch(/empty/);
    expect(await refused('['.repeat(10_000) + ']'.repeat(10_000), '$')).toMatch(/deeper than 40/);
    expect(await refused(JSON.stringify({ bomFormat: 'SPDX' }), '$.bomFormat')).toMatch(/CycloneDX/);
    expect(await refused(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.4', components: [model] }), '$.specVersion')).toMatch(/1\.5, 1\.6, 1\.7/);
    expect(await refused(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [model, { type: 'robot', name: 'R' }] }), '$.components[1].type')).toMatch(/allowed values/);
    expect(await refused(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ type: 'library', name: 'x' }] }), '$.components')).toMatch(/no machine-learning-model/);
    expect(await refused(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ ...model, name: 'n'.repeat(161) }] }))).toMatch(/160/);
    const dup = { ...model, 'bom-ref': 'same' };
    expect(await refused(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [model, { ...dup, name: 'A' }, { ...dup, name: 'B' }] }))).toMatch(/also names/);
    // The valid first component of a refused file is not written either.
    const half = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ ...model, name: 'Good' }, { ...model, name: 'Bad', properties: [{ name: 'attest:lifecycleStage', value: 'live' }] }] });
    expect(await refused(half, '$.components[1] (lifecycleStage)')).toBeTruthy();
    const huge = await importBom(c, tenant.id, Buffer.alloc(2 * 1024 * 1024 + 1, 0x20));
    expect(huge.statusCode).toBe(413);
    expect((await c.get(`/api/tenants/${tenant.id}/ai-systems`)).json().items).toEqual([]);

    const viewer = await as(t.app, await buildMembership(t.p, tenant, 'viewer'));
    const ok = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [model] });
    expect((await importBom(viewer, tenant.id, ok)).statusCode).toBe(403);
    expect((await viewer.get(`/api/tenants/${tenant.id}/ai-systems/bom`)).statusCode).toBe(200);
    const other = await tenantWithOwner(t);
    expect((await importBom(other.c, tenant.id, ok)).statusCode).toBe(404);
    const s = (await c.post(`/api/tenants/${tenant.id}/ai-systems`, { name: 'Mine', lifecycleStage: 'design' })).json();
    expect((await other.c.get(`/api/tenants/${other.tenant.id}/ai-systems/${s.id}/bom`)).statusCode).toBe(404);
    expect((await c.get(`/api/tenants/${tenant.id}/ai-systems/not-a-uuid/bom`)).statusCode).toBe(400);
  });

  it('a bom-ref that only looks like an exported one is kept as a plain bom-ref, never looked up as an id', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const ref = `attest-ai-system-${'-'.repeat(36)}`;
    const res = await importBom(c, tenant.id, JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ type: 'machine-learning-model', name: 'Look', 'bom-ref': ref }] }));
    expect([res.statusCode, res.json().created]).toEqual([200, 1]);
    expect((await c.get(`/api/tenants/${tenant.id}/ai-systems`)).json().items[0].bomRef).toBe(ref);
  });
});
