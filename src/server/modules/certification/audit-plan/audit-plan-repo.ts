import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TAuditPlanContent, TAuditPlanStatus } from '../../../../shared/contracts/audit-plan.ts';
import type { TAuditState, TAuditTeamRole, TAuditType, TClientAiRole, TClientAiTier, TEngagementState } from '../../../../shared/contracts/certification.ts';

/*
 * The only door to audit_plans (migration 0024). Body-side functions take the body's tenantId and
 * filter by it; the organization's functions take the organization's tenant id and reach the plans
 * only through an engagement whose organization it is.
 */

export const ISO42001 = 'iso-iec-42001-2023';

export type TPlanAuditContext = {
  id: string;
  reference: string;
  type: TAuditType;
  state: TAuditState;
  planned_start: string | null;
  planned_end: string | null;
  engagement_id: string;
  engagement_status: TEngagementState;
  organization_tenant_id: string;
  organization_name: string;
  body_name: string;
  client_id: string;
  client_name: string;
  client_address: string;
  client_locale: 'en' | 'fr';
  client_contact_email: string | null;
  team_role: TAuditTeamRole | null;
};

/** The audit with what the plan's rules and document need, in one statement; `forUpdate` locks the audit row. */
export async function auditContext(db: Kysely<DB>, tenantId: string, auditId: string, userId: string | null, forUpdate = false) {
  const { rows } = await sql<TPlanAuditContext>`
    SELECT a.id, a.reference, a.type, a.state, a.planned_start::text AS planned_start, a.planned_end::text AS planned_end,
      a.engagement_id, e.status AS engagement_status, e.organization_tenant_id, o.name AS organization_name, b.name AS body_name,
      a.client_id, c.legal_name AS client_name, c.registered_address AS client_address, c.preferred_locale AS client_locale, c.contact_email AS client_contact_email,
      (SELECT m.role FROM audit_team_members m WHERE m.tenant_id = a.tenant_id AND m.audit_id = a.id AND m.user_id = ${userId}) AS team_role
    FROM audits a
    JOIN engagements e ON e.id = a.engagement_id AND e.body_tenant_id = a.tenant_id
    JOIN tenants o ON o.id = e.organization_tenant_id
    JOIN tenants b ON b.id = a.tenant_id
    JOIN clients c ON c.tenant_id = a.tenant_id AND c.id = a.client_id
    WHERE a.tenant_id = ${tenantId} AND a.id = ${auditId}
    ${forUpdate ? sql`FOR UPDATE OF a` : sql``}`.execute(db);
  return rows[0];
}

export type TPlanOptions = {
  sites: { id: string; name: string; address: string; isCentral: boolean }[];
  aiSystems: { id: string; name: string; tier: TClientAiTier; role: TClientAiRole }[];
  team: { userId: string; name: string; role: TAuditTeamRole; plannedDays: number }[];
  frameworkVersion: string | null;
};

/** What a draft picks from: the client's sites and AI systems in scope, the audit's team, the catalog's current ISO/IEC 42001 — one statement. */
export async function planOptions(db: Kysely<DB>, tenantId: string, auditId: string, clientId: string): Promise<TPlanOptions> {
  const { rows } = await sql<TPlanOptions>`
    SELECT
      coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'address', s.address, 'isCentral', s.is_central) ORDER BY s.is_central DESC, lower(s.name), s.id)
        FROM client_sites s WHERE s.tenant_id = ${tenantId} AND s.client_id = ${clientId}), '[]') AS sites,
      coalesce((SELECT json_agg(json_build_object('id', x.id, 'name', x.name, 'tier', x.tier, 'role', x.role) ORDER BY lower(x.name), x.id)
        FROM client_ai_systems x WHERE x.tenant_id = ${tenantId} AND x.client_id = ${clientId}), '[]') AS "aiSystems",
      coalesce((SELECT json_agg(json_build_object('userId', m.user_id, 'name', u.name, 'role', m.role, 'plannedDays', m.planned_days::float)
          ORDER BY CASE m.role WHEN 'lead_auditor' THEN 0 WHEN 'auditor' THEN 1 WHEN 'technical_expert' THEN 2 ELSE 3 END, lower(u.name))
        FROM audit_team_members m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ${tenantId} AND m.audit_id = ${auditId}), '[]') AS team,
      (SELECT f.version FROM catalog_frameworks f WHERE f.id = ${ISO42001} AND f.is_current LIMIT 1) AS "frameworkVersion"`.execute(db);
  const r = rows[0]!;
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return { sites: parse(r.sites), aiSystems: parse(r.aiSystems), team: parse(r.team), frameworkVersion: r.frameworkVersion };
}

