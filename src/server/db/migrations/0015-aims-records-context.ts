import { sql, type Kysely } from 'kysely';

/*
 * Management-system records, part 1 (ISO/IEC 42001 clauses 4.2, 4.3, 6.2, 7.2, 7.3): the AIMS
 * scope statement as numbered versions (an approved version is frozen and keeps the list of AI
 * systems in scope as it stood when approved), interested parties and their requirements, AI
 * objectives with their results over time, and competence and awareness records per member.
 * Links to catalog requirements are `<thing>_requirements` tables indexed the way readiness
 * reads them: from a requirement (tenant_id, framework_id, ref) to the records.
 */
const statements = [
  `CREATE TABLE aims_scope_versions (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    version integer NOT NULL CHECK (version > 0),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','approved','superseded')),
    boundaries text NOT NULL DEFAULT '',
    applicability text NOT NULL DEFAULT '',
    exclusions jsonb NOT NULL DEFAULT '[]',
    ai_systems jsonb,
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid NOT NULL REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now(),
    approved_by uuid REFERENCES users(id),
    approved_at timestamptz,
    approval_comment text,
    PRIMARY KEY (tenant_id, version),
    CHECK ((status = 'draft') = (approved_at IS NULL)),
    CHECK ((status = 'draft') = (ai_systems IS NULL))
  )`,
  // One draft at a time, and one version in force: the database holds both rules too.
  `CREATE UNIQUE INDEX aims_scope_one_draft ON aims_scope_versions (tenant_id) WHERE status = 'draft'`,
  `CREATE UNIQUE INDEX aims_scope_one_approved ON aims_scope_versions (tenant_id) WHERE status = 'approved'`,

  `CREATE TABLE interested_parties (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    name text NOT NULL,
    category text NOT NULL CHECK (category IN ('regulator','customer','affected_people','employees','supplier','investor','other')),
    needs jsonb NOT NULL DEFAULT '[]',
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
  )`,
  `CREATE INDEX interested_parties_name_idx ON interested_parties (tenant_id, lower(name), id)`,
  `CREATE TABLE interested_party_requirements (
    tenant_id uuid NOT NULL,
    party_id uuid NOT NULL,
    framework_id text NOT NULL,
    framework_version text NOT NULL,
    ref text NOT NULL,
    PRIMARY KEY (tenant_id, party_id, framework_id, ref),
    FOREIGN KEY (tenant_id, party_id) REFERENCES interested_parties (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (framework_id, framework_version, ref) REFERENCES catalog_requirements (framework_id, framework_version, ref)
  )`,
  `CREATE INDEX interested_party_requirements_ref_idx ON interested_party_requirements (tenant_id, framework_id, ref)`,

  `CREATE TABLE aims_objectives (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    title text NOT NULL,
    measure text NOT NULL,
    target_direction text NOT NULL CHECK (target_direction IN ('at_least','at_most')),
    target_value double precision NOT NULL,
    target_unit text NOT NULL DEFAULT '',
    due_on date NOT NULL,
    owner_id uuid REFERENCES users(id),
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','achieved','not_achieved','cancelled')),
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
  )`,
  `CREATE INDEX aims_objectives_due_idx ON aims_objectives (tenant_id, due_on, id)`,
  `CREATE TABLE aims_objective_results (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    objective_id uuid NOT NULL,
    measured_on date NOT NULL,
    value double precision NOT NULL,
    comment text NOT NULL DEFAULT '',
    recorded_by uuid REFERENCES users(id),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, objective_id) REFERENCES aims_objectives (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE INDEX aims_objective_results_latest_idx ON aims_objective_results (tenant_id, objective_id, measured_on DESC, recorded_at DESC)`,
  `CREATE TABLE aims_objective_requirements (
    tenant_id uuid NOT NULL,
    objective_id uuid NOT NULL,
    framework_id text NOT NULL,
    framework_version text NOT NULL,
    ref text NOT NULL,
    PRIMARY KEY (tenant_id, objective_id, framework_id, ref),
    FOREIGN KEY (tenant_id, objective_id) REFERENCES aims_objectives (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (framework_id, framework_version, ref) REFERENCES catalog_requirements (framework_id, framework_version, ref)
  )`,
  `CREATE INDEX aims_objective_requirements_ref_idx ON aims_objective_requirements (tenant_id, framework_id, ref)`,

  `CREATE TABLE competence_records (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users(id),
    role text NOT NULL,
    required_competence text NOT NULL,
    evidence text NOT NULL DEFAULT '',
    evidence_file_id uuid,
    achieved_on date,
    renewal_on date,
    policy_acknowledged_on date,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, evidence_file_id) REFERENCES files (tenant_id, id)
  )`,
  `CREATE INDEX competence_records_user_idx ON competence_records (tenant_id, user_id, id)`,
  `CREATE INDEX competence_records_renewal_idx ON competence_records (tenant_id, renewal_on)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'competence_records',
    'aims_objective_requirements',
    'aims_objective_results',
    'aims_objectives',
    'interested_party_requirements',
    'interested_parties',
    'aims_scope_versions',
  ])
    await sql.raw(`DROP TABLE ${t}`).execute(db);
}
