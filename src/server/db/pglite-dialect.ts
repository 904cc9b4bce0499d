import type { PGlite, Transaction } from '@electric-sql/pglite';
import {
  type CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/*
 * PGlite is one connection. Its own mutex makes `query()` wait while a `transaction()` is open,
 * so we run every Kysely transaction inside `pglite.transaction()`: other statements (pg-boss,
 * parallel requests) queue behind it instead of leaking into it.
 */
class PGliteConnection implements DatabaseConnection {
  readonly #db: PGlite;
  tx: Transaction | null = null;
  finish: ((commit: boolean) => void) | null = null;
  done: Promise<unknown> | null = null;

  constructor(db: PGlite) {
    this.#db = db;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const runner = this.tx ?? this.#db;
    const res = await runner.query<R>(compiled.sql, compiled.parameters as unknown[], { rowMode: 'object' });
    const affected = res.affectedRows;
    return {
      rows: res.rows,
      ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on PGlite; page with keyset cursors instead');
  }
}

class PGliteDriver implements Driver {
  readonly #db: PGlite;
  constructor(db: PGlite) {
    this.#db = db;
  }
  async init() {}
  async acquireConnection() {
    return new PGliteConnection(this.#db);
  }
  async beginTransaction(conn: DatabaseConnection) {
    const c = conn as PGliteConnection;
    await new Promise<void>((started, failedToStart) => {
      c.done = this.#db
        .transaction(async (tx) => {
          c.tx = tx;
          started();
          const commit = await new Promise<boolean>((resolve) => {
            c.finish = resolve;
          });
          if (!commit) await tx.rollback();
        })
        .catch((err) => {
          if (!c.tx) failedToStart(err);
          else throw err;
        });
    });
  }
  async commitTransaction(conn: DatabaseConnection) {
    await this.#end(conn as PGliteConnection, true);
  }
  async rollbackTransaction(conn: DatabaseConnection) {
    await this.#end(conn as PGliteConnection, false);
  }
  async #end(c: PGliteConnection, commit: boolean) {
    const done = c.done;
    c.finish?.(commit);
    c.tx = null;
    c.finish = null;
    c.done = null;
    await done;
  }
  async releaseConnection() {}
  async destroy() {}
}

export class PGliteDialect implements Dialect {
  readonly #db: PGlite;
  constructor(db: PGlite) {
    this.#db = db;
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver() {
    return new PGliteDriver(this.#db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
}

