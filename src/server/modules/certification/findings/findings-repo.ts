import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TFindingClass, TFindingResponseVerdict, TFindingState, TVerificationMethod } from '../../../../shared/contracts/certification-decisions.ts';
import type { TAuditState, TAuditTeamRole, TAuditType } from '../../../../shared/contracts/certification.ts';
import { afterCursor, pageOf, type TSortDef } from '../../aims-records/improvement-sql.ts';

/*
 * The only door to audit_findings, their sites and AI systems, and audit_finding_responses
 * (migration 0025). Body-side reads take the body's tenant id; the organization's reads take the
 * organization's tenant id and reach the findings only through an engagement whose organization it
 * is and that is not closed (the rows keep the body's tenant id).
 */

type TDb = Kysely<DB>;
export const ISO42001 = 'iso-iec-42001-2023';

export type TFindingAuditContext = {
  id: string;
  reference: string;
  type: TAuditType;
  state: TAuditState;
  programme_id: string;
  engagement_id: string;
  client_id: string;
  last_day: string | null;
  organization_tenant_id: string;
  organization_name: string;
  body_name: string;
  team_role: TAuditTeamRole | null;
};

/** The audit a finding is raised in, with the actor's team role, in one statement; `forUpdate` locks the audit row. */
export async function auditContext(db: TDb, tenantId: string, auditId: string, userId: string | null, forUpdate = false) {
  const { rows } = await sql<TFindingAuditContext>`
    SELECT a.id, a.reference, a.type, a.state, a.programme_id, a.engagement_id, a.client_id, coalesce(a.actual_end, a.planned_end)::text AS last_day,
      e.organization_tenant_id, o.name AS organization_name, b.name AS body_name,
      (SELECT m.role FROM audit_team_members m WHERE m.tenant_id = a.tenant_id AND m.audit_id = a.id AND m.user_id = ${userId}) AS team_role
    FROM audits a
    JOIN engagements e ON e.id = a.engagement_id AND e.body_tenant_id = a.tenant_id
    JOIN tenants o ON o.id = e.organization_tenant_id
    JOIN tenants b ON b.id = a.tenant_id
    WHERE a.tenant_id = ${tenantId} AND a.id = ${auditId}
    ${forUpdate ? sql`FOR UPDATE OF a` : sql``}`.execute(db);
  return rows[0];
}

export type TDeadlineSettings = { major_response_days: number; minor_response_days: number; minor_closure_days: number; major_verification_months: number };

