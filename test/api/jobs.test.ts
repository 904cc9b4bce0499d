import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { createPlatform, type TPlatform } from '../../src/server/platform/platform.ts';
import { defineJob } from '../../src/server/platform/jobs/define-job.ts';
import { sendInvitationMail } from '../../src/server/modules/tenants/jobs/send-invitation-mail.ts';
import { startSmtp, utf8 } from '../support/smtp.ts';
import { backend, backendAvailable, createTestApp, createTestDatabaseUrl, tenantWithOwner, uniqueEmail } from '../support/test-app.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');

const seen: string[] = [];
const failedOnce = new Set<string>();
const recordJob = defineJob({
  id: 'test.record',
  payload: z.object({ n: z.number().int() }),
  async handler({ n }, { platform, jobId }) {
    // 13 fails once: its retry must not take the rest of its batch with it.
    if (n === 13 && !failedOnce.has(jobId)) {
      failedOnce.add(jobId);
      throw new Error('unlucky');
    }
    seen.push(`${n}`);
    await platform.db.insertInto('job_log').values({ queue: 'test.record', job_id: jobId, payload: JSON.stringify({ n }) }).execute();
  },
});

/** An app instance with its own job system over a shared database (or a shared PGlite folder). */
async function instance(dataDir: string, databaseUrl: string | null, workers: boolean) {
  const config = loadConfig({ ATTEST_DATA_DIR: dataDir, LOG_LEVEL: 'silent', JOBS_ENABLED: String(workers), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: `${dataDir}/pg`, poolMax: 4 });
  await migrateToLatest(database.db);
  const p = createPlatform(config, database);
  p.jobs.register(recordJob);
  await p.jobs.start();
  return {
    p,
    async close() {
      await p.jobs.stop();
      await database.close();
    },
  };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const queuedMailFor = async (p: TPlatform, invitationId: string) =>
  (await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE name = ${sendInvitationMail.id} AND data->>'invitationId' = ${invitationId}`.execute(p.db)).rows;

describe.skipIf(!backendAvailable)('background jobs (pg-boss)', () => {
  it('a job queued before a restart runs after it', async () => {
    seen.length = 0;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-jobs-'));
    const url = backend === 'postgres' ? await createTestDatabaseUrl() : null;
    const first = await instance(dataDir, url, false);
    await first.p.jobs.send(first.p.db, recordJob, { n: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual([]);
    await first.close();
    const second = await instance(dataDir, url, true);
    await waitUntil(async () => (await second.p.db.selectFrom('job_log').select('id').execute()).length === 1);
    expect(seen).toEqual(['1']);
    await second.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it.skipIf(backend !== 'postgres')('with two instances on one PostgreSQL, each job runs exactly once', async () => {
    seen.length = 0;
    const url = await createTestDatabaseUrl();
    const a = await instance(fs.mkdtempSync(path.join(os.tmpdir(), 'attest-jobs-a-')), url, true);
    const b = await instance(fs.mkdtempSync(path.join(os.tmpdir(), 'attest-jobs-b-')), url, true);
    for (let n = 0; n < 30; n++) await (n % 2 ? a : b).p.jobs.send((n % 2 ? a : b).p.db, recordJob, { n });
    await waitUntil(async () => (await a.p.db.selectFrom('job_log').select('id').execute()).length >= 30, 40_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    // Only job 13 ran twice (its failure retried it alone); its batch-mates ran once.
    expect(failedOnce.size).toBe(1);
    const states = (await sql<{ state: string; retry_count: number; n: string }>`SELECT state, retry_count, data->>'n' AS n FROM pgboss.job WHERE name = 'test.record'`.execute(a.p.db)).rows;
    expect(states.filter((r) => r.retry_count > 0).map((r) => r.n)).toEqual(['13']);
    expect(states.every((r) => r.state === 'completed')).toBe(true);
    await a.close();
    await b.close();
  }, 60_000);

  it('the invitation mail is queued in the invitation\'s transaction: both or neither', async () => {
    const t = await createTestApp();
    try {
      const { c, tenant, user } = await tenantWithOwner(t);
      const email = uniqueEmail('crash');
      let invitationId = '';
      const crashed = t.p.db.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('invitations')
          .values({ tenant_id: tenant.id, email, role: 'viewer', locale: 'fr', invited_by: user.id, expires_at: new Date(Date.now() + 3600_000) })
          .returning('id')
          .executeTakeFirstOrThrow();
        invitationId = row.id;
        await t.p.jobs.send(tx, sendInvitationMail, { tenantId: tenant.id, invitationId: row.id });
        throw new Error('crash after queuing the mail');
      });
      await expect(crashed).rejects.toThrow(/crash after queuing/);
      expect(await t.p.db.selectFrom('invitations').select('id').where('tenant_id', '=', tenant.id).where('id', '=', invitationId).execute()).toEqual([]);
      expect(await queuedMailFor(t.p, invitationId)).toEqual([]);

      const res = await c.post(`/api/tenants/${tenant.id}/invitations`, { email, role: 'viewer', locale: 'fr' });
      expect(res.statusCode).toBe(201);
      expect(await queuedMailFor(t.p, res.json().invitation.id)).toEqual([{ state: 'created' }]);

      const invalid = t.p.db.transaction().execute((tx) => t.p.jobs.send(tx, sendInvitationMail, { tenantId: tenant.id, invitationId: 'not-a-uuid' }));
      await expect(invalid).rejects.toThrow(/invitationId/);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('a JOBS_ENABLED=false instance queues the mail; `attest worker` sends it and serves no HTTP', async () => {
    const smtp = await startSmtp();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-worker-'));
    const t = await createTestApp({ SMTP_URL: smtp.url, JOBS_ENABLED: 'false' }, { dataDir });
    const email = uniqueEmail('queued');
    try {
      const { c, tenant } = await tenantWithOwner(t);
      const res = await c.post(`/api/tenants/${tenant.id}/invitations`, { email, role: 'contributor', locale: 'fr' });
      expect(res.statusCode).toBe(201);
      await new Promise((r) => setTimeout(r, 1500));
      expect(smtp.mails).toEqual([]);
      expect(await queuedMailFor(t.p, res.json().invitation.id)).toEqual([{ state: 'created' }]);
    } finally {
      // PGlite is single-process: the worker opens the data folder once the app has let go of it.
      await t.close();
    }
    const port = await freePort();
    const worker = spawn(NODE, [path.join(ROOT, 'src/cli/main.ts'), 'worker'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ATTEST_DATA_DIR: dataDir,
        SMTP_URL: smtp.url,
        PORT: String(port),
        PUBLIC_URL: 'https://attest.example',
        LOG_LEVEL: 'warn',
        ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    worker.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => worker.once('exit', (code) => r(code)));
    try {
      const body = utf8((await smtp.waitFor(email, 40_000)).raw);
      expect(body).toContain('vous invite à rejoindre');
      expect(body).toMatch(/https:\/\/attest\.example\/invite\/[0-9a-f-]{36}\.[0-9a-f-]{36}\.[0-9a-f]{64}/);
      expect(await refusesConnections(port)).toBe(true);
    } finally {
      worker.kill('SIGTERM');
      expect(await exited, stderr).toBe(0);
      await smtp.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}
