import type { ColumnType, Generated } from 'kysely';
import type {
  TAimsMaturity,
  TAuditState,
  TAuditTeamRole,
  TAuditType,
  TClientAiRole,
  TClientAiTier,
  TEngagementState,
  TExistingCertification,
  TProgrammeState,
  TScheme,
  TSectorRisk,
} from '../../shared/contracts/certification.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: select it `::text` to read 'YYYY-MM-DD' on both drivers (pg would build a local-time Date). */
type DateOnly = ColumnType<string, string, string>;
/** numeric(…) columns come back as strings from both drivers; write numbers or strings. */
type Numeric = ColumnType<string, number | string | undefined, number | string>;

/* The certification body's core tables (migration 0018), kept beside the DB interface that merges them. */
export type TCertificationTables = {
  body_settings: {
    tenant_id: string;
    public_slug: string;
    legal_name: string;
    address: Generated<string>;
    quotes_open: Generated<boolean>;
    cooling_off_months: Generated<number>;
    rotation_max_cycles: Generated<number>;
    currency: Generated<string>;
    default_day_rate_cents: ColumnType<string, number | string | undefined, number | string>;
    proposal_validity_days: Generated<number>;
    major_response_days: Generated<number>;
    minor_response_days: Generated<number>;
    minor_closure_days: Generated<number>;
    major_verification_months: Generated<number>;
    suspension_max_months: Generated<number>;
    certificate_number_pattern: Generated<string>;
    accredited: Generated<boolean>;
    accreditation_body: Generated<string>;
    accreditation_number: Generated<string>;
    corrective_action_review_days: Generated<number>;
    decision_days: Generated<number>;
    updated_by: string | null;
    updated_at: Timestamp;
  };
  clients: {
    tenant_id: string;
    id: Generated<string>;
    reference: string;
    legal_name: string;
    registered_address: string;
    sector: Generated<string>;
    sector_risk: TSectorRisk;
    employees_full_time: number;
    employees_part_time: Generated<number>;
    part_time_fte: Numeric;
    ai_systems_count: Generated<number>;
    high_risk_ai_systems: Generated<number>;
    ai_roles: ColumnType<TClientAiRole[], TClientAiRole[] | undefined, TClientAiRole[]>;
    aims_maturity: ColumnType<TAimsMaturity, TAimsMaturity | undefined, TAimsMaturity>;
    existing_certifications: ColumnType<TExistingCertification[], TExistingCertification[] | undefined, TExistingCertification[]>;
    contact_name: Generated<string>;
    contact_email: string | null;
    preferred_locale: ColumnType<'en' | 'fr', 'en' | 'fr' | undefined, 'en' | 'fr'>;
    organization_tenant_id: string | null;
    quote_request_id: string | null;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  client_sites: {
    tenant_id: string;
    client_id: string;
    id: Generated<string>;
    name: string;
    address: string;
    is_central: Generated<boolean>;
    personnel: Generated<number>;
    activities: Generated<string>;
  };
  client_ai_systems: {
    tenant_id: string;
    client_id: string;
    id: Generated<string>;
    name: string;
    tier: TClientAiTier;
    role: TClientAiRole;
  };
  engagements: {
    id: Generated<string>;
    body_tenant_id: string;
    organization_tenant_id: string;
    client_id: string;
    scheme: TScheme;
    status: ColumnType<TEngagementState, TEngagementState | undefined, TEngagementState>;
    proposal_id: string | null;
    started_at: Timestamp;
    closed_at: Date | null;
    closed_reason: string | null;
    created_by: string | null;
  };
  audit_programmes: {
    tenant_id: string;
    id: Generated<string>;
    engagement_id: string;
    client_id: string;
    cycle: Generated<number>;
    status: ColumnType<TProgrammeState, TProgrammeState | undefined, TProgrammeState>;
    decision_date: DateOnly | null;
    expiry_date: DateOnly | null;
    created_by: string | null;
    created_at: Timestamp;
  };
  audits: {
    tenant_id: string;
    id: Generated<string>;
    programme_id: string;
    engagement_id: string;
    client_id: string;
    reference: string;
    type: TAuditType;
    sequence: Generated<number>;
    state: ColumnType<TAuditState, TAuditState | undefined, TAuditState>;
    due_by: DateOnly | null;
    planned_start: DateOnly | null;
    planned_end: DateOnly | null;
    actual_start: DateOnly | null;
    actual_end: DateOnly | null;
    planned_days: Numeric;
    on_site_days: Numeric;
    state_changed_by: string | null;
    state_changed_at: Date | null;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  audit_team_members: {
    tenant_id: string;
    audit_id: string;
    user_id: string;
    role: TAuditTeamRole;
    planned_days: Numeric;
    assigned_by: string | null;
    assigned_at: Timestamp;
  };
};
