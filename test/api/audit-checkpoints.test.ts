import { execFile } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import canonicalize from 'canonicalize';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/platform/audit-log/audit-log.ts';
import { checkpointAuditChains } from '../../src/server/modules/audit/jobs/checkpoint-audit-chains.ts';
import { backend, backendAvailable, createTestApp, createUser, signIn, tenantWithOwner, uniqueEmail, type TClient, type TTestApp } from '../support/test-app.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');

/** What a database superuser can do: switch the append-only trigger off, then delete and rewrite. */
async function truncateTo(t: TTestApp, tenantId: string, lastSeq: number) {
  await t.p.db.transaction().execute(async (tx) => {
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(tx);
    await sql`DELETE FROM audit_events WHERE tenant_id = ${tenantId} AND seq > ${lastSeq}`.execute(tx);
    await sql`UPDATE audit_chain_heads SET last_seq = ${lastSeq},
                last_hash = (SELECT hash FROM audit_events WHERE tenant_id = ${tenantId} AND seq = ${lastSeq})
              WHERE tenant_id = ${tenantId}`.execute(tx);
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(tx);
  });
}

const invite = (c: TClient, tenantId: string, n: number) =>
  Promise.all(Array.from({ length: n }, () => c.post(`/api/tenants/${tenantId}/invitations`, { email: uniqueEmail(), role: 'viewer', locale: 'en' })));

