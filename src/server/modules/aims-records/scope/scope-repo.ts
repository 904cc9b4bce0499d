import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TScopeAiSystemSnapshot, TScopeContent, TScopeExclusion, TScopeStatus, TScopeVersionListQuery } from '../../../../shared/contracts/aims-records-context.ts';
import { decodeCursor, pageOf } from '../common/records-sql.ts';

/*
 * The only door to aims_scope_versions. A version is read in one statement with the names of its
 * people, the organization's member count (the four-eyes rule waives itself for a one-member
 * organization) and, for a draft, the AI systems the inventory marks in scope today: the one
 * read-only join into ai_systems (retired systems are not in scope), so the page is one round trip.
 */

type TDb = Kysely<DB>;

/** The inventory's systems in scope now: what a draft shows and what approval freezes. */
const liveAiSystems = sql`coalesce((SELECT jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name) ORDER BY lower(s.name), s.id)
  FROM ai_systems s WHERE s.tenant_id = v.tenant_id AND s.in_aims_scope AND s.lifecycle_stage <> 'retired'), '[]'::jsonb)`;

export type TScopeRow = {
  version: number;
  status: TScopeStatus;
  boundaries: string;
  applicability: string;
  exclusions: TScopeExclusion[];
  ai_systems: TScopeAiSystemSnapshot[];
  created_by: string;
  created_by_name: string;
  created_at: Date;
  updated_by: string;
  updated_by_name: string;
  updated_at: Date;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  approval_comment: string | null;
  latest_version: number;
  member_count: number;
};

const versionSelect = sql`
  SELECT v.version, v.status, v.boundaries, v.applicability, v.exclusions,
    CASE WHEN v.status = 'draft' THEN ${liveAiSystems} ELSE v.ai_systems END AS ai_systems,
    v.created_by, cu.name AS created_by_name, v.created_at, v.updated_by, uu.name AS updated_by_name, v.updated_at,
    v.approved_by, au.name AS approved_by_name, v.approved_at, v.approval_comment,
    (SELECT max(x.version) FROM aims_scope_versions x WHERE x.tenant_id = v.tenant_id)::int AS latest_version,
    (SELECT count(*) FROM memberships m WHERE m.tenant_id = v.tenant_id)::int AS member_count
  FROM aims_scope_versions v
  JOIN users cu ON cu.id = v.created_by
  JOIN users uu ON uu.id = v.updated_by
  LEFT JOIN users au ON au.id = v.approved_by`;

/** The latest version and the approved one (often the same row), in one statement. */
export async function overview(db: TDb, tenantId: string): Promise<TScopeRow[]> {
  const res = await sql<TScopeRow>`${versionSelect}
    WHERE v.tenant_id = ${tenantId}
      AND (v.status = 'approved' OR v.version = (SELECT max(x.version) FROM aims_scope_versions x WHERE x.tenant_id = ${tenantId}))
    ORDER BY v.version DESC`.execute(db);
  return res.rows;
}

export async function getVersion(db: TDb, tenantId: string, version: number): Promise<TScopeRow | undefined> {
  const res = await sql<TScopeRow>`${versionSelect} WHERE v.tenant_id = ${tenantId} AND v.version = ${version}`.execute(db);
  return res.rows[0];
}

/**
 * Serializes scope changes of one organization (the first draft has no row to lock yet). NO KEY
 * UPDATE leaves the foreign-key checks of every other table's inserts free to proceed.
 */
export const lockScopeOf = (db: TDb, tenantId: string) => sql`SELECT 1 FROM tenants WHERE id = ${tenantId} FOR NO KEY UPDATE`.execute(db);

