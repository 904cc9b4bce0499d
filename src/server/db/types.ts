import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { TAuditSummary } from '../../shared/contracts/audit.ts';
import type { TDocumentedInformation, TRelation } from '../../shared/contracts/catalog.ts';
import type { TLocale } from '../../shared/contracts/common.ts';
import type { TAiSystemsTables } from './types-ai-systems.ts';
import type { TCertificationTables } from './types-certification.ts';
import type { TAuditTimeTables } from './types-audit-time.ts';
import type { TAuditWorkTables } from './types-audit-work.ts';
import type { TAuditPlanTables } from './types-audit-plan.ts';
import type { TProposalTables } from './types-certification-proposals.ts';
import type { TIntakeTables } from './types-intake.ts';
import type { TCertAuditsTables } from './types-cert-audits.ts';
import type { TCertificationDecisionTables } from './types-certification-decisions.ts';
import type { TSoc2Tables } from './types-soc2.ts';
import type { TCycleTables } from './types-cycle.ts';
import type { TAimsImprovementTables } from './types-aims-improvement.ts';
import type { TAimsRecordsContextTables } from './types-aims-records-context.ts';
import type { TControlsTables } from './types-controls.ts';
import type { TDocumentsTables } from './types-documents.ts';
import type { TEvidenceTables } from './types-evidence.ts';
import type { TImpactAssessmentTables } from './types-impact-assessments.ts';
import type { TSoaTables } from './types-soa.ts';
import type { TRole, TTenantKind } from '../../shared/contracts/roles.ts';
import type { TActionStatus, TRiskMatrixConfig, TRiskSource, TRiskStatus, TRiskTreatment } from '../../shared/contracts/risks.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampReq = ColumnType<Date, Date | string, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T = unknown> = ColumnType<T, string, string>;

export type UsersTable = {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  locale: Generated<TLocale>;
  is_platform_admin: Generated<boolean>;
  mfa_secret: string | null;
  mfa_pending_secret: string | null;
  mfa_enabled_at: TimestampNull;
  mfa_last_step: number | null;
  password_changed_at: Timestamp;
  created_at: Timestamp;
};

export type MfaRecoveryCodesTable = { user_id: string; code_hash: string; used_at: TimestampNull };

export type SessionsTable = {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: TimestampReq;
  revoked_at: TimestampNull;
  ip: string | null;
  user_agent: string | null;
};

export type PasswordResetsTable = {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  expires_at: TimestampReq;
  used_at: TimestampNull;
  created_at: Timestamp;
};

export type LoginFailuresTable = { id: Generated<number>; key: string; occurred_at: Timestamp };

export type TenantsTable = {
  id: Generated<string>;
  kind: TTenantKind;
  name: string;
  require_mfa: Generated<boolean>;
  created_at: Timestamp;
};

export type MembershipsTable = { tenant_id: string; user_id: string; role: TRole; created_at: Timestamp };

export type InvitationsTable = {
  tenant_id: string;
  id: Generated<string>;
  email: string;
  role: TRole;
  locale: TLocale;
  invited_by: string;
  expires_at: TimestampReq;
  accepted_at: TimestampNull;
  accepted_by: string | null;
  revoked_at: TimestampNull;
  replaced_at: TimestampNull;
  /** The invitation that replaced this one. */
  replaced_by: string | null;
  created_at: Timestamp;
};

export type ApiTokensTable = {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  role: TRole;
  prefix: string;
  token_hash: string;
  created_by: string;
  created_at: Timestamp;
  last_used_at: TimestampNull;
  expires_at: TimestampNull;
  revoked_at: TimestampNull;
};

export type AuditChainHeadsTable = { tenant_id: string; last_seq: number; last_hash: string };

export type AuditEventsTable = {
  tenant_id: string;
  seq: number;
  id: string;
  occurred_at: TimestampReq;
  actor_type: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  summary: Json<TAuditSummary>;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  prev_hash: string;
  hash: string;
};

export type FilesTable = {
  tenant_id: string;
  id: Generated<string>;
  sha256: string;
  size: number;
  filename: string;
  content_type: string;
  uploaded_by: string | null;
  created_at: Timestamp;
};

export type JobLogTable = { id: Generated<number>; queue: string; job_id: string; payload: Json; completed_at: Timestamp };

type AiSystemsTable = TAiSystemsTables['ai_systems'];
type AiSystemClassificationsTable = TAiSystemsTables['ai_system_classifications'];

