import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { recordAudit, verifyAuditChain } from '../src/server/platform/audit-log/audit-log.ts';
import { startCluster, findPgBinary } from '../test/support/postgres-cluster.ts';
import { aimsScenario, measure, postmasterPid } from './aims.ts';
import { aims2Scenario, prepareAims2 } from './aims2.ts';
import { argon2VerifyPerSec, BENCH_ADMIN, loginScenario, prepareUsers } from './login.ts';
import { certificateIssueScenario } from './certificate-issue.ts';
import { prepareRegister, registerScenario, settlePostgres } from './register.ts';
import { soc2ReportScenario } from './soc2-report.ts';
import { soc2SamplingScenario } from './soc2-sampling.ts';

/*
 * npm run bench: the same scenarios on PGlite and PostgreSQL, the server in its own process
 * (autocannon in this one), results in bench/results/latest.json.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const UPLOAD_MB = Number(process.env.BENCH_UPLOAD_MB ?? 200);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

function sha256MbPerSec() {
  const buf = Buffer.alloc(16 * 1024 * 1024, 1);
  const t0 = process.hrtime.bigint();
  const h = createHash('sha256');
  for (let i = 0; i < 16; i++) h.update(buf);
  h.digest();
  return round(256 / (Number(process.hrtime.bigint() - t0) / 1e9));
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

async function auditScenario(databaseUrl: string | null, dataDir: string) {
  const database = await openDatabase({ databaseUrl: databaseUrl ?? undefined, pgliteDir: `${dataDir}/pg` });
  await migrateToLatest(database.db);
  const tenantId = (await database.db.insertInto('tenants').values({ name: 'Bench', kind: 'organization' }).returning('id').executeTakeFirstOrThrow()).id;
  const n = 2000;
  const ctx = { requestId: 'bench', ip: '127.0.0.1', userAgent: 'bench' };
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    await database.db.transaction().execute((tx) =>
      recordAudit(tx, null, ctx, { tenantId, action: 'file.uploaded', subjectType: 'bench', subjectId: String(i), after: { filename: `bench-${i}.txt`, sha256: '0'.repeat(64), size: i } }),
    );
  }
  const appendPerSec = n / ((performance.now() - t0) / 1000);
  const t1 = performance.now();
  const res = await verifyAuditChain(database.db, tenantId);
  const verifyPerSec = res.checked / ((performance.now() - t1) / 1000);
  if (!res.ok) throw new Error('bench chain broken');
  await database.close();
  return { appendPerSec: round(appendPerSec), verifyPerSec: round(verifyPerSec) };
}

async function startServerProcess(env: Record<string, string>): Promise<{ proc: ChildProcess; base: string }> {
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(path.join(ROOT, 'node_modules/.bin/node'), [...nodeArgs, path.join(ROOT, 'src/cli/main.ts'), 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', UPLOAD_MAX_MB: String(UPLOAD_MB + 10) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  // Up to 2 minutes: on a loaded machine the first start (migrations, catalogs) is slow.
  for (let i = 0; i < 1200; i++) {
    const ok = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
    if (ok) return { proc, base };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become ready');
}

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

const load = (url: string, headers: Record<string, string> = {}, pid?: number) => measure(url, headers, DURATION, pid);

/** Signs in the bench administrator that prepareUsers created with the sign-in users. */
async function session(base: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().find((c) => c.startsWith('attest_csrf='))!.split(';')[0]!;
  const token = csrfCookie.split('=')[1]!;
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrfCookie, 'x-csrf-token': token },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  const sessionCookie = res.headers.getSetCookie().find((c) => c.startsWith('attest_session='))!.split(';')[0]!;
  const cookie = `${csrfCookie}; ${sessionCookie}`;
  const tenant = await fetch(`${base}/api/tenants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': token },
    body: JSON.stringify({ name: 'Bench org', kind: 'organization' }),
  }).then((r) => r.json() as Promise<{ tenant: { id: string } }>);
  return { cookie, token, tenantId: tenant.tenant.id };
}

async function uploadScenario(base: string, pid: number, s: { cookie: string; token: string; tenantId: string }) {
  const chunk = Buffer.alloc(256 * 1024, 42);
  const total = UPLOAD_MB * 1024 * 1024;
  await new Promise((r) => setTimeout(r, 500));
  global.gc?.();
  const baseline = rssOf(pid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
  const t0 = performance.now();
  const body = Readable.from((function* () {
    for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
  })());
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(`${base}/api/tenants/${s.tenantId}/files?filename=bench.bin`, {
      method: 'POST',
      agent: false,
      headers: { cookie: s.cookie, 'x-csrf-token': s.token, 'content-type': 'application/octet-stream', 'content-length': String(total) },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    body.pipe(req);
  });
  const secs = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  if (status !== 201) throw new Error(`upload answered ${status}`);
  return { mbPerSec: round(UPLOAD_MB / secs), peakRssDeltaMb: round(peak - baseline) };
}

/** Latency, not throughput: one client at a time, so p99 is the endpoint's own time. */
async function catalogScenario(base: string, cookie: string) {
  const url = `${base}/api/catalog/frameworks/iso-iec-42001-2023`;
  const r = await autocannon({ url, connections: 1, duration: DURATION, headers: { cookie } });
  if (r.non2xx) throw new Error(`${url}: ${r.non2xx} non-2xx answers`);
  return { rps: round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99 };
}

const ONLY = process.env.BENCH_ONLY;
// BENCH_BACKEND=postgres (or pglite) runs one backend, for a quick look; like BENCH_ONLY, it leaves latest.json alone.
const BACKEND = process.env.BENCH_BACKEND;

/** Each list's rate as a share of /healthz in the same run (the targets are stated that way). */
const ratios = (healthz: { rps: number }, lists: Record<string, { rps: number }>) =>
  Object.fromEntries(Object.entries(lists).map(([k, v]) => [`${k}ToHealthzRatio`, round(v.rps / healthz.rps, 3)]));

async function runBackend(name: 'pglite' | 'postgres', databaseUrl: string | null) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `attest-bench-${name}-`));
  console.log(`[${name}] audit append/verify…`);
  const audit = ONLY ? null : await auditScenario(databaseUrl, path.join(dataDir, 'audit'));
  await prepareUsers(databaseUrl, dataDir);
  const aims2Tenant = !ONLY || ONLY === 'aims2' ? await prepareAims2(databaseUrl, dataDir) : null;
  if (!ONLY || ONLY === 'register') await prepareRegister(databaseUrl, dataDir);
  // In-process and before the server starts: PGlite is one process's at a time.
  const issue = !ONLY || ONLY === 'issue' ? await certificateIssueScenario(databaseUrl, dataDir) : null;
  // From the SOC 2 tables (model built in five statements) to the PDF, in-process like the certificate issue.
  if (!ONLY || ONLY === 'soc2Report') console.log(`[${name}] SOC 2 Type II report, 120 controls…`);
  const soc2Report = !ONLY || ONLY === 'soc2Report' ? await soc2ReportScenario(databaseUrl, dataDir) : null;
  // populationImport1M, sampleDraw1M: through the SOC 2 service and this backend's database, in a child process (before the server: PGlite is one process's).
  if (!ONLY || ONLY === 'soc2Sampling') console.log(`[${name}] SOC 2 population import and sample draw (1M rows)…`);
  const soc2Sampling = !ONLY || ONLY === 'soc2Sampling' ? await soc2SamplingScenario(databaseUrl, dataDir) : null;
  // Failed sign-ins and register reads all come from 127.0.0.1: the per-address limits would stop the scenarios.
  const { proc, base } = await startServerProcess({
    ATTEST_DATA_DIR: dataDir,
    LOGIN_IP_MAX_FAILURES: '10000',
    REGISTER_REQUESTS_PER_MINUTE: '100000000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const pgPid = databaseUrl ? await postmasterPid(databaseUrl) : undefined;
  try {
    if (ONLY === 'login') return { login: await loginScenario(base, DURATION, databaseUrl) };
    if (ONLY === 'issue') return { ...issue };
    if (ONLY === 'soc2Report') return { ...soc2Report };
    if (ONLY === 'soc2Sampling') return { ...soc2Sampling };
    if (ONLY === 'register') {
      const healthz = await load(`${base}/healthz`, {}, proc.pid);
      const register = await registerScenario(base, DURATION, proc.pid, pgPid);
      return { healthz, ...register, ...ratios(healthz, register) };
    }
    const s = await session(base);
    if (ONLY === 'aims2') return await aims2Scenario(base, s.cookie, aims2Tenant!, DURATION);
    if (ONLY === 'aims') {
      const healthz = await load(`${base}/healthz`, {}, proc.pid);
      const aims = await aimsScenario(base, s, DURATION, proc.pid);
      return { healthz, ...aims, ...ratios(healthz, aims) };
    }
    console.log(`[${name}] /healthz, /api/me…`);
    const healthz = await load(`${base}/healthz`, {}, proc.pid);
    const me = await load(`${base}/api/me`, { cookie: s.cookie }, proc.pid);
    if (ONLY) return { healthz, me, meToHealthzRatio: round(me.rps / healthz.rps, 3) };
    console.log(`[${name}] sign-ins…`);
    const login = await loginScenario(base, DURATION, databaseUrl);
    console.log(`[${name}] catalog tree…`);
    const catalog = await catalogScenario(base, s.cookie);
    console.log(`[${name}] ${UPLOAD_MB} MB upload…`);
    const upload = await uploadScenario(base, proc.pid!, s);
    console.log(`[${name}] AIMS lists…`);
    const aims = await aimsScenario(base, s, DURATION, proc.pid);
    console.log(`[${name}] readiness and SoA exports…`);
    const aims2 = await aims2Scenario(base, s.cookie, aims2Tenant!, DURATION);
    console.log(`[${name}] register lookup…`);
    if (databaseUrl) await settlePostgres(databaseUrl);
    const register = await registerScenario(base, DURATION, proc.pid, pgPid);
    return {
      healthz,
      me,
      meToHealthzRatio: round(me.rps / healthz.rps, 3),
      login,
      audit,
      upload,
      ...(catalog ? { catalog42001: catalog } : {}),
      ...aims,
      ...ratios(healthz, aims),
      ...aims2,
      ...register,
      ...ratios(healthz, register),
      ...issue,
      ...soc2Report,
      ...soc2Sampling,
    };
  } finally {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (proc.exitCode === null) proc.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const result: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memGb: round(os.totalmem() / 2 ** 30),
      node: process.version,
      sha256MbPerSec: sha256MbPerSec(),
      argon2VerifyPerSec: await argon2VerifyPerSec(),
    },
    settings: { durationSeconds: DURATION, connections: 16, uploadMb: UPLOAD_MB },
    backends: {},
  };
  const backends = result.backends as Record<string, unknown>;
  if ((!ONLY || ONLY === 'login' || ONLY === 'aims' || ONLY === 'aims2' || ONLY === 'register' || ONLY === 'issue' || ONLY === 'soc2Report' || ONLY === 'soc2Sampling') && BACKEND !== 'postgres') backends.pglite = await runBackend('pglite', null);
  if (BACKEND !== 'pglite' && findPgBinary('initdb')) {
    const cluster = await startCluster();
    try {
      const c = new pg.Client({ connectionString: cluster.url() });
      await c.connect();
      await c.query('CREATE DATABASE bench_audit');
      await c.query('CREATE DATABASE bench_app');
      await c.end();
      const audit = ONLY ? null : await auditScenario(cluster.url('bench_audit'), fs.mkdtempSync(path.join(os.tmpdir(), 'attest-bench-pga-')));
      const rest = await runBackend('postgres', cluster.url('bench_app'));
      backends.postgres = { ...rest, audit };
    } finally {
      await cluster.stop();
    }
  } else {
    console.warn('PostgreSQL binaries not found: postgres backend skipped');
  }
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  // A partial run (BENCH_ONLY) prints its figures but leaves the full results file alone.
  if (!ONLY && !BACKEND) fs.writeFileSync(path.join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

await main();
