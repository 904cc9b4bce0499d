import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TLinkedRequirement, TObjectiveListQuery, TObjectiveStatus, TTargetDirection } from '../../../../shared/contracts/aims-records-context.ts';
import { decodeCursor, linkedRequirementsSql, pageOf, personSql, type TResolvedLink } from '../common/records-sql.ts';

/*
 * The only door to aims_objectives, aims_objective_results and aims_objective_requirements.
 * Results are appended, never edited: the series is the objective's record over time (6.2 asks
 * that objectives be monitored). The latest result is the one with the latest measurement date
 * (then the latest recorded); whether it meets the target is computed in SQL with the target in
 * force, so the list can filter on it.
 */

type TDb = Kysely<DB>;
type TPerson = { id: string; name: string } | null;

export type TResultRow = { id: string; measured_on: string; value: number; comment: string; recorded_by: TPerson; recorded_at: string; met: boolean };

export type TObjectiveRow = {
  id: string;
  sort_key: string;
  title: string;
  measure: string;
  target_direction: TTargetDirection;
  target_value: number;
  target_unit: string;
  due_on: string;
  owner: TPerson;
  status: TObjectiveStatus;
  latest: TResultRow | null;
  result_count: number;
  requirements: TLinkedRequirement[];
  created_at: Date;
  updated_at: Date;
};

const meets = (value: RawBuilder<unknown>) => sql`CASE WHEN o.target_direction = 'at_least' THEN ${value} >= o.target_value ELSE ${value} <= o.target_value END`;

const resultJson = (r: string) =>
  sql`json_build_object('id', ${sql.ref(`${r}.id`)}, 'measured_on', ${sql.ref(`${r}.measured_on`)}::text, 'value', ${sql.ref(`${r}.value`)}, 'comment', ${sql.ref(`${r}.comment`)},
    'recorded_by', ${personSql(sql.ref(`${r}.recorded_by`))}, 'recorded_at', ${sql.ref(`${r}.recorded_at`)}, 'met', ${meets(sql.ref(`${r}.value`))})`;

const objectiveSelect = (extra: RawBuilder<unknown> = sql``) => sql`
  SELECT o.id, o.due_on::text AS sort_key, o.title, o.measure, o.target_direction, o.target_value, o.target_unit, o.due_on::text AS due_on,
    ${personSql(sql`o.owner_id`)} AS owner, o.status, o.created_at, o.updated_at,
    (SELECT ${resultJson('r')} FROM aims_objective_results r WHERE r.tenant_id = o.tenant_id AND r.objective_id = o.id ORDER BY r.measured_on DESC, r.recorded_at DESC, r.id DESC LIMIT 1) AS latest,
    (SELECT count(*) FROM aims_objective_results r WHERE r.tenant_id = o.tenant_id AND r.objective_id = o.id)::int AS result_count,
    ${linkedRequirementsSql('aims_objective_requirements', 'objective_id', sql`o.id`, sql`o.tenant_id`)} AS requirements
    ${extra}
  FROM aims_objectives o`;

/** An objective with every result, newest first, in one statement. */
export async function getObjective(db: TDb, tenantId: string, id: string): Promise<(TObjectiveRow & { results: TResultRow[] }) | undefined> {
  const results = sql`, coalesce((SELECT json_agg(${resultJson('r')} ORDER BY r.measured_on DESC, r.recorded_at DESC, r.id DESC)
    FROM aims_objective_results r WHERE r.tenant_id = o.tenant_id AND r.objective_id = o.id), '[]') AS results`;
  return (await sql<TObjectiveRow & { results: TResultRow[] }>`${objectiveSelect(results)} WHERE o.tenant_id = ${tenantId} AND o.id = ${id}`.execute(db)).rows[0];
}

