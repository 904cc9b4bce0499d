import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { hashPassword, verifyPassword } from '../src/server/platform/auth/passwords.ts';

/*
 * The `login` scenario: sign-ins per second over 16 connections, each request a different user
 * (so the per-account guard never serializes them), and what bounds it: argon2's own rate on
 * this machine, and on PostgreSQL how often backends wait on a lock (the platform chain head that
 * every sign-in and failed sign-in appends to, or the brute-force guard's per-key locks).
 */
export const LOGIN_USERS = 2000;
export const BENCH_ADMIN = { email: 'bench@attest.example', password: 'Bench-password-2026' };
const LOGIN_PASSWORD = 'Login-bench-password-2026';
const CSRF = 'benchcsrfbenchcsrfbenchcsrf';
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** Before the server starts (PGlite is single-process): the admin and the sign-in users. */
export async function prepareUsers(databaseUrl: string | null, dataDir: string) {
  const database = await openDatabase({ databaseUrl: databaseUrl ?? undefined, pgliteDir: `${dataDir}/pg` });
  await migrateToLatest(database.db);
  // One hash for all (argon2 salts each hash; sharing one only saves set-up time).
  const [adminHash, userHash] = await Promise.all([hashPassword(BENCH_ADMIN.password), hashPassword(LOGIN_PASSWORD)]);
  await database.db.insertInto('users').values({ email: BENCH_ADMIN.email, name: 'Bench', password_hash: adminHash, is_platform_admin: true }).execute();
  for (let i = 0; i < LOGIN_USERS; i += 500) {
    const rows = Array.from({ length: Math.min(500, LOGIN_USERS - i) }, (_, k) => ({ email: `login-${i + k}@bench.example`, name: `Login ${i + k}`, password_hash: userHash }));
    await database.db.insertInto('users').values(rows).execute();
  }
  await database.close();
}

/** Password checks per second in one process with as many in flight as the server would have. */
export async function argon2VerifyPerSec(seconds = 3) {
  const hash = await hashPassword(LOGIN_PASSWORD);
  let n = 0;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (performance.now() < end) {
        await verifyPassword(hash, LOGIN_PASSWORD);
        n += 1;
      }
    }),
  );
  return round(n / ((performance.now() - t0) / 1000));
}

/** On PostgreSQL: sample pg_stat_activity every 20 ms for backends waiting on a lock, by kind. */
function lockSampler(pgUrl: string) {
  const client = new pg.Client({ connectionString: pgUrl });
  const samples: { rowOrTx: number; advisory: number }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let busy = false;
  return {
    async start() {
      await client.connect();
      timer = setInterval(async () => {
        if (busy) return;
        busy = true;
        try {
          const r = await client.query<{ rowortx: number; advisory: number }>(
            `SELECT count(*) FILTER (WHERE wait_event IN ('transactionid', 'tuple'))::int AS rowortx,
                    count(*) FILTER (WHERE wait_event = 'advisory')::int AS advisory
             FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
          );
          samples.push({ rowOrTx: r.rows[0]!.rowortx, advisory: r.rows[0]!.advisory });
        } catch {
          // A sample lost while stopping is not a result.
        } finally {
          busy = false;
        }
      }, 20);
    },
    async stop() {
      if (timer) clearInterval(timer);
      while (busy) await new Promise((r) => setTimeout(r, 5));
      await client.end();
      const n = samples.length || 1;
      const stat = (k: 'rowOrTx' | 'advisory') => ({
        meanWaiting: round(samples.reduce((s, x) => s + x[k], 0) / n, 2),
        maxWaiting: Math.max(0, ...samples.map((x) => x[k])),
        shareOfSamplesWithWaiter: round(samples.filter((x) => x[k] > 0).length / n, 3),
      });
      return { samples: samples.length, chainHeadRowLocks: stat('rowOrTx'), bruteForceAdvisoryLocks: stat('advisory') };
    },
  };
}

async function fire(base: string, duration: number, password: (i: number) => string, offset: number) {
  let i = 0;
  const r = await autocannon({
    url: base,
    connections: 16,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json', cookie: `attest_csrf=${CSRF}`, 'x-csrf-token': CSRF },
        setupRequest: (req: Record<string, unknown>) => {
          const n = i++;
          return { ...req, body: JSON.stringify({ email: `login-${(offset + n) % LOGIN_USERS}@bench.example`, password: password(n) }) };
        },
      },
    ],
  });
  return r;
}

/**
 * Successful sign-ins (each a session and a user.login event), then failed ones (wrong password:
 * each a user.login_failed event), both appending to the platform audit chain.
 */
export async function loginScenario(base: string, duration: number, pgUrl: string | null) {
  const sampler = pgUrl ? lockSampler(pgUrl) : null;
  await sampler?.start();
  const ok = await fire(base, duration, () => LOGIN_PASSWORD, 0);
  const locks = await sampler?.stop();
  if (ok.non2xx) throw new Error(`login: ${ok.non2xx} non-2xx answers`);
  // Failed sign-ins spread over the other half of the users, under the per-account limit.
  const failed = await fire(base, duration, () => 'wrong-password-bench', LOGIN_USERS / 2);
  const wrongAnswers = failed.non2xx - (failed.statusCodeStats?.['401']?.count ?? 0);
  if (wrongAnswers > 0) throw new Error(`failed login: ${wrongAnswers} answers other than 401`);
  return {
    rps: round(ok.requests.average),
    p99Ms: ok.latency.p99,
    failedRps: round(failed.requests.average),
    failedP99Ms: failed.latency.p99,
    ...(locks ? { lockWaits: locks } : {}),
  };
}
