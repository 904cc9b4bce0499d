import { sql, type Kysely } from 'kysely';

/*
 * The AI-system inventory and its EU AI Act classifications. A classification is never edited:
 * re-classifying adds a version, and the system points at its current one. Owners are users
 * (their membership is checked by the service, since a member can leave later and the record stays).
 */
const statements = [
  `CREATE TABLE ai_systems (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    name text NOT NULL,
    purpose text NOT NULL DEFAULT '',
    business_owner_id uuid REFERENCES users(id),
    technical_owner_id uuid REFERENCES users(id),
    lifecycle_stage text NOT NULL CHECK (lifecycle_stage IN ('design','development','validation','deployed','retired')),
    roles text[] NOT NULL DEFAULT '{}',
    model_type text NOT NULL DEFAULT '',
    model_version text NOT NULL DEFAULT '',
    supplier text NOT NULL DEFAULT '',
    data_categories text[] NOT NULL DEFAULT '{}',
    personal_data boolean NOT NULL DEFAULT false,
    special_category_data boolean NOT NULL DEFAULT false,
    affected_people text NOT NULL DEFAULT '',
    human_oversight text NOT NULL DEFAULT '',
    intended_use text NOT NULL DEFAULT '',
    known_limitations text NOT NULL DEFAULT '',
    automated_decisions boolean NOT NULL DEFAULT false,
    in_aims_scope boolean NOT NULL DEFAULT true,
    bom_ref text,
    current_classification_id uuid,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK (roles <@ ARRAY['provider','deployer','importer','distributor','product_manufacturer']::text[])
  )`,
  `CREATE UNIQUE INDEX ai_systems_bom_ref_key ON ai_systems (tenant_id, bom_ref) WHERE bom_ref IS NOT NULL`,
  `CREATE INDEX ai_systems_name_idx ON ai_systems (tenant_id, lower(name), id)`,
  `CREATE INDEX ai_systems_updated_idx ON ai_systems (tenant_id, updated_at, id)`,
  `CREATE TABLE ai_system_classifications (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    ai_system_id uuid NOT NULL,
    version integer NOT NULL CHECK (version > 0),
    answers jsonb NOT NULL,
    tier text NOT NULL CHECK (tier IN ('prohibited','high-risk','limited','minimal')),
    route text CHECK (route IN ('annex-i','annex-iii')),
    annex_iii_ref text,
    reasons jsonb NOT NULL,
    catalog_version text NOT NULL,
    classified_by uuid REFERENCES users(id),
    classified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, ai_system_id, version),
    FOREIGN KEY (tenant_id, ai_system_id) REFERENCES ai_systems (tenant_id, id) ON DELETE CASCADE,
    CHECK ((route IS NULL) = (tier <> 'high-risk')),
    CHECK (annex_iii_ref IS NULL OR route = 'annex-iii')
  )`,
  `ALTER TABLE ai_systems ADD FOREIGN KEY (tenant_id, current_classification_id) REFERENCES ai_system_classifications (tenant_id, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE ai_systems DROP COLUMN current_classification_id`.execute(db);
  await sql`DROP TABLE ai_system_classifications`.execute(db);
  await sql`DROP TABLE ai_systems`.execute(db);
}
