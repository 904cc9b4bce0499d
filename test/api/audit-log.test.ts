import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, backendAvailable, createTestApp, tenantWithOwner, uniqueEmail, type TTestApp } from '../support/test-app.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');

/** Tampering needs the append-only trigger out of the way, as an attacker with table access would. */
async function tamper(t: TTestApp, statement: string) {
  await t.p.db.transaction().execute(async (tx) => {
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(tx);
    await sql.raw(statement).execute(tx);
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(tx);
  });
}

async function busyTenant(t: TTestApp) {
  const o = await tenantWithOwner(t);
  for (let i = 0; i < 4; i++) {
    await o.c.post(`/api/tenants/${o.tenant.id}/invitations`, { email: uniqueEmail(), role: 'viewer', locale: i % 2 ? 'fr' : 'en' });
  }
  return o;
}

describe.skipIf(!backendAvailable)('hash-chained audit log', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { dataDir: undefined });
  });
  afterAll(() => t?.close());

  it('records who did what, from where, in the same transaction as the change', async () => {
    const { c, tenant, user } = await busyTenant(t);
    const page = (await c.get(`/api/tenants/${tenant.id}/audit-events?limit=2`)).json();
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ action: 'member.invited', actorId: user.id, actorEmail: user.email, subjectType: 'invitation', seq: 5 });
    expect(page.items[0].ip).toBe(c.ip);
    expect(page.items[0].requestId).toBeTruthy();
    expect(page.items[0].summary.after).toMatchObject({ role: 'viewer' });
    expect(page.items[0].prevHash).toBe(page.items[1].hash);
    const next = (await c.get(`/api/tenants/${tenant.id}/audit-events?limit=10&cursor=${page.nextCursor}`)).json();
    expect(next.items.map((e: { seq: number }) => e.seq)).toEqual([3, 2, 1]);
    expect(next.nextCursor).toBeNull();
    const filtered = (await c.get(`/api/tenants/${tenant.id}/audit-events?action=tenant.created`)).json().items;
    expect(filtered).toHaveLength(1);
    expect((await c.get(`/api/tenants/${tenant.id}/audit-events?cursor=abc`)).statusCode).toBe(400);
  });

  it('a failed operation writes neither the change nor its event', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const before = (await c.get(`/api/tenants/${tenant.id}/audit-events`)).json().items.length;
    const dup = await c.post(`/api/tenants/${tenant.id}/invitations`, { email: (await c.get('/api/me')).json().user.email, role: 'viewer', locale: 'en' });
    expect(dup.statusCode).toBe(409);
    expect((await c.get(`/api/tenants/${tenant.id}/audit-events`)).json().items.length).toBe(before);
    expect((await c.get(`/api/tenants/${tenant.id}/invitations`)).json().items).toHaveLength(0);
  });

  it('the database refuses UPDATE and DELETE on stored events', async () => {
    const { tenant } = await tenantWithOwner(t);
    await expect(sql`UPDATE audit_events SET action = 'x' WHERE tenant_id = ${tenant.id}`.execute(t.p.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_events WHERE tenant_id = ${tenant.id}`.execute(t.p.db)).rejects.toThrow(/append-only/);
  });

  it('verify reports an intact chain, then the first edited event', async () => {
    const { c, tenant } = await busyTenant(t);
    expect((await c.get(`/api/tenants/${tenant.id}/audit-events/verify`)).json()).toMatchObject({ ok: true, checked: 5, firstBrokenSeq: null });
    await tamper(t, `UPDATE audit_events SET summary = '{"before":null,"after":{"role":"owner"}}' WHERE tenant_id = '${tenant.id}' AND seq = 3`);
    expect((await c.get(`/api/tenants/${tenant.id}/audit-events/verify`)).json()).toMatchObject({ ok: false, checked: 2, firstBrokenSeq: 3 });
  });

  it('verify reports a removed event, including the newest one', async () => {
    const a = await busyTenant(t);
    await tamper(t, `DELETE FROM audit_events WHERE tenant_id = '${a.tenant.id}' AND seq = 2`);
    expect((await a.c.get(`/api/tenants/${a.tenant.id}/audit-events/verify`)).json()).toMatchObject({ ok: false, firstBrokenSeq: 2 });
    const b = await busyTenant(t);
    await tamper(t, `DELETE FROM audit_events WHERE tenant_id = '${b.tenant.id}' AND seq = 5`);
    expect((await b.c.get(`/api/tenants/${b.tenant.id}/audit-events/verify`)).json()).toMatchObject({ ok: false, firstBrokenSeq: 5 });
  });

  it('concurrent changes in one tenant still form one unbroken chain', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => c.post(`/api/tenants/${tenant.id}/invitations`, { email: uniqueEmail(), role: 'viewer', locale: 'en' })),
    );
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    expect((await c.get(`/api/tenants/${tenant.id}/audit-events/verify`)).json()).toMatchObject({ ok: true, checked: 13, firstBrokenSeq: null });
  });
});

describe.skipIf(!backendAvailable)('attest audit verify (CLI)', () => {
  it('exits 0 on an intact chain and 1 naming the first broken event', async () => {
    const t = await createTestApp({}, { dataDir: (await import('node:fs')).mkdtempSync(path.join((await import('node:os')).tmpdir(), 'attest-cli-')) });
    const { tenant } = await busyTenant(t);
    const env = { ...process.env, ATTEST_DATA_DIR: t.dataDir, ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}) };
    const cli = (args: string[]) => run(NODE, [path.join(ROOT, 'src/cli/main.ts'), ...args], { env, cwd: ROOT });
    const verify = () => cli(['audit', 'verify', '--tenant', tenant.id]);
    // PGlite is single-process: the CLI opens the same data folder only once the app has let go of it.
    if (backend === 'pglite') await t.close();
    const ok = await verify();
    expect(ok.stdout).toMatch(/intact: 5 events/);
    if (backend === 'pglite') {
      const again = await createTestApp({}, { dataDir: t.dataDir });
      await tamper(again, `UPDATE audit_events SET actor_email = 'someone@else.example' WHERE tenant_id = '${tenant.id}' AND seq = 4`);
      await again.close();
    } else {
      await tamper(t, `UPDATE audit_events SET actor_email = 'someone@else.example' WHERE tenant_id = '${tenant.id}' AND seq = 4`);
      await t.close();
    }
    const broken = await verify().then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(broken?.code).toBe(1);
    expect(broken?.stderr).toMatch(/BROKEN at event #4/);
    const usage = await cli(['audit', 'verify']).catch((e: { code: number; stderr: string }) => e);
    expect((usage as { code: number }).code).toBe(2);
  }, 180_000);
});
