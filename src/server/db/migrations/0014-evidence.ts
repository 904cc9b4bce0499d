import { sql, type Kysely } from 'kysely';

/*
 * Evidence that a control operated: a file (its bytes in the blob store, its row in `files`), a
 * link, or a small structured record. Each revision is a row of `evidence`: a correction of
 * submitted evidence is a new row (revision n+1, `supersedes_id` the previous one, same
 * `series_id`) and the previous row is never changed again except for `superseded_by_id`, so what
 * an auditor read stays readable, its file downloadable. Lists and readiness read the current
 * revisions only: `superseded_by_id IS NULL`.
 *
 * Contemporaneity is judged once, when the content arrives, with the organization's setting at
 * that moment; the flag and the number of days applied are stored on the row (a later change of
 * the setting does not rewrite history).
 *
 * A pushed file is idempotent on (control, effective date, SHA-256): `evidence_push_keys` holds
 * one row per linked control of a first revision, and its primary key makes two identical pushes
 * racing each other end with one evidence.
 */
const statements = [
  `CREATE TABLE evidence_settings (
    tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    contemporaneity_days integer NOT NULL DEFAULT 30 CHECK (contemporaneity_days BETWEEN 0 AND 3650),
    updated_by uuid REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE evidence (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    series_id uuid NOT NULL,
    revision integer NOT NULL DEFAULT 1 CHECK (revision > 0),
    supersedes_id uuid,
    superseded_by_id uuid,
    kind text NOT NULL CHECK (kind IN ('file','link','record')),
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    file_id uuid,
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    url text,
    record jsonb,
    effective_date date NOT NULL,
    period_from date,
    period_to date,
    valid_until date,
    status text NOT NULL CHECK (status IN ('draft','submitted','accepted','rejected','expired')),
    received_at timestamptz NOT NULL,
    contemporaneity_days integer NOT NULL,
    not_contemporaneous boolean NOT NULL,
    owner_id uuid REFERENCES users(id),
    created_by uuid REFERENCES users(id),
    created_by_token uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    submitted_by uuid REFERENCES users(id),
    submitted_at timestamptz,
    reviewed_by uuid REFERENCES users(id),
    reviewed_at timestamptz,
    review_comment text,
    expired_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, file_id) REFERENCES files (tenant_id, id),
    FOREIGN KEY (tenant_id, supersedes_id) REFERENCES evidence (tenant_id, id),
    FOREIGN KEY (tenant_id, superseded_by_id) REFERENCES evidence (tenant_id, id),
    CHECK ((kind = 'file') = (file_id IS NOT NULL)),
    CHECK ((kind = 'link') = (url IS NOT NULL)),
    CHECK ((kind = 'record') = (record IS NOT NULL)),
    CHECK (period_from IS NULL OR period_to IS NULL OR period_from <= period_to),
    CHECK ((revision = 1) = (supersedes_id IS NULL))
  )`,
  `CREATE UNIQUE INDEX evidence_series_revision_key ON evidence (tenant_id, series_id, revision)`,
  // The list's default order (newest effective date first) and the bench's 100,000 rows.
  `CREATE INDEX evidence_effective_idx ON evidence (tenant_id, effective_date, id)`,
  `CREATE INDEX evidence_status_idx ON evidence (tenant_id, status, effective_date, id) WHERE superseded_by_id IS NULL`,
  // The daily expiry job: current submitted or accepted evidence whose validity has passed.
  `CREATE INDEX evidence_valid_until_idx ON evidence (valid_until, tenant_id) WHERE superseded_by_id IS NULL AND status IN ('submitted','accepted')`,
  `CREATE TABLE evidence_controls (
    tenant_id uuid NOT NULL,
    evidence_id uuid NOT NULL,
    control_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, evidence_id, control_id),
    FOREIGN KEY (tenant_id, evidence_id) REFERENCES evidence (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, control_id) REFERENCES controls (tenant_id, id)
  )`,
  // Readiness and the control filter walk from a control to its evidence.
  `CREATE INDEX evidence_controls_control_idx ON evidence_controls (tenant_id, control_id, evidence_id)`,
  `CREATE TABLE evidence_requirements (
    tenant_id uuid NOT NULL,
    evidence_id uuid NOT NULL,
    framework_id text NOT NULL,
    framework_version text NOT NULL,
    ref text NOT NULL,
    PRIMARY KEY (tenant_id, evidence_id, framework_id, ref),
    FOREIGN KEY (tenant_id, evidence_id) REFERENCES evidence (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (framework_id, framework_version, ref) REFERENCES catalog_requirements (framework_id, framework_version, ref)
  )`,
  `CREATE INDEX evidence_requirements_ref_idx ON evidence_requirements (tenant_id, framework_id, ref)`,
  `CREATE TABLE evidence_push_keys (
    tenant_id uuid NOT NULL,
    control_id uuid NOT NULL,
    effective_date date NOT NULL,
    sha256 text NOT NULL,
    evidence_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, control_id, effective_date, sha256),
    FOREIGN KEY (tenant_id, evidence_id) REFERENCES evidence (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, control_id) REFERENCES controls (tenant_id, id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['evidence_push_keys', 'evidence_requirements', 'evidence_controls', 'evidence', 'evidence_settings']) await sql.raw(`DROP TABLE ${t}`).execute(db);
}
