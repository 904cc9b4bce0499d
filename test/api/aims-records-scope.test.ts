import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZScopeOverview, ZScopeVersion, ZScopeVersionPage } from '../../src/shared/contracts/aims-records-context.ts';
import { as, buildMembership, buildTenant, buildUser } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TClient, type TTestApp } from '../support/test-app.ts';

const content = {
  boundaries: 'Consumer-credit scoring and fraud detection, Paris head office and Lyon operations centre.',
  applicability: 'Provider of the scoring model, deployer of the fraud model.',
  exclusions: [{ item: 'HR chatbot pilot', reason: 'Sandbox with synthetic data only.' }],
};

describe.skipIf(!backendAvailable)('AIMS scope statement (4.3)', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  async function org() {
    const tenant = await buildTenant(t.p);
    const admin = await buildMembership(t.p, tenant, 'admin');
    const contributor = await buildMembership(t.p, tenant, 'contributor');
    const viewer = await buildMembership(t.p, tenant, 'viewer');
    return {
      tenant,
      T: `/api/tenants/${tenant.id}`,
      owner: await as(t.app, tenant.owner),
      admin: await as(t.app, admin),
      contributor: await as(t.app, contributor),
      viewer: await as(t.app, viewer),
    };
  }
  const system = async (c: TClient, T: string, name: string, o: Record<string, unknown> = {}) => {
    const res = await c.post(`${T}/ai-systems`, { name, lifecycleStage: 'deployed', ...o });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  it('a contributor drafts the scope with the AI systems in scope; the owner approves it, freezing the list', async () => {
    const o = await org();
    await system(o.owner, o.T, 'Credit scoring');
    await system(o.owner, o.T, 'Fraud detection');
    await system(o.owner, o.T, 'Chatbot pilot', { inAimsScope: false });
    await system(o.owner, o.T, 'Old model', { lifecycleStage: 'design' }).then((id) => o.owner.patch(`${o.T}/ai-systems/${id}`, { lifecycleStage: 'retired' }));

    const empty = ZScopeOverview.parse((await o.viewer.get(`${o.T}/aims-scope`)).json());
    expect(empty).toMatchObject({ latest: null, approved: null, abilities: { 'aimsScope.read': true, 'aimsScope.draft': false } });
    expect((await o.contributor.get(`${o.T}/aims-scope`)).json().abilities['aimsScope.draft']).toBe(true);

    const started = await o.contributor.post(`${o.T}/aims-scope/versions`, content);
    expect(started.statusCode, started.body).toBe(201);
    const draft = ZScopeVersion.parse(started.json());
    expect(draft).toMatchObject({ version: 1, status: 'draft', aiSystemsAsApproved: false, exclusions: content.exclusions });
    expect(draft.aiSystems.map((s) => s.name)).toEqual(['Credit scoring', 'Fraud detection']);
    expect(draft.abilities).toMatchObject({ 'aimsScope.update': true, 'aimsScope.approve': false });

    // Only one draft at a time.
    expect((await o.contributor.post(`${o.T}/aims-scope/versions`, {})).json()).toMatchObject({ code: 'scope_draft_exists' });
    const edited = await o.contributor.patch(`${o.T}/aims-scope/versions/1`, { boundaries: 'Retail credit in France and Belgium.' });
    expect(edited.json()).toMatchObject({ boundaries: 'Retail credit in France and Belgium.', applicability: content.applicability });

    // Role checks: the viewer changes nothing, the contributor does not approve.
    expect((await o.viewer.patch(`${o.T}/aims-scope/versions/1`, { boundaries: 'x' })).statusCode).toBe(403);
    expect((await o.contributor.post(`${o.T}/aims-scope/versions/1/approve`, {})).statusCode).toBe(403);
    const asOwner = (await o.owner.get(`${o.T}/aims-scope/versions/1`)).json();
    expect(asOwner.abilities['aimsScope.approve']).toBe(true);

    const approved = await o.owner.post(`${o.T}/aims-scope/versions/1/approve`, { comment: 'Reviewed with the CRO.' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', aiSystemsAsApproved: true, approvalComment: 'Reviewed with the CRO.', abilities: { 'aimsScope.update': false, 'aimsScope.approve': false } });

    // A system added afterwards is not in the approved version; the next draft shows it.
    await system(o.owner, o.T, 'Anti-money-laundering screening');
    const frozen = ZScopeVersion.parse((await o.viewer.get(`${o.T}/aims-scope/versions/1`)).json());
    expect(frozen.aiSystems.map((s) => s.name)).toEqual(['Credit scoring', 'Fraud detection']);
    expect((await o.contributor.patch(`${o.T}/aims-scope/versions/1`, { boundaries: 'x' })).json()).toMatchObject({ code: 'scope_frozen' });

    const v2 = (await o.contributor.post(`${o.T}/aims-scope/versions`, {})).json();
    expect(v2).toMatchObject({ version: 2, status: 'draft', boundaries: 'Retail credit in France and Belgium.' });
    expect(v2.aiSystems).toHaveLength(3);
    const overview = ZScopeOverview.parse((await o.viewer.get(`${o.T}/aims-scope`)).json());
    expect(overview.latest?.version).toBe(2);
    expect(overview.approved?.version).toBe(1);

    expect((await o.admin.post(`${o.T}/aims-scope/versions/2/approve`, {})).json()).toMatchObject({ status: 'approved', version: 2 });
    expect((await o.viewer.get(`${o.T}/aims-scope/versions/1`)).json()).toMatchObject({ status: 'superseded' });

    const events = (await o.owner.get(`${o.T}/audit-events?subjectType=aims_scope`)).json().items.map((e: { action: string }) => e.action);
    expect(events).toEqual(['aims_scope.approved', 'aims_scope.version_started', 'aims_scope.approved', 'aims_scope.updated', 'aims_scope.version_started']);
    const approval = (await o.owner.get(`${o.T}/audit-events?action=aims_scope.approved`)).json().items.at(-1);
    expect(approval.summary.after).toMatchObject({ version: 1, supersededVersion: null, aiSystems: [{ name: 'Credit scoring' }, { name: 'Fraud detection' }] });
  });

  it('four eyes: the author does not approve their own version, unless the organization has one member', async () => {
    const o = await org();
    await o.owner.post(`${o.T}/aims-scope/versions`, content);
    const own = await o.owner.post(`${o.T}/aims-scope/versions/1/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: 'scope_own_approval' });
    expect((await o.owner.get(`${o.T}/aims-scope/versions/1`)).json().abilities['aimsScope.approve']).toBe(false);
    // The admin who last edited it is an author too.
    await o.admin.patch(`${o.T}/aims-scope/versions/1`, { applicability: 'Edited by the admin.' });
    expect((await o.admin.post(`${o.T}/aims-scope/versions/1/approve`, {})).json()).toMatchObject({ code: 'scope_own_approval' });

    const solo = await buildTenant(t.p);
    const me = await as(t.app, solo.owner);
    const S = `/api/tenants/${solo.id}`;
    await me.post(`${S}/aims-scope/versions`, content);
    expect((await me.get(`${S}/aims-scope/versions/1`)).json().abilities['aimsScope.approve']).toBe(true);
    expect((await me.post(`${S}/aims-scope/versions/1/approve`, {})).json()).toMatchObject({ status: 'approved', approvedBy: { id: solo.owner.id } });
  });

  it('another tenant’s scope answers 404; bad input answers 400 on the field', async () => {
    const a = await org();
    const b = await org();
    await a.owner.post(`${a.T}/aims-scope/versions`, content);
    const stranger = await as(t.app, await buildUser(t.p));
    expect((await stranger.get(`${a.T}/aims-scope`)).statusCode).toBe(404);
    expect((await b.owner.get(`${a.T}/aims-scope/versions/1`)).statusCode).toBe(404);
    expect((await b.owner.patch(`${a.T}/aims-scope/versions/1`, { boundaries: 'x' })).statusCode).toBe(404);
    expect((await a.owner.get(`${a.T}/aims-scope/versions/9`)).statusCode).toBe(404);
    const bad = await a.contributor.patch(`${a.T}/aims-scope/versions/1`, { exclusions: [{ item: '', reason: 'x' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ field: 'exclusions.0.item' });
  });

  it('version list: keyset pages, one SQL statement each', async () => {
    const o = await org();
    await o.contributor.post(`${o.T}/aims-scope/versions`, content);
    for (let v = 1; v <= 3; v++) {
      await o.owner.post(`${o.T}/aims-scope/versions/${v}/approve`, {});
      await o.contributor.post(`${o.T}/aims-scope/versions`, {});
    }
    const first = ZScopeVersionPage.parse((await o.viewer.get(`${o.T}/aims-scope/versions?limit=3`)).json());
    expect(first.items.map((i) => [i.version, i.status])).toEqual([
      [4, 'draft'],
      [3, 'approved'],
      [2, 'superseded'],
    ]);
    const second = (await o.viewer.get(`${o.T}/aims-scope/versions?limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { version: number }) => i.version)).toEqual([1]);
    expect(second.nextCursor).toBeNull();
    expect((await o.viewer.get(`${o.T}/aims-scope/versions?status=approved`)).json().items.map((i: { version: number }) => i.version)).toEqual([3]);
    const queries = await t.queriesDuring(() => o.viewer.get(`${o.T}/aims-scope/versions?limit=3&cursor=${first.nextCursor}`));
    expect(queries).toHaveLength(2);
    expect(queries[1]).toMatch(/FROM aims_scope_versions v/);
    expect(await t.queriesDuring(() => o.viewer.get(`${o.T}/aims-scope`))).toHaveLength(2);
  });
});
