import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TChecklistQuery, TChecklistSection, TChecklistVerdict } from '../../../../shared/contracts/audit-work.ts';
import type { TAuditState, TAuditTeamRole, TAuditType, TEngagementState } from '../../../../shared/contracts/certification.ts';
import type { TLocalizedText } from '../../../../shared/contracts/catalog.ts';

/*
 * The only door to the workspace tables (migration 0023); every function takes the body's
 * tenantId and filters by it. The audit, its engagement and the actor's place on its team are
 * read-only joins on the core tables (migration 0018), so that the rules are judged on one row.
 */

export type TAuditContext = {
  id: string;
  reference: string;
  type: TAuditType;
  state: TAuditState;
  engagement_id: string;
  engagement_status: TEngagementState;
  organization_tenant_id: string;
  client_id: string;
  client_name: string;
  client_locale: 'en' | 'fr';
  team_role: TAuditTeamRole | null;
  checklist_generated: boolean;
  report_status: 'draft' | 'issued' | null;
};

/**
 * The audit with what the workspace's rules need, in one statement; `forUpdate` locks the audit
 * row so that a generation or an issue and a state change of the audit take turns.
 */
export async function auditContext(db: Kysely<DB>, tenantId: string, auditId: string, userId: string | null, forUpdate = false): Promise<TAuditContext | undefined> {
  const { rows } = await sql<TAuditContext>`
    SELECT a.id, a.reference, a.type, a.state, a.engagement_id, e.status AS engagement_status, e.organization_tenant_id, a.client_id,
      c.legal_name AS client_name, c.preferred_locale AS client_locale,
      (SELECT m.role FROM audit_team_members m WHERE m.tenant_id = a.tenant_id AND m.audit_id = a.id AND m.user_id = ${userId}) AS team_role,
      EXISTS (SELECT 1 FROM audit_checklists k WHERE k.tenant_id = a.tenant_id AND k.audit_id = a.id) AS checklist_generated,
      (SELECT r.status FROM audit_reports r WHERE r.tenant_id = a.tenant_id AND r.audit_id = a.id) AS report_status
    FROM audits a
    JOIN engagements e ON e.id = a.engagement_id AND e.body_tenant_id = a.tenant_id
    JOIN clients c ON c.tenant_id = a.tenant_id AND c.id = a.client_id
    WHERE a.tenant_id = ${tenantId} AND a.id = ${auditId}
    ${forUpdate ? sql`FOR UPDATE OF a` : sql``}`.execute(db);
  return rows[0];
}

/* ───────────────────────── Generation ───────────────────────── */

export type TRequirementRow = { framework_id: string; framework_version: string; ref: string; kind: string; position: number; documented_information: string | null };

/** Leaf clauses 4–10 of a framework version (an umbrella clause is audited through its sub-clauses). */
export async function leafClauses(db: Kysely<DB>, frameworkId: string, version: string) {
  const { rows } = await sql<TRequirementRow>`
    SELECT r.framework_id, r.framework_version, r.ref, r.kind, r.position, r.documented_information
    FROM catalog_requirements r
    WHERE r.framework_id = ${frameworkId} AND r.framework_version = ${version} AND r.kind = 'clause'
      AND r.ref ~ '^(4|5|6|7|8|9|10)(\\.|$)'
      AND NOT EXISTS (SELECT 1 FROM catalog_requirements ch WHERE ch.framework_id = r.framework_id AND ch.framework_version = r.framework_version AND ch.parent_ref = r.ref AND ch.kind = 'clause')
    ORDER BY r.position`.execute(db);
  return rows;
}

/** Requirements that call for documented information (maintained or retained): stage 1 reviews them. */
export async function documentedInformation(db: Kysely<DB>, frameworkId: string, version: string) {
  const { rows } = await sql<TRequirementRow>`
    SELECT r.framework_id, r.framework_version, r.ref, r.kind, r.position, r.documented_information
    FROM catalog_requirements r
    WHERE r.framework_id = ${frameworkId} AND r.framework_version = ${version} AND r.documented_information IS NOT NULL
    ORDER BY r.position`.execute(db);
  return rows;
}

/** The requirements named by refs, in catalog order; the refs not found are the caller's to report. */
export async function requirementsByRef(db: Kysely<DB>, frameworkId: string, version: string, refs: readonly string[]) {
  if (!refs.length) return [];
  const { rows } = await sql<TRequirementRow>`
    SELECT r.framework_id, r.framework_version, r.ref, r.kind, r.position, r.documented_information
    FROM catalog_requirements r
    WHERE r.framework_id = ${frameworkId} AND r.framework_version = ${version} AND r.ref IN (${sql.join([...refs])})
    ORDER BY r.position`.execute(db);
  return rows;
}

