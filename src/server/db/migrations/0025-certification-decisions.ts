import { sql, type Kysely } from 'kysely';

/*
 * Certification's second half (ISO/IEC 17021-1 9.4.5–9.6, facts sheet section 3): the findings an
 * audit raises and the organization's answers to them, the technical review of the file, the
 * certification decision, and the certificate with its public history.
 *
 * All of it belongs to the certification body's tenant. The organization reaches its findings and
 * writes its answers through the engagement (the rows keep the body's tenant_id; the answer names
 * the organization's user), as it reads its audit plans.
 *
 * Certificates are read without a tenant by the public register, by number: the number is unique
 * across the whole installation, and a revision (a renewal, a scope change) keeps the number with
 * the next revision, so at most one revision per number is not superseded.
 */
const statements = [
  // The body's own policy for deadlines (the standard sets none: facts sheet, "Nonconformities" [?]),
  // the longest suspension it allows, and how its certificates are numbered.
  `ALTER TABLE body_settings
    ADD COLUMN major_response_days integer NOT NULL DEFAULT 30 CHECK (major_response_days BETWEEN 1 AND 365),
    ADD COLUMN minor_response_days integer NOT NULL DEFAULT 30 CHECK (minor_response_days BETWEEN 1 AND 365),
    ADD COLUMN minor_closure_days integer NOT NULL DEFAULT 90 CHECK (minor_closure_days BETWEEN 1 AND 365),
    ADD COLUMN major_verification_months integer NOT NULL DEFAULT 6 CHECK (major_verification_months BETWEEN 1 AND 12),
    ADD COLUMN suspension_max_months integer NOT NULL DEFAULT 6 CHECK (suspension_max_months BETWEEN 1 AND 12),
    ADD COLUMN certificate_number_pattern text NOT NULL DEFAULT 'AIMS-{YYYY}-{SEQ:5}' CHECK (length(certificate_number_pattern) BETWEEN 3 AND 60),
    ADD COLUMN accredited boolean NOT NULL DEFAULT false,
    ADD COLUMN accreditation_body text NOT NULL DEFAULT '',
    ADD COLUMN accreditation_number text NOT NULL DEFAULT ''`,
  `CREATE TABLE audit_findings (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    audit_id uuid NOT NULL,
    programme_id uuid NOT NULL,
    engagement_id uuid NOT NULL REFERENCES engagements(id),
    client_id uuid NOT NULL,
    reference text NOT NULL,
    class text NOT NULL CHECK (class IN ('major','minor','observation','opportunity')),
    framework_id text,
    framework_version text,
    ref text,
    statement text NOT NULL,
    evidence text NOT NULL DEFAULT '',
    state text NOT NULL CHECK (state IN ('open','submitted','accepted','verified','closed','noted')),
    response_due_on date,
    closure_due_on date,
    verification_due_on date,
    verified_at timestamptz,
    verified_by uuid REFERENCES users(id),
    verification_method text CHECK (verification_method IN ('on_site','remote')),
    verification_audit_id uuid,
    verification_notes text NOT NULL DEFAULT '',
    closed_at timestamptz,
    closed_by uuid REFERENCES users(id),
    raised_by uuid REFERENCES users(id),
    raised_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, audit_id) REFERENCES audits (tenant_id, id),
    FOREIGN KEY (tenant_id, programme_id) REFERENCES audit_programmes (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id),
    FOREIGN KEY (tenant_id, verification_audit_id) REFERENCES audits (tenant_id, id),
    FOREIGN KEY (framework_id, framework_version, ref) REFERENCES catalog_requirements (framework_id, framework_version, ref),
    CHECK ((framework_id IS NULL) = (ref IS NULL) AND (framework_id IS NULL) = (framework_version IS NULL)),
    -- A nonconformity is always against a requirement, and asks for an answer by a date.
    CHECK (class NOT IN ('major','minor') OR (ref IS NOT NULL AND response_due_on IS NOT NULL)),
    CHECK ((state = 'noted') = (class IN ('observation','opportunity'))),
    CHECK (state NOT IN ('verified') OR (verified_at IS NOT NULL AND verified_by IS NOT NULL AND verification_method IS NOT NULL)),
    CHECK (state <> 'closed' OR closed_at IS NOT NULL)
  )`,
  `CREATE UNIQUE INDEX audit_findings_reference_key ON audit_findings (tenant_id, reference)`,
  `CREATE INDEX audit_findings_audit_idx ON audit_findings (tenant_id, audit_id, raised_at, id)`,
  // The decision's preconditions and the deadlines job walk a programme's open nonconformities.
  `CREATE INDEX audit_findings_programme_idx ON audit_findings (tenant_id, programme_id, state)`,
  `CREATE INDEX audit_findings_engagement_idx ON audit_findings (engagement_id, raised_at, id)`,
  `CREATE TABLE audit_finding_sites (
    tenant_id uuid NOT NULL,
    finding_id uuid NOT NULL,
    site_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, finding_id, site_id),
    FOREIGN KEY (tenant_id, finding_id) REFERENCES audit_findings (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, site_id) REFERENCES client_sites (tenant_id, id)
  )`,
  `CREATE TABLE audit_finding_ai_systems (
    tenant_id uuid NOT NULL,
    finding_id uuid NOT NULL,
    client_ai_system_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, finding_id, client_ai_system_id),
    FOREIGN KEY (tenant_id, finding_id) REFERENCES audit_findings (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, client_ai_system_id) REFERENCES client_ai_systems (tenant_id, id)
  )`,
  // Every answer the organization submits is kept with the auditor's verdict on it: the history of a
  // rejected root cause is part of the file the technical reviewer reads.
  `CREATE TABLE audit_finding_responses (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    finding_id uuid NOT NULL,
    version integer NOT NULL CHECK (version > 0),
    correction text NOT NULL,
    root_cause text NOT NULL,
    corrective_action text NOT NULL,
    planned_completion_on date,
    evidence jsonb NOT NULL DEFAULT '[]',
    submitted_by uuid NOT NULL REFERENCES users(id),
    submitted_at timestamptz NOT NULL DEFAULT now(),
    verdict text CHECK (verdict IN ('accepted','rejected')),
    verdict_reason text NOT NULL DEFAULT '',
    verdict_by uuid REFERENCES users(id),
    verdict_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, finding_id, version),
    FOREIGN KEY (tenant_id, finding_id) REFERENCES audit_findings (tenant_id, id) ON DELETE CASCADE,
    CHECK ((verdict IS NULL) = (verdict_at IS NULL) AND (verdict IS NULL) = (verdict_by IS NULL)),
    CHECK (verdict IS DISTINCT FROM 'rejected' OR length(verdict_reason) > 0)
  )`,
  // At most one answer waits for a verdict.
  `CREATE UNIQUE INDEX audit_finding_responses_pending_key ON audit_finding_responses (tenant_id, finding_id) WHERE verdict IS NULL`,
  `CREATE TABLE technical_reviews (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    programme_id uuid NOT NULL,
    engagement_id uuid NOT NULL REFERENCES engagements(id),
    client_id uuid NOT NULL,
    audit_id uuid NOT NULL,
    reviewer_id uuid NOT NULL REFERENCES users(id),
    state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','completed')),
    checklist jsonb NOT NULL DEFAULT '[]',
    recommendation text CHECK (recommendation IN ('grant','refuse','maintain','suspend','reinstate','withdraw','reduce_scope','extend_scope','renew')),
    notes text NOT NULL DEFAULT '',
    file_sha256 text CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    file_snapshot jsonb,
    completed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, programme_id) REFERENCES audit_programmes (tenant_id, id),
    FOREIGN KEY (tenant_id, audit_id) REFERENCES audits (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id),
    CHECK (state <> 'completed' OR (recommendation IS NOT NULL AND completed_at IS NOT NULL AND file_sha256 IS NOT NULL))
  )`,
  `CREATE INDEX technical_reviews_programme_idx ON technical_reviews (tenant_id, programme_id, created_at)`,
  `CREATE TABLE certification_decisions (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    reference text NOT NULL,
    programme_id uuid NOT NULL,
    engagement_id uuid NOT NULL REFERENCES engagements(id),
    client_id uuid NOT NULL,
    technical_review_id uuid,
    certificate_id uuid,
    kind text NOT NULL CHECK (kind IN ('grant','refuse','maintain','suspend','reinstate','withdraw','reduce_scope','extend_scope','renew')),
    decided_by uuid NOT NULL REFERENCES users(id),
    decided_on date NOT NULL,
    decided_at timestamptz NOT NULL DEFAULT now(),
    reasoning text NOT NULL CHECK (length(reasoning) > 0),
    details jsonb NOT NULL DEFAULT '{}',
    file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    file_snapshot jsonb NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, programme_id) REFERENCES audit_programmes (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id),
    FOREIGN KEY (tenant_id, technical_review_id) REFERENCES technical_reviews (tenant_id, id)
  )`,
  `CREATE UNIQUE INDEX certification_decisions_reference_key ON certification_decisions (tenant_id, reference)`,
  `CREATE INDEX certification_decisions_programme_idx ON certification_decisions (tenant_id, programme_id, decided_at)`,
  `CREATE TABLE certificates (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    number text NOT NULL CHECK (length(number) BETWEEN 1 AND 60),
    revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
    supersedes_id uuid,
    engagement_id uuid NOT NULL REFERENCES engagements(id),
    client_id uuid NOT NULL,
    programme_id uuid NOT NULL,
    decision_id uuid NOT NULL,
    status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid','suspended','withdrawn','expired','superseded')),
    standard text NOT NULL,
    holder_name text NOT NULL,
    holder_address text NOT NULL,
    sites jsonb NOT NULL,
    ai_systems jsonb NOT NULL DEFAULT '[]',
    scope_en text NOT NULL,
    scope_fr text NOT NULL,
    soa_version text NOT NULL DEFAULT '',
    body_name text NOT NULL,
    body_address text NOT NULL,
    original_issue_date date NOT NULL,
    effective_date date NOT NULL,
    expiry_date date NOT NULL,
    decision_date date NOT NULL,
    suspended_until date,
    status_reason text NOT NULL DEFAULT '',
    status_changed_at timestamptz,
    credential jsonb NOT NULL,
    credential_sha256 text NOT NULL CHECK (credential_sha256 ~ '^[0-9a-f]{64}$'),
    documents jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (number, revision),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id),
    FOREIGN KEY (tenant_id, programme_id) REFERENCES audit_programmes (tenant_id, id),
    FOREIGN KEY (tenant_id, decision_id) REFERENCES certification_decisions (tenant_id, id),
    FOREIGN KEY (tenant_id, supersedes_id) REFERENCES certificates (tenant_id, id),
    -- 17021-1 8.2 b: the effective date is never before the decision.
    CHECK (effective_date >= decision_date),
    CHECK (expiry_date > effective_date),
    CHECK (original_issue_date <= effective_date),
    CHECK ((status = 'suspended') = (suspended_until IS NOT NULL))
  )`,
  // The register looks a certificate up by its number: the one revision that is not superseded.
  `CREATE UNIQUE INDEX certificates_current_key ON certificates (number) WHERE status <> 'superseded'`,
  // Register search by holder name (prefix, bounded) and the expiry job's daily walk.
  `CREATE INDEX certificates_holder_idx ON certificates (lower(holder_name) text_pattern_ops, number) WHERE status <> 'superseded'`,
  `CREATE INDEX certificates_expiry_idx ON certificates (expiry_date) WHERE status IN ('valid','suspended')`,
  `CREATE INDEX certificates_tenant_idx ON certificates (tenant_id, client_id, created_at)`,
  `ALTER TABLE certification_decisions ADD FOREIGN KEY (tenant_id, certificate_id) REFERENCES certificates (tenant_id, id)`,
  `CREATE TABLE certificate_events (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    certificate_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('issued','suspended','reinstated','withdrawn','scope_reduced','scope_extended','renewed','restored','expired','superseded')),
    effective_on date NOT NULL,
    reason_en text NOT NULL DEFAULT '',
    reason_fr text NOT NULL DEFAULT '',
    decision_id uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, certificate_id) REFERENCES certificates (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, decision_id) REFERENCES certification_decisions (tenant_id, id)
  )`,
  `CREATE INDEX certificate_events_certificate_idx ON certificate_events (certificate_id, created_at)`,
  // An external audit's nonconformity appears among the organization's own (source 'external_audit'):
  // the mirror row names the body's finding, once.
  `ALTER TABLE nonconformities ADD COLUMN source_audit_finding_id uuid`,
  `CREATE UNIQUE INDEX nonconformities_audit_finding_key ON nonconformities (tenant_id, source_audit_finding_id) WHERE source_audit_finding_id IS NOT NULL`,
  `ALTER TABLE nonconformities ADD CONSTRAINT nonconformities_audit_finding_source CHECK (source_audit_finding_id IS NULL OR source = 'external_audit')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('ALTER TABLE nonconformities DROP CONSTRAINT nonconformities_audit_finding_source').execute(db);
  await sql.raw('DROP INDEX nonconformities_audit_finding_key').execute(db);
  await sql.raw('ALTER TABLE nonconformities DROP COLUMN source_audit_finding_id').execute(db);
  await sql.raw('ALTER TABLE certification_decisions DROP COLUMN certificate_id').execute(db);
  for (const t of ['certificate_events', 'certificates', 'certification_decisions', 'technical_reviews', 'audit_finding_responses', 'audit_finding_ai_systems', 'audit_finding_sites', 'audit_findings']) {
    await sql.raw(`DROP TABLE ${t}`).execute(db);
  }
  await sql
    .raw(
      `ALTER TABLE body_settings DROP COLUMN major_response_days, DROP COLUMN minor_response_days, DROP COLUMN minor_closure_days,
       DROP COLUMN major_verification_months, DROP COLUMN suspension_max_months, DROP COLUMN certificate_number_pattern,
       DROP COLUMN accredited, DROP COLUMN accreditation_body, DROP COLUMN accreditation_number`,
    )
    .execute(db);
}
