import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZControlPage } from '../../src/shared/contracts/controls.ts';
import { buildMembership } from '../support/factories.ts';
import { backendAvailable, createTestApp, tenantWithOwner, type TClient, type TTestApp } from '../support/test-app.ts';

type TItem = { id: string; reference: string };

describe.skipIf(!backendAvailable)('controls: list, filters, sorts, keyset pages', () => {
  let t: TTestApp;
  let c: TClient;
  let T: string;
  let ownerId: string;
  let analystId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const o = await tenantWithOwner(t);
    c = o.c;
    T = `/api/tenants/${o.tenant.id}/controls`;
    ownerId = o.user.id;
    analystId = (await buildMembership(t.p, o.tenant, 'contributor')).id;
    const controls = [
      { reference: 'AC-01', title: 'Access review', frequency: 'quarterly', ownerId, status: 'operating', requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: 'A.3.2' }] },
      { reference: 'ac-02', title: 'offboarding checklist', frequency: 'on_event', ownerId: analystId, requirements: [{ frameworkId: 'eu-ai-act-2024', ref: 'Art. 9' }] },
      { reference: 'DM-01', title: 'Dataset register 100% complete', frequency: 'monthly', automation: 'automated', status: 'implemented', requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: 'A.4.3' }, { frameworkId: 'eu-ai-act-2024', ref: 'Art. 10' }] },
      { reference: 'LOG-01', title: 'Event logging', description: 'Model decisions are logged centrally.', frequency: 'continuous', automation: 'automated', status: 'operating' },
      { reference: 'POL-01', title: 'Élaboration de la politique', frequency: 'annually' },
    ];
    for (const x of controls) expect((await c.post(T, x)).statusCode).toBe(201);
  });
  afterAll(() => t?.close());

  const refs = async (query: string) => {
    const res = await c.get(`${T}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (ZControlPage.parse(res.json()).items as TItem[]).map((i) => i.reference);
  };

  it('filters by status, owner, frequency, automation, framework (and ref), text (wildcards are literal)', async () => {
    expect(await refs('status=operating')).toEqual(['AC-01', 'LOG-01']);
    expect(await refs(`ownerId=${analystId}`)).toEqual(['ac-02']);
    expect(await refs('frequency=monthly')).toEqual(['DM-01']);
    expect(await refs('automation=automated')).toEqual(['DM-01', 'LOG-01']);
    expect(await refs('frameworkId=eu-ai-act-2024')).toEqual(['ac-02', 'DM-01']);
    expect(await refs(`frameworkId=iso-iec-42001-2023&ref=${encodeURIComponent('A.4.3')}`)).toEqual(['DM-01']);
    expect(await refs('q=centrally')).toEqual(['LOG-01']);
    expect(await refs('q=100%25')).toEqual(['DM-01']);
    expect(await refs('q=_')).toEqual([]);
    expect(await refs('q=ac-')).toEqual(['AC-01', 'ac-02']);
    expect((await c.get(`${T}?ref=A.4.3`)).statusCode).toBe(400);
    expect((await c.get(`${T}?status=broken`)).statusCode).toBe(400);
  });

  it('sorts by reference (case aside), title, status in lifecycle order, or time, either way', async () => {
    expect(await refs('')).toEqual(['AC-01', 'ac-02', 'DM-01', 'LOG-01', 'POL-01']);
    expect(await refs('direction=desc')).toEqual(['POL-01', 'LOG-01', 'DM-01', 'ac-02', 'AC-01']);
    expect(await refs('sort=status')).toEqual(['ac-02', 'POL-01', 'DM-01', 'AC-01', 'LOG-01']);
    expect(await refs('sort=updatedAt&direction=desc')).toEqual(['POL-01', 'LOG-01', 'DM-01', 'ac-02', 'AC-01']);
  });

  it('each row carries its link count and frameworks', async () => {
    const page = ZControlPage.parse((await c.get(`${T}?q=DM-01`)).json());
    expect(page.items[0]).toMatchObject({ requirementCount: 2, frameworkIds: ['eu-ai-act-2024', 'iso-iec-42001-2023'], abilities: { 'control.update': true } });
    expect(ZControlPage.parse((await c.get(`${T}?q=POL`)).json()).items[0]).toMatchObject({ requirementCount: 0, frameworkIds: [] });
  });

  it('keyset pages cover the list exactly once, for every sort, and each page is one SQL statement', async () => {
    for (const sort of ['reference', 'title', 'status', 'updatedAt']) {
      for (const direction of ['asc', 'desc']) {
        const all = await refs(`sort=${sort}&direction=${direction}`);
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const url: string = `${T}?sort=${sort}&direction=${direction}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          let body: { items: TItem[]; nextCursor: string | null } = { items: [], nextCursor: null };
          const statements = await t.queriesDuring(async () => {
            body = (await c.get(url)).json();
          });
          // The session lookup, then the page: owner, link counts and frameworks in the same statement.
          expect(statements.filter((s) => !/FROM sessions/.test(s))).toHaveLength(1);
          seen.push(...body.items.map((i) => i.reference));
          cursor = body.nextCursor;
        } while (cursor);
        expect(seen, `${sort} ${direction}`).toEqual(all);
      }
    }
    expect((await c.get(`${T}?cursor=abc`)).statusCode).toBe(400);
    const first = (await c.get(`${T}?limit=1&sort=status`)).json();
    expect((await c.get(`${T}?sort=updatedAt&cursor=${encodeURIComponent(first.nextCursor)}`)).statusCode).toBe(400);
  });
});
