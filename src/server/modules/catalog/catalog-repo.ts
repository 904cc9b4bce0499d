import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TLocalized, TRequirementExtra } from './catalog-format.ts';

/*
 * Reads of catalog content. Built-in frameworks are everyone's; a custom framework belongs to
 * its owner tenant. Instead of a tenantId, reads take the viewer — the tenants whose custom
 * frameworks the policies let this actor read, decided before the query — and filter in the same
 * query, so that another tenant's framework is simply not found.
 */

export type TViewer = { tenantIds: readonly string[] };

const visibleTo = (v: TViewer): RawBuilder<unknown> =>
  v.tenantIds.length
    ? sql`(f.owner_tenant_id IS NULL OR f.owner_tenant_id IN (${sql.join(v.tenantIds.map((id) => sql`${id}::uuid`))}))`
    : sql`f.owner_tenant_id IS NULL`;

const whichVersion = (version: string | undefined) => (version ? sql`f.version = ${version}` : sql`f.is_current`);

/** Mappings count only towards the current version of the framework at the other end. */
const mappingCountOf = (fw: RawBuilder<unknown>, refCol: RawBuilder<unknown> | null) => sql<number>`(
  (SELECT count(*) FROM catalog_mappings cm JOIN catalog_frameworks o ON o.id = cm.target_framework_id AND o.version = cm.target_version AND o.is_current
    WHERE cm.source_framework_id = ${fw}.id AND cm.source_version = ${fw}.version ${refCol ? sql`AND cm.source_ref = ${refCol}` : sql``})
  + (SELECT count(*) FROM catalog_mappings cm JOIN catalog_frameworks o ON o.id = cm.source_framework_id AND o.version = cm.source_version AND o.is_current
    WHERE cm.target_framework_id = ${fw}.id AND cm.target_version = ${fw}.version ${refCol ? sql`AND cm.target_ref = ${refCol}` : sql``})
)::int`;

export type TFrameworkListRow = {
  id: string;
  version: string;
  title: TLocalized;
  short_title: TLocalized;
  edition: TLocalized;
  publisher: TLocalized;
  owner_tenant_id: string | null;
  counts: Record<string, number> | null;
  mapping_count: number;
};

export async function listFrameworks(db: Kysely<DB>, viewer: TViewer) {
  const res = await sql<TFrameworkListRow>`
    SELECT f.id, f.version, f.title, coalesce(f.short_title, f.title) AS short_title, f.edition, f.publisher, f.owner_tenant_id,
      (SELECT json_object_agg(k.kind, k.n) FROM (
         SELECT r.kind, count(*)::int AS n FROM catalog_requirements r
         WHERE r.framework_id = f.id AND r.framework_version = f.version GROUP BY r.kind) k) AS counts,
      ${mappingCountOf(sql.raw('f'), null)} AS mapping_count
    FROM catalog_frameworks f
    WHERE f.is_current AND ${visibleTo(viewer)}
    ORDER BY f.owner_tenant_id IS NOT NULL, f.id`.execute(db);
  return res.rows;
}

export type TTreeRow = {
  id: string;
  version: string;
  title: TLocalized;
  short_title: TLocalized | null;
  edition: TLocalized;
  publisher: TLocalized;
  description: TLocalized;
  owner_tenant_id: string | null;
  content_hash: string;
  loaded_at: Date;
  ref: string;
  kind: string;
  parent_ref: string | null;
  label: TLocalized | null;
  normative: boolean;
  r_title: TLocalized;
  r_description: TLocalized;
  documented_information: 'maintained' | 'retained' | null;
  category: string | null;
  applies_from: string | null;
  extra: TRequirementExtra;
  mapping_count: number;
};

/** The framework version a viewer asked for, and the count of current crosswalks per ref. */
const treeCtes = (viewer: TViewer, id: string, version: string | undefined) => sql`
    WITH f AS (
      SELECT f.id, f.version, f.title, f.short_title, f.edition, f.publisher, f.description, f.owner_tenant_id, f.content_hash, f.loaded_at
      FROM catalog_frameworks f
      WHERE f.id = ${id} AND ${whichVersion(version)} AND ${visibleTo(viewer)}
    ), mc AS (
      SELECT x.ref, count(*)::int AS n FROM (
        SELECT cm.source_ref AS ref FROM catalog_mappings cm
          JOIN f ON cm.source_framework_id = f.id AND cm.source_version = f.version
          JOIN catalog_frameworks o ON o.id = cm.target_framework_id AND o.version = cm.target_version AND o.is_current
        UNION ALL
        SELECT cm.target_ref FROM catalog_mappings cm
          JOIN f ON cm.target_framework_id = f.id AND cm.target_version = f.version
          JOIN catalog_frameworks o ON o.id = cm.source_framework_id AND o.version = cm.source_version AND o.is_current
      ) x GROUP BY x.ref
    )`;

