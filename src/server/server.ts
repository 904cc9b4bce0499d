import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { loadConfig, type TConfig } from './config.ts';
import { openDatabase, type TDatabase } from './db/client.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadCatalogs } from './modules/catalog/catalog-loader.ts';
import { createLogger, createPlatform, type TPlatform } from './platform/platform.ts';
import { buildApp } from './app.ts';

export type TRunning = { app: FastifyInstance; platform: TPlatform; stop(): Promise<void> };
export type TRunningWorker = { platform: TPlatform; stop(): Promise<void> };

async function openMigrated(config: TConfig, log: Logger): Promise<TDatabase> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: `${config.dataDir}/pg`,
    poolMax: config.DATABASE_POOL_MAX,
  });
  const applied = await migrateToLatest(database.db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  return database;
}

/** config → database → migrations → platform → app: shared by `attest serve`, the tests and the bench. */
export async function startServer(opts: { config?: TConfig; log?: Logger; listen?: boolean } = {}): Promise<TRunning> {
  const config = opts.config ?? loadConfig();
  const log = opts.log ?? createLogger(config);
  const database = await openMigrated(config, log);
  await loadCatalogs(database.db, { log });
  const platform = createPlatform(config, database, log);
  const app = await buildApp(platform);
  await platform.jobs.start();
  if (opts.listen !== false) await app.listen({ port: config.PORT, host: config.HOST });
  return {
    app,
    platform,
    async stop() {
      await app.close();
      await platform.jobs.stop();
      await database.close();
    },
  };
}

/**
 * `attest worker`: the same platform and job list as the server, running every job whatever
 * JOBS_ENABLED says, and serving no HTTP. Web instances can then run with JOBS_ENABLED=false.
 */
export async function startWorker(opts: { config?: TConfig; log?: Logger } = {}): Promise<TRunningWorker> {
  const config = opts.config ?? loadConfig();
  const log = opts.log ?? createLogger(config);
  const database = await openMigrated(config, log);
  const platform = createPlatform(config, database, log);
  await platform.jobs.start({ workers: true });
  return {
    platform,
    async stop() {
      await platform.jobs.stop();
      await database.close();
    },
  };
}
