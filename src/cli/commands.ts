import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import type { TPlatform } from '../server/platform/platform.ts';

/*
 * Each command loads what it runs when it runs: `attest --help` or a typo answers at once instead
 * of loading the whole application first.
 */
const db = () => Promise.all([import('../server/db/client.ts'), import('../server/db/migrate.ts')]).then(([c, m]) => ({ openDatabase: c.openDatabase, migrateToLatest: m.migrateToLatest }));

type TOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;
type TCommand = { help: string; options: TOptions; positionals?: boolean; run(v: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number> };

const UUID = /^[0-9a-f-]{36}$/i;
const CLI_CONTEXT = { requestId: 'cli', ip: null, userAgent: 'attest-cli' };

/**
 * `queueJobs`: a command that goes through services which queue jobs (the demo seed) starts the
 * job system without workers; a running server or `attest worker` runs what it queued.
 */
async function withPlatform<T>(fn: (p: TPlatform) => Promise<T>, opts: { queueJobs?: boolean } = {}): Promise<T> {
  const config = { ...loadConfig(), LOG_LEVEL: 'warn' as const };
  const { openDatabase, migrateToLatest } = await db();
  const { createPlatform } = await import('../server/platform/platform.ts');
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: `${config.dataDir}/pg`, poolMax: 2 });
  let p: TPlatform | null = null;
  try {
    await migrateToLatest(database.db);
    p = createPlatform(config, database);
    if (opts.queueJobs) await p.jobs.start({ workers: false });
    return await fn(p);
  } finally {
    await p?.jobs.stop();
    await database.close();
  }
}

