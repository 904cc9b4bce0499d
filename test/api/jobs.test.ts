import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { createPlatform } from '../../src/server/platform/platform.ts';
import { backend, backendAvailable, createTestDatabaseUrl } from '../support/test-app.ts';

const QUEUE = 'test.record';

/** An app instance with its own job system over a shared database (or a shared PGlite folder). */
async function instance(dataDir: string, databaseUrl: string | null, workers: boolean, seen: string[]) {
  const config = loadConfig({ ATTEST_DATA_DIR: dataDir, LOG_LEVEL: 'silent', JOBS_ENABLED: String(workers), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: `${dataDir}/pg`, poolMax: 4 });
  await migrateToLatest(database.db);
  const p = createPlatform(config, database);
  p.jobs.register(QUEUE, async (data: { n: number }, job) => {
    seen.push(`${data.n}`);
    await p.db.insertInto('job_log').values({ queue: QUEUE, job_id: job.id, payload: JSON.stringify(data) }).execute();
  });
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

describe.skipIf(!backendAvailable)('background jobs (pg-boss)', () => {
  it('a job queued before a restart runs after it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-jobs-'));
    const url = backend === 'postgres' ? await createTestDatabaseUrl() : null;
    const seen: string[] = [];
    const first = await instance(dataDir, url, false, seen);
    await first.p.jobs.send(QUEUE, { n: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual([]);
    await first.close();
    const second = await instance(dataDir, url, true, seen);
    await waitUntil(async () => (await second.p.db.selectFrom('job_log').select('id').execute()).length === 1);
    expect(seen).toEqual(['1']);
    await second.close();
  }, 60_000);

  it.skipIf(backend !== 'postgres')('with two instances on one PostgreSQL, each job runs exactly once', async () => {
    const url = await createTestDatabaseUrl();
    const seen: string[] = [];
    const a = await instance(fs.mkdtempSync(path.join(os.tmpdir(), 'attest-jobs-a-')), url, true, seen);
    const b = await instance(fs.mkdtempSync(path.join(os.tmpdir(), 'attest-jobs-b-')), url, true, seen);
    for (let n = 0; n < 30; n++) await (n % 2 ? a : b).p.jobs.send(QUEUE, { n });
    await waitUntil(async () => (await a.p.db.selectFrom('job_log').select('id').execute()).length >= 30);
    await new Promise((r) => setTimeout(r, 1500));
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    await a.close();
    await b.close();
  }, 60_000);
});
