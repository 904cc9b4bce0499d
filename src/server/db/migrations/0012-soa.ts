import { sql, type Kysely } from 'kysely';

/*
 * Statement of Applicability. An organization has a series of versions: at most one open
 * (draft or in review), at most one approved (in force); approval gives the version its number
 * (1, 2, …: what certificates cite) and supersedes the previous one. Entries are one per Annex A
 * control of the frameworks the SoA covers, stored with the catalog version they were decided
 * against; an approved version's entries and links are never written again (the service refuses;
 * soa-lifecycle.ts). The implementing controls' reference and title are copied on the link and
 * refreshed at approval, so an approved SoA reads as it was approved even if a control is renamed.
 */
const statements = [
  `CREATE TABLE soa_versions (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    number integer CHECK (number > 0),
    status text NOT NULL CHECK (status IN ('draft','in_review','approved','superseded')),
    based_on_number integer,
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    submitted_by uuid REFERENCES users(id),
    submitted_at timestamptz,
    approved_by uuid REFERENCES users(id),
    approved_at timestamptz,
    approval_comment text,
    rejected_by uuid REFERENCES users(id),
    rejected_at timestamptz,
    reject_comment text,
    PRIMARY KEY (tenant_id, id),
    CHECK ((status IN ('approved','superseded')) = (number IS NOT NULL AND approved_at IS NOT NULL AND approved_by IS NOT NULL))
  )`,
  `CREATE UNIQUE INDEX soa_versions_number_key ON soa_versions (tenant_id, number)`,
  // One open version and one version in force per organization: the race of two drafts is the index's.
  `CREATE UNIQUE INDEX soa_versions_open_key ON soa_versions (tenant_id) WHERE status IN ('draft','in_review')`,
  `CREATE UNIQUE INDEX soa_versions_in_force_key ON soa_versions (tenant_id) WHERE status = 'approved'`,
  `CREATE TABLE soa_entries (
    tenant_id uuid NOT NULL,
    version_id uuid NOT NULL,
    framework_id text NOT NULL,
    framework_version text NOT NULL,
    ref text NOT NULL,
    applicable boolean,
    justification text NOT NULL DEFAULT '',
    implementation_status text CHECK (implementation_status IN ('not_started','in_progress','implemented')),
    updated_by uuid REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, version_id, framework_id, ref),
    FOREIGN KEY (tenant_id, version_id) REFERENCES soa_versions (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (framework_id, framework_version, ref) REFERENCES catalog_requirements (framework_id, framework_version, ref),
    CHECK (applicable IS NOT FALSE OR implementation_status IS NULL)
  )`,
  // Readiness walks from a requirement to its SoA decision: this index is that direction.
  `CREATE INDEX soa_entries_ref_idx ON soa_entries (tenant_id, framework_id, ref)`,
  `CREATE TABLE soa_entry_controls (
    tenant_id uuid NOT NULL,
    version_id uuid NOT NULL,
    framework_id text NOT NULL,
    ref text NOT NULL,
    control_id uuid NOT NULL,
    control_reference text NOT NULL,
    control_title text NOT NULL,
    PRIMARY KEY (tenant_id, version_id, framework_id, ref, control_id),
    FOREIGN KEY (tenant_id, version_id, framework_id, ref) REFERENCES soa_entries (tenant_id, version_id, framework_id, ref) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, control_id) REFERENCES controls (tenant_id, id)
  )`,
  `CREATE INDEX soa_entry_controls_control_idx ON soa_entry_controls (tenant_id, control_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['soa_entry_controls', 'soa_entries', 'soa_versions']) await sql.raw(`DROP TABLE ${t}`).execute(db);
}
