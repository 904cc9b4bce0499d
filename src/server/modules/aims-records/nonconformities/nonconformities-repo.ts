import { sql, type RawBuilder } from 'kysely';
import type { TEffectivenessResult, TNcListQuery, TNcSource, TNcStatus } from '../../../../shared/contracts/nonconformities.ts';
import { afterCursor, pageOf, personJson, requirementsJson, type TDb, type TPersonJson, type TRequirementJson, type TSortDef } from '../improvement-sql.ts';

/*
 * The only door to `nonconformities` and `nonconformity_requirements`. Every function takes
 * tenantId and filters by it. Dates are read as 'YYYY-MM-DD' text.
 */

export type TNcValues = {
  title: string;
  description: string;
  source: TNcSource;
  source_finding_id?: string | null;
  source_incident_id?: string | null;
  source_review_id?: string | null;
  correction: string;
  root_cause: string;
  corrective_action: string;
  owner_id: string | null;
  due_on: string | null;
};

export const insertNc = (db: TDb, tenantId: string, v: TNcValues & { created_by: string | null }) =>
  db.insertInto('nonconformities').values({ ...v, tenant_id: tenantId }).returning('id').executeTakeFirstOrThrow();

export const getNcForUpdate = (db: TDb, tenantId: string, id: string) =>
  db
    .selectFrom('nonconformities')
    .select([
      'id',
      'title',
      'description',
      'source',
      'status',
      'correction',
      'root_cause',
      'corrective_action',
      'owner_id',
      sql<string | null>`due_on::text`.as('due_on'),
      'effectiveness_result',
    ])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
export type TNcRow = NonNullable<Awaited<ReturnType<typeof getNcForUpdate>>>;

export const updateNc = (
  db: TDb,
  tenantId: string,
  id: string,
  patch: Partial<TNcValues> & {
    status?: TNcStatus;
    effectiveness_checked_on?: string | null;
    effectiveness_checked_by?: string | null;
    effectiveness_result?: TEffectivenessResult | null;
    effectiveness_notes?: string;
    closed_at?: Date | null;
  },
) =>
  db
    .updateTable('nonconformities')
    .set({ ...patch, updated_at: sql<Date>`now()` as never })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();

/** The record that raised a nonconformity, read in the nonconformity's own statement. */
const sourceRecord = sql`CASE
  WHEN n.source_finding_id IS NOT NULL THEN (SELECT json_build_object('type', 'internal_audit_finding', 'id', f.id, 'parentId', a.id, 'title', a.title)
    FROM internal_audit_findings f JOIN internal_audits a ON a.tenant_id = f.tenant_id AND a.id = f.audit_id WHERE f.tenant_id = n.tenant_id AND f.id = n.source_finding_id)
  WHEN n.source_incident_id IS NOT NULL THEN (SELECT json_build_object('type', 'ai_incident', 'id', i.id, 'parentId', i.id, 'title', i.title)
    FROM ai_incidents i WHERE i.tenant_id = n.tenant_id AND i.id = n.source_incident_id)
  WHEN n.source_review_id IS NOT NULL THEN (SELECT json_build_object('type', 'management_review', 'id', r.id, 'parentId', r.id, 'title', r.title)
    FROM management_reviews r WHERE r.tenant_id = n.tenant_id AND r.id = n.source_review_id)
  WHEN n.source_audit_finding_id IS NOT NULL THEN (SELECT json_build_object('type', 'external_audit_finding', 'id', f.id, 'parentId', f.engagement_id, 'title', f.reference)
    FROM audit_findings f JOIN engagements e ON e.id = f.engagement_id AND e.body_tenant_id = f.tenant_id
    WHERE e.organization_tenant_id = n.tenant_id AND f.id = n.source_audit_finding_id)
  END`;

type TSourceJson = { type: 'internal_audit_finding' | 'ai_incident' | 'management_review' | 'external_audit_finding'; id: string; parentId: string; title: string } | null;

export type TNcSummaryRow = {
  id: string;
  title: string;
  source: TNcSource;
  source_record: TSourceJson;
  status: TNcStatus;
  owner: TPersonJson;
  due_on: string | null;
  requirement_refs: { frameworkId: string; ref: string }[];
  created_at: Date;
  updated_at: Date;
};

const summaryColumns = sql`n.id, n.title, n.source, ${sourceRecord} AS source_record, n.status, ${personJson(sql`n.owner_id`)} AS owner, n.due_on::text AS due_on,
  coalesce((SELECT json_agg(json_build_object('frameworkId', q.framework_id, 'ref', q.ref) ORDER BY q.framework_id, q.ref)
    FROM nonconformity_requirements q WHERE q.tenant_id = n.tenant_id AND q.nonconformity_id = n.id), '[]') AS requirement_refs,
  n.created_at, n.updated_at`;

export type TNcDetailRow = TNcSummaryRow & {
  description: string;
  correction: string;
  root_cause: string;
  corrective_action: string;
  requirements: TRequirementJson[];
  effectiveness_checked_on: string | null;
  effectiveness_checked_by: TPersonJson;
  effectiveness_result: TEffectivenessResult | null;
  effectiveness_notes: string;
  closed_at: Date | null;
  created_by: TPersonJson;
};