/** One page, by due date: objectives with their latest result and links in one statement. */
export async function listObjectives(db: TDb, tenantId: string, q: TObjectiveListQuery) {
  const where = [sql`o.tenant_id = ${tenantId}`];
  if (q.status) where.push(sql`o.status = ${q.status}`);
  if (q.ownerId) where.push(sql`o.owner_id = ${q.ownerId}`);
  if (q.met !== undefined) {
    const latestValue = sql`(SELECT r.value FROM aims_objective_results r WHERE r.tenant_id = o.tenant_id AND r.objective_id = o.id ORDER BY r.measured_on DESC, r.recorded_at DESC, r.id DESC LIMIT 1)`;
    where.push(sql`(${meets(latestValue)}) IS ${sql.raw(q.met ? 'TRUE' : 'FALSE')}`);
  }
  const after = decodeCursor(q.cursor);
  if (after && /^\d{4}-\d{2}-\d{2}$/.test(after[0])) where.push(sql`(o.due_on, o.id) > (${after[0]}::date, ${after[1]}::uuid)`);
  const res = await sql<TObjectiveRow>`${objectiveSelect()} WHERE ${sql.join(where, sql` AND `)} ORDER BY o.due_on, o.id LIMIT ${q.limit + 1}`.execute(db);
  return pageOf(res.rows, q.limit);
}

export const getObjectiveForUpdate = (db: TDb, tenantId: string, id: string) =>
  db
    .selectFrom('aims_objectives')
    .select(['id', 'title', 'measure', 'target_direction', 'target_value', 'target_unit', sql<string>`due_on::text`.as('due_on'), 'owner_id', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
export type TObjectiveLockedRow = NonNullable<Awaited<ReturnType<typeof getObjectiveForUpdate>>>;

export type TObjectiveValues = {
  title: string;
  measure: string;
  target_direction: TTargetDirection;
  target_value: number;
  target_unit: string;
  due_on: string;
  owner_id: string | null;
  status: TObjectiveStatus;
};

export const insertObjective = (db: TDb, tenantId: string, v: TObjectiveValues & { created_by: string | null }) =>
  db.insertInto('aims_objectives').values({ ...v, tenant_id: tenantId }).returning('id').executeTakeFirstOrThrow();

export const updateObjective = (db: TDb, tenantId: string, id: string, v: Partial<TObjectiveValues>) =>
  db
    .updateTable('aims_objectives')
    .set({ ...v, updated_at: sql<Date>`now()` as never })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();

export const insertResult = (db: TDb, tenantId: string, v: { objective_id: string; measured_on: string; value: number; comment: string; recorded_by: string | null }) =>
  db.insertInto('aims_objective_results').values({ ...v, tenant_id: tenantId }).returning('id').executeTakeFirstOrThrow();

export const touchObjective = (db: TDb, tenantId: string, id: string) => updateObjective(db, tenantId, id, {});

export const listRequirementLinks = async (db: TDb, tenantId: string, id: string) =>
  (await db.selectFrom('aims_objective_requirements').select(['framework_id', 'ref']).where('tenant_id', '=', tenantId).where('objective_id', '=', id).orderBy('framework_id').orderBy('ref').execute()).map(
    (r) => `${r.framework_id} ${r.ref}`,
  );

export async function replaceRequirementLinks(db: TDb, tenantId: string, id: string, links: readonly TResolvedLink[]) {
  await db.deleteFrom('aims_objective_requirements').where('tenant_id', '=', tenantId).where('objective_id', '=', id).execute();
  if (links.length) await db.insertInto('aims_objective_requirements').values(links.map((l) => ({ ...l, tenant_id: tenantId, objective_id: id }))).execute();
}

/** For the documented-information checklist (6.2 objectives are retained as records): one SQL expression. */
export const objectivesChecklistSql = (tenantId: string) => sql<{ objectives: number; withResults: number; lastResultOn: string | null }>`(
  SELECT json_build_object(
    'objectives', (SELECT count(*) FROM aims_objectives WHERE tenant_id = ${tenantId} AND status <> 'cancelled')::int,
    'withResults', (SELECT count(DISTINCT r.objective_id) FROM aims_objective_results r JOIN aims_objectives o ON o.tenant_id = r.tenant_id AND o.id = r.objective_id
                    WHERE r.tenant_id = ${tenantId} AND o.status <> 'cancelled')::int,
    'lastResultOn', (SELECT max(measured_on)::text FROM aims_objective_results WHERE tenant_id = ${tenantId})))`;
