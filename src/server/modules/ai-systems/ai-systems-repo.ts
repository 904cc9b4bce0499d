import { sql, type Kysely, type Insertable, type Updateable } from 'kysely';
import type { TDatabase } from '../../db/client.ts';
import { runHot } from '../../db/hot-query.ts';
import type { DB } from '../../db/types.ts';
import type { TAiSystemsTables } from '../../db/types-ai-systems.ts';
import type { TAiListQuery } from '../../../shared/contracts/ai-systems.ts';

/* The only door to ai_systems and ai_system_classifications: every function takes tenantId. */

type TSystemInsert = Omit<Insertable<TAiSystemsTables['ai_systems']>, 'tenant_id' | 'id'>;
type TSystemPatch = Omit<Updateable<TAiSystemsTables['ai_systems']>, 'tenant_id' | 'id'>;
type TClassificationInsert = Omit<Insertable<TAiSystemsTables['ai_system_classifications']>, 'tenant_id' | 'id' | 'version'>;

/** A system with its owners' names and its current classification: one statement, joins only. */
const withDetail = (db: Kysely<DB>, tenantId: string) =>
  db
    .selectFrom('ai_systems as a')
    .leftJoin('users as bo', 'bo.id', 'a.business_owner_id')
    .leftJoin('users as to', 'to.id', 'a.technical_owner_id')
    .leftJoin('users as cb', 'cb.id', 'a.created_by')
    .leftJoin('ai_system_classifications as c', (j) => j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.id', '=', 'a.current_classification_id'))
    .leftJoin('users as cu', 'cu.id', 'c.classified_by')
    .selectAll('a')
    .select([
      'bo.name as business_owner_name',
      'to.name as technical_owner_name',
      'cb.name as created_by_name',
      'c.version as c_version',
      'c.tier as c_tier',
      'c.route as c_route',
      'c.annex_iii_ref as c_annex_iii_ref',
      'c.classified_at as c_classified_at',
      'c.classified_by as c_classified_by',
      'c.roles as c_roles',
      'cu.name as c_classified_by_name',
      sql<string>`lower(a.name)`.as('name_key'),
    ])
    .where('a.tenant_id', '=', tenantId);
export type TAiSystemRow = Awaited<ReturnType<ReturnType<typeof withDetail>['executeTakeFirstOrThrow']>>;

export const getAiSystem = (db: Kysely<DB>, tenantId: string, id: string) => withDetail(db, tenantId).where('a.id', '=', id).executeTakeFirst();

/** An inventory row: the list's columns only (no long texts, no creator or classifier names). */
const summaryOf = (db: Kysely<DB>, tenantId: string) =>
  db
    .selectFrom('ai_systems as a')
    .leftJoin('users as bo', 'bo.id', 'a.business_owner_id')
    .leftJoin('users as to', 'to.id', 'a.technical_owner_id')
    .leftJoin('ai_system_classifications as c', (j) => j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.id', '=', 'a.current_classification_id'))
    .select([
      'a.id',
      'a.name',
      'a.lifecycle_stage',
      'a.roles',
      'a.business_owner_id',
      'a.technical_owner_id',
      'a.in_aims_scope',
      'a.supplier',
      'a.model_type',
      'a.bom_ref',
      'a.created_at',
      'a.updated_at',
      'bo.name as business_owner_name',
      'to.name as technical_owner_name',
      'c.version as c_version',
      'c.tier as c_tier',
      'c.route as c_route',
      'c.annex_iii_ref as c_annex_iii_ref',
      sql<string>`lower(a.name)`.as('name_key'),
    ])
    .where('a.tenant_id', '=', tenantId);
export type TAiSystemSummaryRow = Awaited<ReturnType<ReturnType<typeof summaryOf>['executeTakeFirstOrThrow']>>;

const SORT_COLUMNS = { name: 'name_key', updatedAt: 'a.updated_at', createdAt: 'a.created_at' } as const;
const SORT_EXPR = { name: sql`lower(a.name)`, updatedAt: sql`a.updated_at`, createdAt: sql`a.created_at` } as const;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of the inventory in one SQL statement, prepared (a hot path): filters, the sort key
 * and the id as keyset (page N costs what page 1 costs). Timestamps are millisecond-precise (the
 * service writes them), so a cursor holding an ISO time compares exactly.
 */
export async function listAiSystems(database: Pick<TDatabase, 'db' | 'hot'>, tenantId: string, q: TAiListQuery, after: [string, string] | null) {
  let query = summaryOf(database.db, tenantId);
  if (q.stage) query = query.where('a.lifecycle_stage', '=', q.stage);
  if (q.tier === 'unclassified') query = query.where('a.current_classification_id', 'is', null);
  else if (q.tier) query = query.where('c.tier', '=', q.tier);
  if (q.role) query = query.where(sql<boolean>`${q.role} = ANY(a.roles)`);
  if (q.inScope !== undefined) query = query.where('a.in_aims_scope', '=', q.inScope);
  if (q.ownerId) {
    const owner = q.ownerId;
    query = query.where((eb) => eb.or([eb('a.business_owner_id', '=', owner), eb('a.technical_owner_id', '=', owner)]));
  }
  if (q.q) {
    const pattern = `%${likeEscape(q.q)}%`;
    query = query.where(sql<boolean>`(a.name ILIKE ${pattern} OR a.purpose ILIKE ${pattern} OR a.supplier ILIKE ${pattern} OR a.model_type ILIKE ${pattern})`);
  }
  const desc = q.direction === 'desc';
  const key = SORT_EXPR[q.sort];
  if (after) {
    const value = q.sort === 'name' ? after[0] : new Date(after[0]);
    query = query.where(sql<boolean>`(${key}, a.id) ${sql.raw(desc ? '<' : '>')} (${value}, ${after[1]})`);
  }
  const dir = desc ? 'desc' : 'asc';
  const rows = await runHot(database, 'ai_list', query.orderBy(key, dir).orderBy('a.id', dir).limit(q.limit + 1).compile());
  return { rows: rows.slice(0, q.limit), more: rows.length > q.limit, sortColumn: SORT_COLUMNS[q.sort] };
}

export const lockAiSystem = (db: Kysely<DB>, tenantId: string, id: string) =>
  db.selectFrom('ai_systems').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();

export const insertAiSystem = (db: Kysely<DB>, tenantId: string, values: TSystemInsert) =>
  db.insertInto('ai_systems').values({ ...values, tenant_id: tenantId }).returning('id').executeTakeFirstOrThrow();

export const updateAiSystem = (db: Kysely<DB>, tenantId: string, id: string, patch: TSystemPatch) =>
  db.updateTable('ai_systems').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

/** Which of these ids are AI systems of the tenant (other modules link to systems through this). */
export async function existIds(db: Kysely<DB>, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('ai_systems').select('id').where('tenant_id', '=', tenantId).where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

/** The system whose bom-ref is this, if any (CycloneDX import matches on it). */
export const findByBomRef = (db: Kysely<DB>, tenantId: string, bomRefs: readonly string[]) =>
  bomRefs.length
    ? db.selectFrom('ai_systems').select(['id', 'bom_ref', 'name']).where('tenant_id', '=', tenantId).where('bom_ref', 'in', [...bomRefs]).execute()
    : Promise.resolve([]);

/** Which of these users are members of the tenant (owners must be). */
export async function memberIds(db: Kysely<DB>, tenantId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await db.selectFrom('memberships').select('user_id').where('tenant_id', '=', tenantId).where('user_id', 'in', [...userIds]).execute();
  return new Set(rows.map((r) => r.user_id));
}

/** A new classification version (the next number for the system) made current, in the caller's transaction. */
export async function insertClassification(db: Kysely<DB>, tenantId: string, aiSystemId: string, values: TClassificationInsert) {
  const row = await db
    .insertInto('ai_system_classifications')
    .values((eb) => ({
      ...values,
      tenant_id: tenantId,
      ai_system_id: aiSystemId,
      version: eb
        .selectFrom('ai_system_classifications')
        .select(sql<number>`coalesce(max(version), 0) + 1`.as('v'))
        .where('tenant_id', '=', tenantId)
        .where('ai_system_id', '=', aiSystemId),
    }))
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await db.updateTable('ai_systems').set({ current_classification_id: row.id }).where('tenant_id', '=', tenantId).where('id', '=', aiSystemId).execute();
  return row;
}

export const listClassifications = (db: Kysely<DB>, tenantId: string, aiSystemId: string) =>
  db
    .selectFrom('ai_system_classifications as c')
    .leftJoin('users as u', 'u.id', 'c.classified_by')
    .selectAll('c')
    .select('u.name as classified_by_name')
    .where('c.tenant_id', '=', tenantId)
    .where('c.ai_system_id', '=', aiSystemId)
    .orderBy('c.version', 'desc')
    .execute();

/** What other modules need to know about some of the tenant's systems, in one statement (absent: not the tenant's). */
export const systemFacts = (db: Kysely<DB>, tenantId: string, ids: readonly string[]) =>
  ids.length
    ? db
        .selectFrom('ai_systems as a')
        .leftJoin('ai_system_classifications as c', (j) => j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.id', '=', 'a.current_classification_id'))
        .select(['a.id', 'a.name', 'a.roles', 'a.lifecycle_stage', 'c.version', 'c.tier', 'c.route', 'c.annex_iii_ref'])
        .where('a.tenant_id', '=', tenantId)
        .where('a.id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

/** The inventory's counts for the dashboard, as one SQL expression the dashboard composes. */
export const dashboardSummarySql = (tenantId: string) => sql<{ total: number; inScope: number; byTier: Record<string, number> }>`(
  SELECT json_build_object(
    'total', count(*)::int,
    'inScope', (count(*) FILTER (WHERE a.in_aims_scope))::int,
    'byTier', json_build_object(
      'prohibited', (count(*) FILTER (WHERE c.tier = 'prohibited'))::int,
      'high-risk', (count(*) FILTER (WHERE c.tier = 'high-risk'))::int,
      'limited', (count(*) FILTER (WHERE c.tier = 'limited'))::int,
      'minimal', (count(*) FILTER (WHERE c.tier = 'minimal'))::int,
      'unclassified', (count(*) FILTER (WHERE c.id IS NULL))::int))
  FROM ai_systems a
  LEFT JOIN ai_system_classifications c ON c.tenant_id = a.tenant_id AND c.id = a.current_classification_id
  WHERE a.tenant_id = ${tenantId} AND a.lifecycle_stage <> 'retired')`;

/** Systems whose lower-cased name is among these (an import matches a component without bom-ref by name). */
export const findByNames = (db: Kysely<DB>, tenantId: string, lowerNames: readonly string[]) =>
  lowerNames.length
    ? db.selectFrom('ai_systems').select(['id', 'name', 'bom_ref']).where('tenant_id', '=', tenantId).where(sql<string>`lower(name)`, 'in', [...lowerNames]).execute()
    : Promise.resolve([]);

/** Every system of the tenant with its detail, by name (a whole-inventory export). */
export const allAiSystems = (db: Kysely<DB>, tenantId: string) => withDetail(db, tenantId).orderBy(sql`lower(a.name)`).orderBy('a.id').execute();