/** One nonconformity with its links, people and source, in one statement. */
export async function getNcDetail(db: TDb, tenantId: string, id: string): Promise<TNcDetailRow | undefined> {
  const res = await sql<TNcDetailRow>`
    SELECT ${summaryColumns}, n.description, n.correction, n.root_cause, n.corrective_action,
      ${requirementsJson('nonconformity_requirements', 'nonconformity_id', 'n')} AS requirements,
      n.effectiveness_checked_on::text AS effectiveness_checked_on, ${personJson(sql`n.effectiveness_checked_by`)} AS effectiveness_checked_by,
      n.effectiveness_result, n.effectiveness_notes, n.closed_at, ${personJson(sql`n.created_by`)} AS created_by
    FROM nonconformities n WHERE n.tenant_id = ${tenantId} AND n.id = ${id}`.execute(db);
  return res.rows[0];
}

const SORTS: Record<TNcListQuery['sort'], TSortDef> = {
  created: { expr: sql`n.created_at`, type: sql`timestamptz` },
  updated: { expr: sql`n.updated_at`, type: sql`timestamptz` },
  due: { expr: sql`coalesce(n.due_on, DATE '9999-12-31')`, type: sql`date` },
};

/** One page of nonconformities with owners, sources and requirement refs: a single statement. */
export async function listNcs(db: TDb, tenantId: string, q: TNcListQuery, today: string) {
  const sort = SORTS[q.sort];
  const desc = q.direction === 'desc';
  const where: RawBuilder<unknown>[] = [sql`n.tenant_id = ${tenantId}`];
  if (q.status) where.push(sql`n.status = ${q.status}`);
  if (q.source) where.push(sql`n.source = ${q.source}`);
  if (q.ownerId) where.push(sql`n.owner_id = ${q.ownerId}`);
  if (q.aiIncidentId) where.push(sql`n.source_incident_id = ${q.aiIncidentId}`);
  if (q.open === true) where.push(sql`n.status <> 'closed'`);
  if (q.open === false) where.push(sql`n.status = 'closed'`);
  if (q.overdue === true) where.push(sql`(n.status <> 'closed' AND n.due_on < ${today}::date)`);
  if (q.overdue === false) where.push(sql`NOT (n.status <> 'closed' AND n.due_on IS NOT NULL AND n.due_on < ${today}::date)`);
  const after = afterCursor(q.cursor, sort, sql`n.id`, desc);
  if (after) where.push(after);
  const order = sql.raw(desc ? 'DESC' : 'ASC');
  const res = await sql<TNcSummaryRow & { sort_key: string }>`
    SELECT ${summaryColumns}, (${sort.expr})::text AS sort_key
    FROM nonconformities n
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${sort.expr} ${order}, n.id ${order}
    LIMIT ${q.limit + 1}`.execute(db);
  return pageOf(res.rows, q.limit);
}

/**
 * Open nonconformities per requirement, as one SQL expression readiness can compose: rows of
 * (framework_id, ref, open) for the tenant. Closed ones do not count.
 */
export const openNonconformitiesPerRequirementSql = (tenantId: string) => sql<{ framework_id: string; ref: string; open: number }>`(
  SELECT q.framework_id, q.ref, count(*)::int AS open
  FROM nonconformity_requirements q JOIN nonconformities n ON n.tenant_id = q.tenant_id AND n.id = q.nonconformity_id
  WHERE q.tenant_id = ${tenantId} AND n.status <> 'closed'
  GROUP BY q.framework_id, q.ref)`;

export type TExternalAuditMirror = {
  title: string;
  description: string;
  status: TNcStatus;
  correction: string;
  root_cause: string;
  corrective_action: string;
  due_on: string | null;
  requirement: { framework_id: string; framework_version: string; ref: string } | null;
  /** When the body closed the finding: the mirror closes as checked effective by the body. */
  closed: { on: string; by: string | null; at: Date; notes: string } | null;
};

/**
 * The organization's copy of a certification body's nonconformity (source 'external_audit'),
 * created with the finding and kept in step with it: one row per finding (unique index), its
 * requirement linked as for any nonconformity. The body's service writes it in the finding's
 * transaction; the organization reads it among its own.
 */
export async function syncExternalAuditNc(db: TDb, tenantId: string, findingId: string, v: TExternalAuditMirror, userId: string | null) {
  const values = {
    title: v.title,
    description: v.description,
    status: v.status,
    correction: v.correction,
    root_cause: v.root_cause,
    corrective_action: v.corrective_action,
    due_on: v.due_on,
    effectiveness_checked_on: v.closed?.on ?? null,
    effectiveness_checked_by: v.closed?.by ?? null,
    effectiveness_result: v.closed ? ('effective' as const) : null,
    effectiveness_notes: v.closed?.notes ?? '',
    closed_at: v.closed?.at ?? null,
  };
  const existing = await db
    .selectFrom('nonconformities')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('source_audit_finding_id', '=', findingId)
    .forUpdate()
    .executeTakeFirst();
  let id = existing?.id;
  if (id) {
    await db.updateTable('nonconformities').set({ ...values, updated_at: sql<Date>`now()` as never }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
    await db.deleteFrom('nonconformity_requirements').where('tenant_id', '=', tenantId).where('nonconformity_id', '=', id).execute();
  } else {
    id = (
      await db
        .insertInto('nonconformities')
        .values({ ...values, tenant_id: tenantId, source: 'external_audit', source_audit_finding_id: findingId, owner_id: null, created_by: userId })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  if (v.requirement) await db.insertInto('nonconformity_requirements').values({ tenant_id: tenantId, nonconformity_id: id, ...v.requirement }).execute();
  return id;
}
