import { sql, type Kysely } from 'kysely';

/*
 * SOC 2 attestation (facts sheet section 2; seed 002: five stages, ten steps). A licensed CPA firm is a
 * certification_body tenant whose settings carry its licence. The firm and the organization are linked
 * by the same engagement as a certification (scheme soc2-type1 / soc2-type2), opened when the
 * organization accepts the firm's proposal; each report period is one *examination* of that
 * engagement, and a renewal opens the next examination from the previous one.
 *
 * Everything here belongs to the firm's tenant, like a certification's findings: the organization
 * reaches its examinations (description, request list, exception responses, readers) through the
 * engagement; its rows keep the firm's tenant_id and name the organization's user who wrote them.
 * The organization's own controls and evidence stay in its tenant and are referenced by id, with a
 * snapshot taken where a report must not change when the source does.
 *
 * A population's rows are not stored as rows: the imported file is frozen in the blob store with its
 * SHA-256, next to a compact index (date and position of each row), so a sample can be re-drawn from
 * exactly the same rows years later with the recorded seed and algorithm.
 */
const statements = [
  // The firm's licence and its SOC 2 policies. Sample sizes and fees are conventions, not rules
  // (facts sheet [V-convention]): each firm keeps its own parameters, versioned inside the JSON.
  `ALTER TABLE body_settings
    ADD COLUMN cpa_firm boolean NOT NULL DEFAULT false,
    ADD COLUMN cpa_licence_authority text NOT NULL DEFAULT '',
    ADD COLUMN cpa_licence_number text NOT NULL DEFAULT '',
    ADD COLUMN cpa_licence_jurisdiction text NOT NULL DEFAULT '',
    ADD COLUMN soc2_fee_parameters jsonb,
    ADD COLUMN soc2_sampling jsonb,
    ADD COLUMN soc2_contemporaneity_days integer NOT NULL DEFAULT 30 CHECK (soc2_contemporaneity_days BETWEEN 1 AND 365),
    ADD COLUMN soc2_request_reminder_days integer NOT NULL DEFAULT 3 CHECK (soc2_request_reminder_days BETWEEN 0 AND 60),
    ADD COLUMN soc2_reader_access_days integer NOT NULL DEFAULT 365 CHECK (soc2_reader_access_days BETWEEN 1 AND 1095),
    ADD CONSTRAINT body_settings_cpa_licence CHECK (NOT cpa_firm OR (cpa_licence_authority <> '' AND cpa_licence_number <> ''))`,
  // A SOC 2 proposal prices one examination from the firm's cost factors; it has no three-year lines.
  `ALTER TABLE proposals DROP CONSTRAINT proposals_scheme_check`,
  `ALTER TABLE proposals ADD CONSTRAINT proposals_scheme_check CHECK (scheme IN ('iso42001','soc2-type1','soc2-type2'))`,
  `ALTER TABLE proposals ADD COLUMN soc2_scope jsonb, ADD COLUMN fee_estimate jsonb,
    ADD CONSTRAINT proposals_soc2_scope CHECK ((scheme = 'iso42001') = (soc2_scope IS NULL))`,
  `CREATE TABLE soc2_examinations (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    reference text NOT NULL,
    engagement_id uuid NOT NULL REFERENCES engagements(id),
    organization_tenant_id uuid NOT NULL REFERENCES tenants(id),
    client_id uuid NOT NULL,
    report_type text NOT NULL CHECK (report_type IN ('type1','type2')),
    as_of_date date,
    period_start date,
    period_end date,
    categories text[] NOT NULL CHECK ('security' = ANY (categories)
      AND categories <@ ARRAY['security','availability','confidentiality','processing_integrity','privacy']::text[]),
    services text NOT NULL DEFAULT '',
    systems text NOT NULL DEFAULT '',
    locations text NOT NULL DEFAULT '',
    people text NOT NULL DEFAULT '',
    state text NOT NULL DEFAULT 'scoping' CHECK (state IN ('scoping','planning','fieldwork','reporting','issued','cancelled')),
    partner_user_id uuid REFERENCES users(id),
    previous_examination_id uuid,
    opinion text CHECK (opinion IN ('unmodified','qualified','adverse','disclaimer')),
    opinion_basis text NOT NULL DEFAULT '',
    opinion_by uuid REFERENCES users(id),
    opinion_at timestamptz,
    cancelled_reason text,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id),
    FOREIGN KEY (tenant_id, previous_examination_id) REFERENCES soc2_examinations (tenant_id, id),
    CHECK ((report_type = 'type1') = (as_of_date IS NOT NULL)),
    CHECK ((report_type = 'type2') = (period_start IS NOT NULL AND period_end IS NOT NULL)),
    CHECK (period_end > period_start),
    CHECK ((opinion IS NULL) = (opinion_at IS NULL)),
    CHECK (state NOT IN ('issued') OR opinion IS NOT NULL),
    CHECK ((state = 'cancelled') = (cancelled_reason IS NOT NULL))
  )`,
  `CREATE UNIQUE INDEX soc2_examinations_reference_key ON soc2_examinations (tenant_id, reference)`,
  `CREATE INDEX soc2_examinations_list_idx ON soc2_examinations (tenant_id, created_at DESC, id DESC)`,
  `CREATE INDEX soc2_examinations_org_idx ON soc2_examinations (organization_tenant_id, created_at DESC)`,
  `CREATE INDEX soc2_examinations_engagement_idx ON soc2_examinations (engagement_id)`,
  // Subservice organizations, with the SOC report of their own that the firm relied on (or not).
  `CREATE TABLE soc2_subservice_orgs (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    examination_id uuid NOT NULL,
    name text NOT NULL,
    services text NOT NULL DEFAULT '',
    treatment text NOT NULL CHECK (treatment IN ('carve_out','inclusive')),
    report_kind text NOT NULL DEFAULT '' CHECK (report_kind IN ('','soc1-type1','soc1-type2','soc2-type1','soc2-type2','iso27001','other')),
    report_period_end date,
    report_opinion text CHECK (report_opinion IN ('unmodified','qualified','adverse','disclaimer')),
    report_notes text NOT NULL DEFAULT '',
    position integer NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, examination_id) REFERENCES soc2_examinations (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE INDEX soc2_subservice_orgs_exam_idx ON soc2_subservice_orgs (tenant_id, examination_id, position)`,
  // CUECs (what user entities must do) and CSOCs (what a carved-out subservice organization must do).
  `CREATE TABLE soc2_complementary_controls (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    examination_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('cuec','csoc')),
    subservice_org_id uuid,
    reference text NOT NULL,
    statement text NOT NULL,
    criteria text[] NOT NULL DEFAULT '{}',
    position integer NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, examination_id) REFERENCES soc2_examinations (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, subservice_org_id) REFERENCES soc2_subservice_orgs (tenant_id, id) ON DELETE CASCADE,
    CHECK ((kind = 'csoc') = (subservice_org_id IS NOT NULL))
  )`,
  `CREATE UNIQUE INDEX soc2_complementary_reference_key ON soc2_complementary_controls (tenant_id, examination_id, reference)`,
  // Management's description of its system (DC 200), versioned. A signed-off version never changes;
  // writing again starts the next version, and the previous signed one becomes superseded only when
  // the new one is signed off.
  `CREATE TABLE soc2_descriptions (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    examination_id uuid NOT NULL,
    version integer NOT NULL CHECK (version >= 1),
    state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','signed_off','superseded')),
    sections jsonb NOT NULL DEFAULT '{}',
    assertion text NOT NULL DEFAULT '',
    content_sha256 text CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
    signed_off_by uuid REFERENCES users(id),
    signed_off_name text,
    signed_off_title text,
    signed_off_at timestamptz,
    updated_by uuid REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, examination_id) REFERENCES soc2_examinations (tenant_id, id) ON DELETE CASCADE,
    CHECK ((state = 'draft') = (signed_off_at IS NULL)),
    CHECK ((signed_off_at IS NULL) = (content_sha256 IS NULL))
  )`,
  `CREATE UNIQUE INDEX soc2_descriptions_version_key ON soc2_descriptions (tenant_id, examination_id, version)`,
  `CREATE UNIQUE INDEX soc2_descriptions_one_draft ON soc2_descriptions (tenant_id, examination_id) WHERE state = 'draft'`,
  // The control matrix: each applicable criterion mapped to the organization's controls (AIMS controls,
  // in the organization's tenant). The control's ref and title are copied when the row is written so
  // the matrix reads the same after the organization edits its register; the report snapshots again.
  `CREATE TABLE soc2_matrix_links (
    tenant_id uuid NOT NULL,
    examination_id uuid NOT NULL,
    criterion_ref text NOT NULL,
    control_id uuid NOT NULL,
    control_ref text NOT NULL,
    control_title text NOT NULL,
    suggested boolean NOT NULL DEFAULT false,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, examination_id, criterion_ref, control_id),
    FOREIGN KEY (tenant_id, examination_id) REFERENCES soc2_examinations (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE INDEX soc2_matrix_links_control_idx ON soc2_matrix_links (tenant_id, examination_id, control_id)`,
  // A test procedure on one control. Frequency, risk and a prior failure drive the sample size.
  `CREATE TABLE soc2_tests (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    examination_id uuid NOT NULL,
    reference text NOT NULL,
    control_id uuid NOT NULL,
    control_ref text NOT NULL,
    control_title text NOT NULL,
    methods text[] NOT NULL CHECK (cardinality(methods) >= 1
      AND methods <@ ARRAY['inquiry','observation','inspection','reperformance']::text[]),
    procedure text NOT NULL,
    evidence_requested text NOT NULL DEFAULT '',
    frequency text NOT NULL CHECK (frequency IN ('annual','quarterly','monthly','weekly','daily','many_per_day','automated')),
    risk text NOT NULL DEFAULT 'moderate' CHECK (risk IN ('lower','moderate','higher')),
    prior_failure boolean NOT NULL DEFAULT false,
    conclusion text NOT NULL DEFAULT 'pending' CHECK (conclusion IN ('pending','no_exception','exception')),
    conclusion_notes text NOT NULL DEFAULT '',
    carried_from_test_id uuid,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, examination_id) REFERENCES soc2_examinations (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE UNIQUE INDEX soc2_tests_reference_key ON soc2_tests (tenant_id, examination_id, reference)`,
  `CREATE INDEX soc2_tests_control_idx ON soc2_tests (tenant_id, examination_id, control_id)`,
  // The information request list ("PBC list") the organization answers in its workspace.
  `CREATE TABLE soc2_requests (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    examination_id uuid NOT NULL,
    reference text NOT NULL,
    test_id uuid,
    title text NOT NULL,
    detail text NOT NULL DEFAULT '',
    due_on date NOT NULL,
    state text NOT NULL DEFAULT 'open' CHECK (state IN ('open','submitted','accepted','returned')),
    answer text NOT NULL DEFAULT '',
    evidence_ids uuid[] NOT NULL DEFAULT '{}',
    return_reason text NOT NULL DEFAULT '',
    submitted_by uuid REFERENCES users(id),
    submitted_at timestamptz,
    reviewed_by uuid REFERENCES users(id),
    reviewed_at timestamptz,
    last_reminded_on date,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, examination_id) REFERENCES soc2_examinations (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, test_id) REFERENCES soc2_tests (tenant_id, id) ON DELETE SET NULL
  )`,
  `CREATE UNIQUE INDEX soc2_requests_reference_key ON soc2_requests (tenant_id, examination_id, reference)`,
  // The reminder job walks open requests by due date across firms.
  `CREATE INDEX soc2_requests_due_idx ON soc2_requests (due_on) WHERE state IN ('open','returned')`,
  // A frozen population: the source file and its row index in the blob store, hashed; how its
  // completeness and accuracy were checked (information produced by the entity) is the auditor's record.
  `CREATE TABLE soc2_populations (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    examination_id uuid NOT NULL,
    test_id uuid NOT NULL,
    name text NOT NULL,
    source text NOT NULL CHECK (source IN ('csv','xlsx','evidence')),
    file_name text NOT NULL DEFAULT '',
    file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    file_size bigint NOT NULL CHECK (file_size >= 0),
    index_sha256 text NOT NULL CHECK (index_sha256 ~ '^[0-9a-f]{64}$'),
    row_count integer NOT NULL CHECK (row_count >= 0),
    first_date date,
    last_date date,
    mapping jsonb NOT NULL,
    completeness_accuracy text NOT NULL DEFAULT '',
    imported_by uuid REFERENCES users(id),
    imported_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, examination_id) REFERENCES soc2_examinations (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, test_id) REFERENCES soc2_tests (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE INDEX soc2_populations_test_idx ON soc2_populations (tenant_id, test_id, imported_at)`,
  // A sample: the size and how it was set, the seed and the named, versioned algorithm that drew it.
  // An extension after an exception is a further sample of the same population (extension_no > 0).
  `CREATE TABLE soc2_samples (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    examination_id uuid NOT NULL,
    test_id uuid NOT NULL,
    population_id uuid NOT NULL,
    extension_no integer NOT NULL DEFAULT 0 CHECK (extension_no >= 0),
    seed text NOT NULL CHECK (length(seed) BETWEEN 1 AND 64),
    algorithm text NOT NULL,
    size integer NOT NULL CHECK (size >= 0),
    size_trace jsonb NOT NULL,
    drawn_by uuid REFERENCES users(id),
    drawn_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, population_id) REFERENCES soc2_populations (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE UNIQUE INDEX soc2_samples_extension_key ON soc2_samples (tenant_id, population_id, extension_no)`,
  `CREATE TABLE soc2_sample_items (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    sample_id uuid NOT NULL,
    test_id uuid NOT NULL,
    row_index integer NOT NULL CHECK (row_index >= 0),
    kind text NOT NULL CHECK (kind IN ('random','judgmental','extension')),
    stratum text NOT NULL CHECK (stratum IN ('beginning','middle','end')),
    item_key text NOT NULL,
    item_date date NOT NULL,
    item_text text NOT NULL DEFAULT '',
    judgment_reason text NOT NULL DEFAULT '',
    result text NOT NULL DEFAULT 'pending' CHECK (result IN ('pending','no_exception','exception')),
    notes text NOT NULL DEFAULT '',
    evidence_ids uuid[] NOT NULL DEFAULT '{}',
    evidence_created_on date,
    tested_by uuid REFERENCES users(id),
    tested_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, sample_id) REFERENCES soc2_samples (tenant_id, id) ON DELETE CASCADE,
    CHECK ((kind = 'judgmental') = (judgment_reason <> '')),
    CHECK ((result = 'pending') = (tested_at IS NULL))
  )`,
  `CREATE UNIQUE INDEX soc2_sample_items_row_key ON soc2_sample_items (tenant_id, test_id, sample_id, row_index)`,
  `CREATE INDEX soc2_sample_items_test_idx ON soc2_sample_items (tenant_id, test_id, item_date)`,
  // Exceptions: the auditor's description, management's response, the auditor's conclusion.
  `CREATE TABLE soc2_exceptions (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    examination_id uuid NOT NULL,
    test_id uuid NOT NULL,
    sample_item_id uuid,
    reference text NOT NULL,
    description text NOT NULL,
    response_context text NOT NULL DEFAULT '',
    response_remediation text NOT NULL DEFAULT '',
    response_evidence_ids uuid[] NOT NULL DEFAULT '{}',
    responded_by uuid REFERENCES users(id),
    responded_at timestamptz,
    conclusion text CHECK (conclusion IN ('isolated','systematic')),
    criterion_impact text CHECK (criterion_impact IN ('none','partial','not_met')),
    conclusion_notes text NOT NULL DEFAULT '',
    concluded_by uuid REFERENCES users(id),
    concluded_at timestamptz,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, test_id) REFERENCES soc2_tests (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, sample_item_id) REFERENCES soc2_sample_items (tenant_id, id) ON DELETE SET NULL,
    CHECK ((conclusion IS NULL) = (concluded_at IS NULL)),
    CHECK ((conclusion IS NULL) = (criterion_impact IS NULL))
  )`,
  `CREATE UNIQUE INDEX soc2_exceptions_reference_key ON soc2_exceptions (tenant_id, examination_id, reference)`,
  // Issued documents: the report (or a bridge letter, or a general-use summary), frozen. Each locale's
  // PDF and DOCX sit in the blob store; the model they were rendered from is kept so a reader's
  // watermarked copy is rendered from exactly what was issued.
  `CREATE TABLE soc2_documents (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    examination_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('report','bridge_letter','general_use')),
    reference text NOT NULL,
    model jsonb NOT NULL,
    model_sha256 text NOT NULL CHECK (model_sha256 ~ '^[0-9a-f]{64}$'),
    files jsonb NOT NULL,
    covers_until date,
    issued_by uuid REFERENCES users(id),
    issued_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, examination_id) REFERENCES soc2_examinations (tenant_id, id)
  )`,
  `CREATE UNIQUE INDEX soc2_documents_reference_key ON soc2_documents (tenant_id, reference)`,
  `CREATE UNIQUE INDEX soc2_documents_one_report ON soc2_documents (tenant_id, examination_id) WHERE kind = 'report'`,
  // The restricted-use terms a reader accepts, versioned: a reader's acceptance names the version and its hash.
  `CREATE TABLE soc2_nda_texts (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    version integer NOT NULL CHECK (version >= 1),
    text_en text NOT NULL,
    text_fr text NOT NULL,
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, version)
  )`,
  // A report reader: someone the organization invited by e-mail. The link carries a token whose
  // SHA-256 only is stored; the reader may download only after accepting the NDA, and never after expiry.
  `CREATE TABLE soc2_readers (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    document_id uuid NOT NULL,
    organization_tenant_id uuid NOT NULL REFERENCES tenants(id),
    email text NOT NULL,
    name text NOT NULL,
    company text NOT NULL,
    locale text NOT NULL CHECK (locale IN ('en','fr')),
    token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    expires_at timestamptz NOT NULL,
    nda_version integer,
    nda_sha256 text,
    nda_accepted_name text,
    nda_accepted_at timestamptz,
    nda_accepted_ip text,
    revoked_at timestamptz,
    invited_by uuid REFERENCES users(id),
    invited_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, document_id) REFERENCES soc2_documents (tenant_id, id),
    CHECK ((nda_accepted_at IS NULL) = (nda_version IS NULL)),
    CHECK (expires_at > invited_at)
  )`,
  `CREATE UNIQUE INDEX soc2_readers_email_key ON soc2_readers (tenant_id, document_id, lower(email)) WHERE revoked_at IS NULL`,
  `CREATE INDEX soc2_readers_org_idx ON soc2_readers (organization_tenant_id, invited_at DESC)`,
  // Every access a reader makes, kept with the watermark printed on the copy they received.
  `CREATE TABLE soc2_reader_accesses (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    reader_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('invited','nda_accepted','download','refused_expired','revoked')),
    locale text CHECK (locale IN ('en','fr')),
    watermark text,
    ip text,
    user_agent text,
    at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, reader_id) REFERENCES soc2_readers (tenant_id, id)
  )`,
  `CREATE INDEX soc2_reader_accesses_reader_idx ON soc2_reader_accesses (tenant_id, reader_id, at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'soc2_reader_accesses',
    'soc2_readers',
    'soc2_nda_texts',
    'soc2_documents',
    'soc2_exceptions',
    'soc2_sample_items',
    'soc2_samples',
    'soc2_populations',
    'soc2_requests',
    'soc2_tests',
    'soc2_matrix_links',
    'soc2_descriptions',
    'soc2_complementary_controls',
    'soc2_subservice_orgs',
    'soc2_examinations',
  ])
    await sql.raw(`DROP TABLE ${t}`).execute(db);
  await sql.raw(`ALTER TABLE proposals DROP CONSTRAINT proposals_soc2_scope, DROP COLUMN soc2_scope, DROP COLUMN fee_estimate`).execute(db);
  await sql.raw(`ALTER TABLE proposals DROP CONSTRAINT proposals_scheme_check`).execute(db);
  await sql.raw(`ALTER TABLE proposals ADD CONSTRAINT proposals_scheme_check CHECK (scheme IN ('iso42001'))`).execute(db);
  await sql
    .raw(
      `ALTER TABLE body_settings DROP CONSTRAINT body_settings_cpa_licence, DROP COLUMN cpa_firm, DROP COLUMN cpa_licence_authority,
        DROP COLUMN cpa_licence_number, DROP COLUMN cpa_licence_jurisdiction, DROP COLUMN soc2_fee_parameters, DROP COLUMN soc2_sampling,
        DROP COLUMN soc2_contemporaneity_days, DROP COLUMN soc2_request_reminder_days, DROP COLUMN soc2_reader_access_days`,
    )
    .execute(db);
}
