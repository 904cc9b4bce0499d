import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TAttendee, TRecommendation, TReportKind } from '../../../../shared/contracts/audit-work.ts';
import type { TAuditTeamRole } from '../../../../shared/contracts/certification.ts';

/* The audit report's tables (migration 0023): every function takes the body's tenantId and filters by it. */

export type TReportRow = {
  kind: TReportKind;
  status: 'draft' | 'issued';
  summary: string;
  conformities: string;
  observations: string;
  areas_to_clarify: string;
  ready_for_stage2: 'yes' | 'not_yet' | null;
  conclusions: string;
  closing_meeting_date: string | null;
  attendees: TAttendee[];
  recommendation: TRecommendation | null;
  updated_by_id: string | null;
  updated_by_name: string | null;
  updated_at: Date | string | null;
  issued_by_id: string | null;
  issued_by_name: string | null;
  issued_at: Date | string | null;
  files: { locale: 'en' | 'fr'; format: 'pdf' | 'docx'; sha256: string; size: number }[];
};

export async function getReport(db: Kysely<DB>, tenantId: string, auditId: string, forUpdate = false): Promise<TReportRow | undefined> {
  const { rows } = await sql<TReportRow>`
    SELECT r.kind, r.status, r.summary, r.conformities, r.observations, r.areas_to_clarify, r.ready_for_stage2, r.conclusions,
      r.closing_meeting_date::text AS closing_meeting_date, r.attendees, r.recommendation,
      r.updated_by AS updated_by_id, uu.name AS updated_by_name, r.updated_at, r.issued_by AS issued_by_id, iu.name AS issued_by_name, r.issued_at,
      coalesce((SELECT json_agg(json_build_object('locale', f.locale, 'format', f.format, 'sha256', f.sha256, 'size', f.size) ORDER BY f.locale, f.format)
        FROM audit_report_files f WHERE f.tenant_id = r.tenant_id AND f.audit_id = r.audit_id), '[]'::json) AS files
    FROM audit_reports r
    LEFT JOIN users uu ON uu.id = r.updated_by
    LEFT JOIN users iu ON iu.id = r.issued_by
    WHERE r.tenant_id = ${tenantId} AND r.audit_id = ${auditId}
    ${forUpdate ? sql`FOR UPDATE OF r` : sql``}`.execute(db);
  return rows[0];
}

export type TReportValues = {
  summary: string;
  conformities: string;
  observations: string;
  areas_to_clarify: string;
  ready_for_stage2: 'yes' | 'not_yet' | null;
  conclusions: string;
  closing_meeting_date: string | null;
  attendees: TAttendee[];
  recommendation: TRecommendation | null;
};

export async function upsertReport(db: Kysely<DB>, tenantId: string, auditId: string, kind: TReportKind, v: TReportValues, by: { updated_by: string | null; updated_at: Date }) {
  const values = { ...v, attendees: JSON.stringify(v.attendees), ...by };
  await db
    .insertInto('audit_reports')
    .values({ tenant_id: tenantId, audit_id: auditId, kind, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'audit_id']).doUpdateSet(values))
    .execute();
}

export async function markIssued(db: Kysely<DB>, tenantId: string, auditId: string, by: { issued_by: string | null; issued_at: Date }, files: readonly { locale: 'en' | 'fr'; format: 'pdf' | 'docx'; sha256: string; size: number }[]) {
  await db.updateTable('audit_reports').set({ status: 'issued', ...by }).where('tenant_id', '=', tenantId).where('audit_id', '=', auditId).execute();
  await db
    .insertInto('audit_report_files')
    .values(files.map((f) => ({ tenant_id: tenantId, audit_id: auditId, ...f })))
    .execute();
}

export const reportFile = (db: Kysely<DB>, tenantId: string, auditId: string, locale: 'en' | 'fr', format: 'pdf' | 'docx') =>
  db.selectFrom('audit_report_files').select(['sha256', 'size']).where('tenant_id', '=', tenantId).where('audit_id', '=', auditId).where('locale', '=', locale).where('format', '=', format).executeTakeFirst();

export type TReportFacts = {
  body_name: string;
  body_address: string | null;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  client_address: string;
  team: { name: string; role: TAuditTeamRole }[];
};

/** What the issued document names besides the report itself: the body, the dates, the client's address and the team. */
export async function reportFacts(db: Kysely<DB>, tenantId: string, auditId: string): Promise<TReportFacts> {
  const { rows } = await sql<TReportFacts>`
    SELECT t.name AS body_name, bs.address AS body_address,
      a.planned_start::text AS planned_start, a.planned_end::text AS planned_end, a.actual_start::text AS actual_start, a.actual_end::text AS actual_end,
      c.registered_address AS client_address,
      coalesce((SELECT json_agg(json_build_object('name', u.name, 'role', m.role)
          ORDER BY array_position(ARRAY['lead_auditor','auditor','technical_expert','observer'], m.role), lower(u.name))
        FROM audit_team_members m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = a.tenant_id AND m.audit_id = a.id), '[]'::json) AS team
    FROM audits a
    JOIN tenants t ON t.id = a.tenant_id
    LEFT JOIN body_settings bs ON bs.tenant_id = a.tenant_id
    JOIN clients c ON c.tenant_id = a.tenant_id AND c.id = a.client_id
    WHERE a.tenant_id = ${tenantId} AND a.id = ${auditId}`.execute(db);
  return rows[0]!;
}
