import { PgBoss, fromPglite } from 'pg-boss';
import type { Logger } from 'pino';
import type { TDatabase } from '../../db/client.ts';

export type TJobHandler = (data: any, job: { id: string; name: string }) => Promise<void>;
export type TJobs = {
  send(queue: string, data: object, options?: { singletonKey?: string; startAfter?: Date | number }): Promise<string | null>;
  register(queue: string, handler: TJobHandler): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly started: boolean;
};

/**
 * pg-boss over the same database: on PostgreSQL its own pool (SKIP LOCKED makes a job run once
 * across instances), when embedded the PGlite adapter on our single connection.
 */
export function createJobs(database: TDatabase, log: Logger, opts: { workers: boolean }): TJobs {
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite) as never, backend: 'pglite', schema: 'pgboss' } as never)
    : new PgBoss({ connectionString: database.connectionString!, schema: 'pgboss', max: 4 });
  boss.on('error', (err: Error) => log.error({ err }, 'job system error'));
  const handlers = new Map<string, TJobHandler>();
  let started = false;
  return {
    get started() {
      return started;
    },
    register(queue, handler) {
      handlers.set(queue, handler);
    },
    async start() {
      await boss.start();
      for (const [queue, handler] of handlers) {
        await boss.createQueue(queue).catch(() => undefined);
        if (!opts.workers) continue;
        await boss.work(queue, { pollingIntervalSeconds: 0.5 } as never, (async (jobs: { id: string; name: string; data: unknown }[]) => {
          for (const job of jobs) {
            try {
              await handler(job.data, job);
            } catch (err) {
              log.error({ err, queue, jobId: job.id }, 'job failed');
              throw err;
            }
          }
        }) as never);
      }
      started = true;
    },
    async send(queue, data, options = {}) {
      return boss.send(queue, data, { retryLimit: 5, retryBackoff: true, ...options } as never);
    },
    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, timeout: 5000 } as never);
    },
  };
}
