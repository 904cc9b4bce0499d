import { sql, type Kysely } from 'kysely';

/*
 * The risk register. A matrix is versioned per organization (a change inserts a new version);
 * each risk names the version it was scored on and stores the score and level computed there, so
 * a later matrix never rewrites a recorded score. Acceptances are rows of their own: accepting,
 * re-opening and expiring keep their history.
 */
const statements = [
  `CREATE TABLE risk_matrices (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    version integer NOT NULL CHECK (version > 0),
    config jsonb NOT NULL,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, version)
  )`,
  `CREATE TABLE risks (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    source text NOT NULL CHECK (source IN ('ai_system','dataset','supplier','process','organization')),
    owner_id uuid REFERENCES users(id),
    matrix_version integer NOT NULL,
    inherent_likelihood integer NOT NULL,
    inherent_impact integer NOT NULL,
    inherent_score integer NOT NULL,
    inherent_level text NOT NULL,
    treatment text CHECK (treatment IN ('accept','mitigate','transfer','avoid')),
    residual_likelihood integer,
    residual_impact integer,
    residual_score integer,
    residual_level text,
    review_date date,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','accepted','closed')),
    current_acceptance_id uuid,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, matrix_version) REFERENCES risk_matrices (tenant_id, version),
    CHECK ((residual_likelihood IS NULL) = (residual_impact IS NULL))
  )`,
  `CREATE INDEX risks_updated_idx ON risks (tenant_id, updated_at DESC, id DESC)`,
  `CREATE INDEX risks_owner_idx ON risks (tenant_id, owner_id)`,
  `CREATE INDEX risks_review_idx ON risks (tenant_id, review_date) WHERE status <> 'closed'`,
  `CREATE TABLE risk_actions (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    risk_id uuid NOT NULL,
    position integer NOT NULL,
    title text NOT NULL,
    owner_id uuid REFERENCES users(id),
    due_date date,
    status text NOT NULL CHECK (status IN ('planned','in_progress','done','cancelled')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, risk_id) REFERENCES risks (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE INDEX risk_actions_risk_idx ON risk_actions (tenant_id, risk_id, position)`,
  `CREATE INDEX risk_actions_due_idx ON risk_actions (tenant_id, due_date) WHERE status IN ('planned','in_progress')`,
  `CREATE TABLE risk_requirements (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    risk_id uuid NOT NULL,
    framework_id text NOT NULL,
    framework_version text NOT NULL,
    ref text NOT NULL,
    PRIMARY KEY (tenant_id, risk_id, framework_id, ref),
    FOREIGN KEY (tenant_id, risk_id) REFERENCES risks (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (framework_id, framework_version, ref) REFERENCES catalog_requirements (framework_id, framework_version, ref)
  )`,
  `CREATE TABLE risk_acceptances (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    risk_id uuid NOT NULL,
    accepted_by uuid NOT NULL REFERENCES users(id),
    accepted_at timestamptz NOT NULL,
    rationale text NOT NULL,
    matrix_version integer NOT NULL,
    residual_likelihood integer NOT NULL,
    residual_impact integer NOT NULL,
    residual_score integer NOT NULL,
    residual_level text NOT NULL,
    above_threshold boolean NOT NULL,
    expires_on date NOT NULL,
    reopened_at timestamptz,
    reopened_by uuid REFERENCES users(id),
    reopen_kind text CHECK (reopen_kind IN ('manual','expired')),
    reopen_reason text,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, risk_id) REFERENCES risks (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, matrix_version) REFERENCES risk_matrices (tenant_id, version)
  )`,
  `CREATE INDEX risk_acceptances_risk_idx ON risk_acceptances (tenant_id, risk_id, accepted_at DESC)`,
  `CREATE INDEX risk_acceptances_open_idx ON risk_acceptances (expires_on) WHERE reopened_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['risk_acceptances', 'risk_requirements', 'risk_actions', 'risks', 'risk_matrices']) await sql.raw(`DROP TABLE ${t}`).execute(db);
}
