import type { ColumnType, Generated } from 'kysely';
import type { TChecklistBasis, TChecklistSection, TChecklistVerdict, TRecommendation, TReportKind } from '../../shared/contracts/audit-work.ts';
import type { TRequirementStatus } from '../../shared/contracts/readiness.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

/* The audit workspace's tables (migration 0023), kept beside the DB interface that merges them. */
export type TAuditWorkTables = {
  audit_checklists: {
    tenant_id: string;
    audit_id: string;
    basis: TChecklistBasis;
    framework_id: string;
    framework_version: string;
    soa_version: number | null;
    readiness: Json<unknown> | null;
    generated_by: string | null;
    generated_at: Timestamp;
  };
  audit_checklist_items: {
    tenant_id: string;
    audit_id: string;
    id: Generated<string>;
    position: number;
    section: TChecklistSection;
    framework_id: string;
    framework_version: string;
    ref: string;
    readiness_status: TRequirementStatus | null;
    soa_implementation_status: string | null;
    prior_audit_reference: string | null;
    verdict: TChecklistVerdict | null;
    notes: Generated<string>;
    updated_by: string | null;
    updated_at: Date | null;
  };
  audit_checklist_evidence: {
    tenant_id: string;
    item_id: string;
    organization_tenant_id: string;
    evidence_id: string;
    title: string;
  };
  audit_reports: {
    tenant_id: string;
    audit_id: string;
    kind: TReportKind;
    status: ColumnType<'draft' | 'issued', 'draft' | 'issued' | undefined, 'draft' | 'issued'>;
    summary: Generated<string>;
    conformities: Generated<string>;
    observations: Generated<string>;
    areas_to_clarify: Generated<string>;
    ready_for_stage2: 'yes' | 'not_yet' | null;
    conclusions: Generated<string>;
    closing_meeting_date: DateOnly | null;
    attendees: Json<unknown>;
    recommendation: TRecommendation | null;
    updated_by: string | null;
    updated_at: Date | null;
    issued_by: string | null;
    issued_at: Date | null;
  };
  audit_report_files: {
    tenant_id: string;
    audit_id: string;
    locale: 'en' | 'fr';
    format: 'pdf' | 'docx';
    sha256: string;
    size: number;
  };
};
