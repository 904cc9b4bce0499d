import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/types.ts';
import { BUILT_IN_CATALOGS_DIR, readCatalogDirCached, type TCatalogSet, type TCrosswalkFile, type TFrameworkFile } from './catalog-files.ts';
import { CatalogError, type TIssue } from './catalog-validate.ts';
import { insertFrameworkVersion, loadedState, makeCurrent, replaceCrosswalk } from './catalog-write-repo.ts';

/** Serialises loaders of several instances starting together on one PostgreSQL. */
export const LOAD_LOCK_KEY = 4_200_142_001;

type TPlan = {
  conflicts: TIssue[];
  insert: TFrameworkFile[];
  makeCurrent: TFrameworkFile[];
  crosswalks: TCrosswalkFile[];
};

export type TLoadSummary = { inserted: string[]; madeCurrent: string[]; crosswalks: string[] };

function plan(set: TCatalogSet, state: Awaited<ReturnType<typeof loadedState>>): TPlan {
  const p: TPlan = { conflicts: [], insert: [], makeCurrent: [], crosswalks: [] };
  const versionOf = new Map<string, string>();
  for (const f of set.frameworks) {
    const { id, version, contentHash } = f.framework;
    versionOf.set(id, version);
    const rows = state.versions.filter((v) => v.id === id);
    if (rows.some((v) => v.ownerTenantId !== null)) {
      p.conflicts.push({ file: f.file, line: f.idLine, reason: `framework id "${id}" is already used by a tenant's custom framework: rename one of them` });
      continue;
    }
    const same = rows.find((v) => v.version === version);
    if (!same) {
      p.insert.push(f);
      p.makeCurrent.push(f);
    } else if (same.contentHash !== contentHash) {
      p.conflicts.push({
        file: f.file,
        line: f.versionLine,
        reason: `framework "${id}" version "${version}" is already loaded with different content: change \`version\` to publish the change (a loaded version is never rewritten, assessments point at it)`,
      });
    } else if (!same.isCurrent) p.makeCurrent.push(f);
  }
  for (const x of set.crosswalks) {
    const { source, target, contentHash } = x.crosswalk;
    const stored = state.crosswalks.find(
      (c) => c.source === source && c.target === target && c.sourceVersion === versionOf.get(source) && c.targetVersion === versionOf.get(target),
    );
    if (stored?.contentHash !== contentHash) p.crosswalks.push(x);
  }
  return p;
}

/**
 * Validates the catalog YAML and brings the database in line with it. A repeat start-up with
 * unchanged files costs one query; a new `version` is inserted beside the old one and becomes
 * current; changed content under an already-loaded version stops start-up.
 */
export async function loadCatalogs(db: Kysely<DB>, opts: { dir?: string; log?: Logger } = {}): Promise<TLoadSummary> {
  const dir = opts.dir ?? BUILT_IN_CATALOGS_DIR;
  const set = readCatalogDirCached(dir);
  if (set.issues.length) throw new CatalogError(set.issues, `The catalogs in ${dir} are invalid`);
  const ids = set.frameworks.map((f) => f.framework.id);
  const summary: TLoadSummary = { inserted: [], madeCurrent: [], crosswalks: [] };

  const first = plan(set, await loadedState(db, ids));
  if (first.conflicts.length) throw new CatalogError(first.conflicts, 'Catalog content changed without a new version');
  if (!first.insert.length && !first.makeCurrent.length && !first.crosswalks.length) return summary;

  await db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${LOAD_LOCK_KEY})`.execute(tx);
    // Another instance may have loaded the same files while we waited for the lock.
    const p = plan(set, await loadedState(tx, ids));
    if (p.conflicts.length) throw new CatalogError(p.conflicts, 'Catalog content changed without a new version');
    for (const f of p.insert) await insertFrameworkVersion(tx, null, f.framework);
    for (const f of p.makeCurrent) await makeCurrent(tx, null, f.framework.id, f.framework.version);
    const versionOf = new Map(set.frameworks.map((f) => [f.framework.id, f.framework.version]));
    for (const x of p.crosswalks) {
      await replaceCrosswalk(tx, x.crosswalk, { sourceVersion: versionOf.get(x.crosswalk.source)!, targetVersion: versionOf.get(x.crosswalk.target)! });
    }
    summary.inserted = p.insert.map((f) => `${f.framework.id}@${f.framework.version}`);
    summary.madeCurrent = p.makeCurrent.map((f) => `${f.framework.id}@${f.framework.version}`);
    summary.crosswalks = p.crosswalks.map((x) => `${x.crosswalk.source}--${x.crosswalk.target}`);
  });
  // Fresh statistics now, not whenever autovacuum gets to it: with an empty table's estimates the
  // planner picks nested loops that make the framework page several times slower.
  await sql`ANALYZE catalog_frameworks, catalog_requirements, catalog_mappings`.execute(db);
  opts.log?.info(summary, 'catalogs loaded');
  return summary;
}
