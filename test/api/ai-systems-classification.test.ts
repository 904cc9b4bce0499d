import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as m0017 from '../../src/server/db/migrations/0017-classification-roles-ia-reviews.ts';
import { aiSystemFacts } from '../../src/server/modules/ai-systems/ai-systems-lookup.ts';
import { as, buildMembership } from '../support/factories.ts';
import { backendAvailable, createTestApp, tenantWithOwner, type TTestApp } from '../support/test-app.ts';

type TObligation = { ref: string; appliesFrom: string; toBeConfirmed: boolean; roles: string[] };

describe.skipIf(!backendAvailable)('EU AI Act classification of an AI system', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('credit scoring → high-risk (Annex III(5)(b)) with the provider obligations of Arts 9–17 from 2 December 2027, to be confirmed; versions kept', async () => {
    const { c, tenant, user } = await tenantWithOwner(t);
    const T = `/api/tenants/${tenant.id}/ai-systems`;
    const s = (await c.post(T, { name: 'Credit scoring', lifecycleStage: 'deployed', roles: ['provider'] })).json();

    const q = (await c.get(`${T}/questionnaire`)).json();
    expect(q.catalogVersion).toBe('2024-omnibus-2026-r3');
    expect(q.annexIII.find((o: { ref: string }) => o.ref === 'Annex III(5)(b)')).toMatchObject({ label: { fr: 'Annexe III, point 5 b)' }, parentRef: 'Annex III(5)', isArea: false });
    expect(q.annexIII.filter((o: { isArea: boolean }) => o.isArea)).toHaveLength(8);

    const first = await c.post(`${T}/${s.id}/classifications`, { answers: { annexIIIRef: 'Annex III(5)(b)', profiling: true } });
    expect(first.statusCode, first.body).toBe(201);
    const v1 = first.json();
    expect(v1).toMatchObject({ version: 1, tier: 'high-risk', route: 'annex-iii', annexIIIRef: 'Annex III(5)(b)', catalogVersion: '2024-omnibus-2026-r3', classifiedBy: { id: user.id } });
    expect(v1.annexIIIPoint).toMatchObject({ ref: 'Annex III(5)(b)', title: { en: 'Creditworthiness and credit scoring' } });
    const byRef = Object.fromEntries((v1.obligations as TObligation[]).map((o) => [o.ref, o]));
    for (const n of [9, 10, 11, 12, 13, 14, 15, 16, 17]) expect(byRef[`Art. ${n}`]).toMatchObject({ appliesFrom: '2027-12-02', toBeConfirmed: true, roles: ['provider'] });
    expect(byRef['Art. 26']).toBeUndefined();

    expect([v1.roles, v1.rolesChanged]).toEqual([['provider'], false]);

    // The detail carries the current classification; other modules read it through the lookup.
    expect((await c.get(`${T}/${s.id}`)).json().classification).toMatchObject({ version: 1, tier: 'high-risk', route: 'annex-iii', roles: ['provider'], rolesChanged: false });
    expect((await c.get(`${T}?tier=high-risk`)).json().items.map((i: { id: string }) => i.id)).toEqual([s.id]);

    // The organization also deploys it: version 1 still says what it was made for (the provider's
    // obligations, no Art. 26) and is flagged for re-classification, never silently rewritten.
    await c.patch(`${T}/${s.id}`, { roles: ['deployer', 'provider'] });
    const stale = (await c.get(`${T}/${s.id}/classifications`)).json().items[0];
    expect([stale.version, stale.roles, stale.rolesChanged]).toEqual([1, ['provider'], true]);
    expect(stale.obligations).toEqual(v1.obligations);
    expect((await c.get(`${T}/${s.id}`)).json().classification).toMatchObject({ version: 1, roles: ['provider'], rolesChanged: true });

    // Re-classified as an Annex I safety component for both roles: dates move to 2 August 2028,
    // the deployer's Art. 26 joins (Art. 27 is for Annex III systems), version 1 stays as it was.
    const analyst = await buildMembership(t.p, tenant, 'contributor');
    const contributor = await as(t.app, analyst);
    const res2 = await contributor.post(`${T}/${s.id}/classifications`, { answers: { annexISafetyComponent: true } });
    expect(res2.statusCode, res2.body).toBe(201);
    const v2 = res2.json();
    expect([v2.version, v2.route, v2.obligations.find((o: TObligation) => o.ref === 'Art. 9').appliesFrom]).toEqual([2, 'annex-i', '2028-08-02']);
    expect([v2.roles, v2.rolesChanged]).toEqual([['deployer', 'provider'], false]);
    expect((v2.obligations as TObligation[]).filter((o) => o.roles.includes('deployer')).map((o) => o.ref)).toContain('Art. 26');
    expect((await c.get(`${T}/${s.id}`)).json().classification).toMatchObject({ version: 2, rolesChanged: false });
    // Ticking the same roles in another order is no change of role.
    await c.patch(`${T}/${s.id}`, { roles: ['provider', 'deployer'] });
    expect((await c.get(`${T}/${s.id}`)).json().classification.rolesChanged).toBe(false);
    const all = (await c.get(`${T}/${s.id}/classifications`)).json().items;
    expect(all.map((x: { version: number; route: string; classifiedBy: { id: string }; rolesChanged: boolean }) => [x.version, x.route, x.classifiedBy.id, x.rolesChanged])).toEqual([
      [2, 'annex-i', analyst.id, false],
      [1, 'annex-iii', user.id, true],
    ]);
    expect((await aiSystemFacts(t.p.db, tenant.id, [s.id])).get(s.id)!.classification).toEqual({ version: 2, tier: 'high-risk', route: 'annex-i', annexIIIRef: null });
    const events = (await c.get(`${T}/${s.id}/history`)).json().items.filter((e: { action: string }) => e.action === 'ai_system.classified');
    expect(events.map((e: { summary: unknown }) => e.summary)).toEqual([
      { before: { version: 1, route: 'annex-iii', annexIIIRef: 'Annex III(5)(b)', roles: ['provider'] }, after: { version: 2, route: 'annex-i', annexIIIRef: null, roles: ['deployer', 'provider'] } },
      { before: null, after: { version: 1, tier: 'high-risk', route: 'annex-iii', annexIIIRef: 'Annex III(5)(b)', roles: ['provider'] } },
    ]);
  });

  it('refuses answers that do not hold together, an unknown Annex III point, a viewer, a retired system and another tenant’s system', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const T = `/api/tenants/${tenant.id}/ai-systems`;
    const s = (await c.post(T, { name: 'Hiring', lifecycleStage: 'design', roles: ['deployer'] })).json();
    const C = `${T}/${s.id}/classifications`;
    const field = async (body: unknown) => {
      const res = await c.post(C, body);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().details.map((d: { field: string }) => d.field);
    };
    expect(await field({ answers: { art63Exception: true, art63Reason: 'x' } })).toEqual(['answers.art63Exception']);
    expect(await field({ answers: { annexIIIRef: 'Annex III(4)', art63Exception: true } })).toEqual(['answers.art63Reason']);
    expect(await field({ answers: { gpaiSystemicRisk: true } })).toEqual(['answers.gpaiSystemicRisk']);
    expect(await field({ answers: { annexIIIRef: 'Annex III(9)' } })).toEqual(['answers.annexIIIRef']);
    expect(await field({ answers: { annexIIIRef: 'Art. 9' } })).toEqual(['answers.annexIIIRef']);
    expect(await field({ answers: { prohibitedPractice: 'yes' } })).toEqual(['answers.prohibitedPractice']);
    expect(await field({ answers: { art63Reason: 'r'.repeat(4001) } })).toEqual(['answers.art63Reason']);
    expect(await field({})).toEqual(['answers']);
    expect((await c.get(`${T}/${s.id}/classifications`)).json().items).toEqual([]);

    const exempt = (await c.post(C, { answers: { annexIIIRef: 'Annex III(4)', art63Exception: true, art63Reason: 'Only schedules interviews.' } })).json();
    expect([exempt.tier, exempt.route, exempt.annexIIIRef, exempt.annexIIIPoint.ref]).toEqual(['minimal', null, null, 'Annex III(4)']);

    const viewer = await as(t.app, await buildMembership(t.p, tenant, 'viewer'));
    expect((await viewer.post(C, { answers: {} })).statusCode).toBe(403);
    expect((await viewer.get(C)).statusCode).toBe(200);
    const other = await tenantWithOwner(t);
    expect((await other.c.post(`/api/tenants/${other.tenant.id}/ai-systems/${s.id}/classifications`, { answers: {} })).statusCode).toBe(404);
    expect((await other.c.get(`/api/tenants/${other.tenant.id}/ai-systems/${s.id}/classifications`)).statusCode).toBe(404);
    expect((await c.post(`${T}/00000000-0000-4000-8000-000000000000/classifications`, { answers: {} })).statusCode).toBe(404);

    await c.patch(`${T}/${s.id}`, { lifecycleStage: 'retired' });
    const retired = await c.post(C, { answers: {} });
    expect([retired.statusCode, retired.json().code]).toEqual([409, 'ai_system_retired']);
  });

  it('migration 0017 gives versions recorded before it the system’s roles of the day', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const T = `/api/tenants/${tenant.id}/ai-systems`;
    const s = (await c.post(T, { name: 'Credit scoring', lifecycleStage: 'deployed', roles: ['provider'] })).json();
    await c.post(`${T}/${s.id}/classifications`, { answers: { annexIIIRef: 'Annex III(5)(b)', profiling: true } });
    await c.patch(`${T}/${s.id}`, { roles: ['provider', 'deployer'] });
    // This file's database is its own: the migration is rolled back and run again over its rows.
    await m0017.down(t.p.db as never);
    await m0017.up(t.p.db as never);
    const v1 = (await c.get(`${T}/${s.id}/classifications`)).json().items[0];
    expect([v1.roles, v1.rolesChanged]).toEqual([['provider', 'deployer'], false]);
    expect((v1.obligations as TObligation[]).find((o) => o.ref === 'Art. 26')).toMatchObject({ roles: ['deployer'] });
    const bad = await t.p.db
      .updateTable('ai_system_classifications')
      .set({ roles: ['owner' as never] })
      .where('tenant_id', '=', tenant.id)
      .execute()
      .then(
        () => null,
        (e: Error) => e.message,
      );
    expect(bad).toMatch(/roles_check/);
  });

  it('the catalog’s applicability fields survive an XLSX export and re-import', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const xlsx = await c.get('/api/catalog/frameworks/eu-ai-act-2024/xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    wb.getWorksheet('Framework')!.getRow(2).getCell(2).value = 'ai-act-copy';
    const res = await c.post(`/api/tenants/${tenant.id}/catalog/frameworks/import`, Buffer.from(await wb.xlsx.writeBuffer()), {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(res.statusCode, res.body).toBe(201);
    const extras = async (id: string) =>
      (await t.p.db.selectFrom('catalog_requirements').select(['ref', 'extra']).where('framework_id', '=', id).orderBy('position').execute()).map((r) => [r.ref, r.extra]);
    const copy = await extras('ai-act-copy');
    expect(copy).toEqual(await extras('eu-ai-act-2024').then((rows) => rows.slice(0, copy.length)));
    expect(copy.find(([ref]) => ref === 'Art. 27')![1]).toMatchObject({ applicability: { roles: ['deployer'], routes: ['annex-iii'], exceptAnnexIII: ['Annex III(2)'] }, dateToBeConfirmed: true });
  });
});