/** Every stored field of one framework version, one row per requirement in document order (exports). */
export async function frameworkTree(db: Kysely<DB>, viewer: TViewer, id: string, version?: string) {
  const res = await sql<TTreeRow>`${treeCtes(viewer, id, version)}
    SELECT f.*, r.ref, r.kind, r.parent_ref, r.label, r.normative, r.title AS r_title, r.description AS r_description,
      r.documented_information, r.category, r.applies_from, r.extra, coalesce(mc.n, 0) AS mapping_count
    FROM f
    JOIN catalog_requirements r ON r.framework_id = f.id AND r.framework_version = f.version
    LEFT JOIN mc ON mc.ref = r.ref
    ORDER BY r.position`.execute(db);
  return res.rows;
}

/**
 * The framework page's response body, built by PostgreSQL as JSON text in one round trip: no
 * row-by-row decoding and re-encoding in Node, which keeps the hottest catalog read cheap.
 * The keys are those of ZFrameworkTree.
 */
export async function frameworkTreeJson(db: Kysely<DB>, viewer: TViewer, id: string, version?: string) {
  const res = await sql<{ owner_tenant_id: string | null; body: string }>`${treeCtes(viewer, id, version)}, reqs AS (
      SELECT r.*, coalesce(mc.n, 0) AS n FROM f
      JOIN catalog_requirements r ON r.framework_id = f.id AND r.framework_version = f.version
      LEFT JOIN mc ON mc.ref = r.ref
    )
    SELECT f.owner_tenant_id, json_build_object(
      'id', f.id, 'version', f.version, 'title', f.title, 'shortTitle', coalesce(f.short_title, f.title), 'edition', f.edition, 'publisher', f.publisher,
      'description', f.description, 'custom', f.owner_tenant_id IS NOT NULL,
      'counts', (SELECT json_object_agg(k.kind, k.n) FROM (SELECT kind, count(*)::int AS n FROM reqs GROUP BY kind ORDER BY min(position)) k),
      'requirements', (SELECT json_agg(json_build_object(
          'ref', ref, 'label', label, 'kind', kind, 'parentRef', parent_ref, 'title', title, 'description', description,
          'documentedInformation', documented_information, 'category', category, 'appliesFrom', applies_from, 'mappingCount', n
        ) ORDER BY position) FROM reqs)
    )::text AS body
    FROM f`.execute(db);
  return res.rows[0];
}

export type TRequirementRow = Omit<TTreeRow, 'edition' | 'publisher' | 'description' | 'content_hash' | 'loaded_at' | 'short_title'> & {
  short_title: TLocalized;
  parent_title: TLocalized | null;
  parent_label: TLocalized | null;
};

export async function getRequirement(db: Kysely<DB>, viewer: TViewer, id: string, ref: string, version?: string) {
  const res = await sql<TRequirementRow>`
    SELECT f.id, f.version, f.title, coalesce(f.short_title, f.title) AS short_title, f.owner_tenant_id, r.ref, r.label, r.kind, r.parent_ref, r.normative,
      r.title AS r_title, r.description AS r_description, r.documented_information, r.category, r.applies_from, r.extra,
      p.title AS parent_title, p.label AS parent_label, 0 AS mapping_count
    FROM catalog_frameworks f
    JOIN catalog_requirements r ON r.framework_id = f.id AND r.framework_version = f.version AND r.ref = ${ref}
    LEFT JOIN catalog_requirements p ON p.framework_id = f.id AND p.framework_version = f.version AND p.ref = r.parent_ref
    WHERE f.id = ${id} AND ${whichVersion(version)} AND ${visibleTo(viewer)}`.execute(db);
  return res.rows[0];
}

export const listChildren = (db: Kysely<DB>, id: string, version: string, ref: string) =>
  db
    .selectFrom('catalog_requirements')
    .select(['ref', 'label', 'kind', 'title'])
    .where('framework_id', '=', id)
    .where('framework_version', '=', version)
    .where('parent_ref', '=', ref)
    .orderBy('position')
    .execute();

export type TMappingRow = {
  direction: 'outgoing' | 'incoming';
  relation: 'equal' | 'subset' | 'superset' | 'intersects';
  rationale: TLocalized;
  other_framework_id: string;
  other_framework_title: TLocalized;
  other_framework_short_title: TLocalized;
  other_ref: string;
  other_label: TLocalized | null;
  other_title: TLocalized;
  other_kind: string;
};

