import { sql, type Kysely } from 'kysely';

/*
 * Impact assessments: a series per AI system (`impact_assessments`) and its versions. A version
 * is written while it is a draft, then frozen by its approval; the next change is a new version
 * row, so every approved version stays readable as it was approved. The series row carries the
 * latest version's number and the approved one in force, so a list page is one query.
 */
const statements = [
  `CREATE TABLE impact_assessments (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    ai_system_id uuid NOT NULL,
    variant text NOT NULL CHECK (variant IN ('standard','fria')),
    title text NOT NULL,
    latest_version integer NOT NULL DEFAULT 1 CHECK (latest_version > 0),
    approved_version integer CHECK (approved_version > 0 AND approved_version <= latest_version),
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, ai_system_id) REFERENCES ai_systems (tenant_id, id)
  )`,
  `CREATE INDEX impact_assessments_system_idx ON impact_assessments (tenant_id, ai_system_id)`,
  `CREATE INDEX impact_assessments_updated_idx ON impact_assessments (tenant_id, updated_at, id)`,
  `CREATE INDEX impact_assessments_title_idx ON impact_assessments (tenant_id, lower(title), id)`,
  `CREATE TABLE impact_assessment_versions (
    tenant_id uuid NOT NULL,
    assessment_id uuid NOT NULL,
    version integer NOT NULL CHECK (version > 0),
    status text NOT NULL CHECK (status IN ('draft','in_review','approved','superseded')),
    content jsonb NOT NULL,
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    submitted_by uuid REFERENCES users(id),
    submitted_at timestamptz,
    approved_by uuid REFERENCES users(id),
    approved_at timestamptz,
    approval_comment text,
    return_comment text,
    PRIMARY KEY (tenant_id, assessment_id, version),
    FOREIGN KEY (tenant_id, assessment_id) REFERENCES impact_assessments (tenant_id, id) ON DELETE CASCADE,
    CHECK ((status IN ('approved','superseded')) = (approved_at IS NOT NULL AND approved_by IS NOT NULL))
  )`,
  // At most one version of a series is open (draft or in review) at a time.
  `CREATE UNIQUE INDEX impact_assessment_versions_open_key ON impact_assessment_versions (tenant_id, assessment_id) WHERE status IN ('draft','in_review')`,
  `CREATE TABLE impact_assessment_settings (
    tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    significant_severity integer NOT NULL DEFAULT 4 CHECK (significant_severity BETWEEN 1 AND 5),
    public_body_or_service boolean NOT NULL DEFAULT false,
    updated_by uuid REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['impact_assessment_settings', 'impact_assessment_versions', 'impact_assessments']) await sql.raw(`DROP TABLE ${t}`).execute(db);
}
