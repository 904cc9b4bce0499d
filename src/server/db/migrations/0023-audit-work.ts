import { sql, type Kysely } from 'kysely';

/*
 * The audit workspace (ISO/IEC 17021-1 9.4): one checklist per audit, generated once from the
 * catalog and the client's records, whose items the team judges; and one report per audit, written
 * as a draft then issued — the issued files are stored in the blob store by SHA-256 and never
 * rendered again.
 *
 * Items point at catalog requirements (framework, version, ref): the checklist reads as generated
 * even after a new catalog version is loaded. Evidence references point into the organization's
 * tenant (read through the engagement), so they carry that tenant's id and a copy of the title the
 * auditor saw, not a foreign key: evidence is immutable and revised, never deleted.
 */
const statements = [
  `CREATE TABLE audit_checklists (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    audit_id uuid NOT NULL,
    basis text NOT NULL CHECK (basis IN ('stage1','full','surveillance')),
    framework_id text NOT NULL,
    framework_version text NOT NULL,
    soa_version integer,
    readiness jsonb,
    generated_by uuid REFERENCES users(id),
    generated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, audit_id),
    FOREIGN KEY (tenant_id, audit_id) REFERENCES audits (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (framework_id, framework_version) REFERENCES catalog_frameworks (id, version)
  )`,
  `CREATE TABLE audit_checklist_items (
    tenant_id uuid NOT NULL,
    audit_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    position integer NOT NULL,
    section text NOT NULL CHECK (section IN ('documented_information','clause','control','sample','prior_nonconformity')),
    framework_id text NOT NULL,
    framework_version text NOT NULL,
    ref text NOT NULL,
    readiness_status text CHECK (readiness_status IN ('covered','partial','planned','missing','not_applicable')),
    soa_implementation_status text,
    prior_audit_reference text,
    verdict text CHECK (verdict IN ('conforming','nonconforming','observation','not_audited')),
    notes text NOT NULL DEFAULT '',
    updated_by uuid REFERENCES users(id),
    updated_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, audit_id, framework_id, ref),
    UNIQUE (tenant_id, audit_id, position),
    FOREIGN KEY (tenant_id, audit_id) REFERENCES audit_checklists (tenant_id, audit_id) ON DELETE CASCADE,
    FOREIGN KEY (framework_id, framework_version, ref) REFERENCES catalog_requirements (framework_id, framework_version, ref)
  )`,
  `CREATE TABLE audit_checklist_evidence (
    tenant_id uuid NOT NULL,
    item_id uuid NOT NULL,
    organization_tenant_id uuid NOT NULL REFERENCES tenants(id),
    evidence_id uuid NOT NULL,
    title text NOT NULL,
    PRIMARY KEY (tenant_id, item_id, evidence_id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES audit_checklist_items (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE TABLE audit_reports (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    audit_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('stage1','audit')),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','issued')),
    summary text NOT NULL DEFAULT '',
    conformities text NOT NULL DEFAULT '',
    observations text NOT NULL DEFAULT '',
    areas_to_clarify text NOT NULL DEFAULT '',
    ready_for_stage2 text CHECK (ready_for_stage2 IN ('yes','not_yet')),
    conclusions text NOT NULL DEFAULT '',
    closing_meeting_date date,
    attendees jsonb NOT NULL DEFAULT '[]',
    recommendation text CHECK (recommendation IN ('grant','grant_after_corrections','not_recommended')),
    updated_by uuid REFERENCES users(id),
    updated_at timestamptz,
    issued_by uuid REFERENCES users(id),
    issued_at timestamptz,
    PRIMARY KEY (tenant_id, audit_id),
    FOREIGN KEY (tenant_id, audit_id) REFERENCES audits (tenant_id, id) ON DELETE CASCADE,
    CHECK ((status = 'issued') = (issued_at IS NOT NULL))
  )`,
  `CREATE TABLE audit_report_files (
    tenant_id uuid NOT NULL,
    audit_id uuid NOT NULL,
    locale text NOT NULL CHECK (locale IN ('en','fr')),
    format text NOT NULL CHECK (format IN ('pdf','docx')),
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size integer NOT NULL CHECK (size > 0),
    PRIMARY KEY (tenant_id, audit_id, locale, format),
    FOREIGN KEY (tenant_id, audit_id) REFERENCES audit_reports (tenant_id, audit_id) ON DELETE CASCADE
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_report_files', 'audit_reports', 'audit_checklist_evidence', 'audit_checklist_items', 'audit_checklists']) await sql.raw(`DROP TABLE ${t}`).execute(db);
}
