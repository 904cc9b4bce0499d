import type { ColumnType, Generated } from 'kysely';
import type {
  TSoc2ComplementaryKind,
  TSoc2ControlFrequency,
  TSoc2ControlRisk,
  TSoc2CriterionImpact,
  TSoc2DescriptionState,
  TSoc2DocumentKind,
  TSoc2ExaminationState,
  TSoc2ExceptionConclusion,
  TSoc2ItemResult,
  TSoc2Opinion,
  TSoc2PopulationSource,
  TSoc2ReaderAccessKind,
  TSoc2ReportType,
  TSoc2RequestState,
  TSoc2SampleItemKind,
  TSoc2Stratum,
  TSoc2SubserviceTreatment,
  TSoc2TestConclusion,
  TSoc2TestMethod,
} from '../../shared/contracts/soc2.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A `date` column: select it `::text` to read 'YYYY-MM-DD' on both drivers. */
type DateOnly = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
/** jsonb written as a JSON string (both drivers), read back parsed. */
type Json<T> = ColumnType<T, string, string>;
type JsonNull<T> = ColumnType<T | null, string | null | undefined, string | null>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;
type TextArray<T extends string = string> = ColumnType<T[], T[] | undefined, T[]>;
type BigCount = ColumnType<string, number | string, number | string>;

/*
 * SOC 2 attestation (migration 0032). `body_settings` is declared again with the firm's columns only:
 * Kysely merges the two declarations of the table through the DB interface's intersection.
 */
