import type { ColumnType, Generated } from 'kysely';
import type {
  TCertificateEventKind,
  TCertificateState,
  TDecisionKind,
  TFindingClass,
  TFindingResponseVerdict,
  TFindingState,
  TTechnicalReviewState,
  TVerificationMethod,
} from '../../shared/contracts/certification-decisions.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: select it `::text` to read 'YYYY-MM-DD' on both drivers. */
type DateOnly = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
/** jsonb written as a JSON string (both drivers), read back parsed. */
type Json<T> = ColumnType<T, string, string>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;

/* Findings, answers, technical review, decision and certificate (migration 0025). */
export type TCertificationDecisionTables = {
  audit_findings: {
    tenant_id: string;
    id: Generated<string>;
    audit_id: string;
    programme_id: string;
    engagement_id: string;
    client_id: string;
    reference: string;
    class: TFindingClass;
    framework_id: string | null;
    framework_version: string | null;
    ref: string | null;
    statement: string;
    evidence: Generated<string>;
    state: TFindingState;
    response_due_on: NullableDate;
    closure_due_on: NullableDate;
    verification_due_on: NullableDate;
    verified_at: Date | null;
    verified_by: string | null;
    verification_method: TVerificationMethod | null;
    verification_audit_id: string | null;
    verification_notes: Generated<string>;
    closed_at: Date | null;
    closed_by: string | null;
    raised_by: string | null;
    raised_at: Timestamp;
    updated_at: Timestamp;
  };
  /** Migration 0026: the overdue reminders sent, one per finding, kind and due date. */
  audit_finding_reminders: { tenant_id: string; finding_id: string; kind: 'response' | 'closure' | 'verification'; due_on: DateOnly; sent_at: Timestamp };
  audit_finding_sites: { tenant_id: string; finding_id: string; site_id: string };
  audit_finding_ai_systems: { tenant_id: string; finding_id: string; client_ai_system_id: string };
  audit_finding_responses: {
    tenant_id: string;
    id: Generated<string>;
    finding_id: string;
    version: number;
    correction: string;
    root_cause: string;
    corrective_action: string;
    planned_completion_on: NullableDate;
    evidence: JsonDefault<unknown>;
    submitted_by: string;
    submitted_at: Timestamp;
    verdict: TFindingResponseVerdict | null;
    verdict_reason: Generated<string>;
    verdict_by: string | null;
    verdict_at: Date | null;
  };
  technical_reviews: {
    tenant_id: string;
    id: Generated<string>;
    programme_id: string;
    engagement_id: string;
    client_id: string;
    audit_id: string;
    reviewer_id: string;
    state: ColumnType<TTechnicalReviewState, TTechnicalReviewState | undefined, TTechnicalReviewState>;
    checklist: JsonDefault<unknown>;
    recommendation: TDecisionKind | null;
    notes: Generated<string>;
    file_sha256: string | null;
    file_snapshot: ColumnType<unknown, string | null | undefined, string | null>;
    completed_at: Date | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  certification_decisions: {
    tenant_id: string;
    id: Generated<string>;
    reference: string;
    programme_id: string;
    engagement_id: string;
    client_id: string;
    technical_review_id: string | null;
    certificate_id: string | null;
    kind: TDecisionKind;
    decided_by: string;
    decided_on: DateOnly;
    decided_at: Timestamp;
    reasoning: string;
    details: JsonDefault<unknown>;
    file_sha256: string;
    file_snapshot: Json<unknown>;
  };
  certificates: {
    tenant_id: string;
    id: Generated<string>;
    number: string;
    revision: Generated<number>;
    supersedes_id: string | null;
    engagement_id: string;
    client_id: string;
    programme_id: string;
    decision_id: string;
    status: ColumnType<TCertificateState, TCertificateState | undefined, TCertificateState>;
    standard: string;
    holder_name: string;
    holder_address: string;
    sites: Json<unknown>;
    ai_systems: JsonDefault<unknown>;
    scope_en: string;
    scope_fr: string;
    soa_version: Generated<string>;
    body_name: string;
    body_address: string;
    original_issue_date: DateOnly;
    effective_date: DateOnly;
    expiry_date: DateOnly;
    decision_date: DateOnly;
    suspended_until: NullableDate;
    status_reason: Generated<string>;
    status_changed_at: Date | null;
    credential: Json<unknown>;
    credential_sha256: string;
    documents: JsonDefault<unknown>;
    created_at: Timestamp;
  };
  certificate_events: {
    tenant_id: string;
    id: Generated<string>;
    certificate_id: string;
    kind: TCertificateEventKind;
    effective_on: DateOnly;
    reason_en: Generated<string>;
    reason_fr: Generated<string>;
    decision_id: string | null;
    created_at: Timestamp;
  };
};