/** Among refs, those that are clauses 4–10 or Annex A controls of the framework version. */
export async function knownRequirements(db: Kysely<DB>, version: string, refs: readonly string[]) {
  if (!refs.length) return new Set<string>();
  const rows = await db
    .selectFrom('catalog_requirements')
    .select('ref')
    .where('framework_id', '=', ISO42001)
    .where('framework_version', '=', version)
    .where('ref', 'in', [...new Set(refs)])
    .where((w) => w.or([w('kind', '=', 'clause'), w('kind', '=', 'control')]))
    .execute();
  return new Set(rows.map((r) => r.ref));
}

export type TPlanRow = {
  id: string;
  audit_id: string;
  version: number;
  status: TAuditPlanStatus;
  content: TAuditPlanContent;
  locale: 'en' | 'fr' | null;
  document_sha256: string | null;
  document_size: number | null;
  recipients: string[];
  superseded: boolean;
  updated_at: Date;
  issued_at: Date | null;
  acknowledged_at: Date | null;
  updated_by_id: string | null;
  updated_by_name: string | null;
  updated_by_email: string | null;
  issued_by_id: string | null;
  issued_by_name: string | null;
  issued_by_email: string | null;
  acknowledged_by_id: string | null;
  acknowledged_by_name: string | null;
  acknowledged_by_email: string | null;
};

const PLAN_COLUMNS = sql`p.id, p.audit_id, p.version, p.status, p.content, p.locale, p.document_sha256, p.document_size, p.recipients,
  (p.status <> 'draft' AND p.version < (SELECT max(x.version) FROM audit_plans x WHERE x.tenant_id = p.tenant_id AND x.audit_id = p.audit_id AND x.status <> 'draft')) AS superseded,
  p.updated_at, p.issued_at, p.acknowledged_at,
  uu.id AS updated_by_id, uu.name AS updated_by_name, uu.email AS updated_by_email,
  ui.id AS issued_by_id, ui.name AS issued_by_name, ui.email AS issued_by_email,
  ua.id AS acknowledged_by_id, ua.name AS acknowledged_by_name, ua.email AS acknowledged_by_email`;
const PLAN_JOINS = sql`LEFT JOIN users uu ON uu.id = p.updated_by LEFT JOIN users ui ON ui.id = p.issued_by LEFT JOIN users ua ON ua.id = p.acknowledged_by`;

const parsed = <R extends { content: unknown; recipients: unknown }>(r: R): R => ({
  ...r,
  content: typeof r.content === 'string' ? JSON.parse(r.content) : r.content,
  recipients: typeof r.recipients === 'string' ? JSON.parse(r.recipients) : r.recipients,
});

/** Every version of an audit's plan, newest first. */
export async function listVersions(db: Kysely<DB>, tenantId: string, auditId: string) {
  const { rows } = await sql<TPlanRow>`SELECT ${PLAN_COLUMNS} FROM audit_plans p ${PLAN_JOINS}
    WHERE p.tenant_id = ${tenantId} AND p.audit_id = ${auditId} ORDER BY p.version DESC`.execute(db);
  return rows.map(parsed);
}

/** The newest version (locked when asked), whatever its status. */
export async function latestVersion(db: Kysely<DB>, tenantId: string, auditId: string, forUpdate = false) {
  const { rows } = await sql<{ id: string; version: number; status: TAuditPlanStatus; content: TAuditPlanContent; recipients: string[] }>`
    SELECT p.id, p.version, p.status, p.content, p.recipients FROM audit_plans p
    WHERE p.tenant_id = ${tenantId} AND p.audit_id = ${auditId} ORDER BY p.version DESC LIMIT 1 ${forUpdate ? sql`FOR UPDATE` : sql``}`.execute(db);
  return rows[0] ? parsed(rows[0]) : undefined;
}

