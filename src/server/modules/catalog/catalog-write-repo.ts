import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TCrosswalk, TFramework } from './catalog-format.ts';

/*
 * Writes of catalog content. A framework version is inserted whole and never updated; only the
 * `is_current` flag moves between versions. ownerTenantId is null for a built-in catalog.
 */

const BATCH = 400;

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export async function insertFrameworkVersion(db: Kysely<DB>, ownerTenantId: string | null, fw: TFramework) {
  await db
    .insertInto('catalog_frameworks')
    .values({
      id: fw.id,
      version: fw.version,
      owner_tenant_id: ownerTenantId,
      title: JSON.stringify(fw.title),
      edition: JSON.stringify(fw.edition),
      publisher: JSON.stringify(fw.publisher),
      short_title: fw.shortTitle ? JSON.stringify(fw.shortTitle) : null,
      description: JSON.stringify(fw.description),
      content_hash: fw.contentHash,
      is_current: false,
    })
    .execute();
  // Document order puts parents first, so the self-referencing parent key holds batch by batch.
  await inBatches(fw.requirements, (batch) =>
    db
      .insertInto('catalog_requirements')
      .values(
        batch.map((r) => ({
          framework_id: fw.id,
          framework_version: fw.version,
          ref: r.ref,
          kind: r.kind,
          parent_ref: r.parentRef,
          position: r.position,
          label: r.label ? JSON.stringify(r.label) : null,
          normative: r.normative,
          title: JSON.stringify(r.title),
          description: JSON.stringify(r.description),
          documented_information: r.documentedInformation,
          category: r.category,
          applies_from: r.appliesFrom,
          extra: JSON.stringify(r.extra),
        })),
      )
      .execute(),
  );
}

/** Two statements, not one: the partial unique index on the current version is checked row by row. */
export async function makeCurrent(db: Kysely<DB>, ownerTenantId: string | null, id: string, version: string) {
  const owned = (eb: ExpressionBuilder<DB, 'catalog_frameworks'>) =>
    ownerTenantId === null ? eb('owner_tenant_id', 'is', null) : eb('owner_tenant_id', '=', ownerTenantId);
  await db.updateTable('catalog_frameworks').set({ is_current: false }).where(owned).where('id', '=', id).where('is_current', '=', true).where('version', '<>', version).execute();
  await db.updateTable('catalog_frameworks').set({ is_current: true }).where(owned).where('id', '=', id).where('version', '=', version).execute();
}

export type TVersionPair = { sourceVersion: string; targetVersion: string };

/** Crosswalks are guidance, not records: a changed file replaces the mappings of its version pair. */
export async function replaceCrosswalk(db: Kysely<DB>, cw: TCrosswalk, v: TVersionPair) {
  const pair = {
    source_framework_id: cw.source,
    source_version: v.sourceVersion,
    target_framework_id: cw.target,
    target_version: v.targetVersion,
  };
  await db.deleteFrom('catalog_mappings').where((eb) => eb.and(pair)).execute();
  await db.deleteFrom('catalog_crosswalks').where((eb) => eb.and(pair)).execute();
  await db.insertInto('catalog_crosswalks').values({ ...pair, content_hash: cw.contentHash }).execute();
  await inBatches(cw.mappings, (batch) =>
    db
      .insertInto('catalog_mappings')
      .values(
        batch.map((m) => ({
          ...pair,
          source_ref: m.from,
          target_ref: m.to,
          relation: m.relation,
          rationale: JSON.stringify(m.rationale),
        })),
      )
      .execute(),
  );
}

export type TStoredVersion = { id: string; version: string; contentHash: string; isCurrent: boolean; ownerTenantId: string | null };
export type TStoredCrosswalk = TVersionPair & { source: string; target: string; contentHash: string };

/** What is loaded for these framework ids, frameworks and crosswalks together: one query. */
export async function loadedState(db: Kysely<DB>, frameworkIds: string[]) {
  if (!frameworkIds.length) return { versions: [] as TStoredVersion[], crosswalks: [] as TStoredCrosswalk[] };
  const ids = sql.join(frameworkIds.map((id) => sql`${id}`));
  const rows = await sql<{ what: 'f' | 'x'; a: string; b: string; c: string | null; d: string | null; hash: string; is_current: boolean; owner: string | null }>`
    SELECT 'f' AS what, id AS a, version AS b, NULL AS c, NULL AS d, content_hash AS hash, is_current, owner_tenant_id::text AS owner
      FROM catalog_frameworks WHERE id IN (${ids})
    UNION ALL
    SELECT 'x', source_framework_id, source_version, target_framework_id, target_version, content_hash, true, NULL
      FROM catalog_crosswalks WHERE source_framework_id IN (${ids})`.execute(db);
  const versions: TStoredVersion[] = [];
  const crosswalks: TStoredCrosswalk[] = [];
  for (const r of rows.rows) {
    if (r.what === 'f') versions.push({ id: r.a, version: r.b, contentHash: r.hash, isCurrent: r.is_current, ownerTenantId: r.owner });
    else crosswalks.push({ source: r.a, sourceVersion: r.b, target: r.c!, targetVersion: r.d!, contentHash: r.hash });
  }
  return { versions, crosswalks };
}