/** Drain in-flight requests and jobs, but never hang a deployment's restart on a stuck client. */
function onShutdown(p: TPlatform, stop: () => Promise<void>) {
  const shutdown = async () => {
    const force = setTimeout(() => {
      p.log.warn('shutdown took over 10 s: exiting anyway');
      process.exit(1);
    }, 10_000);
    force.unref();
    await stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

export const commands: Record<string, TCommand> = {
  serve: {
    help: 'attest serve\n\nStarts Attest on http://HOST:PORT (default localhost:3000). Configuration comes from the environment (see README).',
    options: {},
    async run() {
      const { startServer } = await import('../server/server.ts');
      const running = await startServer();
      const { HOST, PORT } = running.platform.config;
      running.platform.log.info(`Attest is listening on http://${HOST}:${PORT} (${running.platform.database.backend})`);
      onShutdown(running.platform, () => running.stop());
      return -1;
    },
  },

  worker: {
    help:
      'attest worker\n\nRuns background jobs (e-mails, audit checkpoints) without serving HTTP. Web instances can then run with JOBS_ENABLED=false; each job runs once whichever worker picks it up. Configuration comes from the environment (see README).',
    options: {},
    async run() {
      const { startWorker } = await import('../server/server.ts');
      const running = await startWorker();
      running.platform.log.info(`Attest worker is running jobs (${running.platform.database.backend})`);
      onShutdown(running.platform, () => running.stop());
      return -1;
    },
  },

  migrate: {
    help: 'attest migrate\n\nApplies pending migrations to the database (DATABASE_URL or the embedded one in ATTEST_DATA_DIR) and exits.',
    options: {},
    async run() {
      const config = loadConfig();
      const { openDatabase, migrateToLatest } = await db();
      const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: `${config.dataDir}/pg`, poolMax: 2 });
      try {
        const applied = await migrateToLatest(database.db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
        return 0;
      } finally {
        await database.close();
      }
    },
  },

  'create-admin': {
    help:
      'attest create-admin --email E [--name N] [--password P] [--locale en|fr]\n\nCreates a platform administrator. Without --password (or ATTEST_ADMIN_PASSWORD) a strong password is generated and printed once.',
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, locale: { type: 'string' } },
    async run(v) {
      if (typeof v.email !== 'string') {
        console.error('--email is required.');
        return 2;
      }
      const generated = !v.password && !process.env.ATTEST_ADMIN_PASSWORD;
      const password = (v.password as string) ?? process.env.ATTEST_ADMIN_PASSWORD ?? randomBytes(18).toString('base64url');
      const locale = v.locale === 'fr' ? 'fr' : 'en';
      return withPlatform(async (p) => {
        const { createAccountsService } = await import('../server/modules/accounts/accounts-service.ts');
        const user = await createAccountsService(p).createAdmin(
          { email: v.email!.toString().trim().toLowerCase(), name: (v.name as string) ?? v.email!.toString().split('@')[0]!, password, locale },
          CLI_CONTEXT,
        );
        console.log(`Created administrator ${user.email} (${user.id}).`);
        if (generated) console.log(`Password (shown once): ${password}`);
        return 0;
      });
    },
  },

  seed: {
    help: 'attest seed --demo\n\nCreates the demo organization « Lumière Crédit » (a Paris fintech) and the demo certification body « Vérité Certification », each with users. Running it twice changes nothing.',
    options: { demo: { type: 'boolean' } },
    async run(v) {
      if (!v.demo) {
        console.error('Only the demo data set exists: run "attest seed --demo".');
        return 2;
      }
      return withPlatform(async (p) => {
        const { seedDemo } = await import('./seed-demo/index.ts');
        const summary = await seedDemo(p);
        console.log(summary);
        return 0;
      }, { queueJobs: true });
    },
  },

  'audit verify': {
    help:
      "attest audit verify --tenant <tenantId>\n\nRecomputes the tenant's audit-log hash chain and holds it against the signed checkpoints. Exit 0 when intact; exit 1 naming the first broken event, or the signed checkpoint a truncated chain falls short of.",
    options: { tenant: { type: 'string' } },
    async run(v) {
      const tenant = v.tenant;
      if (typeof tenant !== 'string' || !UUID.test(tenant)) {
        console.error('--tenant <uuid> is required.');
        return 2;
      }
      return withPlatform(async (p) => {
        const { verifyWithCheckpoints } = await import('../server/platform/audit-log/checkpoints.ts');
        const res = await verifyWithCheckpoints(p, tenant);
        for (const seq of res.forgedCheckpoints) console.error(`Checkpoint #${seq} does not carry a valid signature of this platform's key.`);
        if (res.truncated && res.checkpoint) {
          console.error(
            `Audit log TRUNCATED: the chain has ${res.checked} events but the checkpoint signed at ${res.checkpoint.time} covers event #${res.checkpoint.seq} (hash ${res.checkpoint.hash.slice(0, 16)}…).`,
          );
          return 1;
        }
        if (!res.ok && res.firstBrokenSeq !== null) {
          console.error(`Audit log BROKEN at event #${res.firstBrokenSeq} (${res.checked} events verified before it).`);
          return 1;
        }
        if (!res.ok) return 1;
        const anchor = res.checkpoint ? `, anchored by ${res.checkpointsVerified} signed checkpoint(s), the latest at event #${res.checkpoint.seq}` : ', no signed checkpoint yet';
        console.log(`Audit log intact: ${res.checked} events checked${anchor}.`);
        return 0;
      });
    },
  },

  'audit checkpoint': {
    help:
      "attest audit checkpoint [--tenant <tenantId>]\n\nSigns the current head of the tenant's audit chain (every tenant's without --tenant) with the platform key and stores the checkpoint in the blob store, as the hourly job does. Prints the checkpoints written.",
    options: { tenant: { type: 'string' } },
    async run(v) {
      if (v.tenant !== undefined && (typeof v.tenant !== 'string' || !UUID.test(v.tenant))) {
        console.error('--tenant must be a tenant id (uuid).');
        return 2;
      }
      const { checkpointAuditChain } = await import('../server/platform/audit-log/checkpoints.ts');
      return withPlatform(async (p) => {
        const tenants =
          typeof v.tenant === 'string'
            ? [v.tenant]
            : (await p.db.selectFrom('audit_chain_heads').select('tenant_id').where('last_seq', '>', 0).execute()).map((r) => r.tenant_id);
        for (const id of tenants) {
          const cp = await checkpointAuditChain(p, id);
          console.log(cp ? `${id}: checkpoint at event #${cp.payload.seq} signed ${cp.payload.time} (key ${cp.kid})` : `${id}: no audit events yet`);
        }
        return 0;
      });
    },
  },

  verify: {
    help: 'attest verify FILE [--key FILE|URL]\n\nVerifies a certificate credential (the signed W3C Verifiable Credential) offline: the eddsa-jcs-2022 signature against --key — a JWKS file, a PEM public key, or the issuer’s /.well-known/attest-keys.json URL (fetched) — or, without --key, this installation’s own key. Prints the holder, scope, sites, dates and status as signed. Exit 0 when valid; 1 when tampered with or signed by another key; 2 when the file or key cannot be read.',
    options: { key: { type: 'string' } },
    positionals: true,
    async run(v, positionals) {
      if (positionals.length > 1) {
        console.error('Give one credential file.');
        return 2;
      }
      const { verifyCertificateFile } = await import('./verify-certificate.ts');
      return verifyCertificateFile(positionals[0], typeof v.key === 'string' ? v.key : undefined, { out: (s) => console.log(s), err: (s) => console.error(s) });
    },
  },

  'catalog check': {
    help: 'attest catalog check [--dir <folder>]\n\nValidates every framework and crosswalk YAML (default: the built-in catalogs/) as start-up would, and prints the counts per framework and kind and the mappings per crosswalk. Exit 1 with "file:line: reason" lines when something is wrong.',
    options: { dir: { type: 'string' } },
    async run(v) {
      const { checkCatalogs } = await import('../server/modules/catalog/catalog-check.ts');
      const { BUILT_IN_CATALOGS_DIR } = await import('../server/modules/catalog/catalog-files.ts');
      const res = checkCatalogs(typeof v.dir === 'string' ? path.resolve(v.dir) : BUILT_IN_CATALOGS_DIR);
      (res.ok ? console.log : console.error)(res.out);
      return res.ok ? 0 : 1;
    },
  },
};
