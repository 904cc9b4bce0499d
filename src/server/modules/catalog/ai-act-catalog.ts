import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TRequirement } from './catalog-format.ts';

/*
 * The built-in EU AI Act catalog as the AI-system classification reads it: Annex III points,
 * obligations with their applicability and dates (catalogs/README.md). A loaded version never
 * changes, so each version is read once per process; only "which version is current" is asked.
 */

export const AI_ACT_FRAMEWORK_ID = 'eu-ai-act-2024';
export type TActRequirement = Pick<TRequirement, 'ref' | 'kind' | 'parentRef' | 'label' | 'title' | 'appliesFrom' | 'extra'>;
export type TActCatalog = { version: string; requirements: TActRequirement[] };

// Per database handle: two test apps in one process may hold different catalogs under one version.
const cache = new WeakMap<Kysely<DB>, Map<string, Promise<TActCatalog>>>();

async function readVersion(db: Kysely<DB>, version: string): Promise<TActCatalog> {
  const rows = await db
    .selectFrom('catalog_requirements')
    .select(['ref', 'kind', 'parent_ref', 'label', 'title', 'applies_from', 'extra'])
    .where('framework_id', '=', AI_ACT_FRAMEWORK_ID)
    .where('framework_version', '=', version)
    .orderBy('position')
    .execute();
  return {
    version,
    requirements: rows.map((r) => ({
      ref: r.ref,
      kind: r.kind as TRequirement['kind'],
      parentRef: r.parent_ref,
      label: r.label,
      title: r.title,
      appliesFrom: r.applies_from,
      extra: r.extra as TRequirement['extra'],
    })),
  };
}

/** One version of the built-in catalog (the current one when none is named), or null when not loaded. */
export async function aiActCatalog(db: Kysely<DB>, version?: string): Promise<TActCatalog | null> {
  let v = version;
  if (!v) {
    const current = await db
      .selectFrom('catalog_frameworks')
      .select('version')
      .where('id', '=', AI_ACT_FRAMEWORK_ID)
      .where('owner_tenant_id', 'is', null)
      .where('is_current', '=', true)
      .executeTakeFirst();
    if (!current) return null;
    v = current.version;
  }
  let byVersion = cache.get(db);
  if (!byVersion) cache.set(db, (byVersion = new Map()));
  let cached = byVersion.get(v);
  if (!cached) {
    cached = readVersion(db, v);
    byVersion.set(v, cached);
    cached.catch(() => byVersion.delete(v!));
  }
  const catalog = await cached;
  return catalog.requirements.length ? catalog : null;
}
