import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';

/*
 * The numbers a certification body prints on its papers: `CLI-0012` for a client, `PRO-2026-0003`
 * for a proposal, `AUD-2026-0007` for an audit. Auditors quote them on the phone, so they are short,
 * per body, and never reused. Two people creating records at the same moment must not draw the
 * same number: the transaction takes an advisory lock on (tenant, series) before reading the
 * highest number, and the table's unique index on the reference is the last guard.
 */

/** The tables that carry a body-scoped `reference` column. */
export type TReferencedTable = 'clients' | 'audits' | (string & {});

export type TReferenceSeries = {
  table: TReferencedTable;
  /** Upper-case letters or digits, a letter first: `CLI`, `PRO`, `AUD`, `ENQ`, `SOC2`. */
  prefix: string;
  /** A year makes the series restart each January (`PRO-2026-0001`); without one it never restarts. */
  year?: number;
};

const pad = (n: number) => String(n).padStart(4, '0');

export function formatReference(series: TReferenceSeries, n: number): string {
  return series.year === undefined ? `${series.prefix}-${pad(n)}` : `${series.prefix}-${series.year}-${pad(n)}`;
}

/**
 * Draws the next reference of a series for one tenant. Call it inside the transaction that inserts
 * the row: the lock is held until that transaction ends.
 */
export async function nextReference(tx: Transaction<DB> | Kysely<DB>, tenantId: string, series: TReferenceSeries): Promise<string> {
  if (!/^[A-Z][A-Z0-9]{1,5}$/.test(series.prefix)) throw new Error(`reference prefix must be 2–6 upper-case letters or digits, a letter first: ${series.prefix}`);
  if (!/^[a-z][a-z0-9_]*$/.test(series.table)) throw new Error(`not a table name: ${series.table}`);
  const head = series.year === undefined ? `${series.prefix}-` : `${series.prefix}-${series.year}-`;
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${tenantId}:${head}`}, 0))`.execute(tx);
  // The start position is cast: an untyped parameter would pick substring(text FROM pattern), the regex form.
  // Only references of exactly this series' shape count: a hand-typed `AUD-2026-X` cannot derail it.
  const pattern = `^${head.replace(/-/g, '\\-')}[0-9]{4,}$`;
  const { rows } = await sql<{ n: number | null }>`
    SELECT max(substring(reference FROM ${head.length + 1}::int)::int) AS n
      FROM ${sql.table(series.table)}
     WHERE tenant_id = ${tenantId} AND reference ~ ${pattern}`.execute(tx);
  return formatReference(series, (rows[0]?.n ?? 0) + 1);
}
