import { sql, type RawBuilder } from 'kysely';
import type { TIncidentListQuery, TIncidentSeverity, TIncidentStatus, TIncidentType } from '../../../../shared/contracts/ai-incidents.ts';
import type { TNcStatus } from '../../../../shared/contracts/nonconformities.ts';
import { afterCursor, pageOf, personJson, type TDb, type TPersonJson, type TSortDef } from '../improvement-sql.ts';

/*
 * The only door to `ai_incidents` and `ai_incident_settings`. The AI system's name is read in the
 * incident's statement (a read-only join into the inventory's table, tenant-scoped), and so is the
 * nonconformity the incident raised.
 */

export type TIncidentValues = {
  ai_system_id: string;
  title: string;
  type: TIncidentType;
  severity: TIncidentSeverity;
  occurred_at: Date;
  detected_at: Date;
  description: string;
  immediate_action: string;
  serious: boolean;
  report_due_on: string | null;
  reported_on: string | null;
};

export const insertIncident = (db: TDb, tenantId: string, v: TIncidentValues & { created_by: string | null }) =>
  db.insertInto('ai_incidents').values({ ...v, tenant_id: tenantId }).returning('id').executeTakeFirstOrThrow();

export const getIncidentForUpdate = (db: TDb, tenantId: string, id: string) =>
  db
    .selectFrom('ai_incidents as i')
    .select([
      'i.id',
      'i.ai_system_id',
      'i.title',
      'i.type',
      'i.severity',
      'i.occurred_at',
      'i.detected_at',
      'i.description',
      'i.immediate_action',
      'i.status',
      'i.serious',
      sql<string | null>`i.report_due_on::text`.as('report_due_on'),
      sql<string | null>`i.reported_on::text`.as('reported_on'),
      sql<boolean>`EXISTS (SELECT 1 FROM nonconformities n WHERE n.tenant_id = i.tenant_id AND n.source_incident_id = i.id)`.as('has_nonconformity'),
    ])
    .where('i.tenant_id', '=', tenantId)
    .where('i.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
export type TIncidentRow = NonNullable<Awaited<ReturnType<typeof getIncidentForUpdate>>>;

export const updateIncident = (db: TDb, tenantId: string, id: string, patch: Partial<TIncidentValues> & { status?: TIncidentStatus; resolved_at?: Date | null }) =>
  db
    .updateTable('ai_incidents')
    .set({ ...patch, updated_at: sql<Date>`now()` as never })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();

export async function getSettings(db: TDb, tenantId: string) {
  const row = await db.selectFrom('ai_incident_settings').select('serious_report_days').where('tenant_id', '=', tenantId).executeTakeFirst();
  return { serious_report_days: row?.serious_report_days ?? null };
}

export const lockSettings = (db: TDb, tenantId: string) => db.selectFrom('ai_incident_settings').select('serious_report_days').where('tenant_id', '=', tenantId).forUpdate().executeTakeFirst();

export const saveSettings = (db: TDb, tenantId: string, days: number | null, by: string | null) =>
  db
    .insertInto('ai_incident_settings')
    .values({ tenant_id: tenantId, serious_report_days: days, updated_by: by })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ serious_report_days: days, updated_by: by, updated_at: sql<Date>`now()` as never }))
    .execute();

export type TIncidentSummaryRow = {
  id: string;
  ai_system: { id: string; name: string };
  title: string;
  type: TIncidentType;
  severity: TIncidentSeverity;
  status: TIncidentStatus;
  occurred_at: Date;
  detected_at: Date;
  serious: boolean;
  report_due_on: string | null;
  reported_on: string | null;
  nonconformity: { id: string; title: string; status: TNcStatus } | null;
  updated_at: Date;
};

const summaryColumns = sql`i.id, json_build_object('id', s.id, 'name', s.name) AS ai_system, i.title, i.type, i.severity, i.status, i.occurred_at, i.detected_at,
  i.serious, i.report_due_on::text AS report_due_on, i.reported_on::text AS reported_on,
  (SELECT json_build_object('id', n.id, 'title', n.title, 'status', n.status) FROM nonconformities n WHERE n.tenant_id = i.tenant_id AND n.source_incident_id = i.id) AS nonconformity,
  i.updated_at`;
const FROM = sql`ai_incidents i JOIN ai_systems s ON s.tenant_id = i.tenant_id AND s.id = i.ai_system_id`;

export type TIncidentDetailRow = TIncidentSummaryRow & { description: string; immediate_action: string; resolved_at: Date | null; created_at: Date; created_by: TPersonJson };

export async function getIncidentDetail(db: TDb, tenantId: string, id: string): Promise<TIncidentDetailRow | undefined> {
  const res = await sql<TIncidentDetailRow>`
    SELECT ${summaryColumns}, i.description, i.immediate_action, i.resolved_at, i.created_at, ${personJson(sql`i.created_by`)} AS created_by
    FROM ${FROM} WHERE i.tenant_id = ${tenantId} AND i.id = ${id}`.execute(db);
  return res.rows[0];
}

const SEVERITY_RANK = sql`array_position(ARRAY['low','medium','high','critical'], i.severity)`;
const SORTS: Record<TIncidentListQuery['sort'], TSortDef> = {
  detected: { expr: sql`i.detected_at`, type: sql`timestamptz` },
  updated: { expr: sql`i.updated_at`, type: sql`timestamptz` },
  severity: { expr: SEVERITY_RANK, type: sql`integer` },
};

/** One page of incidents with their system and nonconformity: a single statement. */
export async function listIncidents(db: TDb, tenantId: string, q: TIncidentListQuery) {
  const sort = SORTS[q.sort];
  const desc = q.direction === 'desc';
  const where: RawBuilder<unknown>[] = [sql`i.tenant_id = ${tenantId}`];
  if (q.aiSystemId) where.push(sql`i.ai_system_id = ${q.aiSystemId}`);
  if (q.type) where.push(sql`i.type = ${q.type}`);
  if (q.severity) where.push(sql`i.severity = ${q.severity}`);
  if (q.status) where.push(sql`i.status = ${q.status}`);
  if (q.serious !== undefined) where.push(sql`i.serious = ${q.serious}`);
  const after = afterCursor(q.cursor, sort, sql`i.id`, desc);
  if (after) where.push(after);
  const order = sql.raw(desc ? 'DESC' : 'ASC');
  const res = await sql<TIncidentSummaryRow & { sort_key: string }>`
    SELECT ${summaryColumns}, (${sort.expr})::text AS sort_key
    FROM ${FROM}
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${sort.expr} ${order}, i.id ${order}
    LIMIT ${q.limit + 1}`.execute(db);
  return pageOf(res.rows, q.limit);
}