/** The latest version, locked; the caller holds lockScopeOf. */
export async function latestForUpdate(db: TDb, tenantId: string) {
  return db
    .selectFrom('aims_scope_versions')
    .select(['version', 'status', 'boundaries', 'applicability', 'exclusions', 'created_by', 'updated_by'])
    .where('tenant_id', '=', tenantId)
    .orderBy('version', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}
export type TLockedScope = NonNullable<Awaited<ReturnType<typeof latestForUpdate>>>;

export const memberCount = async (db: TDb, tenantId: string) =>
  Number((await db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);

/** The systems in scope now, for the approval's snapshot (read in the approval's transaction). */
export async function aiSystemsInScope(db: TDb, tenantId: string): Promise<TScopeAiSystemSnapshot[]> {
  const res = await sql<{ ai_systems: TScopeAiSystemSnapshot[] }>`SELECT ${liveAiSystems} AS ai_systems FROM (SELECT ${tenantId}::uuid AS tenant_id) v`.execute(db);
  return res.rows[0]!.ai_systems;
}

export const insertVersion = (db: TDb, tenantId: string, v: { version: number; content: TScopeContent; userId: string }) =>
  db
    .insertInto('aims_scope_versions')
    .values({
      tenant_id: tenantId,
      version: v.version,
      boundaries: v.content.boundaries,
      applicability: v.content.applicability,
      exclusions: JSON.stringify(v.content.exclusions),
      created_by: v.userId,
      updated_by: v.userId,
    })
    .execute();

export const updateDraft = (db: TDb, tenantId: string, version: number, content: TScopeContent, userId: string) =>
  db
    .updateTable('aims_scope_versions')
    .set({
      boundaries: content.boundaries,
      applicability: content.applicability,
      exclusions: JSON.stringify(content.exclusions),
      updated_by: userId,
      updated_at: sql<Date>`now()` as never,
    })
    .where('tenant_id', '=', tenantId)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .execute();

export const markSuperseded = (db: TDb, tenantId: string) =>
  db
    .updateTable('aims_scope_versions')
    .set({ status: 'superseded' })
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'approved')
    .returning('version')
    .executeTakeFirst();

export const markApproved = (db: TDb, tenantId: string, version: number, v: { approvedBy: string; approvedAt: Date; comment: string | null; aiSystems: TScopeAiSystemSnapshot[] }) =>
  db
    .updateTable('aims_scope_versions')
    .set({ status: 'approved', approved_by: v.approvedBy, approved_at: v.approvedAt, approval_comment: v.comment, ai_systems: JSON.stringify(v.aiSystems) })
    .where('tenant_id', '=', tenantId)
    .where('version', '=', version)
    .execute();

/** Version history, newest first, keyset on the version number: one statement. */
export async function listVersions(db: TDb, tenantId: string, q: TScopeVersionListQuery) {
  const after = decodeCursor(q.cursor);
  const where = [sql`v.tenant_id = ${tenantId}`];
  if (q.status) where.push(sql`v.status = ${q.status}`);
  if (after && /^\d{1,9}$/.test(after[0])) where.push(sql`v.version < ${Number(after[0])}`);
  const res = await sql<{ id: string; sort_key: string; version: number; status: TScopeStatus; ai_system_count: number; updated_at: Date; approved_by: { id: string; name: string } | null; approved_at: Date | null }>`
    SELECT v.version::text AS id, v.version::text AS sort_key, v.version, v.status,
      jsonb_array_length(CASE WHEN v.status = 'draft' THEN ${liveAiSystems} ELSE v.ai_systems END) AS ai_system_count,
      v.updated_at, CASE WHEN au.id IS NULL THEN NULL ELSE json_build_object('id', au.id, 'name', au.name) END AS approved_by, v.approved_at
    FROM aims_scope_versions v LEFT JOIN users au ON au.id = v.approved_by
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY v.version DESC
    LIMIT ${q.limit + 1}`.execute(db);
  return pageOf(res.rows, q.limit);
}

/**
 * For the mandatory documented-information checklist (documents helper, readiness): the scope
 * statement exists when a version is approved; `approvedAt` dates it. One SQL expression.
 */
export const scopeChecklistSql = (tenantId: string) => sql<{ approvedVersion: number | null; approvedAt: string | null; draftOpen: boolean }>`(
  SELECT json_build_object(
    'approvedVersion', (SELECT version FROM aims_scope_versions WHERE tenant_id = ${tenantId} AND status = 'approved'),
    'approvedAt', (SELECT approved_at FROM aims_scope_versions WHERE tenant_id = ${tenantId} AND status = 'approved'),
    'draftOpen', EXISTS (SELECT 1 FROM aims_scope_versions WHERE tenant_id = ${tenantId} AND status = 'draft')))`;