export type TSoc2Tables = {
  body_settings: {
    cpa_firm: Generated<boolean>;
    cpa_licence_authority: Generated<string>;
    cpa_licence_number: Generated<string>;
    cpa_licence_jurisdiction: Generated<string>;
    soc2_fee_parameters: JsonNull<unknown>;
    soc2_sampling: JsonNull<unknown>;
    soc2_contemporaneity_days: Generated<number>;
    soc2_request_reminder_days: Generated<number>;
    soc2_reader_access_days: Generated<number>;
  };
  soc2_examinations: {
    tenant_id: string;
    id: Generated<string>;
    reference: string;
    engagement_id: string;
    organization_tenant_id: string;
    client_id: string;
    report_type: TSoc2ReportType;
    as_of_date: NullableDate;
    period_start: NullableDate;
    period_end: NullableDate;
    categories: string[];
    services: Generated<string>;
    systems: Generated<string>;
    locations: Generated<string>;
    people: Generated<string>;
    state: ColumnType<TSoc2ExaminationState, TSoc2ExaminationState | undefined, TSoc2ExaminationState>;
    partner_user_id: string | null;
    previous_examination_id: string | null;
    opinion: TSoc2Opinion | null;
    opinion_basis: Generated<string>;
    opinion_by: string | null;
    opinion_at: TimestampNull;
    cancelled_reason: string | null;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  soc2_subservice_orgs: {
    tenant_id: string;
    id: Generated<string>;
    examination_id: string;
    name: string;
    services: Generated<string>;
    treatment: TSoc2SubserviceTreatment;
    report_kind: Generated<string>;
    report_period_end: NullableDate;
    report_opinion: TSoc2Opinion | null;
    report_notes: Generated<string>;
    position: Generated<number>;
  };
  soc2_complementary_controls: {
    tenant_id: string;
    id: Generated<string>;
    examination_id: string;
    kind: TSoc2ComplementaryKind;
    subservice_org_id: string | null;
    reference: string;
    statement: string;
    criteria: TextArray;
    position: Generated<number>;
  };
  soc2_descriptions: {
    tenant_id: string;
    id: Generated<string>;
    examination_id: string;
    version: number;
    state: ColumnType<TSoc2DescriptionState, TSoc2DescriptionState | undefined, TSoc2DescriptionState>;
    sections: JsonDefault<Record<string, string>>;
    assertion: Generated<string>;
    content_sha256: string | null;
    signed_off_by: string | null;
    signed_off_name: string | null;
    signed_off_title: string | null;
    signed_off_at: TimestampNull;
    updated_by: string | null;
    updated_at: Timestamp;
  };
  soc2_matrix_links: {
    tenant_id: string;
    examination_id: string;
    criterion_ref: string;
    control_id: string;
    control_ref: string;
    control_title: string;
    suggested: Generated<boolean>;
    created_by: string | null;
    created_at: Timestamp;
  };
  soc2_tests: {
    tenant_id: string;
    id: Generated<string>;
    examination_id: string;
    reference: string;
    control_id: string;
    control_ref: string;
    control_title: string;
    methods: TSoc2TestMethod[];
    procedure: string;
    evidence_requested: Generated<string>;
    frequency: TSoc2ControlFrequency;
    risk: ColumnType<TSoc2ControlRisk, TSoc2ControlRisk | undefined, TSoc2ControlRisk>;
    prior_failure: Generated<boolean>;
    conclusion: ColumnType<TSoc2TestConclusion, TSoc2TestConclusion | undefined, TSoc2TestConclusion>;
    conclusion_notes: Generated<string>;
    carried_from_test_id: string | null;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  soc2_requests: {
    tenant_id: string;
    id: Generated<string>;
    examination_id: string;
    reference: string;
    test_id: string | null;
    title: string;
    detail: Generated<string>;
    due_on: DateOnly;
    state: ColumnType<TSoc2RequestState, TSoc2RequestState | undefined, TSoc2RequestState>;
    answer: Generated<string>;
    evidence_ids: TextArray;
    return_reason: Generated<string>;
    submitted_by: string | null;
    submitted_at: TimestampNull;
    reviewed_by: string | null;
    reviewed_at: TimestampNull;
    last_reminded_on: NullableDate;
    created_by: string | null;
    created_at: Timestamp;
  };
  soc2_populations: {
    tenant_id: string;
    id: Generated<string>;
    examination_id: string;
    test_id: string;
    name: string;
    source: TSoc2PopulationSource;
    file_name: Generated<string>;
    file_sha256: string;
    file_size: BigCount;
    index_sha256: string;
    row_count: number;
    first_date: NullableDate;
    last_date: NullableDate;
    mapping: Json<unknown>;
    completeness_accuracy: Generated<string>;
    imported_by: string | null;
    imported_at: Timestamp;
  };
  soc2_samples: {
    tenant_id: string;
    id: Generated<string>;
    examination_id: string;
    test_id: string;
    population_id: string;
    extension_no: Generated<number>;
    seed: string;
    algorithm: string;
    size: number;
    size_trace: Json<unknown>;
    drawn_by: string | null;
    drawn_at: Timestamp;
  };
  soc2_sample_items: {
    tenant_id: string;
    id: Generated<string>;
    sample_id: string;
    test_id: string;
    row_index: number;
    kind: TSoc2SampleItemKind;
    stratum: TSoc2Stratum;
    item_key: string;
    item_date: DateOnly;
    item_text: Generated<string>;
    judgment_reason: Generated<string>;
    result: ColumnType<TSoc2ItemResult, TSoc2ItemResult | undefined, TSoc2ItemResult>;
    notes: Generated<string>;
    evidence_ids: TextArray;
    evidence_created_on: NullableDate;
    tested_by: string | null;
    tested_at: TimestampNull;
  };
  soc2_exceptions: {
    tenant_id: string;
    id: Generated<string>;
    examination_id: string;
    test_id: string;
    sample_item_id: string | null;
    reference: string;
    description: string;
    response_context: Generated<string>;
    response_remediation: Generated<string>;
    response_evidence_ids: TextArray;
    responded_by: string | null;
    responded_at: TimestampNull;
    conclusion: TSoc2ExceptionConclusion | null;
    criterion_impact: TSoc2CriterionImpact | null;
    conclusion_notes: Generated<string>;
    concluded_by: string | null;
    concluded_at: TimestampNull;
    created_by: string | null;
    created_at: Timestamp;
  };
  soc2_documents: {
    tenant_id: string;
    id: Generated<string>;
    examination_id: string;
    kind: TSoc2DocumentKind;
    reference: string;
    model: Json<unknown>;
    model_sha256: string;
    /** Per locale and format: { en: { pdf: { sha256, size }, docx: {…} }, fr: {…} }. */
    files: Json<Record<string, Record<string, { sha256: string; size: number }>>>;
    covers_until: NullableDate;
    issued_by: string | null;
    issued_at: Timestamp;
  };
  soc2_nda_texts: {
    tenant_id: string;
    version: number;
    text_en: string;
    text_fr: string;
    sha256: string;
    created_by: string | null;
    created_at: Timestamp;
  };
  soc2_readers: {
    tenant_id: string;
    id: Generated<string>;
    document_id: string;
    organization_tenant_id: string;
    email: string;
    name: string;
    company: string;
    locale: 'en' | 'fr';
    token_sha256: string;
    expires_at: ColumnType<Date, Date | string, Date | string>;
    nda_version: number | null;
    nda_sha256: string | null;
    nda_accepted_name: string | null;
    nda_accepted_at: TimestampNull;
    nda_accepted_ip: string | null;
    revoked_at: TimestampNull;
    invited_by: string | null;
    invited_at: Timestamp;
  };
  soc2_reader_accesses: {
    tenant_id: string;
    id: Generated<string>;
    reader_id: string;
    kind: TSoc2ReaderAccessKind;
    locale: 'en' | 'fr' | null;
    watermark: string | null;
    ip: string | null;
    user_agent: string | null;
    at: Timestamp;
  };
};
