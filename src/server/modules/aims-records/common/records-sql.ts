import { todayOf } from '../../../platform/clock/clock.ts';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/types.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import type { TRequirementLink } from '../../../../shared/contracts/risks.ts';
import { resolveRequirementRefs } from '../../catalog/catalog-repo.ts';

/*
 * What the record types of this folder share: keyset cursors over (sort key, id), a person as
 * {id, name} read in the same statement, and requirement links resolved against the catalog's
 * current framework versions. Each record type's repo stays the only door to its own tables.
 */

export const encodeCursor = (sortKey: string, id: string) => Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');

/** [sort key, id] from a cursor this API wrote; anything else reads as "first page". */
export function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && v[0].length <= 300 && v[1].length <= 64 ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}

/** Keeps `limit` rows of the `limit + 1` read, and the cursor of the next page when there is one. */
export function pageOf<R extends { sort_key: string; id: string }>(rows: R[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.sort_key, last.id) : null };
}

export const personSql = (idCol: RawBuilder<unknown>) => sql`(SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = ${idCol})`;

/**
 * The requirements linked to a record, with their titles, as a JSON array (a sub-select of the
 * record's own statement). `table` and `column` are this module's constants, never input.
 */
export const linkedRequirementsSql = (table: string, column: string, recordId: RawBuilder<unknown>, tenantId: RawBuilder<unknown>) =>
  sql`coalesce((SELECT json_agg(json_build_object('frameworkId', q.framework_id, 'frameworkVersion', q.framework_version, 'ref', q.ref, 'title', cr.title) ORDER BY q.framework_id, cr.position)
    FROM ${sql.table(table)} q JOIN catalog_requirements cr ON cr.framework_id = q.framework_id AND cr.framework_version = q.framework_version AND cr.ref = q.ref
    WHERE q.tenant_id = ${tenantId} AND q.${sql.ref(column)} = ${recordId}), '[]')`;

export type TResolvedLink = { framework_id: string; framework_version: string; ref: string };

/** Each link must name a requirement of a current catalog framework the tenant may read: else 400 with the field. */
export async function resolveRequirementLinks(db: Kysely<DB>, tenantId: string, links: readonly TRequirementLink[]): Promise<TResolvedLink[]> {
  const key = (l: { frameworkId: string; ref: string }) => `${l.frameworkId}\u0000${l.ref}`;
  const unique = [...new Map(links.map((l) => [key(l), l])).values()];
  const rows = await resolveRequirementRefs(db, { tenantIds: [tenantId] }, unique);
  const known = new Set(rows.map((r) => key({ frameworkId: r.framework_id, ref: r.ref })));
  const missing = links.flatMap((l, i) => (known.has(key(l)) ? [] : [{ field: `requirements.${i}.ref`, issue: 'invalid', message: `${l.frameworkId} ${l.ref} is not in the catalog.` }]));
  if (missing.length) throw new AppError(400, 'record_requirement_unknown', `Not in the catalog: ${missing.map((m) => m.message.replace(' is not in the catalog.', '')).join(', ')}.`, missing);
  return rows.map((r) => ({ framework_id: r.framework_id, framework_version: r.framework_version, ref: r.ref }));
}

/** The users among `ids` who are members of the tenant. */
export async function membersAmong(db: Kysely<DB>, tenantId: string, ids: readonly (string | null | undefined)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (!wanted.length) return new Set();
  const rows = await db.selectFrom('memberships').select('user_id').where('tenant_id', '=', tenantId).where('user_id', 'in', wanted).execute();
  return new Set(rows.map((r) => r.user_id));
}

export const notMember = (field: string) =>
  new AppError(400, 'record_member_unknown', 'This person is not a member of the organization.', [{ field, issue: 'invalid', message: 'Not a member of this organization.' }]);

/** The calendar day (UTC) records reason in: due dates, renewals. */
export { todayOf };
export const iso = (d: Date | string) => new Date(d).toISOString();
export const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);

/**
 * An update's audit payloads: only the fields that changed, plus `keep` (what the sentence names,
 * e.g. the title) on the after side even when unchanged.
 */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T, keep: readonly (keyof T & string)[]) {
  const same = (k: string) => JSON.stringify(before[k]) === JSON.stringify(after[k]);
  const b = Object.fromEntries(Object.entries(before).filter(([k]) => !same(k))) as Partial<T>;
  const a = Object.fromEntries(Object.entries(after).filter(([k]) => !same(k) || keep.includes(k))) as Partial<T>;
  const changed = Object.keys(b).length > 0;
  return { before: b, after: a, changed };
}