/**
 * Requirements judged nonconforming on the checklists of this engagement's earlier audits (not
 * this one, not cancelled ones), with the latest audit that found each: surveillance revisits them.
 */
export async function priorNonconformities(db: Kysely<DB>, tenantId: string, engagementId: string, auditId: string, frameworkId: string) {
  // Two sources: checklist items judged nonconforming, and the major and minor findings raised in
  // the engagement's earlier audits (a finding is how a nonconformity is formally recorded).
  const { rows } = await sql<TRequirementRow & { prior_audit_reference: string }>`
    SELECT DISTINCT ON (x.ref) x.framework_id, x.framework_version, x.ref, r.kind, r.position, r.documented_information, a.reference AS prior_audit_reference
    FROM (
      SELECT i.audit_id, i.framework_id, i.framework_version, i.ref FROM audit_checklist_items i
        WHERE i.tenant_id = ${tenantId} AND i.framework_id = ${frameworkId} AND i.verdict = 'nonconforming'
      UNION ALL
      SELECT f.audit_id, f.framework_id, f.framework_version, f.ref FROM audit_findings f
        WHERE f.tenant_id = ${tenantId} AND f.engagement_id = ${engagementId} AND f.framework_id = ${frameworkId} AND f.class IN ('major', 'minor')
    ) x
    JOIN audits a ON a.tenant_id = ${tenantId} AND a.id = x.audit_id
    JOIN catalog_requirements r ON r.framework_id = x.framework_id AND r.framework_version = x.framework_version AND r.ref = x.ref
    WHERE a.engagement_id = ${engagementId} AND a.id <> ${auditId} AND a.state <> 'cancelled'
    ORDER BY x.ref, coalesce(a.actual_end, a.planned_end, a.due_by) DESC NULLS LAST, a.created_at DESC`.execute(db);
  return rows.sort((a, b) => a.position - b.position);
}

export type TNewItem = {
  section: TChecklistSection;
  framework_id: string;
  framework_version: string;
  ref: string;
  readiness_status?: string | null;
  soa_implementation_status?: string | null;
  prior_audit_reference?: string | null;
};

export async function insertChecklist(
  db: Kysely<DB>,
  tenantId: string,
  auditId: string,
  head: { basis: 'stage1' | 'full' | 'surveillance'; framework_id: string; framework_version: string; soa_version: number | null; readiness: unknown; generated_by: string | null; generated_at: Date },
  items: readonly TNewItem[],
) {
  await db
    .insertInto('audit_checklists')
    .values({ tenant_id: tenantId, audit_id: auditId, ...head, readiness: head.readiness === null ? null : JSON.stringify(head.readiness) })
    .execute();
  if (!items.length) return;
  await db
    .insertInto('audit_checklist_items')
    .values(
      items.map((i, n) => ({
        tenant_id: tenantId,
        audit_id: auditId,
        position: n + 1,
        section: i.section,
        framework_id: i.framework_id,
        framework_version: i.framework_version,
        ref: i.ref,
        readiness_status: (i.readiness_status ?? null) as never,
        soa_implementation_status: i.soa_implementation_status ?? null,
        prior_audit_reference: i.prior_audit_reference ?? null,
      })),
    )
    .execute();
}

/* ───────────────────────── Reading ───────────────────────── */

export type TChecklistHeadRow = {
  basis: 'stage1' | 'full' | 'surveillance';
  framework_id: string;
  framework_version: string;
  soa_version: number | null;
  readiness: unknown;
  generated_by_id: string | null;
  generated_by_name: string | null;
  generated_at: Date | string;
};

export const checklistHead = async (db: Kysely<DB>, tenantId: string, auditId: string) =>
  (
    await sql<TChecklistHeadRow>`
    SELECT k.basis, k.framework_id, k.framework_version, k.soa_version, k.readiness, k.generated_by AS generated_by_id, u.name AS generated_by_name, k.generated_at
    FROM audit_checklists k LEFT JOIN users u ON u.id = k.generated_by
    WHERE k.tenant_id = ${tenantId} AND k.audit_id = ${auditId}`.execute(db)
  ).rows[0];

export type TItemRow = {
  id: string;
  position: number;
  section: TChecklistSection;
  framework_id: string;
  framework_version: string;
  ref: string;
  kind: string;
  title: TLocalizedText;
  group_ref: string | null;
  group_title: TLocalizedText | null;
  readiness_status: string | null;
  soa_implementation_status: string | null;
  prior_audit_reference: string | null;
  verdict: TChecklistVerdict | null;
  notes: string;
  evidence: { id: string; title: string }[];
  updated_by_id: string | null;
  updated_by_name: string | null;
  updated_at: Date | string | null;
};

