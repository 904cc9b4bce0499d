import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './types.ts';
import { PGliteDialect } from './pglite-dialect.ts';

export type TBackend = 'pglite' | 'postgres';

export type TDatabase = {
  db: Kysely<DB>;
  backend: TBackend;
  /** Set when embedded: pg-boss talks to the same instance. */
  pglite: PGlite | null;
  connectionString: string | null;
  /**
   * For the few statements on every request's path: on PostgreSQL a named prepared statement,
   * parsed and planned once per connection instead of on each call.
   */
  hot<R>(name: string, text: string, values: unknown[]): Promise<R[]>;
  close(): Promise<void>;
};

// int8 (counts, sequence numbers) as JS numbers: they stay far below 2^53 here.
pg.types.setTypeParser(20, (v) => Number(v));

export type TDatabaseOptions = {
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files, or 'memory://' for a throwaway database. */
  pgliteDir?: string;
  poolMax?: number;
  /** Called with every statement sent (Kysely's and `hot`'s): tests count round trips with it. */
  onQuery?: (sql: string) => void;
};

const kyselyLog = (onQuery: TDatabaseOptions['onQuery']) =>
  onQuery ? { log: (event: { level: string; query: { sql: string } }) => onQuery(event.query.sql) } : {};

export async function openDatabase(opts: TDatabaseOptions): Promise<TDatabase> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolMax ?? 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...kyselyLog(opts.onQuery) });
    return {
      db,
      backend: 'postgres',
      pglite: null,
      connectionString: opts.databaseUrl,
      hot: async <R,>(name: string, text: string, values: unknown[]) => {
        opts.onQuery?.(text);
        return (await pool.query({ name, text, values })).rows as R[];
      },
      close: () => db.destroy(),
    };
  }
  const dir = opts.pgliteDir ?? 'memory://';
  if (!dir.startsWith('memory://')) fs.mkdirSync(path.dirname(dir), { recursive: true });
  // unaccent: catalog search folds accents in its generated tsvectors (migration 0003).
  const pglite = await PGlite.create(dir, { parsers: { 20: (v: string) => Number(v) }, extensions: { unaccent } });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), ...kyselyLog(opts.onQuery) });
  return {
    db,
    backend: 'pglite',
    pglite,
    connectionString: null,
    hot: async <R,>(_name: string, text: string, values: unknown[]) => {
      opts.onQuery?.(text);
      return (await pglite.query<R>(text, values)).rows;
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}
