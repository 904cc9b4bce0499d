import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiSystemFacts, aiSystemIdsOfTenant } from '../../src/server/modules/ai-systems/ai-systems-lookup.ts';
import { as, buildApiToken, buildMembership, buildTenant } from '../support/factories.ts';
import { backendAvailable, createTestApp, tenantWithOwner, type TTestApp } from '../support/test-app.ts';

describe.skipIf(!backendAvailable)('AI-system inventory', () => {
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
    supplier: '',
    dataCategories: ['income', 'repayment history'],
    personalData: true,
    specialCategoryData: false,
    affectedPeople: 'Loan applicants',
    humanOversight: 'An analyst reviews every refusal.',
    intendedUse: 'Consumer credit decisions up to €50,000.',
    knownLimitations: 'Thin-file applicants score poorly.',
    automatedDecisions: true,
    inAimsScope: true,
    bomRef: 'model-credit-scoring',
  };

  it('records, reads and changes a system; each change is one audit event with only what changed', async () => {
    const { c, tenant, user } = await tenantWithOwner(t);
    const T = `/api/tenants/${tenant.id}/ai-systems`;
    const created = await c.post(T, { ...credit, businessOwnerId: user.id, technicalOwnerId: null });
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ ...credit, businessOwner: { id: user.id }, technicalOwner: null, classification: null, createdBy: { id: user.id } });
    expect(s.abilities).toEqual({ 'aiSystem.read': true, 'aiSystem.update': true, 'aiSystem.classify': true });
    expect((await c.get(`${T}/${s.id}`)).json()).toEqual(s);

    const changed = await c.patch(`${T}/${s.id}`, { lifecycleStage: 'validation', modelVersion: '3.3.0', name: 'Credit scoring' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ lifecycleStage: 'validation', modelVersion: '3.3.0' });
    const events = (await c.get(`/api/tenants/${tenant.id}/audit-events?subjectId=${s.id}`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['ai_system.updated', 'ai_system.created']);
    expect(events[0].summary).toEqual({ before: { lifecycleStage: 'deployed', modelVersion: '3.2.0' }, after: { lifecycleStage: 'validation', modelVersion: '3.3.0' } });
    expect(events[1].summary.after).toMatchObject({ name: 'Credit scoring', roles: ['provider', 'deployer'], bomRef: 'model-credit-scoring' });
    expect((await c.get(`/api/tenants/${tenant.id}/audit-events/verify`)).json().ok).toBe(true);
  });

  it('a minimal record takes the defaults; the lifecycle refuses a move it does not allow, and retired is final', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const T = `/api/tenants/${tenant.id}/ai-systems`;
    const s = (await c.post(T, { name: 'Chatbot', lifecycleStage: 'design' })).json();
    expect(s).toMatchObject({ roles: [], dataCategories: [], inAimsScope: true, automatedDecisions: false, bomRef: null, purpose: '' });
    expect((await c.patch(`${T}/${s.id}`, { lifecycleStage: 'deployed' })).statusCode).toBe(200);
    const back = await c.patch(`${T}/${s.id}`, { lifecycleStage: 'design' });
    expect([back.statusCode, back.json().code, back.json().details]).toEqual([409, 'ai_system_stage_refused', { from: 'deployed', to: 'design' }]);
    expect((await c.patch(`${T}/${s.id}`, { lifecycleStage: 'retired' })).json().abilities).toMatchObject({ 'aiSystem.update': false, 'aiSystem.classify': false });
    const again = await c.patch(`${T}/${s.id}`, { purpose: 'x' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'ai_system_retired']);
  });

  it('owners must be members; a bom-ref is unique in the organization; special-category data is personal data', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const outsider = await buildTenant(t.p);
    const T = `/api/tenants/${tenant.id}/ai-systems`;
    const notMember = await c.post(T, { name: 'X', lifecycleStage: 'design', technicalOwnerId: outsider.owner.id });
    expect([notMember.statusCode, notMember.json().code, notMember.json().details]).toEqual([400, 'ai_system_owner_not_member', { field: 'technicalOwnerId' }]);
    expect((await c.post(T, { name: 'A', lifecycleStage: 'design', bomRef: 'm-1' })).statusCode).toBe(201);
    const dup = await c.post(T, { name: 'B', lifecycleStage: 'design', bomRef: 'm-1' });
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'bom_ref_taken']);
    // Another organization may use the same bom-ref.
    const other = await tenantWithOwner(t);
    expect((await other.c.post(`/api/tenants/${other.tenant.id}/ai-systems`, { name: 'A', lifecycleStage: 'design', bomRef: 'm-1' })).statusCode).toBe(201);
    const special = await c.post(T, { name: 'S', lifecycleStage: 'design', specialCategoryData: true, personalData: false });
    expect(special.statusCode).toBe(400);
    const b = (await c.post(T, { name: 'B', lifecycleStage: 'design' })).json();
    expect((await c.patch(`${T}/${b.id}`, { specialCategoryData: true })).statusCode).toBe(400);
    const dupPatch = await c.patch(`${T}/${b.id}`, { bomRef: 'm-1' });
    expect([dupPatch.statusCode, dupPatch.json().code]).toEqual([409, 'bom_ref_taken']);
  });

  it('another organization’s system answers 404 on every route; a viewer reads but changes nothing', async () => {
    const a = await tenantWithOwner(t);
    const b = await tenantWithOwner(t);
    const s = (await a.c.post(`/api/tenants/${a.tenant.id}/ai-systems`, credit)).json();
    const asB = `/api/tenants/${b.tenant.id}/ai-systems/${s.id}`;
    expect((await b.c.get(asB)).statusCode).toBe(404);
    expect((await b.c.patch(asB, { name: 'stolen' })).statusCode).toBe(404);
    // B is not a member of A: the tenant itself is not found.
    expect((await b.c.get(`/api/tenants/${a.tenant.id}/ai-systems/${s.id}`)).statusCode).toBe(404);
    expect((await b.c.get(`/api/tenants/${a.tenant.id}/ai-systems`)).statusCode).toBe(404);

    const viewer = await as(t.app, await buildMembership(t.p, a.tenant, 'viewer'));
    const A = `/api/tenants/${a.tenant.id}/ai-systems`;
    const read = await viewer.get(`${A}/${s.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ 'aiSystem.read': true, 'aiSystem.update': false, 'aiSystem.classify': false });
    expect((await viewer.post(A, { name: 'V', lifecycleStage: 'design' })).statusCode).toBe(403);
    expect((await viewer.patch(`${A}/${s.id}`, { name: 'V' })).statusCode).toBe(403);
    const contributor = await as(t.app, await buildMembership(t.p, a.tenant, 'contributor'));
    expect((await contributor.patch(`${A}/${s.id}`, { humanOversight: 'Four-eyes review.' })).statusCode).toBe(200);

    // A viewer's API token reads; the system is recorded without a person as creator by a writer token.
    const token = await buildApiToken(t.p, { id: a.tenant.id, name: '', kind: 'organization', owner: a.user as never }, { role: 'contributor' });
    const byToken = await t.app.inject({ method: 'POST', url: A, headers: token.bearer, payload: { name: 'From CI', lifecycleStage: 'development' } });
    expect([byToken.statusCode, byToken.json().createdBy]).toEqual([201, null]);
  });

  it('bad input answers 400 naming the field, and writes nothing', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const T = `/api/tenants/${tenant.id}/ai-systems`;
    const bad: [unknown, string][] = [
      [{ lifecycleStage: 'design' }, 'name'],
      [{ name: 'x', lifecycleStage: 'live' }, 'lifecycleStage'],
      [{ name: 'x'.repeat(161), lifecycleStage: 'design' }, 'name'],
      [{ name: 'x', lifecycleStage: 'design', roles: ['provider', 'provider'] }, 'roles'],
      [{ name: 'x', lifecycleStage: 'design', roles: ['vendor'] }, 'roles.0'],
      [{ name: 'x', lifecycleStage: 'design', businessOwnerId: 'nope' }, 'businessOwnerId'],
      [{ name: 'a\u0000b', lifecycleStage: 'design' }, 'name'],
      [{ name: 'x', lifecycleStage: 'design', purpose: 'p'.repeat(4001) }, 'purpose'],
      [{ name: 'x', lifecycleStage: 'design', dataCategories: Array.from({ length: 31 }, (_, i) => `c${i}`) }, 'dataCategories'],
      [{ name: 'x', lifecycleStage: 'design', automatedDecisions: 'yes' }, 'automatedDecisions'],
    ];
    for (const [body, field] of bad) {
      const res = await c.post(T, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await c.patch(`${T}/not-a-uuid`, { name: 'x' })).statusCode).toBe(400);
    const s = (await c.post(T, { name: 'ok', lifecycleStage: 'design' })).json();
    expect((await c.patch(`${T}/${s.id}`, {})).statusCode).toBe(400);
    expect((await c.get(`${T}?limit=0`)).statusCode).toBe(400);
    expect((await c.get(`${T}?tier=high`)).statusCode).toBe(400);
    expect((await c.get(`${T}?cursor=garbage`)).statusCode).toBe(400);
    expect((await c.get(T)).json().items).toHaveLength(1);
  });

  it('other modules check ids and read classification facts through the lookup, never across tenants', async () => {
    const a = await tenantWithOwner(t);
    const b = await tenantWithOwner(t);
    const s = (await a.c.post(`/api/tenants/${a.tenant.id}/ai-systems`, credit)).json();
    expect([...(await aiSystemIdsOfTenant(t.p.db, a.tenant.id, [s.id]))]).toEqual([s.id]);
    expect((await aiSystemIdsOfTenant(t.p.db, b.tenant.id, [s.id])).size).toBe(0);
    const facts = await aiSystemFacts(t.p.db, a.tenant.id, [s.id, s.id]);
    expect(facts.get(s.id)).toEqual({ id: s.id, name: 'Credit scoring', lifecycleStage: 'deployed', roles: ['provider', 'deployer'], classification: null });
    expect((await aiSystemFacts(t.p.db, b.tenant.id, [s.id])).size).toBe(0);
  });
});
