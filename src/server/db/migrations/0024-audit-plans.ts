import { sql, type Kysely } from 'kysely';

/*
 * The audit plan (ISO/IEC 17021-1 9.2.3): one row per version of an audit's plan. A version is a
 * draft until it is issued; issuing renders the PDF once (stored in the blob store by SHA-256,
 * never rendered again) and sends it; the organization acknowledges the version it received. A
 * revised plan is the next version: the earlier ones stay as they were issued.
 *
 * The plan's content (dates, sites, sessions, sampled AI systems, and once issued the team) is one
 * jsonb document validated by the service: an issued version is a frozen document, and it must keep
 * the names of the sites, systems and people it was issued with even if the client's profile or the
 * team changes afterwards. At most one draft per audit.
 */
const statements = [
  `CREATE TABLE audit_plans (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    audit_id uuid NOT NULL,
    version integer NOT NULL CHECK (version > 0),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','issued','acknowledged')),
    content jsonb NOT NULL,
    locale text CHECK (locale IN ('en','fr')),
    document_sha256 text CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
    document_size integer,
    recipients jsonb NOT NULL DEFAULT '[]',
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now(),
    issued_by uuid REFERENCES users(id),
    issued_at timestamptz,
    acknowledged_by uuid REFERENCES users(id),
    acknowledged_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, audit_id, version),
    FOREIGN KEY (tenant_id, audit_id) REFERENCES audits (tenant_id, id) ON DELETE CASCADE,
    CHECK ((status = 'draft') = (issued_at IS NULL)),
    CHECK (status = 'draft' OR (document_sha256 IS NOT NULL AND locale IS NOT NULL)),
    CHECK ((status = 'acknowledged') = (acknowledged_at IS NOT NULL))
  )`,
  `CREATE UNIQUE INDEX audit_plans_one_draft ON audit_plans (tenant_id, audit_id) WHERE status = 'draft'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE audit_plans').execute(db);
}
