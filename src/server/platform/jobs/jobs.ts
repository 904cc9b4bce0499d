import { PgBoss, fromKysely, fromPglite } from 'pg-boss';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { TDatabase } from '../../db/client.ts';
import type { DB } from '../../db/types.ts';
import type { TPlatform } from '../platform.ts';
import type { TAnyJobDefinition, TJobDefinition } from './define-job.ts';

/**
 * `singletonSeconds` with a `singletonKey`: at most one job per key in each slot of that many
 * seconds, whatever its state (a second send in the slot is dropped and returns null).
 */
export type TSendOptions = { singletonKey?: string; startAfter?: Date; singletonSeconds?: number };

export type TJobs = {
  /** Before start(): the definitions this instance knows (every instance registers the same list). */
  register(def: TAnyJobDefinition): void;
  /**
   * Queues a job in the caller's transaction: it exists if and only if the change commits. Works
   * the same whether this instance runs workers or not.
   */
  send<P>(tx: Kysely<DB>, def: TJobDefinition<P>, payload: NoInfer<P>, options?: TSendOptions): Promise<string | null>;
  /** Creates the queues and schedules; runs workers when `workers` is on. */
  start(opts?: { workers?: boolean }): Promise<void>;
  stop(): Promise<void>;
  readonly started: boolean;
  readonly working: boolean;
};

/*
 * Idle polling costs every request a share of the database (on PGlite, its only connection): a
 * queue polls every 2 s, a scheduled one (hourly, daily) every 30 s; a batch that comes back full
 * is followed at once by the next, so a backlog drains without waiting out the interval.
 */
const workOptions = (def: TAnyJobDefinition) => ({
  pollingIntervalSeconds: def.schedule ? 30 : 2,
  batchSize: 5,
  burstWhenBatchFull: true,
  perJobResults: true,
});

/**
 * pg-boss over the same database: on PostgreSQL its own pool (SKIP LOCKED makes a job run once
 * across instances), when embedded the PGlite adapter on our single connection. A job is queued
 * on the caller's Kysely transaction (pg-boss's `db` option), never on pg-boss's own connection.
 */
export function createJobs(database: TDatabase, log: Logger, opts: { workers: boolean; platform: () => TPlatform }): TJobs {
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite) as never, backend: 'pglite', schema: 'pgboss' } as never)
    : new PgBoss({ connectionString: database.connectionString!, schema: 'pgboss', max: 4 });
  boss.on('error', (err: Error) => log.error({ err }, 'job system error'));
  const definitions = new Map<string, TAnyJobDefinition>();
  let started = false;
  let working = false;

  /** One job's outcome: a failure is that job's alone (it retries), never its batch's. */
  async function run(def: TAnyJobDefinition, job: { id: string; data: unknown }): Promise<{ id: string; status: 'completed' | 'failed' | 'deadletter'; output?: object }> {
    const parsed = def.payload.safeParse(job.data);
    if (!parsed.success) {
      // A payload that no longer fits its schema will not fit on retry either: fail it for good.
      log.error({ queue: def.id, jobId: job.id, issues: parsed.error.issues }, 'job payload does not match its schema');
      return { id: job.id, status: 'deadletter', output: { error: 'payload does not match its schema' } };
    }
    try {
      await def.handler(parsed.data, { platform: opts.platform(), jobId: job.id });
      return { id: job.id, status: 'completed' };
    } catch (err) {
      log.error({ err, queue: def.id, jobId: job.id }, 'job failed');
      return { id: job.id, status: 'failed', output: { error: err instanceof Error ? err.message : String(err) } };
    }
  }

  return {
    get started() {
      return started;
    },
    get working() {
      return working;
    },
    register(def) {
      if (started) throw new Error(`Job ${def.id} registered after start: register every job before the job system starts`);
      if (definitions.has(def.id)) throw new Error(`Job ${def.id} is defined twice`);
      definitions.set(def.id, def);
    },
    async start(startOpts = {}) {
      const workers = startOpts.workers ?? opts.workers;
      await boss.start();
      for (const def of definitions.values()) {
        await boss.createQueue(def.id).catch(() => undefined);
        if (def.schedule) await boss.schedule(def.id, def.schedule.cron, def.schedule.payload as object, { tz: 'UTC' } as never);
        if (!workers) continue;
        await boss.work(def.id, workOptions(def) as never, (async (jobs: { id: string; data: unknown }[]) => {
          const results = [];
          for (const job of jobs) results.push(await run(def, job));
          return results;
        }) as never);
      }
      started = true;
      working = workers;
    },
    async send(tx, def, payload, options = {}) {
      if (!started) throw new Error(`Cannot queue ${def.id}: the job system is not started`);
      if (!definitions.has(def.id)) throw new Error(`Cannot queue ${def.id}: it is not in the registered job list`);
      const data = def.payload.parse(payload);
      return boss.send(def.id, data as object, {
        retryLimit: def.retryLimit ?? 5,
        retryBackoff: true,
        ...options,
        db: fromKysely(tx as never),
      } as never);
    },
    async stop() {
      if (!started) return;
      started = false;
      working = false;
      await boss.stop({ graceful: true, timeout: 5000 } as never);
    },
  };
}
