import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../../db/types.ts';

/* What the OSCAL exports read, every query scoped to the certification body's tenant. */

export async function auditHeader(db: Kysely<DB>, tenantId: string, auditId: string) {
  const { rows } = await sql<{
    id: string;
    reference: string;
    type: string;
    state: string;
    start: string | null;
    end: string | null;
    client_id: string;
    client_name: string;
    client_reference: string;
    body_name: string;
    framework_id: string | null;
    framework_version: string | null;
  }>`
    SELECT a.id, a.reference, a.type, a.state,
      coalesce(a.actual_start, a.planned_start)::text AS start, coalesce(a.actual_end, a.planned_end)::text AS end,
      c.id AS client_id, c.legal_name AS client_name, c.reference AS client_reference,
      coalesce(s.legal_name, t.name) AS body_name, k.framework_id, k.framework_version
    FROM audits a
    JOIN clients c ON c.tenant_id = a.tenant_id AND c.id = a.client_id
    JOIN tenants t ON t.id = a.tenant_id
    LEFT JOIN body_settings s ON s.tenant_id = a.tenant_id
    LEFT JOIN audit_checklists k ON k.tenant_id = a.tenant_id AND k.audit_id = a.id
    WHERE a.tenant_id = ${tenantId} AND a.id = ${auditId}`.execute(db);
  return rows[0];
}

export type TFindingRow = {
  id: string;
  reference: string;
  audit_reference: string;
  class: 'major' | 'minor' | 'observation' | 'opportunity';
  state: string;
  framework_id: string | null;
  framework_version: string | null;
  ref: string | null;
  statement: string;
  evidence: string;
  raised_at: Date;
  response_due_on: string | null;
  closure_due_on: string | null;
  verification_due_on: string | null;
  section: string | null;
  responses: { id: string; version: number; correction: string; root_cause: string; corrective_action: string; planned_completion_on: string | null; verdict: 'accepted' | 'rejected' | null; verdict_reason: string; submitted_at: string }[];
};

/** Findings with the checklist section of their requirement in the same audit, and their answers (aggregated). */
export async function findings(db: Kysely<DB>, tenantId: string, where: { auditId: string } | { programmeId: string; openNonconformities: true }) {
  const filter =
    'auditId' in where
      ? sql`f.audit_id = ${where.auditId}`
      : sql`f.programme_id = ${where.programmeId} AND ((f.class = 'major' AND f.state NOT IN ('verified','closed')) OR (f.class = 'minor' AND f.state <> 'closed'))`;
  const { rows } = await sql<TFindingRow>`
    SELECT f.id, f.reference, a.reference AS audit_reference, f.class, f.state, f.framework_id, f.framework_version, f.ref, f.statement, f.evidence, f.raised_at,
      f.response_due_on::text AS response_due_on, f.closure_due_on::text AS closure_due_on, f.verification_due_on::text AS verification_due_on,
      (SELECT i.section FROM audit_checklist_items i WHERE i.tenant_id = f.tenant_id AND i.audit_id = f.audit_id AND i.framework_id = f.framework_id AND i.ref = f.ref) AS section,
      (SELECT coalesce(json_agg(json_build_object('id', r.id, 'version', r.version, 'correction', r.correction, 'root_cause', r.root_cause, 'corrective_action', r.corrective_action,
          'planned_completion_on', r.planned_completion_on::text, 'verdict', r.verdict, 'verdict_reason', r.verdict_reason, 'submitted_at', r.submitted_at) ORDER BY r.version), '[]')
        FROM audit_finding_responses r WHERE r.tenant_id = f.tenant_id AND r.finding_id = f.id) AS responses
    FROM audit_findings f
    JOIN audits a ON a.tenant_id = f.tenant_id AND a.id = f.audit_id
    WHERE f.tenant_id = ${tenantId} AND ${filter}
    ORDER BY f.raised_at, f.reference`.execute(db);
  return rows.map((r): TFindingRow => ({ ...r, responses: typeof r.responses === 'string' ? (JSON.parse(r.responses) as TFindingRow['responses']) : r.responses }));
}

/** The requirements the audit's checklist covered (in its order), with verdict and notes. */
export async function checklistItems(db: Kysely<DB>, tenantId: string, auditId: string) {
  const { rows } = await sql<{ id: string; ref: string; section: string; verdict: string | null; notes: string; updated_at: Date | null }>`
    SELECT i.id, i.ref, i.section, i.verdict, i.notes, i.updated_at FROM audit_checklist_items i
    WHERE i.tenant_id = ${tenantId} AND i.audit_id = ${auditId} ORDER BY i.position`.execute(db);
  return rows;
}

/** A framework version's requirements in document order: the catalog export numbers its control ids over them. */
export async function requirementKinds(db: Kysely<DB>, frameworkId: string, version: string) {
  const { rows } = await sql<{ ref: string; kind: string }>`
    SELECT r.ref, r.kind FROM catalog_requirements r WHERE r.framework_id = ${frameworkId} AND r.framework_version = ${version} ORDER BY r.position`.execute(db);
  return rows;
}

export async function programmeHeader(db: Kysely<DB>, tenantId: string, programmeId: string) {
  const { rows } = await sql<{ id: string; cycle: number; client_id: string; client_name: string; client_reference: string; body_name: string }>`
    SELECT g.id, g.cycle, c.id AS client_id, c.legal_name AS client_name, c.reference AS client_reference, coalesce(s.legal_name, t.name) AS body_name
    FROM audit_programmes g
    JOIN engagements e ON e.id = g.engagement_id AND e.body_tenant_id = g.tenant_id
    JOIN clients c ON c.tenant_id = g.tenant_id AND c.id = g.client_id
    JOIN tenants t ON t.id = g.tenant_id
    LEFT JOIN body_settings s ON s.tenant_id = g.tenant_id
    WHERE g.tenant_id = ${tenantId} AND g.id = ${programmeId}`.execute(db);
  return rows[0];
}
