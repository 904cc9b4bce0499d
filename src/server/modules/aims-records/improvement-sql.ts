import { todayOf } from '../../platform/clock/clock.ts';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/types.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { TRequirementRef } from '../../../shared/contracts/aims-improvement-common.ts';
import { resolveRequirementRefs } from '../catalog/catalog-repo.ts';

/*
 * What the improvement records (internal audits, management reviews, nonconformities, incidents)
 * share: SQL fragments that read a person or a record's requirement links inside the record's own
 * statement (one round trip per page), the keyset cursor, and the checks on people and catalog
 * references every create and update makes.
 */

export type TDb = Kysely<DB>;
export type TPersonJson = { id: string; name: string } | null;
export type TRequirementJson = { framework_id: string; framework_version: string; ref: string; title: { en: string; fr: string } };

export const personJson = (idCol: RawBuilder<unknown>) => sql`(SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = ${idCol})`;

/** A link table's rows for one record, with the catalog titles, ordered as the catalog orders them. */
export const requirementsJson = (table: string, fk: string, alias: string) =>
  sql`coalesce((SELECT json_agg(json_build_object('framework_id', q.framework_id, 'framework_version', q.framework_version, 'ref', q.ref, 'title', cr.title) ORDER BY q.framework_id, cr.position)
    FROM ${sql.table(table)} q JOIN catalog_requirements cr ON cr.framework_id = q.framework_id AND cr.framework_version = q.framework_version AND cr.ref = q.ref
    WHERE q.tenant_id = ${sql.ref(`${alias}.tenant_id`)} AND ${sql.ref(`q.${fk}`)} = ${sql.ref(`${alias}.id`)}), '[]')`;

export const toLinkedRequirement = (q: TRequirementJson) => ({ frameworkId: q.framework_id, frameworkVersion: q.framework_version, ref: q.ref, title: q.title });

export const iso = (d: Date | string) => new Date(d).toISOString();
export const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

// ---------------------------------------------------------------------------------------------
// Keyset cursor over (sort key as text, id)

export const encodeCursor = (sortKey: string, id: string) => Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');

export function decodeCursor(cursor: string): [string, string] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && /^[0-9a-f-]{36}$/.test(v[1]) ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}

export const badCursor = () =>
  new AppError(400, 'validation_failed', 'cursor must be the nextCursor of a previous page.', [{ field: 'cursor', issue: 'invalid', message: 'Not a cursor of this list.' }]);

export type TSortDef = { expr: RawBuilder<unknown>; type: RawBuilder<unknown> };

/** The WHERE term that starts a page after the cursor, in the list's order. */
export function afterCursor(cursor: string | undefined, sort: TSortDef, idCol: RawBuilder<unknown>, desc: boolean): RawBuilder<unknown> | null {
  if (!cursor) return null;
  const after = decodeCursor(cursor);
  if (!after) throw badCursor();
  return sql`(${sort.expr}, ${idCol}) ${sql.raw(desc ? '<' : '>')} (${after[0]}::${sort.type}, ${after[1]}::uuid)`;
}

export function pageOf<R extends { id: string; sort_key: string }>(rows: R[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.sort_key, last.id) : null };
}

// ---------------------------------------------------------------------------------------------
// Checks shared by the services

/** People named (owners, auditors, auditees) must be members of the organization; `fields` maps each id to its field. */
export async function checkMembers(db: TDb, tenantId: string, named: readonly { field: string; id: string | null | undefined }[]) {
  const ids = [...new Set(named.flatMap((n) => (n.id ? [n.id] : [])))];
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.user_id', 'in', ids)
    .execute();
  const found = new Map(rows.map((r) => [r.id, r.name]));
  const bad = named.filter((n) => n.id && !found.has(n.id));
  if (bad.length) {
    throw new AppError(400, 'records_member_unknown', 'A person named must be a member of this organization.', bad.map((b) => ({ field: b.field, issue: 'invalid', message: 'Not a member of this organization.' })));
  }
  return found;
}

export type TResolvedLink = { framework_id: string; framework_version: string; ref: string };

/** Catalog references as stored: the framework's current version; an unknown one is a field error. */
export async function resolveRequirements(db: TDb, tenantId: string, links: readonly TRequirementRef[], field = 'requirements'): Promise<TResolvedLink[]> {
  const key = (l: { frameworkId: string; ref: string }) => `${l.frameworkId}\u0000${l.ref}`;
  const unique = [...new Map(links.map((l) => [key(l), l])).values()];
  const rows = await resolveRequirementRefs(db, { tenantIds: [tenantId] }, unique);
  const known = new Set(rows.map((r) => `${r.framework_id}\u0000${r.ref}`));
  const missing = links.flatMap((l, i) => (known.has(key(l)) ? [] : [{ field: `${field}.${i}.ref`, issue: 'invalid', message: `${l.frameworkId} ${l.ref} is not in the catalog.` }]));
  if (missing.length) throw new AppError(400, 'records_requirement_unknown', `Not in the catalog: ${missing.map((m) => m.message.replace(' is not in the catalog.', '')).join(', ')}.`, missing);
  return rows.map((r) => ({ framework_id: r.framework_id, framework_version: r.framework_version, ref: r.ref })).sort((a, b) => refText(a).localeCompare(refText(b)));
}

export const refText = (l: { framework_id: string; ref: string }) => `${l.framework_id} ${l.ref}`;

/** Replaces a record's requirement links as a whole. */
export async function replaceLinks(db: TDb, table: 'nonconformity_requirements' | 'internal_audit_requirements' | 'internal_audit_programme_requirements', fk: 'nonconformity_id' | 'audit_id' | 'programme_id', tenantId: string, id: string, links: readonly TResolvedLink[]) {
  const q = db as unknown as Kysely<any>;
  await q.deleteFrom(table).where('tenant_id', '=', tenantId).where(fk, '=', id).execute();
  if (links.length) await q.insertInto(table).values(links.map((l) => ({ ...l, tenant_id: tenantId, [fk]: id }))).execute();
}

export async function listLinks(db: TDb, table: 'nonconformity_requirements' | 'internal_audit_requirements' | 'internal_audit_programme_requirements', fk: 'nonconformity_id' | 'audit_id' | 'programme_id', tenantId: string, id: string): Promise<TResolvedLink[]> {
  const q = db as unknown as Kysely<any>;
  return q.selectFrom(table).select(['framework_id', 'framework_version', 'ref']).where('tenant_id', '=', tenantId).where(fk, '=', id).orderBy('framework_id').orderBy('ref').execute();
}

/** The calendar day (UTC) the records reason in: due dates, reporting dates. */
export { todayOf };
