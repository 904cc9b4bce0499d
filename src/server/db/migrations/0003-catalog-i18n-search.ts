import { sql, type Kysely } from 'kysely';

/*
 * Catalog strings a person sees exist in English and French: the edition and the publisher
 * become localized (versions loaded before keep their single text in both languages), a
 * framework may carry a short title, and a ref written in words ("Chapter I") a label.
 *
 * Full-text search per language: one generated tsvector per language over label, title
 * (weight A) and description (weight C), with the `english` and `french` configurations on
 * accent-folded text. unaccent() is only STABLE (it reads its dictionary), so an IMMUTABLE
 * wrapper makes it usable in a generated column; the query folds through the same function.
 * Generated columns keep the invariant that a loaded requirement is never rewritten by code.
 */
const statements = [
  `ALTER TABLE catalog_frameworks ALTER COLUMN edition TYPE jsonb USING jsonb_build_object('en', edition, 'fr', edition)`,
  `ALTER TABLE catalog_frameworks ALTER COLUMN publisher TYPE jsonb USING jsonb_build_object('en', publisher, 'fr', publisher)`,
  `ALTER TABLE catalog_frameworks ADD COLUMN short_title jsonb`,
  `ALTER TABLE catalog_requirements ADD COLUMN label jsonb`,
  `CREATE EXTENSION IF NOT EXISTS unaccent`,
  `CREATE FUNCTION catalog_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $$`,
  ...(['en', 'fr'] as const).map(
    (lang) => `ALTER TABLE catalog_requirements ADD COLUMN search_${lang} tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('${lang === 'en' ? 'english' : 'french'}'::regconfig, catalog_fold(coalesce(label->>'${lang}', '') || ' ' || coalesce(title->>'${lang}', ''))), 'A')
      || setweight(to_tsvector('${lang === 'en' ? 'english' : 'french'}'::regconfig, catalog_fold(coalesce(description->>'${lang}', ''))), 'C')
    ) STORED`,
  ),
  `CREATE INDEX catalog_requirements_search_en_idx ON catalog_requirements USING gin (search_en)`,
  `CREATE INDEX catalog_requirements_search_fr_idx ON catalog_requirements USING gin (search_fr)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const s of [
    'ALTER TABLE catalog_requirements DROP COLUMN search_en, DROP COLUMN search_fr, DROP COLUMN label',
    'DROP FUNCTION catalog_fold(text)',
    'ALTER TABLE catalog_frameworks DROP COLUMN short_title',
    `ALTER TABLE catalog_frameworks ALTER COLUMN edition TYPE text USING edition->>'en'`,
    `ALTER TABLE catalog_frameworks ALTER COLUMN publisher TYPE text USING publisher->>'en'`,
  ])
    await sql.raw(s).execute(db);
}