describe.skipIf(!backendAvailable)('signed audit checkpoints', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('deleting the newest events and rewriting the chain head is reported as truncated, naming the checkpoint', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    await invite(c, tenant.id, 4);
    const made = await c.post(`/api/tenants/${tenant.id}/audit-checkpoints`);
    expect(made.statusCode).toBe(201);
    expect(made.json().payload).toMatchObject({ tenantId: tenant.id, seq: 5 });
    await invite(c, tenant.id, 2);
    const verifyUrl = `/api/tenants/${tenant.id}/audit-events/verify`;
    expect((await c.get(verifyUrl)).json()).toMatchObject({ ok: true, checked: 7, truncated: false, checkpoint: { seq: 5 }, checkpointsVerified: 1 });

    // Events after the latest checkpoint are not protected by it (see the audit-log README).
    await truncateTo(t, tenant.id, 5);
    expect((await c.get(verifyUrl)).json()).toMatchObject({ ok: true, checked: 5, truncated: false });

    await truncateTo(t, tenant.id, 3);
    // The hash chain alone cannot see it: this is what verify reported before checkpoints.
    expect(await verifyAuditChain(t.p.db, tenant.id)).toEqual({ ok: true, checked: 3, firstBrokenSeq: null });
    const res = (await c.get(verifyUrl)).json();
    expect(res).toMatchObject({ ok: false, checked: 3, firstBrokenSeq: 4, truncated: true, checkpoint: { seq: 5, hash: made.json().payload.hash, time: made.json().payload.time } });
  });

  it('only tenant admins checkpoint on demand; the signed file verifies offline against the published key', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const v = await createUser(t.p);
    await t.p.db.insertInto('memberships').values({ tenant_id: tenant.id, user_id: v.id, role: 'technical_reviewer' }).execute();
    const reviewer = await signIn(t.app, v);
    expect((await reviewer.post(`/api/tenants/${tenant.id}/audit-checkpoints`)).statusCode).toBe(403);
    const other = await tenantWithOwner(t);
    expect((await other.c.post(`/api/tenants/${tenant.id}/audit-checkpoints`)).statusCode).toBe(404);

    const first = (await c.post(`/api/tenants/${tenant.id}/audit-checkpoints`)).json();
    expect((await c.post(`/api/tenants/${tenant.id}/audit-checkpoints`)).json()).toEqual(first);
    const list = (await reviewer.get(`/api/tenants/${tenant.id}/audit-checkpoints`)).json();
    expect(list.items).toEqual([{ seq: 1, hash: first.payload.hash, time: first.payload.time }]);

    const file = await reviewer.get(`/api/tenants/${tenant.id}/audit-checkpoints/1`);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="attest-audit-checkpoint-${tenant.id}-1.json"`);
    const cp = file.json();
    const jwks = (await t.app.inject({ method: 'GET', url: '/.well-known/attest-keys.json' })).json();
    const jwk = jwks.keys.find((k: { kid: string }) => k.kid === cp.kid);
    const key = createPublicKey({ key: jwk, format: 'jwk' });
    const offline = (payload: unknown) => verify(null, Buffer.from(canonicalize(payload)!), key, Buffer.from(cp.signature, 'base64url'));
    expect(offline(cp.payload)).toBe(true);
    expect(offline({ ...cp.payload, seq: 2 })).toBe(false);
    expect((await c.get(`/api/tenants/${tenant.id}/audit-checkpoints/9`)).statusCode).toBe(404);
    expect((await other.c.get(`/api/tenants/${tenant.id}/audit-checkpoints/1`)).statusCode).toBe(404);
  });

  it('the hourly job signs every chain that moved; a checkpoint file edited without the key is reported', async () => {
    const a = await tenantWithOwner(t);
    const b = await tenantWithOwner(t);
    await invite(b.c, b.tenant.id, 2);
    await checkpointAuditChains.handler({}, { platform: t.p, jobId: 'test' });
    expect((await t.p.checkpoints.list(a.tenant.id)).map((cp) => cp.payload.seq)).toEqual([1]);
    expect((await t.p.checkpoints.list(b.tenant.id)).map((cp) => cp.payload.seq)).toEqual([3]);
    await invite(b.c, b.tenant.id, 1);
    await checkpointAuditChains.handler({}, { platform: t.p, jobId: 'test' });
    expect((await t.p.checkpoints.list(a.tenant.id)).map((cp) => cp.payload.seq)).toEqual([1]);
    expect((await t.p.checkpoints.list(b.tenant.id)).map((cp) => cp.payload.seq)).toEqual([3, 4]);

    const forged = { ...(await t.p.checkpoints.get(a.tenant.id, 1))! };
    forged.payload = { ...forged.payload, seq: 40 };
    await t.p.checkpoints.write(forged);
    expect((await a.c.get(`/api/tenants/${a.tenant.id}/audit-events/verify`)).json()).toMatchObject({ ok: false, truncated: false, forgedCheckpoints: [40], checkpointsVerified: 1 });
  });
});

describe.skipIf(!backendAvailable)('attest audit checkpoint / verify (CLI)', () => {
  it('the CLI signs a checkpoint, then reports the truncated chain and exits 1', async () => {
    const t = await createTestApp({}, { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'attest-cli-cp-')) });
    const { c, tenant } = await tenantWithOwner(t);
    await invite(c, tenant.id, 3);
    const env = { ...process.env, ATTEST_DATA_DIR: t.dataDir, ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}) };
    const cli = (args: string[]) => run(NODE, [path.join(ROOT, 'src/cli/main.ts'), ...args], { env, cwd: ROOT });
    // PGlite is single-process: the CLI opens the same data folder only once the app has let go of it.
    if (backend === 'pglite') await t.close();
    expect((await cli(['audit', 'checkpoint', '--tenant', tenant.id])).stdout).toContain(`${tenant.id}: checkpoint at event #4`);
    const again = backend === 'pglite' ? await createTestApp({}, { dataDir: t.dataDir }) : t;
    await truncateTo(again, tenant.id, 2);
    await again.close();
    const res = await cli(['audit', 'verify', '--tenant', tenant.id]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(res?.code).toBe(1);
    expect(res?.stderr).toMatch(/TRUNCATED: the chain has 2 events but the checkpoint signed at \S+ covers event #4/);
    fs.rmSync(t.dataDir, { recursive: true, force: true });
  }, 180_000);
});
