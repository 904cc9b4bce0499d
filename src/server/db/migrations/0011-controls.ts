import { sql, type Kysely } from 'kysely';

/*
 * The organization's own controls and the frameworks it has adopted. A control is linked to
 * requirements of any catalog framework; a link records whether a person made it or accepted it
 * from a crosswalk suggestion, and a dismissed suggestion is remembered so that it is not offered
 * again. Nothing here is applied silently: every link row has the person who made it.
 */
const statements = [
  `CREATE TABLE tenant_frameworks (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    framework_id text NOT NULL,
    framework_version text NOT NULL,
    adopted_by uuid REFERENCES users(id),
    adopted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, framework_id),
    FOREIGN KEY (framework_id, framework_version) REFERENCES catalog_frameworks (id, version)
  )`,
  `CREATE TABLE controls (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    reference text NOT NULL,
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    owner_id uuid REFERENCES users(id),
    frequency text NOT NULL CHECK (frequency IN ('continuous','daily','weekly','monthly','quarterly','annually','on_event')),
    automation text NOT NULL CHECK (automation IN ('automated','manual')),
    status text NOT NULL CHECK (status IN ('planned','implemented','operating','retired')),
    library_ref text,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
  )`,
  `CREATE UNIQUE INDEX controls_reference_key ON controls (tenant_id, lower(reference))`,
  `CREATE INDEX controls_ref_order_idx ON controls (tenant_id, reference, id)`,
  `CREATE TABLE control_requirements (
    tenant_id uuid NOT NULL,
    control_id uuid NOT NULL,
    framework_id text NOT NULL,
    framework_version text NOT NULL,
    ref text NOT NULL,
    origin text NOT NULL CHECK (origin IN ('manual','crosswalk','library')),
    linked_by uuid REFERENCES users(id),
    linked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, control_id, framework_id, ref),
    FOREIGN KEY (tenant_id, control_id) REFERENCES controls (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (framework_id, framework_version, ref) REFERENCES catalog_requirements (framework_id, framework_version, ref)
  )`,
  // Readiness walks from a requirement to its controls: this index is that direction.
  `CREATE INDEX control_requirements_ref_idx ON control_requirements (tenant_id, framework_id, ref)`,
  `CREATE TABLE control_link_dismissals (
    tenant_id uuid NOT NULL,
    control_id uuid NOT NULL,
    framework_id text NOT NULL,
    ref text NOT NULL,
    dismissed_by uuid REFERENCES users(id),
    dismissed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, control_id, framework_id, ref),
    FOREIGN KEY (tenant_id, control_id) REFERENCES controls (tenant_id, id) ON DELETE CASCADE
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['control_link_dismissals', 'control_requirements', 'controls', 'tenant_frameworks']) await sql.raw(`DROP TABLE ${t}`).execute(db);
}