export const deadlineSettings = (db: TDb, tenantId: string) =>
  db
    .selectFrom('body_settings')
    .select(['major_response_days', 'minor_response_days', 'minor_closure_days', 'major_verification_months'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();

/** The client's sites and AI systems among ids (a finding names only its client's). */
export async function clientScopeAmong(db: TDb, tenantId: string, clientId: string, siteIds: readonly string[], aiSystemIds: readonly string[]) {
  const sites = siteIds.length
    ? await db.selectFrom('client_sites').select(['id', 'name']).where('tenant_id', '=', tenantId).where('client_id', '=', clientId).where('id', 'in', [...siteIds]).execute()
    : [];
  const systems = aiSystemIds.length
    ? await db.selectFrom('client_ai_systems').select(['id', 'name']).where('tenant_id', '=', tenantId).where('client_id', '=', clientId).where('id', 'in', [...aiSystemIds]).execute()
    : [];
  return { sites, systems };
}

/** The current ISO/IEC 42001 version if `ref` is one of its clauses or Annex A controls. */
export async function requirementVersion(db: TDb, ref: string) {
  const row = await db
    .selectFrom('catalog_requirements as r')
    .innerJoin('catalog_frameworks as f', (j) => j.onRef('f.id', '=', 'r.framework_id').onRef('f.version', '=', 'r.framework_version'))
    .select(['r.framework_version', 'r.title'])
    .where('r.framework_id', '=', ISO42001)
    .where('f.is_current', '=', true)
    .where('r.ref', '=', ref)
    .where((w) => w.or([w('r.kind', '=', 'clause'), w('r.kind', '=', 'control')]))
    .executeTakeFirst();
  return row ?? null;
}

export type TFindingValues = {
  class: TFindingClass;
  framework_id: string | null;
  framework_version: string | null;
  ref: string | null;
  statement: string;
  evidence: string;
  state: TFindingState;
  response_due_on: string | null;
  closure_due_on: string | null;
  verification_due_on: string | null;
};

export async function insertFinding(
  db: TDb,
  tenantId: string,
  a: TFindingAuditContext,
  reference: string,
  v: TFindingValues,
  userId: string | null,
  at: Date,
) {
  const row = await db
    .insertInto('audit_findings')
    .values({ tenant_id: tenantId, audit_id: a.id, programme_id: a.programme_id, engagement_id: a.engagement_id, client_id: a.client_id, reference, ...v, raised_by: userId, raised_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceScope(db: TDb, tenantId: string, findingId: string, siteIds: readonly string[] | undefined, aiSystemIds: readonly string[] | undefined) {
  if (siteIds) {
    await db.deleteFrom('audit_finding_sites').where('tenant_id', '=', tenantId).where('finding_id', '=', findingId).execute();
    if (siteIds.length) await db.insertInto('audit_finding_sites').values(siteIds.map((site_id) => ({ tenant_id: tenantId, finding_id: findingId, site_id }))).execute();
  }
  if (aiSystemIds) {
    await db.deleteFrom('audit_finding_ai_systems').where('tenant_id', '=', tenantId).where('finding_id', '=', findingId).execute();
    if (aiSystemIds.length)
      await db.insertInto('audit_finding_ai_systems').values(aiSystemIds.map((client_ai_system_id) => ({ tenant_id: tenantId, finding_id: findingId, client_ai_system_id }))).execute();
  }
}

export const updateFinding = (db: TDb, tenantId: string, id: string, patch: Partial<TFindingValues> & Record<string, unknown>, at: Date) =>
  db
    .updateTable('audit_findings')
    .set({ ...patch, updated_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();

export type TFindingRow = {
  id: string;
  tenant_id: string;
  reference: string;
  class: TFindingClass;
  state: TFindingState;
  audit_id: string;
  audit_reference: string;
  audit_type: TAuditType;
  audit_state: TAuditState;
  audit_last_day: string | null;
  engagement_id: string;
  programme_id: string;
  organization_tenant_id: string;
  organization_name: string;
  body_name: string;
  client_name: string;
  framework_id: string | null;
  framework_version: string | null;
  ref: string | null;
  requirement_title: { en: string; fr: string } | null;
  statement: string;
  evidence: string;
  sites: { id: string; name: string }[];
  ai_systems: { id: string; name: string }[];
  response_due_on: string | null;
  closure_due_on: string | null;
  verification_due_on: string | null;
  response_count: number;
  pending_since: Date | string | null;
  /** The body's target for judging an answer, in business days (body_settings, migration 0031). */
  review_target_days: number | null;
  verification_method: TVerificationMethod | null;
  verification_notes: string;
  verification_audit_id: string | null;
  verification_audit_reference: string | null;
  verified_at: Date | string | null;
  verified_by: { id: string; name: string } | null;
  closed_at: Date | string | null;
  raised_by: { id: string; name: string } | null;
  raised_at: Date | string;
  updated_at: Date | string;
  team_role: TAuditTeamRole | null;
  nonconformity_id: string | null;
  sort_key: string;
};

const person = (col: RawBuilder<unknown>) => sql`(SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = ${col})`;

/** Everything a finding's DTO shows, in the finding's own statement (no query per row). */
const columns = (userId: string | null, sortKey: RawBuilder<unknown>) => sql`
  f.id, f.tenant_id, f.reference, f.class, f.state, f.audit_id, a.reference AS audit_reference, a.type AS audit_type, a.state AS audit_state,
  coalesce(a.actual_end, a.planned_end)::text AS audit_last_day,
  f.engagement_id, f.programme_id, e.organization_tenant_id, o.name AS organization_name, b.name AS body_name, c.legal_name AS client_name,
  f.framework_id, f.framework_version, f.ref,
  (SELECT cr.title FROM catalog_requirements cr WHERE cr.framework_id = f.framework_id AND cr.framework_version = f.framework_version AND cr.ref = f.ref) AS requirement_title,
  f.statement, f.evidence,
  coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name) ORDER BY s.is_central DESC, lower(s.name), s.id)
    FROM audit_finding_sites fs JOIN client_sites s ON s.tenant_id = fs.tenant_id AND s.id = fs.site_id WHERE fs.tenant_id = f.tenant_id AND fs.finding_id = f.id), '[]') AS sites,
  coalesce((SELECT json_agg(json_build_object('id', x.id, 'name', x.name) ORDER BY lower(x.name), x.id)
    FROM audit_finding_ai_systems fx JOIN client_ai_systems x ON x.tenant_id = fx.tenant_id AND x.id = fx.client_ai_system_id WHERE fx.tenant_id = f.tenant_id AND fx.finding_id = f.id), '[]') AS ai_systems,
  f.response_due_on::text AS response_due_on, f.closure_due_on::text AS closure_due_on, f.verification_due_on::text AS verification_due_on,
  (SELECT count(*)::int FROM audit_finding_responses r WHERE r.tenant_id = f.tenant_id AND r.finding_id = f.id) AS response_count,
  (SELECT r.submitted_at FROM audit_finding_responses r WHERE r.tenant_id = f.tenant_id AND r.finding_id = f.id AND r.verdict IS NULL) AS pending_since,
  (SELECT bs.corrective_action_review_days FROM body_settings bs WHERE bs.tenant_id = f.tenant_id) AS review_target_days,
  f.verification_method, f.verification_notes, f.verification_audit_id,
  (SELECT va.reference FROM audits va WHERE va.tenant_id = f.tenant_id AND va.id = f.verification_audit_id) AS verification_audit_reference,
  f.verified_at, ${person(sql`f.verified_by`)} AS verified_by, f.closed_at, ${person(sql`f.raised_by`)} AS raised_by, f.raised_at, f.updated_at,
  (SELECT m.role FROM audit_team_members m WHERE m.tenant_id = f.tenant_id AND m.audit_id = f.audit_id AND m.user_id = ${userId}) AS team_role,
  (SELECT n.id FROM nonconformities n WHERE n.tenant_id = e.organization_tenant_id AND n.source_audit_finding_id = f.id) AS nonconformity_id,
  (${sortKey})::text AS sort_key`;

const FROM = sql`FROM audit_findings f
  JOIN audits a ON a.tenant_id = f.tenant_id AND a.id = f.audit_id
  JOIN engagements e ON e.id = f.engagement_id AND e.body_tenant_id = f.tenant_id
  JOIN tenants o ON o.id = e.organization_tenant_id
  JOIN tenants b ON b.id = f.tenant_id
  JOIN clients c ON c.tenant_id = f.tenant_id AND c.id = f.client_id`;

const RAISED: TSortDef = { expr: sql`f.raised_at`, type: sql`timestamptz` };

async function select(db: TDb, where: RawBuilder<unknown>[], userId: string | null, sort: TSortDef, desc: boolean, limit: number, forUpdate = false) {
  const order = sql.raw(desc ? 'DESC' : 'ASC');
  const { rows } = await sql<TFindingRow>`
    SELECT ${columns(userId, sort.expr)} ${FROM}
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${sort.expr} ${order}, f.id ${order}
    LIMIT ${limit}
    ${forUpdate ? sql`FOR UPDATE OF f` : sql``}`.execute(db);
  return rows;
}

/** One finding of the body, with the actor's team role on its audit; `forUpdate` locks the finding. */
export async function bodyFinding(db: TDb, tenantId: string, id: string, userId: string | null, forUpdate = false) {
  const [row] = await select(db, [sql`f.tenant_id = ${tenantId}`, sql`f.id = ${id}`], userId, RAISED, false, 1, forUpdate);
  return row;
}

/** Findings of the audits whose team `userId` is on (as an auditor, when `auditing`). */
const onTeamOf = (userId: string, auditing = false) =>
  sql`EXISTS (SELECT 1 FROM audit_team_members m WHERE m.tenant_id = f.tenant_id AND m.audit_id = f.audit_id AND m.user_id = ${userId}${auditing ? sql` AND m.role IN ('lead_auditor', 'auditor')` : sql``})`;

export type TListFilter = { limit: number; cursor?: string; class?: TFindingClass; state?: TFindingState };

const filters = (q: TListFilter) => [...(q.class ? [sql`f.class = ${q.class}`] : []), ...(q.state ? [sql`f.state = ${q.state}`] : [])];

/** One page of an audit's (or a programme's) findings in the order raised: one statement. */
export async function listBodyFindings(db: TDb, tenantId: string, scope: { auditId?: string; programmeId?: string; teamOf?: string | null }, q: TListFilter, userId: string | null) {
  const where = [sql`f.tenant_id = ${tenantId}`, ...filters(q)];
  if (scope.teamOf) where.push(onTeamOf(scope.teamOf));
  if (scope.auditId) where.push(sql`f.audit_id = ${scope.auditId}`);
  if (scope.programmeId) where.push(sql`f.programme_id = ${scope.programmeId}`);
  const after = afterCursor(q.cursor, RAISED, sql`f.id`, false);
  if (after) where.push(after);
  return pageOf(await select(db, where, userId, RAISED, false, q.limit + 1), q.limit);
}

/**
 * The body's answers waiting for a verdict, overdue ones first (an answer past the finding's
 * closure or verification date), then the longest waiting. An auditor sees those of the audits
 * whose team they are on; `teamOf` is their user id, null for the body-wide readers.
 */
export async function listToReview(
  db: TDb,
  tenantId: string,
  q: { limit: number; cursor?: string; class?: TFindingClass; overdue?: boolean },
  userId: string | null,
  teamOf: string | null,
  today: string,
) {
  const overdue = sql`coalesce(f.closure_due_on, f.verification_due_on) < ${today}::date`;
  const where = [sql`f.tenant_id = ${tenantId}`, sql`f.state = 'submitted'`, ...filters(q)];
  if (teamOf) where.push(onTeamOf(teamOf, true));
  if (q.overdue !== undefined) where.push(q.overdue ? overdue : sql`NOT coalesce(${overdue}, false)`);
  // 0 = overdue, 1 = not; then the time the answer was submitted — one text key the cursor keeps.
  const key: TSortDef = {
    expr: sql`(CASE WHEN ${overdue} THEN '0' ELSE '1' END
      || to_char((SELECT r.submitted_at FROM audit_finding_responses r WHERE r.tenant_id = f.tenant_id AND r.finding_id = f.id AND r.verdict IS NULL) AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS'))`,
    type: sql`text`,
  };
  const after = afterCursor(q.cursor, key, sql`f.id`, false);
  if (after) where.push(after);
  return pageOf(await select(db, where, userId, key, false, q.limit + 1), q.limit);
}

/** The organization's findings through its engagements that are not closed. */
export async function listOrgFindings(db: TDb, orgTenantId: string, q: TListFilter & { engagementId?: string }, userId: string | null) {
  const where = [sql`e.organization_tenant_id = ${orgTenantId}`, sql`e.status <> 'closed'`, ...filters(q)];
  if (q.engagementId) where.push(sql`f.engagement_id = ${q.engagementId}`);
  const after = afterCursor(q.cursor, RAISED, sql`f.id`, false);
  if (after) where.push(after);
  return pageOf(await select(db, where, userId, RAISED, false, q.limit + 1), q.limit);
}

export async function orgFinding(db: TDb, orgTenantId: string, id: string, forUpdate = false) {
  const [row] = await select(db, [sql`e.organization_tenant_id = ${orgTenantId}`, sql`e.status <> 'closed'`, sql`f.id = ${id}`], null, RAISED, false, 1, forUpdate);
  return row;
}

export type TResponseRow = {
  id: string;
  version: number;
  correction: string;
  root_cause: string;
  corrective_action: string;
  planned_completion_on: string | null;
  evidence: { evidenceId: string; title: string }[];
  submitted_by: { id: string; name: string } | null;
  submitted_at: Date | string;
  verdict: TFindingResponseVerdict | null;
  verdict_reason: string;
  verdict_by: { id: string; name: string } | null;
  verdict_at: Date | string | null;
};

/** A finding's answers, oldest first, with who submitted and who judged them. */
export async function responses(db: TDb, tenantId: string, findingId: string) {
  const { rows } = await sql<TResponseRow>`
    SELECT r.id, r.version, r.correction, r.root_cause, r.corrective_action, r.planned_completion_on::text AS planned_completion_on, r.evidence,
      ${person(sql`r.submitted_by`)} AS submitted_by, r.submitted_at, r.verdict, r.verdict_reason, ${person(sql`r.verdict_by`)} AS verdict_by, r.verdict_at
    FROM audit_finding_responses r WHERE r.tenant_id = ${tenantId} AND r.finding_id = ${findingId}
    ORDER BY r.version`.execute(db);
  return rows.map((r) => ({ ...r, evidence: typeof r.evidence === 'string' ? (JSON.parse(r.evidence) as TResponseRow['evidence']) : r.evidence }));
}

export async function insertResponse(
  db: TDb,
  tenantId: string,
  findingId: string,
  v: { correction: string; root_cause: string; corrective_action: string; planned_completion_on: string | null; evidence: { evidenceId: string; title: string }[] },
  userId: string,
  at: Date,
) {
  const { rows } = await sql<{ version: number }>`
    INSERT INTO audit_finding_responses (tenant_id, finding_id, version, correction, root_cause, corrective_action, planned_completion_on, evidence, submitted_by, submitted_at)
    SELECT ${tenantId}, ${findingId}, coalesce(max(version), 0) + 1, ${v.correction}, ${v.root_cause}, ${v.corrective_action}, ${v.planned_completion_on}::date,
      ${JSON.stringify(v.evidence)}::jsonb, ${userId}, ${at}
    FROM audit_finding_responses WHERE tenant_id = ${tenantId} AND finding_id = ${findingId}
    RETURNING version`.execute(db);
  return rows[0]!.version;
}

export const pendingResponse = (db: TDb, tenantId: string, findingId: string) =>
  db
    .selectFrom('audit_finding_responses')
    .select(['id', 'version', 'correction', 'root_cause', 'corrective_action'])
    .where('tenant_id', '=', tenantId)
    .where('finding_id', '=', findingId)
    .where('verdict', 'is', null)
    .executeTakeFirst();

export const recordVerdict = (db: TDb, tenantId: string, responseId: string, verdict: TFindingResponseVerdict, reason: string, userId: string, at: Date) =>
  db
    .updateTable('audit_finding_responses')
    .set({ verdict, verdict_reason: reason, verdict_by: userId, verdict_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', responseId)
    .execute();

/** The audit that verified a major: of the same programme, of a type that checks corrections, done or under way. */
export const verifyingAudit = (db: TDb, tenantId: string, programmeId: string, auditId: string) =>
  db
    .selectFrom('audits')
    .select(['id', 'reference'])
    .where('tenant_id', '=', tenantId)
    .where('programme_id', '=', programmeId)
    .where('id', '=', auditId)
    .where('type', 'in', ['follow_up', 'surveillance', 'recertification', 'special', 'stage2'])
    .where('state', 'in', ['in_progress', 'reported', 'closed'])
    .executeTakeFirst();

/** Findings of every body with a deadline passed on `today` and still waiting for something (the daily job's walk). */
export async function lateCandidates(db: TDb, today: string, tenantId?: string) {
  const { rows } = await sql<{ tenant_id: string; id: string; class: TFindingClass; state: TFindingState; response_due_on: string | null; closure_due_on: string | null; verification_due_on: string | null }>`
    SELECT f.tenant_id, f.id, f.class, f.state, f.response_due_on::text AS response_due_on, f.closure_due_on::text AS closure_due_on, f.verification_due_on::text AS verification_due_on
    FROM audit_findings f
    WHERE f.state IN ('open', 'submitted', 'accepted')
      AND (f.response_due_on < ${today}::date OR f.closure_due_on < ${today}::date OR f.verification_due_on < ${today}::date)
      ${tenantId ? sql`AND f.tenant_id = ${tenantId}` : sql``}
    ORDER BY f.tenant_id, f.id`.execute(db);
  return rows;
}

/** Marks a reminder sent; false when it already was (once per finding, kind and due date). */
export async function claimReminder(db: TDb, tenantId: string, findingId: string, kind: 'response' | 'closure' | 'verification', dueOn: string, at: Date) {
  const { rows } = await sql<{ one: number }>`
    INSERT INTO audit_finding_reminders (tenant_id, finding_id, kind, due_on, sent_at) VALUES (${tenantId}, ${findingId}, ${kind}, ${dueOn}::date, ${at})
    ON CONFLICT DO NOTHING RETURNING 1 AS one`.execute(db);
  return rows.length > 0;
}

/** Who is told about a late finding: the organization's owners and administrators, and the audit's lead auditor. */
export async function reminderRecipients(db: TDb, tenantId: string, findingId: string) {
  const { rows } = await sql<{ email: string; name: string; locale: 'en' | 'fr'; side: 'organization' | 'body' }>`
    SELECT DISTINCT ON (lower(u.email)) u.email, u.name, u.locale, x.side FROM (
      SELECT m.user_id, 'organization' AS side FROM audit_findings f JOIN engagements e ON e.id = f.engagement_id AND e.body_tenant_id = f.tenant_id
        JOIN memberships m ON m.tenant_id = e.organization_tenant_id AND m.role IN ('owner', 'admin')
        WHERE f.tenant_id = ${tenantId} AND f.id = ${findingId}
      UNION ALL
      SELECT t.user_id, 'body' AS side FROM audit_findings f JOIN audit_team_members t ON t.tenant_id = f.tenant_id AND t.audit_id = f.audit_id AND t.role = 'lead_auditor'
        WHERE f.tenant_id = ${tenantId} AND f.id = ${findingId}
    ) x JOIN users u ON u.id = x.user_id
    ORDER BY lower(u.email)`.execute(db);
  return rows;
}
