import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { createPlatform, type TPlatform } from '../server/platform/platform.ts';
import { verifyAuditChain } from '../server/platform/audit-log/audit-log.ts';
import { startServer, startWorker } from '../server/server.ts';
import { createAccountsService } from '../server/modules/accounts/accounts-service.ts';
import { seedDemo } from './seed-demo.ts';
import { checkCatalogs } from '../server/modules/catalog/catalog-check.ts';
import { BUILT_IN_CATALOGS_DIR } from '../server/modules/catalog/catalog-files.ts';

type TOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;
type TCommand = { help: string; options: TOptions; run(v: Record<string, string | boolean | undefined>): Promise<number> };

const CLI_CONTEXT = { requestId: 'cli', ip: null, userAgent: 'attest-cli' };

async function withPlatform<T>(fn: (p: TPlatform) => Promise<T>): Promise<T> {
  const config = { ...loadConfig(), LOG_LEVEL: 'warn' as const };
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: `${config.dataDir}/pg`, poolMax: 2 });
  try {
    await migrateToLatest(database.db);
    return await fn(createPlatform(config, database));
  } finally {
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
        const summary = await seedDemo(p);
        console.log(summary);
        return 0;
      });
    },
  },

  'audit verify': {
    help: 'attest audit verify --tenant <tenantId>\n\nRecomputes the tenant\'s audit-log hash chain. Exit 0 when intact; exit 1 naming the first broken event otherwise.',
    options: { tenant: { type: 'string' } },
    async run(v) {
      const tenant = v.tenant;
      if (typeof tenant !== 'string' || !/^[0-9a-f-]{36}$/i.test(tenant)) {
        console.error('--tenant <uuid> is required.');
        return 2;
      }
      return withPlatform(async (p) => {
        const res = await verifyAuditChain(p.db, tenant);
        if (res.ok) {
          console.log(`Audit log intact: ${res.checked} events checked.`);
          return 0;
        }
        console.error(`Audit log BROKEN at event #${res.firstBrokenSeq} (${res.checked} events verified before it).`);
        return 1;
      });
    },
  },

  'catalog check': {
    help: 'attest catalog check [--dir <folder>]\n\nValidates every framework and crosswalk YAML (default: the built-in catalogs/) as start-up would, and prints the counts per framework and kind and the mappings per crosswalk. Exit 1 with "file:line: reason" lines when something is wrong.',
    options: { dir: { type: 'string' } },
    async run(v) {
      const res = checkCatalogs(typeof v.dir === 'string' ? path.resolve(v.dir) : BUILT_IN_CATALOGS_DIR);
      (res.ok ? console.log : console.error)(res.out);
      return res.ok ? 0 : 1;
    },
  },
};
