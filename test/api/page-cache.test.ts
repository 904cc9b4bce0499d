import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildMembership, buildTenant, buildUser } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * Register pages are served again from memory while the tenant's audit-chain head has not moved.
 * These tests are about what a person would see go wrong: a stale page after a change.
 */
describe.skipIf(!backendAvailable)('register pages: a repeat read skips the query, and every change shows at once', () => {
  let t: TTestApp;
  const clock = createTestClock(new Date('2026-11-27T09:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp();
    t.p.clock = clock;
  });
  afterAll(async () => t?.close());

  const pageQueries = (statements: string[]) => statements.filter((s) => !/FROM sessions/.test(s));

  it('a second read of the same page runs only the session statement; an edit, a rename and a role change show on the next read', async () => {
    const tenant = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const owner = await buildUser(t.p, { name: 'Camille Durand' });
    await buildMembership(t.p, tenant, 'contributor', owner);
    const c = await as(t.app, tenant.owner);
    const T = `/api/tenants/${tenant.id}/ai-systems`;
    const sys = (await c.post(T, { name: 'Credit scoring', lifecycleStage: 'deployed', businessOwnerId: owner.id })).json();

    const first = await t.queriesDuring(() => c.get(T));
    expect(pageQueries(first)).toHaveLength(1);
    let body: { items: { name: string; businessOwner: { name: string } | null; abilities: Record<string, boolean> }[] } = { items: [] };
    let headers: Record<string, unknown> = {};
    const again = await t.queriesDuring(async () => {
      const res = await c.get(T);
      headers = res.headers;
      body = res.json();
    });
    expect(pageQueries(again)).toEqual([]);
    // A hit is sent as the page's stored bytes: still JSON in UTF-8, with its exact length.
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(body)));
    expect(body.items.map((i) => i.name)).toEqual(['Credit scoring']);

    // An edit moves the head: the next read shows it.
    expect((await c.patch(`${T}/${sys.id}`, { name: 'Credit scoring v2' })).statusCode).toBe(200);
    expect((await c.get(T)).json().items[0].name).toBe('Credit scoring v2');

    // The business owner renames herself (a profile change, not a tenant edit): the page follows.
    const oc = await as(t.app, owner);
    expect((await oc.patch('/api/me', { name: 'Camille Durand-Martin' })).statusCode).toBe(200);
    expect((await c.get(T)).json().items[0].businessOwner.name).toBe('Camille Durand-Martin');
    const log = (await c.get(`/api/tenants/${tenant.id}/audit-events?action=member.renamed`)).json();
    expect(log.items.map((e: { summary: { before: { name: string }; after: { name: string } } }) => [e.summary.before.name, e.summary.after.name])).toEqual([['Camille Durand', 'Camille Durand-Martin']]);

    // Another member has their own page: a viewer is offered no edit, whatever the owner's page said.
    const viewer = await buildMembership(t.p, tenant, 'viewer', await buildUser(t.p));
    const vc = await as(t.app, viewer);
    expect((await c.get(T)).json().items[0].abilities['aiSystem.update']).toBe(true);
    expect((await vc.get(T)).json().items[0].abilities['aiSystem.update']).toBe(false);
  });

  it('a day-dependent flag changes at midnight without any write', async () => {
    const tenant = await buildTenant(t.p);
    const c = await as(t.app, tenant.owner);
    const R = `/api/tenants/${tenant.id}/risks`;
    clock.set(new Date('2026-11-27T09:00:00Z'));
    const risk = (await c.post(R, { title: 'Model drift', source: 'ai_system', inherentLikelihood: 3, inherentImpact: 3, residualLikelihood: 2, residualImpact: 2, reviewDate: '2026-11-28' })).json();
    expect(risk.id).toBeTruthy();
    const overdue = async () => (await c.get(R)).json().items[0].reviewOverdue;
    expect(await overdue()).toBe(false);
    expect(await overdue()).toBe(false);
    clock.set(new Date('2026-11-29T00:00:01Z'));
    expect(await overdue()).toBe(true);
  });

  it('another tenant never reads a cached page: its id answers 404 as before', async () => {
    const a = await buildTenant(t.p);
    const b = await buildTenant(t.p);
    const ca = await as(t.app, a.owner);
    expect((await ca.get(`/api/tenants/${a.id}/risks`)).statusCode).toBe(200);
    expect((await ca.get(`/api/tenants/${b.id}/risks`)).statusCode).toBe(404);
  });
});
