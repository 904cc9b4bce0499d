import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/types.ts';

/*
 * The keyset tail the certification lists share: a cursor is [sort key as text, row id] in
 * base64url JSON; a page reads limit + 1 rows after it to know whether another page follows, and
 * the next cursor names the last row kept. A cursor that is not one of these (tampered, truncated,
 * another list's) reads as the first page.
 */

export const encodeKeyset = (sortKey: string, id: string) => Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');

export function decodeKeyset(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && /^[0-9a-f-]{36}$/.test(v[1]) ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}

/** Keeps `limit` of the `limit + 1` rows read, with the next page's cursor when there is one. */
export function keysetTail<R extends { sort_key: string; id: string }>(rows: R[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeKeyset(last.sort_key, last.id) : null };
}

/**
 * One newest-first page in one statement. `statement` is the list's SELECT … WHERE with its own
 * filters and selects `sortKey` AS sort_key; `sortKey` and `id` are the columns the cursor reads.
 */
export async function newestFirstPage<R extends { sort_key: string; id: string }>(
  db: Kysely<DB>,
  statement: RawBuilder<unknown>,
  o: { sortKey: RawBuilder<unknown>; id: RawBuilder<unknown>; cursor: string | undefined; limit: number },
) {
  const after = decodeKeyset(o.cursor);
  const { rows } = await sql<R>`${statement}
      ${after ? sql`AND (${o.sortKey}, ${o.id}) < (${after[0]}, ${after[1]}::uuid)` : sql``}
    ORDER BY sort_key DESC, ${o.id} DESC
    LIMIT ${o.limit + 1}`.execute(db);
  return keysetTail(rows, o.limit);
}
