import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildMembership } from '../support/factories.ts';
import { backendAvailable, createTestApp, tenantWithOwner, type TClient, type TTestApp } from '../support/test-app.ts';

type TItem = { id: string; name: string };

describe.skipIf(!backendAvailable)('AI-system inventory: list, filters, pages, history', () => {
  let t: TTestApp;
  let c: TClient;
  let T: string;
  let ownerId: string;
  let analystId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const o = await tenantWithOwner(t);
    c = o.c;
    T = `/api/tenants/${o.tenant.id}/ai-systems`;
    ownerId = o.user.id;
    analystId = (await buildMembership(t.p, o.tenant, 'contributor')).id;
    const systems = [
      { name: 'Credit scoring', lifecycleStage: 'deployed', roles: ['provider', 'deployer'], businessOwnerId: ownerId, supplier: 'In-house' },
      { name: 'fraud detection', lifecycleStage: 'validation', roles: ['deployer'], technicalOwnerId: analystId, supplier: 'Acme 100% AI' },
      { name: 'Chatbot', lifecycleStage: 'deployed', roles: ['deployer'], inAimsScope: false, purpose: 'Answers customer questions' },
      { name: 'OCR Églantine', lifecycleStage: 'design', roles: ['importer'] },
      { name: 'Retired model', lifecycleStage: 'retired', roles: [] },
    ];
    for (const s of systems) expect((await c.post(T, s)).statusCode).toBe(201);
  });
  afterAll(() => t?.close());

  const names = async (query: string) => ((await c.get(`${T}?${query}`)).json().items as TItem[]).map((i) => i.name);

  it('filters by stage, role, scope, owner, text (wildcards are literal) and tier', async () => {
    expect(await names('stage=deployed')).toEqual(['Chatbot', 'Credit scoring']);
    expect(await names('role=deployer')).toEqual(['Chatbot', 'Credit scoring', 'fraud detection']);
    expect(await names('inScope=false')).toEqual(['Chatbot']);
    expect(await names(`ownerId=${analystId}`)).toEqual(['fraud detection']);
    expect(await names(`ownerId=${ownerId}`)).toEqual(['Credit scoring']);
    expect(await names('q=customer')).toEqual(['Chatbot']);
    expect(await names('q=100%25')).toEqual(['fraud detection']);
    expect(await names('q=_')).toEqual([]);
    expect(await names('tier=unclassified&stage=design')).toEqual(['OCR Églantine']);
    expect(await names('tier=high-risk')).toEqual([]);
  });

  it('sorts by name without regard to case, or by time either way', async () => {
    expect(await names('')).toEqual(['Chatbot', 'Credit scoring', 'fraud detection', 'OCR Églantine', 'Retired model']);
    expect(await names('sort=name&direction=desc')).toEqual(['Retired model', 'OCR Églantine', 'fraud detection', 'Credit scoring', 'Chatbot']);
    expect(await names('sort=createdAt&direction=desc')).toEqual(['Retired model', 'OCR Églantine', 'Chatbot', 'fraud detection', 'Credit scoring']);
  });

  it('keyset pages cover the list exactly once, for every sort, and each page is one SQL statement', async () => {
    for (const sort of ['name', 'updatedAt', 'createdAt']) {
      for (const direction of ['asc', 'desc']) {
        const all = await names(`sort=${sort}&direction=${direction}`);
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const url: string = `${T}?sort=${sort}&direction=${direction}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          let body: { items: TItem[]; nextCursor: string | null } = { items: [], nextCursor: null };
          const statements = await t.queriesDuring(async () => {
            body = (await c.get(url)).json();
          });
          // The session lookup, then the page: owners, creator and classification joined, no query per row.
          expect(statements.filter((s) => !/FROM sessions/.test(s))).toHaveLength(1);
          seen.push(...body.items.map((i) => i.name));
          cursor = body.nextCursor;
        } while (cursor);
        expect(seen, `${sort} ${direction}`).toEqual(all);
      }
    }
  });

  it('the history lists each change of one system, newest first, for anyone who reads it, without IPs', async () => {
    const s = (await c.post(T, { name: 'History', lifecycleStage: 'design' })).json();
    await c.patch(`${T}/${s.id}`, { lifecycleStage: 'development' });
    await c.patch(`${T}/${s.id}`, { purpose: 'Testing history' });
    const viewer = await as(t.app, await buildMembership(t.p, { id: T.split('/')[3]! }, 'viewer'));
    const res = await viewer.get(`${T}/${s.id}/history?limit=2`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items.map((e: { action: string; summary: unknown }) => [e.action, e.summary])).toEqual([
      ['ai_system.updated', { before: { purpose: '' }, after: { purpose: 'Testing history' } }],
      ['ai_system.updated', { before: { lifecycleStage: 'design' }, after: { lifecycleStage: 'development' } }],
    ]);
    expect(page.items[0]).not.toHaveProperty('ip');
    const rest = (await viewer.get(`${T}/${s.id}/history?cursor=${page.nextCursor}`)).json();
    expect(rest.items.map((e: { action: string }) => e.action)).toEqual(['ai_system.created']);
    expect(rest.nextCursor).toBeNull();
    const other = await tenantWithOwner(t);
    expect((await other.c.get(`/api/tenants/${other.tenant.id}/ai-systems/${s.id}/history`)).statusCode).toBe(404);
    expect((await c.get(`${T}/${s.id}/history?cursor=abc`)).statusCode).toBe(400);
  });
});
