import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadConfig, type TConfigInput } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { loadCatalogs } from '../../src/server/modules/catalog/catalog-loader.ts';
import { buildApp } from '../../src/server/app.ts';
import { createLogger, createPlatform, type TPlatform } from '../../src/server/platform/platform.ts';
import { hashPassword } from '../../src/server/platform/auth/passwords.ts';

export const backend = (process.env.ATTEST_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
/** False only when the postgres project runs on a machine without PostgreSQL binaries (never in CI). */
export const backendAvailable = backend === 'pglite' || Boolean(inject('pgUrl'));

export async function createTestDatabaseUrl(): Promise<string> {
  const admin = inject('pgUrl');
  if (!admin) throw new Error('No PostgreSQL cluster for this run');
  const name = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  return admin.replace(/\/[^/]*$/, `/${name}`);
}

export type TTestApp = {
  app: FastifyInstance;
  p: TPlatform;
  dataDir: string;
  databaseUrl: string | null;
  /**
   * The SQL statements run while `fn` runs (jobs are off in tests, so nothing else talks to the
   * database): a list page's test asserts its round trips, e.g. the session lookup plus one query.
   */
  queriesDuring(fn: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
};

/**
 * One app per test file, built before its tests and closed after: `const t = useTestApp();` then
 * `t.app`, `t.p` inside the tests.
 */
export function useTestApp(env: Partial<Record<keyof TConfigInput, string>> = {}): TTestApp {
  const t = {} as TTestApp;
  beforeAll(async () => {
    Object.assign(t, await createTestApp(env));
  });
  afterAll(async () => {
    await t.close?.();
  });
  return t;
}

export async function createTestApp(env: Partial<Record<keyof TConfigInput, string>> = {}, opts: { databaseUrl?: string; dataDir?: string; logStream?: DestinationStream } = {}): Promise<TTestApp> {
  let recording: string[] | null = null;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'attest-test-'));
  const databaseUrl = backend === 'postgres' ? (opts.databaseUrl ?? (await createTestDatabaseUrl())) : null;
  const config = loadConfig({
    ATTEST_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    LOGIN_IP_MAX_FAILURES: '1000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: opts.dataDir ? `${dataDir}/pg` : 'memory://',
    poolMax: 5,
    onQuery: (sql) => recording?.push(sql),
  });
  await migrateToLatest(database.db);
  await loadCatalogs(database.db);
  const p = createPlatform(config, database, createLogger(config, opts.logStream));
  const app = await buildApp(p);
  await p.jobs.start();
  return {
    app,
    p,
    dataDir,
    databaseUrl,
    async queriesDuring(fn) {
      recording = [];
      try {
        await fn();
        return recording;
      } finally {
        recording = null;
      }
    },
    async close() {
      await app.close();
      await p.jobs.stop();
      await database.close();
      // A folder the caller passed in is theirs to reopen (CLI and restart tests); ours goes.
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomUUID().slice(0, 8)}@test.example`;
export const STRONG_PASSWORD = 'Correct-Pony-Battery-42';

export async function createUser(p: TPlatform, o: { email?: string; name?: string; password?: string; locale?: 'en' | 'fr' } = {}) {
  const email = o.email ?? uniqueEmail();
  const password = o.password ?? STRONG_PASSWORD;
  const row = await p.db
    .insertInto('users')
    .values({ email, name: o.name ?? email.split('@')[0]!, password_hash: await hashPassword(password), locale: o.locale ?? 'en' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, email, password };
}

type TMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A browser-like caller: keeps cookies, echoes the CSRF cookie, has its own IP address. */
export function createClient(app: FastifyInstance) {
  const jar = new Map<string, string>();
  const ip = `127.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}.${1 + ((Math.random() * 250) | 0)}`;
  async function request(method: TMethod, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    if (!jar.has('attest_csrf')) await call('GET', '/api/auth/csrf');
    return call(method, url, body, headers);
  }
  async function call(method: TMethod, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await app.inject({
      method,
      url,
      remoteAddress: ip,
      ...(body !== undefined ? { payload: body as object } : {}),
      headers: {
        ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(jar.get('attest_csrf') ? { 'x-csrf-token': jar.get('attest_csrf')! } : {}),
        ...headers,
      },
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now());
      if (expired) jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
    return res;
  }
  return {
    ip,
    jar,
    get: (url: string, headers?: Record<string, string>) => request('GET', url, undefined, headers),
    post: (url: string, body?: unknown, headers?: Record<string, string>) => request('POST', url, body ?? {}, headers),
    patch: (url: string, body: unknown) => request('PATCH', url, body),
    put: (url: string, body: unknown) => request('PUT', url, body),
    delete: (url: string) => request('DELETE', url),
  };
}
export type TClient = ReturnType<typeof createClient>;

export async function signIn(app: FastifyInstance, user: { email: string; password: string }): Promise<TClient> {
  const c = createClient(app);
  const res = await c.post('/api/auth/login', { email: user.email, password: user.password });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return c;
}

export async function newTenant(c: TClient, kind: 'organization' | 'certification_body' = 'organization', name = `Tenant ${randomUUID().slice(0, 6)}`) {
  const res = await c.post('/api/tenants', { name, kind });
  if (res.statusCode !== 201) throw new Error(`tenant creation failed: ${res.statusCode} ${res.body}`);
  return res.json().tenant as { id: string; name: string; kind: string; role: string };
}

/** A signed-in user who owns (or scheme-manages) a fresh tenant. */
export async function tenantWithOwner(t: TTestApp, kind: 'organization' | 'certification_body' = 'organization') {
  const user = await createUser(t.p);
  const c = await signIn(t.app, user);
  const tenant = await newTenant(c, kind);
  return { user, c, tenant };
}
