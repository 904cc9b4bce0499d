import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantTable } from '../../src/server/db/tenant-table.ts';
import { buildApiToken, buildTenant } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/* The repositories' shared door: every operation needs the tenant, and another tenant's row is never reached. */
describe.skipIf(!backendAvailable)('tenant-scoped table helper', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });
  const tokens = tenantTable('api_tokens');

  it('lists one tenant with keyset pages that neither skip nor repeat a row, even on equal sort keys', async () => {
    const a = await buildTenant(t.p);
    const b = await buildTenant(t.p);
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await buildApiToken(t.p, a, { name: `a${i}` })).id);
    await buildApiToken(t.p, b);
    // Same created_at for all: the id breaks the tie, so pages stay exact.
    await t.p.db.updateTable('api_tokens').set({ created_at: '2026-01-01T00:00:00Z' }).where('tenant_id', '=', a.id).execute();
    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const page: Awaited<ReturnType<typeof tokens.list>> = await tokens.list(t.p.db, a.id, { orderBy: 'created_at', limit: 2, cursor });
      sizes.push(page.items.length);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([2, 2, 1]);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(new Set(seen).size).toBe(5);
    expect((await tokens.list(t.p.db, a.id, { orderBy: 'created_at', limit: 10 }, { name: 'a3' })).items.map((r) => r.name)).toEqual(['a3']);
  });

  it('find and update by id answer nothing for another tenant\'s row', async () => {
    const a = await buildTenant(t.p);
    const b = await buildTenant(t.p);
    const foreign = await buildApiToken(t.p, b, { name: 'theirs' });
    expect(await tokens.findById(t.p.db, a.id, foreign.id)).toBeUndefined();
    expect(await tokens.update(t.p.db, a.id, foreign.id, { name: 'hijacked' })).toBeUndefined();
    expect((await tokens.findById(t.p.db, b.id, foreign.id))?.name).toBe('theirs');
    const mine = await tokens.update(t.p.db, b.id, foreign.id, { name: 'renamed' });
    expect(mine?.name).toBe('renamed');
  });
});
