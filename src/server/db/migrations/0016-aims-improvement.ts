import { sql, type Kysely } from 'kysely';

/*
 * Management-system records, part 2 (ISO/IEC 42001 9.2, 9.3, 10.2): the internal audit programme,
 * its audits and their findings; management reviews with their inputs (9.3.2) and decisions
 * (9.3.3); nonconformities with correction, root cause, corrective action and effectiveness check;
 * AI incidents on the inventory's systems.
 *
 * A nonconformity names what raised it (an audit finding, an AI incident, a management review):
 * the link is one column on the nonconformity, unique per source record, so a finding or an
 * incident raises at most one nonconformity and its page reads it back by join. Readiness counts
 * open nonconformities per requirement through `nonconformity_requirements`.
 */
const statements = [
  `CREATE TABLE internal_audit_programmes (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    title text NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    processes text NOT NULL DEFAULT '',
    criteria text NOT NULL DEFAULT '',
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK (period_end >= period_start)
  )`,
  `CREATE INDEX internal_audit_programmes_period_idx ON internal_audit_programmes (tenant_id, period_start, id)`,
  `CREATE TABLE internal_audit_programme_requirements (
    tenant_id uuid NOT NULL,
    programme_id uuid NOT NULL,
    framework_id text NOT NULL,
    framework_version text NOT NULL,
    ref text NOT NULL,
    PRIMARY KEY (tenant_id, programme_id, framework_id, ref),
    FOREIGN KEY (tenant_id, programme_id) REFERENCES internal_audit_programmes (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (framework_id, framework_version, ref) REFERENCES catalog_requirements (framework_id, framework_version, ref)
  )`,
  `CREATE INDEX internal_audit_programme_requirements_ref_idx ON internal_audit_programme_requirements (tenant_id, framework_id, ref)`,
  `CREATE TABLE internal_audits (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    programme_id uuid NOT NULL,
    title text NOT NULL,
    scope text NOT NULL DEFAULT '',
    planned_on date NOT NULL,
    auditor_id uuid REFERENCES users(id),
    auditor_name text,
    status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','in_progress','completed')),
    conclusion text NOT NULL DEFAULT '',
    started_at timestamptz,
    completed_at timestamptz,
    completed_by uuid REFERENCES users(id),
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, programme_id) REFERENCES internal_audit_programmes (tenant_id, id),
    -- Exactly one auditor: a member of the organization, or an external person named.
    CHECK ((auditor_id IS NULL) <> (auditor_name IS NULL))
  )`,
  `CREATE INDEX internal_audits_planned_idx ON internal_audits (tenant_id, planned_on, id)`,
  `CREATE INDEX internal_audits_programme_idx ON internal_audits (tenant_id, programme_id)`,
  `CREATE TABLE internal_audit_requirements (
    tenant_id uuid NOT NULL,
    audit_id uuid NOT NULL,
    framework_id text NOT NULL,
    framework_version text NOT NULL,
    ref text NOT NULL,
    PRIMARY KEY (tenant_id, audit_id, framework_id, ref),
    FOREIGN KEY (tenant_id, audit_id) REFERENCES internal_audits (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (framework_id, framework_version, ref) REFERENCES catalog_requirements (framework_id, framework_version, ref)
  )`,
  `CREATE INDEX internal_audit_requirements_ref_idx ON internal_audit_requirements (tenant_id, framework_id, ref)`,
  // The owners of the areas an audit covers: the auditor must not be one of them (9.2.2 objectivity).
  `CREATE TABLE internal_audit_auditees (
    tenant_id uuid NOT NULL,
    audit_id uuid NOT NULL,
    user_id uuid NOT NULL REFERENCES users(id),
    PRIMARY KEY (tenant_id, audit_id, user_id),
    FOREIGN KEY (tenant_id, audit_id) REFERENCES internal_audits (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE TABLE internal_audit_findings (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    audit_id uuid NOT NULL,
    type text NOT NULL CHECK (type IN ('major_nonconformity','minor_nonconformity','observation','opportunity')),
    framework_id text,
    framework_version text,
    ref text,
    description text NOT NULL,
    evidence text NOT NULL DEFAULT '',
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, audit_id) REFERENCES internal_audits (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (framework_id, framework_version, ref) REFERENCES catalog_requirements (framework_id, framework_version, ref),
    CHECK ((framework_id IS NULL) = (ref IS NULL) AND (framework_id IS NULL) = (framework_version IS NULL)),
    -- A nonconformity is always against a requirement.
    CHECK (type NOT IN ('major_nonconformity','minor_nonconformity') OR ref IS NOT NULL)
  )`,
  `CREATE INDEX internal_audit_findings_audit_idx ON internal_audit_findings (tenant_id, audit_id, created_at)`,
  `CREATE TABLE management_reviews (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    title text NOT NULL,
    held_on date NOT NULL,
    attendees jsonb NOT NULL DEFAULT '[]',
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','completed')),
    completed_at timestamptz,
    completed_by uuid REFERENCES users(id),
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
  )`,
  `CREATE INDEX management_reviews_held_idx ON management_reviews (tenant_id, held_on, id)`,
  `CREATE TABLE management_review_inputs (
    tenant_id uuid NOT NULL,
    review_id uuid NOT NULL,
    input_key text NOT NULL CHECK (input_key IN ('previous_actions','issues_changes','interested_parties_changes','aims_performance','monitoring_results','audit_results','improvement_opportunities')),
    notes text NOT NULL,
    PRIMARY KEY (tenant_id, review_id, input_key),
    FOREIGN KEY (tenant_id, review_id) REFERENCES management_reviews (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE TABLE management_review_decisions (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    review_id uuid NOT NULL,
    position integer NOT NULL,
    decision text NOT NULL,
    owner_id uuid REFERENCES users(id),
    due_on date,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, review_id) REFERENCES management_reviews (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE INDEX management_review_decisions_review_idx ON management_review_decisions (tenant_id, review_id, position)`,
  `CREATE TABLE ai_incidents (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    ai_system_id uuid NOT NULL,
    title text NOT NULL,
    type text NOT NULL CHECK (type IN ('failure','bias','unexpected_output','security','other')),
    severity text NOT NULL CHECK (severity IN ('low','medium','high','critical')),
    occurred_at timestamptz NOT NULL,
    detected_at timestamptz NOT NULL,
    description text NOT NULL DEFAULT '',
    immediate_action text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','investigating','resolved')),
    serious boolean NOT NULL DEFAULT false,
    report_due_on date,
    reported_on date,
    resolved_at timestamptz,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, ai_system_id) REFERENCES ai_systems (tenant_id, id),
    CHECK (detected_at >= occurred_at)
  )`,
  `CREATE INDEX ai_incidents_detected_idx ON ai_incidents (tenant_id, detected_at, id)`,
  `CREATE INDEX ai_incidents_system_idx ON ai_incidents (tenant_id, ai_system_id)`,
  // How many days after detection a serious incident must be reported: the organization's own
  // reading of EU AI Act art. 73 (the deadlines are not in our verified facts, so they are not built in).
  `CREATE TABLE ai_incident_settings (
    tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    serious_report_days integer CHECK (serious_report_days BETWEEN 1 AND 365),
    updated_by uuid REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE nonconformities (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    source text NOT NULL CHECK (source IN ('internal_audit','ai_incident','management_review','external_audit','other')),
    source_finding_id uuid,
    source_incident_id uuid,
    source_review_id uuid,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','correction','action_planned','verifying','closed')),
    correction text NOT NULL DEFAULT '',
    root_cause text NOT NULL DEFAULT '',
    corrective_action text NOT NULL DEFAULT '',
    owner_id uuid REFERENCES users(id),
    due_on date,
    effectiveness_checked_on date,
    effectiveness_checked_by uuid REFERENCES users(id),
    effectiveness_result text CHECK (effectiveness_result IN ('effective','not_effective')),
    effectiveness_notes text NOT NULL DEFAULT '',
    closed_at timestamptz,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, source_finding_id) REFERENCES internal_audit_findings (tenant_id, id),
    FOREIGN KEY (tenant_id, source_incident_id) REFERENCES ai_incidents (tenant_id, id),
    FOREIGN KEY (tenant_id, source_review_id) REFERENCES management_reviews (tenant_id, id),
    CHECK (source_finding_id IS NULL OR source = 'internal_audit'),
    CHECK (source_incident_id IS NULL OR source = 'ai_incident'),
    CHECK (source_review_id IS NULL OR source = 'management_review'),
    CHECK (status <> 'closed' OR (effectiveness_result = 'effective' AND closed_at IS NOT NULL))
  )`,
  `CREATE UNIQUE INDEX nonconformities_finding_key ON nonconformities (tenant_id, source_finding_id) WHERE source_finding_id IS NOT NULL`,
  `CREATE UNIQUE INDEX nonconformities_incident_key ON nonconformities (tenant_id, source_incident_id) WHERE source_incident_id IS NOT NULL`,
  `CREATE INDEX nonconformities_created_idx ON nonconformities (tenant_id, created_at, id)`,
  `CREATE INDEX nonconformities_status_idx ON nonconformities (tenant_id, status)`,
  `CREATE TABLE nonconformity_requirements (
    tenant_id uuid NOT NULL,
    nonconformity_id uuid NOT NULL,
    framework_id text NOT NULL,
    framework_version text NOT NULL,
    ref text NOT NULL,
    PRIMARY KEY (tenant_id, nonconformity_id, framework_id, ref),
    FOREIGN KEY (tenant_id, nonconformity_id) REFERENCES nonconformities (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (framework_id, framework_version, ref) REFERENCES catalog_requirements (framework_id, framework_version, ref)
  )`,
  // Readiness walks from a requirement to its open nonconformities: this index is that direction.
  `CREATE INDEX nonconformity_requirements_ref_idx ON nonconformity_requirements (tenant_id, framework_id, ref)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'nonconformity_requirements',
    'nonconformities',
    'ai_incident_settings',
    'ai_incidents',
    'management_review_decisions',
    'management_review_inputs',
    'management_reviews',
    'internal_audit_findings',
    'internal_audit_auditees',
    'internal_audit_requirements',
    'internal_audits',
    'internal_audit_programme_requirements',
    'internal_audit_programmes',
  ])
    await sql.raw(`DROP TABLE ${t}`).execute(db);
}
