import { sql, type Kysely } from 'kysely';

/*
 * Standards content, versioned. A (framework, version) row and its requirements are written once
 * and never updated: an assessment that recorded "A.6.2.4 of iso-iec-42001-2023 version 2023"
 * still finds that exact text after version 2024 is loaded. Only `is_current` moves.
 * owner_tenant_id is NULL for the built-in catalogs, a tenant for a custom framework.
 */
const statements = [
  `CREATE TABLE catalog_frameworks (
    id text NOT NULL,
    version text NOT NULL,
    owner_tenant_id uuid REFERENCES tenants(id) ON DELETE CASCADE,
    title jsonb NOT NULL,
    edition text NOT NULL,
    publisher text NOT NULL,
    description jsonb NOT NULL,
    content_hash text NOT NULL,
    is_current boolean NOT NULL DEFAULT false,
    loaded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
  )`,
  `CREATE UNIQUE INDEX catalog_frameworks_current_key ON catalog_frameworks (id) WHERE is_current`,
  `CREATE INDEX catalog_frameworks_owner_idx ON catalog_frameworks (owner_tenant_id) WHERE owner_tenant_id IS NOT NULL`,
  `CREATE TABLE catalog_requirements (
    framework_id text NOT NULL,
    framework_version text NOT NULL,
    ref text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('clause','objective','group','control','criterion','function','category','subcategory','obligation','area')),
    parent_ref text,
    position int NOT NULL,
    normative boolean NOT NULL DEFAULT true,
    title jsonb NOT NULL,
    description jsonb NOT NULL,
    documented_information text CHECK (documented_information IN ('maintained','retained')),
    category text,
    applies_from text CHECK (applies_from ~ '^\\d{4}-\\d{2}-\\d{2}$'),
    extra jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (framework_id, framework_version, ref),
    UNIQUE (framework_id, framework_version, position),
    FOREIGN KEY (framework_id, framework_version) REFERENCES catalog_frameworks (id, version) ON DELETE CASCADE,
    FOREIGN KEY (framework_id, framework_version, parent_ref) REFERENCES catalog_requirements (framework_id, framework_version, ref)
  )`,
  `CREATE TABLE catalog_mappings (
    source_framework_id text NOT NULL,
    source_version text NOT NULL,
    source_ref text NOT NULL,
    target_framework_id text NOT NULL,
    target_version text NOT NULL,
    target_ref text NOT NULL,
    relation text NOT NULL CHECK (relation IN ('equal','subset','superset','intersects')),
    rationale jsonb NOT NULL,
    PRIMARY KEY (source_framework_id, source_version, source_ref, target_framework_id, target_version, target_ref),
    FOREIGN KEY (source_framework_id, source_version, source_ref) REFERENCES catalog_requirements (framework_id, framework_version, ref) ON DELETE CASCADE,
    FOREIGN KEY (target_framework_id, target_version, target_ref) REFERENCES catalog_requirements (framework_id, framework_version, ref) ON DELETE CASCADE
  )`,
  `CREATE INDEX catalog_mappings_target_idx ON catalog_mappings (target_framework_id, target_version, target_ref)`,
  // One row per crosswalk file and pair of framework versions: its hash tells a repeat start-up
  // that nothing changed without reading the mappings.
  `CREATE TABLE catalog_crosswalks (
    source_framework_id text NOT NULL,
    source_version text NOT NULL,
    target_framework_id text NOT NULL,
    target_version text NOT NULL,
    content_hash text NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_framework_id, source_version, target_framework_id, target_version),
    FOREIGN KEY (source_framework_id, source_version) REFERENCES catalog_frameworks (id, version) ON DELETE CASCADE,
    FOREIGN KEY (target_framework_id, target_version) REFERENCES catalog_frameworks (id, version) ON DELETE CASCADE
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['catalog_crosswalks', 'catalog_mappings', 'catalog_requirements', 'catalog_frameworks']) await sql.raw(`DROP TABLE ${t}`).execute(db);
}
