import { sql, type Kysely } from 'kysely';

/*
 * Audit time (IAF MD5 method): each certification body's own versioned table and factors, and the
 * calculations kept on a client. ISO/IEC 42006 publishes no verified AIMS table, so Attest ships a
 * default in code (version 1 of source 'default') and a body that edits it writes its own
 * versions here, never in place: a calculation names the table version it used, and a version
 * once written is never changed, so an old calculation can always be redone.
 */
const statements = [
  `CREATE TABLE audit_time_tables (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    version integer NOT NULL CHECK (version >= 1),
    name text NOT NULL,
    note text NOT NULL DEFAULT '',
    config jsonb NOT NULL,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, version)
  )`,
  `CREATE TABLE audit_time_calculations (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    client_id uuid NOT NULL,
    inputs jsonb NOT NULL,
    result jsonb NOT NULL,
    table_source text NOT NULL CHECK (table_source IN ('default','body')),
    table_version integer NOT NULL CHECK (table_version >= 1),
    table_id uuid,
    initial_days numeric(7,1) NOT NULL CHECK (initial_days >= 0),
    cycle_days numeric(8,1) NOT NULL CHECK (cycle_days >= 0),
    note text NOT NULL DEFAULT '',
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK ((table_source = 'default') = (table_id IS NULL)),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, table_id) REFERENCES audit_time_tables (tenant_id, id)
  )`,
  // A client's calculations newest first (the proposal takes the latest), and the body's list.
  `CREATE INDEX audit_time_calculations_client_idx ON audit_time_calculations (tenant_id, client_id, created_at DESC, id DESC)`,
  `CREATE INDEX audit_time_calculations_recent_idx ON audit_time_calculations (tenant_id, created_at DESC, id DESC)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_time_calculations', 'audit_time_tables']) await sql.raw(`DROP TABLE ${t}`).execute(db);
}
