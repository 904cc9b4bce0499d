import { sql, type Kysely } from 'kysely';

/*
 * Documents of the management system and their versions. A version's content (a file in the blob
 * store, or text) and its SHA-256 are written once, when the version is added, and never changed:
 * an edit is a new version. Each approval is its own row carrying the hash the approver read.
 * The document row keeps the latest and the published version's numbers, so a list page is one
 * query. The mandatory item and the closed lists match src/shared/contracts/documents.ts.
 */
const statements = [
  `CREATE TABLE documents (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    title text NOT NULL,
    type text NOT NULL CHECK (type IN ('policy','procedure','record','other')),
    kind text NOT NULL CHECK (kind IN ('maintained','retained')),
    description text NOT NULL DEFAULT '',
    owner_id uuid REFERENCES users(id),
    next_review_on date,
    mandatory_item text CHECK (mandatory_item IN ('scope-4.3','ai-policy-5.2','risk-assessment-process-6.1.2','risk-treatment-process-6.1.3',
      'soa-6.1.3','risk-treatment-plan-6.1.3','impact-assessment-results-6.1.4','ai-objectives-6.2','competence-7.2',
      'operational-information-8.1','risk-results-8.2','monitoring-results-9.1','audit-programme-9.2.2','management-review-9.3.3','nonconformities-10.2')),
    approval_quorum integer NOT NULL DEFAULT 1 CHECK (approval_quorum BETWEEN 1 AND 5),
    latest_version integer CHECK (latest_version > 0),
    published_version integer CHECK (published_version > 0 AND published_version <= latest_version),
    review_reminded_for date,
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
  )`,
  `CREATE INDEX documents_updated_idx ON documents (tenant_id, updated_at, id)`,
  `CREATE INDEX documents_title_idx ON documents (tenant_id, lower(title), id)`,
  `CREATE INDEX documents_mandatory_idx ON documents (tenant_id, mandatory_item) WHERE mandatory_item IS NOT NULL`,
  // The daily review job looks across tenants for published documents whose review date passed.
  `CREATE INDEX documents_review_idx ON documents (next_review_on) WHERE published_version IS NOT NULL`,
  `CREATE TABLE document_versions (
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    version integer NOT NULL CHECK (version > 0),
    status text NOT NULL CHECK (status IN ('draft','in_review','approved','published','superseded')),
    content_kind text NOT NULL CHECK (content_kind IN ('file','text')),
    file_id uuid,
    body text,
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size bigint NOT NULL CHECK (size >= 0),
    change_note text NOT NULL DEFAULT '',
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    submitted_by uuid REFERENCES users(id),
    submitted_at timestamptz,
    approved_at timestamptz,
    published_by uuid REFERENCES users(id),
    published_at timestamptz,
    superseded_at timestamptz,
    PRIMARY KEY (tenant_id, document_id, version),
    FOREIGN KEY (tenant_id, document_id) REFERENCES documents (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, file_id) REFERENCES files (tenant_id, id),
    CHECK ((content_kind = 'file') = (file_id IS NOT NULL)),
    CHECK ((content_kind = 'text') = (body IS NOT NULL)),
    CHECK ((status = 'published') <= (published_at IS NOT NULL))
  )`,
  // One version at a time is on its way (draft, in review or approved) and one is published.
  `CREATE UNIQUE INDEX document_versions_open_key ON document_versions (tenant_id, document_id) WHERE status IN ('draft','in_review','approved')`,
  `CREATE UNIQUE INDEX document_versions_published_key ON document_versions (tenant_id, document_id) WHERE status = 'published'`,
  `CREATE TABLE document_approvals (
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    version integer NOT NULL,
    approver_id uuid NOT NULL REFERENCES users(id),
    approved_at timestamptz NOT NULL DEFAULT now(),
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    comment text NOT NULL DEFAULT '',
    PRIMARY KEY (tenant_id, document_id, version, approver_id),
    FOREIGN KEY (tenant_id, document_id, version) REFERENCES document_versions (tenant_id, document_id, version) ON DELETE CASCADE
  )`,
  `CREATE TABLE document_requirements (
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    framework_id text NOT NULL,
    framework_version text NOT NULL,
    ref text NOT NULL,
    PRIMARY KEY (tenant_id, document_id, framework_id, ref),
    FOREIGN KEY (tenant_id, document_id) REFERENCES documents (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (framework_id, framework_version, ref) REFERENCES catalog_requirements (framework_id, framework_version, ref)
  )`,
  // Readiness walks from a requirement to its documents: this index is that direction.
  `CREATE INDEX document_requirements_ref_idx ON document_requirements (tenant_id, framework_id, ref)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['document_requirements', 'document_approvals', 'document_versions', 'documents']) await sql.raw(`DROP TABLE ${t}`).execute(db);
}