/** Both directions of one requirement's crosswalks, towards current versions of the other side. */
export async function listMappings(db: Kysely<DB>, id: string, version: string, ref: string) {
  const res = await sql<TMappingRow>`
    SELECT * FROM (
      SELECT 'outgoing' AS direction, cm.relation, cm.rationale, o.id AS other_framework_id, o.title AS other_framework_title,
        coalesce(o.short_title, o.title) AS other_framework_short_title,
        r.ref AS other_ref, r.label AS other_label, r.title AS other_title, r.kind AS other_kind, r.position
      FROM catalog_mappings cm
      JOIN catalog_frameworks o ON o.id = cm.target_framework_id AND o.version = cm.target_version AND o.is_current
      JOIN catalog_requirements r ON r.framework_id = cm.target_framework_id AND r.framework_version = cm.target_version AND r.ref = cm.target_ref
      WHERE cm.source_framework_id = ${id} AND cm.source_version = ${version} AND cm.source_ref = ${ref}
      UNION ALL
      SELECT 'incoming', cm.relation, cm.rationale, o.id, o.title, coalesce(o.short_title, o.title), r.ref, r.label, r.title, r.kind, r.position
      FROM catalog_mappings cm
      JOIN catalog_frameworks o ON o.id = cm.source_framework_id AND o.version = cm.source_version AND o.is_current
      JOIN catalog_requirements r ON r.framework_id = cm.source_framework_id AND r.framework_version = cm.source_version AND r.ref = cm.source_ref
      WHERE cm.target_framework_id = ${id} AND cm.target_version = ${version} AND cm.target_ref = ${ref}
    ) x ORDER BY x.direction DESC, x.other_framework_id, x.position`.execute(db);
  return res.rows;
}

export type TSearchRow = {
  framework_id: string;
  framework_title: TLocalized;
  ref: string;
  label: TLocalized | null;
  kind: string;
  title: TLocalized;
  total: number;
};

export type TSearchQuery = { refPrefix: string; compactRef: string; words: string[]; limit: number; offset: number };

/**
 * The query in one language's configuration: every word (AND), except words that are stop words
 * in either language, so that "évaluation des impacts" and "evaluation impacts" ask the same in
 * English and in French (the English side would otherwise require "des").
 */
const tsQueryIn = (config: 'english' | 'french', words: string[]) =>
  words.length
    ? sql.join(
        words.map(
          (w) => sql`(CASE WHEN numnode(to_tsquery('english', catalog_fold(${w}))) = 0 OR numnode(to_tsquery('french', catalog_fold(${w}))) = 0
            THEN ''::tsquery ELSE to_tsquery(${sql.lit(config)}, catalog_fold(${w})) END)`,
        ),
        sql` && `,
      )
    : sql`''::tsquery`;

/**
 * A requirement matches when its ref starts with the query (with or without punctuation: "cc6",
 * "a.6.2", "art 9") or when its English or French text matches the query in that language's
 * full-text configuration (stems, stop words, accents folded). Ref matches come first, then the
 * text rank (label and title weigh more than the description). `total` counts every match.
 */
export async function searchRequirements(db: Kysely<DB>, viewer: TViewer, q: TSearchQuery) {
  const compact = sql`regexp_replace(lower(r.ref), '[^a-z0-9]', '', 'g')`;
  const refHit = sql`(starts_with(lower(r.ref), ${q.refPrefix}) OR (${q.compactRef} <> '' AND starts_with(${compact}, ${q.compactRef})))`;
  const res = await sql<TSearchRow>`
    WITH q AS (
      SELECT ${tsQueryIn('english', q.words)} AS en, ${tsQueryIn('french', q.words)} AS fr
    )
    SELECT f.id AS framework_id, f.title AS framework_title, r.ref, r.label, r.kind, r.title, count(*) OVER ()::int AS total
    FROM q, catalog_requirements r
    JOIN catalog_frameworks f ON f.id = r.framework_id AND f.version = r.framework_version AND f.is_current
    WHERE ${visibleTo(viewer)} AND (${refHit} OR r.search_en @@ q.en OR r.search_fr @@ q.fr)
    ORDER BY lower(r.ref) = ${q.refPrefix} DESC, ${refHit} DESC,
      greatest(ts_rank(r.search_en, q.en), ts_rank(r.search_fr, q.fr)) DESC,
      f.owner_tenant_id IS NOT NULL, f.id, r.position
    LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db);
  return res.rows;
}

/**
 * The current version of each named requirement, as other modules link to them (a risk's
 * requirements): one query for the whole list; refs not found are simply absent from the answer.
 */
export async function resolveRequirementRefs(db: Kysely<DB>, viewer: TViewer, refs: readonly { frameworkId: string; ref: string }[]) {
  if (!refs.length) return [];
  const res = await sql<{ framework_id: string; framework_version: string; ref: string; title: TLocalized }>`
    SELECT f.id AS framework_id, f.version AS framework_version, r.ref, r.title
    FROM catalog_frameworks f
    JOIN catalog_requirements r ON r.framework_id = f.id AND r.framework_version = f.version
    WHERE f.is_current AND ${visibleTo(viewer)}
      AND (f.id, r.ref) IN (${sql.join(refs.map((x) => sql`(${x.frameworkId}, ${x.ref})`))})`.execute(db);
  return res.rows;
}
