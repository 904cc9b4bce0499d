import { sql, type RawBuilder } from 'kysely';
import type { TAuditListQuery, TAuditStatus, TFindingType, TProgrammeListQuery } from '../../../../shared/contracts/internal-audits.ts';
import type { TNcStatus } from '../../../../shared/contracts/nonconformities.ts';
import { afterCursor, pageOf, personJson, requirementsJson, type TDb, type TPersonJson, type TRequirementJson, type TSortDef } from '../improvement-sql.ts';

/*
 * The only door to the internal audit tables: programmes, audits, their auditees and findings.
 * Every function takes tenantId and filters by it. Dates are read as 'YYYY-MM-DD' text.
 */

// ---------------------------------------------------------------------------------------------
// Programmes

export type TProgrammeValues = { title: string; period_start: string; period_end: string; processes: string; criteria: string };

export const insertProgramme = (db: TDb, tenantId: string, v: TProgrammeValues & { created_by: string | null }) =>
  db.insertInto('internal_audit_programmes').values({ ...v, tenant_id: tenantId }).returning('id').executeTakeFirstOrThrow();

export const getProgrammeForUpdate = (db: TDb, tenantId: string, id: string) =>
  db
    .selectFrom('internal_audit_programmes')
    .select(['id', 'title', sql<string>`period_start::text`.as('period_start'), sql<string>`period_end::text`.as('period_end'), 'processes', 'criteria'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const updateProgramme = (db: TDb, tenantId: string, id: string, patch: Partial<TProgrammeValues>) =>
  db
    .updateTable('internal_audit_programmes')
    .set({ ...patch, updated_at: sql<Date>`now()` as never })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();

export type TProgrammeSummaryRow = {
  id: string;
  title: string;
  period_start: string;
  period_end: string;
  audits: { planned: number; inProgress: number; completed: number };
  updated_at: Date;
};

const programmeColumns = sql`p.id, p.title, p.period_start::text AS period_start, p.period_end::text AS period_end,
  (SELECT json_build_object('planned', count(*) FILTER (WHERE a.status = 'planned'), 'inProgress', count(*) FILTER (WHERE a.status = 'in_progress'), 'completed', count(*) FILTER (WHERE a.status = 'completed'))
    FROM internal_audits a WHERE a.tenant_id = p.tenant_id AND a.programme_id = p.id) AS audits,
  p.updated_at`;

export type TProgrammeDetailRow = TProgrammeSummaryRow & { processes: string; criteria: string; requirements: TRequirementJson[]; created_at: Date };

export async function getProgrammeDetail(db: TDb, tenantId: string, id: string): Promise<TProgrammeDetailRow | undefined> {
  const res = await sql<TProgrammeDetailRow>`
    SELECT ${programmeColumns}, p.processes, p.criteria, ${requirementsJson('internal_audit_programme_requirements', 'programme_id', 'p')} AS requirements, p.created_at
    FROM internal_audit_programmes p WHERE p.tenant_id = ${tenantId} AND p.id = ${id}`.execute(db);
  return res.rows[0];
}

const PROGRAMME_SORTS: Record<TProgrammeListQuery['sort'], TSortDef> = {
  period: { expr: sql`p.period_start`, type: sql`date` },
  updated: { expr: sql`p.updated_at`, type: sql`timestamptz` },
};

export async function listProgrammes(db: TDb, tenantId: string, q: TProgrammeListQuery) {
  const sort = PROGRAMME_SORTS[q.sort];
  const desc = q.direction === 'desc';
  const where: RawBuilder<unknown>[] = [sql`p.tenant_id = ${tenantId}`];
  const after = afterCursor(q.cursor, sort, sql`p.id`, desc);
  if (after) where.push(after);
  const order = sql.raw(desc ? 'DESC' : 'ASC');
  const res = await sql<TProgrammeSummaryRow & { sort_key: string }>`
    SELECT ${programmeColumns}, (${sort.expr})::text AS sort_key
    FROM internal_audit_programmes p
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${sort.expr} ${order}, p.id ${order}
    LIMIT ${q.limit + 1}`.execute(db);
  return pageOf(res.rows, q.limit);
}

// ---------------------------------------------------------------------------------------------
// Audits

export type TAuditValues = {
  programme_id: string;
  title: string;
  scope: string;
  planned_on: string;
  auditor_id: string | null;
  auditor_name: string | null;
  conclusion: string;
};

export const insertAudit = (db: TDb, tenantId: string, v: TAuditValues & { created_by: string | null }) =>
  db.insertInto('internal_audits').values({ ...v, tenant_id: tenantId }).returning('id').executeTakeFirstOrThrow();

export const getAuditForUpdate = (db: TDb, tenantId: string, id: string) =>
  db
    .selectFrom('internal_audits')
    .select(['id', 'programme_id', 'title', 'scope', sql<string>`planned_on::text`.as('planned_on'), 'auditor_id', 'auditor_name', 'status', 'conclusion'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
export type TAuditRow = NonNullable<Awaited<ReturnType<typeof getAuditForUpdate>>>;

export const updateAudit = (
  db: TDb,
  tenantId: string,
  id: string,
  patch: Partial<Omit<TAuditValues, 'programme_id'>> & { status?: TAuditStatus; started_at?: Date; completed_at?: Date; completed_by?: string | null },
) =>
  db
    .updateTable('internal_audits')
    .set({ ...patch, updated_at: sql<Date>`now()` as never })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();

export const programmeExists = async (db: TDb, tenantId: string, id: string) =>
  Boolean(await db.selectFrom('internal_audit_programmes').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst());

export const listAuditees = async (db: TDb, tenantId: string, auditId: string) =>
  (await db.selectFrom('internal_audit_auditees').select('user_id').where('tenant_id', '=', tenantId).where('audit_id', '=', auditId).orderBy('user_id').execute()).map((r) => r.user_id);

export async function replaceAuditees(db: TDb, tenantId: string, auditId: string, ids: readonly string[]) {
  await db.deleteFrom('internal_audit_auditees').where('tenant_id', '=', tenantId).where('audit_id', '=', auditId).execute();
  if (ids.length) await db.insertInto('internal_audit_auditees').values([...new Set(ids)].map((user_id) => ({ tenant_id: tenantId, audit_id: auditId, user_id }))).execute();
}

export const insertFinding = (
  db: TDb,
  tenantId: string,
  v: { audit_id: string; type: TFindingType; framework_id: string | null; framework_version: string | null; ref: string | null; description: string; evidence: string; created_by: string | null },
) => db.insertInto('internal_audit_findings').values({ ...v, tenant_id: tenantId }).returning('id').executeTakeFirstOrThrow();

export type TAuditSummaryRow = {
  id: string;
  programme: { id: string; title: string };
  title: string;
  planned_on: string;
  status: TAuditStatus;
  auditor_member: TPersonJson;
  auditor_name: string | null;
  findings: { nonconformities: number; observations: number; opportunities: number };
  updated_at: Date;
};

const auditColumns = sql`a.id, json_build_object('id', p.id, 'title', p.title) AS programme, a.title, a.planned_on::text AS planned_on, a.status,
  ${personJson(sql`a.auditor_id`)} AS auditor_member, a.auditor_name,
  (SELECT json_build_object('nonconformities', count(*) FILTER (WHERE f.type IN ('major_nonconformity','minor_nonconformity')),
      'observations', count(*) FILTER (WHERE f.type = 'observation'), 'opportunities', count(*) FILTER (WHERE f.type = 'opportunity'))
    FROM internal_audit_findings f WHERE f.tenant_id = a.tenant_id AND f.audit_id = a.id) AS findings,
  a.updated_at`;
const AUDIT_FROM = sql`internal_audits a JOIN internal_audit_programmes p ON p.tenant_id = a.tenant_id AND p.id = a.programme_id`;

export type TFindingJson = {
  id: string;
  type: TFindingType;
  requirement: TRequirementJson | null;
  description: string;
  evidence: string;
  nonconformity: { id: string; title: string; status: TNcStatus } | null;
  created_by: TPersonJson;
  created_at: string;
};

export type TAuditDetailRow = TAuditSummaryRow & {
  scope: string;
  conclusion: string;
  auditees: { id: string; name: string }[];
  requirements: TRequirementJson[];
  finding_list: TFindingJson[];
  started_at: Date | null;
  completed_at: Date | null;
  completed_by: TPersonJson;
  created_at: Date;
};

/** One audit with auditees, criteria and findings (each with the nonconformity it raised): one statement. */
export async function getAuditDetail(db: TDb, tenantId: string, id: string): Promise<TAuditDetailRow | undefined> {
  const res = await sql<TAuditDetailRow>`
    SELECT ${auditColumns}, a.scope, a.conclusion,
      coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name, u.id)
        FROM internal_audit_auditees x JOIN users u ON u.id = x.user_id WHERE x.tenant_id = a.tenant_id AND x.audit_id = a.id), '[]') AS auditees,
      ${requirementsJson('internal_audit_requirements', 'audit_id', 'a')} AS requirements,
      coalesce((SELECT json_agg(json_build_object('id', f.id, 'type', f.type, 'description', f.description, 'evidence', f.evidence,
          'requirement', CASE WHEN f.ref IS NULL THEN NULL ELSE json_build_object('framework_id', f.framework_id, 'framework_version', f.framework_version, 'ref', f.ref, 'title', cr.title) END,
          'nonconformity', (SELECT json_build_object('id', n.id, 'title', n.title, 'status', n.status) FROM nonconformities n WHERE n.tenant_id = f.tenant_id AND n.source_finding_id = f.id),
          'created_by', ${personJson(sql`f.created_by`)}, 'created_at', f.created_at) ORDER BY f.created_at, f.id)
        FROM internal_audit_findings f
        LEFT JOIN catalog_requirements cr ON cr.framework_id = f.framework_id AND cr.framework_version = f.framework_version AND cr.ref = f.ref
        WHERE f.tenant_id = a.tenant_id AND f.audit_id = a.id), '[]') AS finding_list,
      a.started_at, a.completed_at, ${personJson(sql`a.completed_by`)} AS completed_by, a.created_at
    FROM ${AUDIT_FROM} WHERE a.tenant_id = ${tenantId} AND a.id = ${id}`.execute(db);
  return res.rows[0];
}

const AUDIT_SORTS: Record<TAuditListQuery['sort'], TSortDef> = {
  planned: { expr: sql`a.planned_on`, type: sql`date` },
  updated: { expr: sql`a.updated_at`, type: sql`timestamptz` },
};

export async function listAudits(db: TDb, tenantId: string, q: TAuditListQuery) {
  const sort = AUDIT_SORTS[q.sort];
  const desc = q.direction === 'desc';
  const where: RawBuilder<unknown>[] = [sql`a.tenant_id = ${tenantId}`];
  if (q.programmeId) where.push(sql`a.programme_id = ${q.programmeId}`);
  if (q.status) where.push(sql`a.status = ${q.status}`);
  if (q.auditorId) where.push(sql`a.auditor_id = ${q.auditorId}`);
  const after = afterCursor(q.cursor, sort, sql`a.id`, desc);
  if (after) where.push(after);
  const order = sql.raw(desc ? 'DESC' : 'ASC');
  const res = await sql<TAuditSummaryRow & { sort_key: string }>`
    SELECT ${auditColumns}, (${sort.expr})::text AS sort_key
    FROM ${AUDIT_FROM}
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${sort.expr} ${order}, a.id ${order}
    LIMIT ${q.limit + 1}`.execute(db);
  return pageOf(res.rows, q.limit);
}