export async function versionFile(db: Kysely<DB>, tenantId: string, auditId: string, version: number) {
  return db
    .selectFrom('audit_plans')
    .select(['document_sha256', 'document_size', 'locale', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('audit_id', '=', auditId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function insertDraft(db: Kysely<DB>, tenantId: string, auditId: string, version: number, content: TAuditPlanContent, userId: string | null, at: Date) {
  await db
    .insertInto('audit_plans')
    .values({ tenant_id: tenantId, audit_id: auditId, version, content: JSON.stringify(content), created_by: userId, created_at: at, updated_by: userId, updated_at: at })
    .execute();
}

export async function updateDraft(db: Kysely<DB>, tenantId: string, id: string, content: TAuditPlanContent, userId: string | null, at: Date) {
  await db
    .updateTable('audit_plans')
    .set({ content: JSON.stringify(content), updated_by: userId, updated_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute();
}

export async function markIssued(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  v: { content: TAuditPlanContent; locale: 'en' | 'fr'; sha256: string; size: number; recipients: string[]; userId: string | null; at: Date },
) {
  await db
    .updateTable('audit_plans')
    .set({
      status: 'issued',
      content: JSON.stringify(v.content),
      locale: v.locale,
      document_sha256: v.sha256,
      document_size: v.size,
      recipients: JSON.stringify(v.recipients),
      issued_by: v.userId,
      issued_at: v.at,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute();
}

/** Where an issued plan is sent: the organization's owners and administrators, else the client's contact. */
export async function recipientsOf(db: Kysely<DB>, organizationTenantId: string, clientContact: string | null) {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.email')
    .where('m.tenant_id', '=', organizationTenantId)
    .where('m.role', 'in', ['owner', 'admin'])
    .orderBy('u.email')
    .execute();
  const emails = rows.map((r) => r.email.toLowerCase());
  return emails.length ? [...new Set(emails)] : clientContact ? [clientContact] : [];
}

/** For the mail job: an issued version with where it goes. */
export async function planForMail(db: Kysely<DB>, tenantId: string, planId: string) {
  const { rows } = await sql<{
    version: number;
    locale: 'en' | 'fr' | null;
    document_sha256: string | null;
    recipients: string[];
    start_date: string | null;
    end_date: string | null;
    audit_reference: string;
    audit_type: TAuditType;
    engagement_id: string;
    organization_tenant_id: string;
    body_name: string;
    client_name: string;
  }>`
    SELECT p.version, p.locale, p.document_sha256, p.recipients, p.content->>'startDate' AS start_date, p.content->>'endDate' AS end_date,
      a.reference AS audit_reference, a.type AS audit_type, a.engagement_id, e.organization_tenant_id, b.name AS body_name, c.legal_name AS client_name
    FROM audit_plans p
    JOIN audits a ON a.tenant_id = p.tenant_id AND a.id = p.audit_id
    JOIN engagements e ON e.id = a.engagement_id AND e.body_tenant_id = a.tenant_id
    JOIN tenants b ON b.id = p.tenant_id
    JOIN clients c ON c.tenant_id = a.tenant_id AND c.id = a.client_id
    WHERE p.tenant_id = ${tenantId} AND p.id = ${planId} AND p.status <> 'draft'`.execute(db);
  return rows[0] ? { ...rows[0], recipients: typeof rows[0].recipients === 'string' ? (JSON.parse(rows[0].recipients) as string[]) : rows[0].recipients } : undefined;
}

/* ───────── The organization's side ───────── */

export type TOrgPlanRow = TPlanRow & { body_tenant_id: string; body_name: string; organization_name: string; audit_reference: string; audit_type: TAuditType };

/**
 * The issued versions of the plans of an engagement's audits, newest first, for the organization of
 * that engagement only — one statement. `planId` narrows to one version; `forUpdate` locks it.
 */
export async function orgPlans(db: Kysely<DB>, organizationTenantId: string, engagementId: string, planId?: string, forUpdate = false) {
  const { rows } = await sql<TOrgPlanRow>`
    SELECT ${PLAN_COLUMNS}, e.body_tenant_id, b.name AS body_name, o.name AS organization_name, a.reference AS audit_reference, a.type AS audit_type
    FROM engagements e
    JOIN audits a ON a.tenant_id = e.body_tenant_id AND a.engagement_id = e.id
    JOIN audit_plans p ON p.tenant_id = a.tenant_id AND p.audit_id = a.id
    JOIN tenants b ON b.id = e.body_tenant_id
    JOIN tenants o ON o.id = e.organization_tenant_id
    ${PLAN_JOINS}
    WHERE e.id = ${engagementId} AND e.organization_tenant_id = ${organizationTenantId} AND p.status <> 'draft'
      ${planId ? sql`AND p.id = ${planId}` : sql``}
    ORDER BY p.issued_at DESC, a.reference, p.version DESC
    ${forUpdate ? sql`FOR UPDATE OF p` : sql``}`.execute(db);
  return rows.map(parsed);
}

export async function engagementOf(db: Kysely<DB>, organizationTenantId: string, engagementId: string) {
  return db.selectFrom('engagements').select(['id', 'body_tenant_id']).where('id', '=', engagementId).where('organization_tenant_id', '=', organizationTenantId).executeTakeFirst();
}

export async function markAcknowledged(db: Kysely<DB>, bodyTenantId: string, planId: string, userId: string, at: Date) {
  await db
    .updateTable('audit_plans')
    .set({ status: 'acknowledged', acknowledged_by: userId, acknowledged_at: at })
    .where('tenant_id', '=', bodyTenantId)
    .where('id', '=', planId)
    .where('status', '=', 'issued')
    .execute();
}