export type DB = {
  users: UsersTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  password_resets: PasswordResetsTable;
  tenants: TenantsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  api_tokens: ApiTokensTable;
  audit_chain_heads: AuditChainHeadsTable;
  audit_events: AuditEventsTable;
  files: FilesTable;
  job_log: JobLogTable;
  catalog_frameworks: CatalogFrameworksTable;
  catalog_requirements: CatalogRequirementsTable;
  catalog_mappings: CatalogMappingsTable;
  catalog_crosswalks: CatalogCrosswalksTable;
  ai_systems: AiSystemsTable;
  ai_system_classifications: AiSystemClassificationsTable;
  impact_assessments: TImpactAssessmentTables['impact_assessments'];
  impact_assessment_versions: TImpactAssessmentTables['impact_assessment_versions'];
  impact_assessment_settings: TImpactAssessmentTables['impact_assessment_settings'];
  risk_matrices: RiskMatricesTable;
  risks: RisksTable;
  risk_actions: RiskActionsTable;
  risk_requirements: RiskRequirementsTable;
  risk_acceptances: RiskAcceptancesTable;
  risk_ai_systems: RiskAiSystemsTable;
} & TControlsTables &
  TSoaTables &
  TDocumentsTables &
  TEvidenceTables &
  TAimsImprovementTables &
  TAimsRecordsContextTables &
  TCertificationTables &
  TAuditTimeTables &
  TAuditWorkTables &
  TAuditPlanTables &
  TProposalTables &
  TIntakeTables &
  TCertAuditsTables &
  TCertificationDecisionTables &
  TSoc2Tables &
  TCycleTables;

export type TUserRow = Selectable<UsersTable>;
export type TTenantRow = Selectable<TenantsTable>;
export type TAuditEventRow = Selectable<AuditEventsTable>;
export type TNewAuditEvent = Insertable<AuditEventsTable>;

type TLocalizedJson = Json<{ en: string; fr: string }>;
type TOptionalLocalizedJson = ColumnType<{ en: string; fr: string } | null, string | null, string | null>;

export type CatalogFrameworksTable = {
  id: string;
  version: string;
  owner_tenant_id: string | null;
  title: TLocalizedJson;
  edition: TLocalizedJson;
  publisher: TLocalizedJson;
  short_title: TOptionalLocalizedJson;
  description: TLocalizedJson;
  content_hash: string;
  is_current: Generated<boolean>;
  loaded_at: Timestamp;
};

export type CatalogRequirementsTable = {
  framework_id: string;
  framework_version: string;
  ref: string;
  kind: string;
  parent_ref: string | null;
  position: number;
  normative: Generated<boolean>;
  title: TLocalizedJson;
  description: TLocalizedJson;
  documented_information: TDocumentedInformation | null;
  category: string | null;
  applies_from: string | null;
  extra: Json<Record<string, unknown>>;
  label: TOptionalLocalizedJson;
  /** Generated by PostgreSQL from label, title and description (migration 0003). */
  search_en: ColumnType<string, never, never>;
  search_fr: ColumnType<string, never, never>;
};

export type CatalogMappingsTable = {
  source_framework_id: string;
  source_version: string;
  source_ref: string;
  target_framework_id: string;
  target_version: string;
  target_ref: string;
  relation: TRelation;
  rationale: TLocalizedJson;
};

export type CatalogCrosswalksTable = {
  source_framework_id: string;
  source_version: string;
  target_framework_id: string;
  target_version: string;
  content_hash: string;
  loaded_at: Timestamp;
};

/** A date without time (PostgreSQL `date`), read as 'YYYY-MM-DD' (see the parsers in client.ts). */
type DateOnly = ColumnType<string, string, string>;
type DateOnlyNull = ColumnType<string | null, string | null | undefined, string | null>;

export type RiskMatricesTable = { tenant_id: string; version: number; config: Json<TRiskMatrixConfig>; created_by: string | null; created_at: Timestamp };

export type RisksTable = {
  tenant_id: string;
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  source: TRiskSource;
  owner_id: string | null;
  matrix_version: number;
  inherent_likelihood: number;
  inherent_impact: number;
  inherent_score: number;
  inherent_level: string;
  treatment: TRiskTreatment | null;
  residual_likelihood: number | null;
  residual_impact: number | null;
  residual_score: number | null;
  residual_level: string | null;
  review_date: DateOnlyNull;
  status: Generated<TRiskStatus>;
  current_acceptance_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type RiskActionsTable = {
  tenant_id: string;
  id: Generated<string>;
  risk_id: string;
  position: number;
  title: string;
  owner_id: string | null;
  due_date: DateOnlyNull;
  status: TActionStatus;
  created_at: Timestamp;
};

export type RiskAiSystemsTable = { tenant_id: string; risk_id: string; ai_system_id: string };

export type RiskRequirementsTable = { tenant_id: string; risk_id: string; framework_id: string; framework_version: string; ref: string };

export type RiskAcceptancesTable = {
  tenant_id: string;
  id: Generated<string>;
  risk_id: string;
  accepted_by: string;
  accepted_at: TimestampReq;
  rationale: string;
  matrix_version: number;
  residual_likelihood: number;
  residual_impact: number;
  residual_score: number;
  residual_level: string;
  above_threshold: boolean;
  expires_on: DateOnly;
  reopened_at: TimestampNull;
  reopened_by: string | null;
  reopen_kind: 'manual' | 'expired' | null;
  reopen_reason: string | null;
};
