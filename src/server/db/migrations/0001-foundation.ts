import { sql, type Kysely } from 'kysely';

/*
 * Every tenant-owned table leads its primary key with tenant_id so it can later be distributed
 * by tenant (Citus). Users and sessions are global: a user belongs to several tenants.
 */
const statements = [
  `CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL,
    name text NOT NULL,
    password_hash text NOT NULL,
    locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en','fr')),
    is_platform_admin boolean NOT NULL DEFAULT false,
    mfa_secret text,
    mfa_pending_secret text,
    mfa_enabled_at timestamptz,
    mfa_last_step bigint,
    password_changed_at timestamptz NOT NULL DEFAULT now(),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE UNIQUE INDEX users_email_key ON users (lower(email))`,
  `CREATE TABLE mfa_recovery_codes (
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash text NOT NULL,
    used_at timestamptz,
    PRIMARY KEY (user_id, code_hash)
  )`,
  `CREATE TABLE sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    token_hash text NOT NULL UNIQUE,
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    ip text,
    user_agent text
  )`,
  `CREATE INDEX sessions_user_idx ON sessions (user_id)`,
  `CREATE TABLE login_failures (
    id bigserial PRIMARY KEY,
    key text NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX login_failures_key_idx ON login_failures (key, occurred_at)`,
  `CREATE TABLE tenants (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind text NOT NULL CHECK (kind IN ('organization','certification_body')),
    name text NOT NULL,
    require_mfa boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE memberships (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
  )`,
  `CREATE INDEX memberships_user_idx ON memberships (user_id)`,
  `CREATE TABLE invitations (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    email text NOT NULL,
    role text NOT NULL,
    locale text NOT NULL CHECK (locale IN ('en','fr')),
    invited_by uuid NOT NULL REFERENCES users(id),
    expires_at timestamptz NOT NULL,
    accepted_at timestamptz,
    accepted_by uuid REFERENCES users(id),
    revoked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
  )`,
  `CREATE INDEX invitations_id_idx ON invitations (id)`,
  `CREATE TABLE api_tokens (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    name text NOT NULL,
    role text NOT NULL,
    prefix text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    expires_at timestamptz,
    revoked_at timestamptz,
    PRIMARY KEY (tenant_id, id)
  )`,
  // The platform pseudo-tenant (all zeros) carries events that belong to no tenant (sign-in, set-up).
  `CREATE TABLE audit_chain_heads (
    tenant_id uuid PRIMARY KEY,
    last_seq bigint NOT NULL,
    last_hash text NOT NULL
  )`,
  `CREATE TABLE audit_events (
    tenant_id uuid NOT NULL,
    seq bigint NOT NULL,
    id uuid NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor_type text NOT NULL,
    actor_id uuid,
    actor_email text,
    action text NOT NULL,
    subject_type text NOT NULL,
    subject_id text,
    summary jsonb NOT NULL,
    request_id text,
    ip text,
    user_agent text,
    prev_hash text NOT NULL,
    hash text NOT NULL,
    PRIMARY KEY (tenant_id, seq)
  )`,
  `CREATE UNIQUE INDEX audit_events_id_key ON audit_events (tenant_id, id)`,
  `CREATE INDEX audit_events_action_idx ON audit_events (tenant_id, action, seq)`,
  `CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP;
   END $$`,
  `CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
     FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
  `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
     FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`,
  `CREATE TABLE files (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    sha256 text NOT NULL,
    size bigint NOT NULL,
    filename text NOT NULL,
    content_type text NOT NULL,
    uploaded_by uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
  )`,
  `CREATE TABLE job_log (
    id bigserial PRIMARY KEY,
    queue text NOT NULL,
    job_id text NOT NULL,
    payload jsonb NOT NULL,
    completed_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE UNIQUE INDEX job_log_job_key ON job_log (queue, job_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reverted: the audit log is append-only');
}