/** The checklist's items in order, with their requirement's title and evidence references: one statement. */
export async function listItems(db: Kysely<DB>, tenantId: string, auditId: string, q: TChecklistQuery = {}, onlyId?: string) {
  const { rows } = await sql<TItemRow>`
    SELECT i.id, i.position, i.section, i.framework_id, i.framework_version, i.ref, r.kind, r.title, g.ref AS group_ref, g.title AS group_title,
      i.readiness_status, i.soa_implementation_status, i.prior_audit_reference, i.verdict, i.notes,
      coalesce((SELECT json_agg(json_build_object('id', ev.evidence_id, 'title', ev.title) ORDER BY lower(ev.title), ev.evidence_id)
        FROM audit_checklist_evidence ev WHERE ev.tenant_id = i.tenant_id AND ev.item_id = i.id), '[]'::json) AS evidence,
      i.updated_by AS updated_by_id, u.name AS updated_by_name, i.updated_at
    FROM audit_checklist_items i
    JOIN catalog_requirements r ON r.framework_id = i.framework_id AND r.framework_version = i.framework_version AND r.ref = i.ref
    -- The top of the item's branch: the clause number (6.1.2 → 6) or the Annex A theme (A.6.2.4 → A.6).
    LEFT JOIN catalog_requirements g ON g.framework_id = i.framework_id AND g.framework_version = i.framework_version
      AND g.ref = substring(i.ref from '^(A\.[0-9]+|[0-9]+)')
    LEFT JOIN users u ON u.id = i.updated_by
    WHERE i.tenant_id = ${tenantId} AND i.audit_id = ${auditId}
      ${q.section ? sql`AND i.section = ${q.section}` : sql``}
      ${q.verdict === 'open' ? sql`AND i.verdict IS NULL` : q.verdict ? sql`AND i.verdict = ${q.verdict}` : sql``}
      ${onlyId ? sql`AND i.id = ${onlyId}` : sql``}
    ORDER BY i.position`.execute(db);
  return rows;
}

export type TVerdictTotals = { items: number; open: number; conforming: number; nonconforming: number; observation: number; not_audited: number };

export const verdictTotals = async (db: Kysely<DB>, tenantId: string, auditId: string): Promise<TVerdictTotals> =>
  (
    await sql<TVerdictTotals>`
    SELECT count(*)::int AS items,
      count(*) FILTER (WHERE verdict IS NULL)::int AS open,
      count(*) FILTER (WHERE verdict = 'conforming')::int AS conforming,
      count(*) FILTER (WHERE verdict = 'nonconforming')::int AS nonconforming,
      count(*) FILTER (WHERE verdict = 'observation')::int AS observation,
      count(*) FILTER (WHERE verdict = 'not_audited')::int AS not_audited
    FROM audit_checklist_items WHERE tenant_id = ${tenantId} AND audit_id = ${auditId}`.execute(db)
  ).rows[0]!;

/* ───────────────────────── Recording ───────────────────────── */

export const getItemForUpdate = (db: Kysely<DB>, tenantId: string, auditId: string, itemId: string) =>
  db.selectFrom('audit_checklist_items').selectAll().where('tenant_id', '=', tenantId).where('audit_id', '=', auditId).where('id', '=', itemId).forUpdate().executeTakeFirst();

export const itemEvidenceIds = async (db: Kysely<DB>, tenantId: string, itemId: string) =>
  (await db.selectFrom('audit_checklist_evidence').select('evidence_id').where('tenant_id', '=', tenantId).where('item_id', '=', itemId).orderBy('evidence_id').execute()).map((r) => r.evidence_id);

export const updateItem = (db: Kysely<DB>, tenantId: string, itemId: string, patch: { verdict?: TChecklistVerdict | null; notes?: string; updated_by: string | null; updated_at: Date }) =>
  db.updateTable('audit_checklist_items').set(patch).where('tenant_id', '=', tenantId).where('id', '=', itemId).execute();

export async function replaceItemEvidence(db: Kysely<DB>, tenantId: string, itemId: string, organizationTenantId: string, evidence: readonly { id: string; title: string }[]) {
  await db.deleteFrom('audit_checklist_evidence').where('tenant_id', '=', tenantId).where('item_id', '=', itemId).execute();
  if (!evidence.length) return;
  await db
    .insertInto('audit_checklist_evidence')
    .values(evidence.map((e) => ({ tenant_id: tenantId, item_id: itemId, organization_tenant_id: organizationTenantId, evidence_id: e.id, title: e.title })))
    .execute();
}
