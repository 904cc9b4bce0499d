import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { TDatabase } from '../../db/client.ts';
import { runHot } from '../../db/hot-query.ts';
import type { DB } from '../../db/types.ts';
import type { TControlsTables } from '../../db/types-controls.ts';
import type { TLocale } from '../../../shared/contracts/common.ts';
import type { TControlAutomation, TControlFrequency, TControlLinkOrigin, TControlListQuery, TControlStatus } from '../../../shared/contracts/controls.ts';
import type { TLocalized } from '../catalog/catalog-format.ts';

/*
 * The only door to tenant_frameworks, controls, control_requirements and control_link_dismissals:
 * every function takes tenantId. Catalog tables are read joined, never written. Texts of the
 * catalog come out in the reader's language (`locale`), picked in SQL.
 */

type TControlInsert = Omit<Insertable<TControlsTables['controls']>, 'tenant_id' | 'id'>;
type TControlPatch = Omit<Updateable<TControlsTables['controls']>, 'tenant_id' | 'id'>;
const lit = (locale: TLocale) => sql.lit(locale);

/* ---------------------------------------------------------------- adopted frameworks */

export type TAdoptedRow = {
  framework_id: string;
  framework_version: string;
  current_version: string | null;
  title: TLocalized;
  short_title: TLocalized;
  adopted_by: string | null;
  adopted_by_name: string | null;
  adopted_at: Date;
};

/** The adopted frameworks with their titles (of the adopted version) and the catalog's current version. */
export async function listAdopted(db: Kysely<DB>, tenantId: string) {
  const res = await sql<TAdoptedRow>`
    SELECT tf.framework_id, tf.framework_version, cur.version AS current_version, f.title, coalesce(f.short_title, f.title) AS short_title,
      tf.adopted_by, u.name AS adopted_by_name, tf.adopted_at
    FROM tenant_frameworks tf
    JOIN catalog_frameworks f ON f.id = tf.framework_id AND f.version = tf.framework_version
    LEFT JOIN catalog_frameworks cur ON cur.id = tf.framework_id AND cur.is_current
    LEFT JOIN users u ON u.id = tf.adopted_by
    WHERE tf.tenant_id = ${tenantId}
    ORDER BY f.owner_tenant_id IS NOT NULL, tf.framework_id`.execute(db);
  return res.rows;
}

/** The current version of a framework this tenant may see (built-in, or its own custom one); absent otherwise. */
export const visibleCurrentFramework = (db: Kysely<DB>, tenantId: string, frameworkId: string) =>
  db
    .selectFrom('catalog_frameworks')
    .select(['id', 'version'])
    .where('id', '=', frameworkId)
    .where('is_current', '=', true)
    .where((eb) => eb.or([eb('owner_tenant_id', 'is', null), eb('owner_tenant_id', '=', tenantId)]))
    .executeTakeFirst();

export const lockAdoption = (db: Kysely<DB>, tenantId: string, frameworkId: string) =>
  db.selectFrom('tenant_frameworks').selectAll().where('tenant_id', '=', tenantId).where('framework_id', '=', frameworkId).forUpdate().executeTakeFirst();

/** Adopts (or moves to) `version`; true when a row was written (false: already adopted at that version). */
export async function upsertAdoption(db: Kysely<DB>, tenantId: string, frameworkId: string, version: string, userId: string | null, at: Date) {
  const res = await db
    .insertInto('tenant_frameworks')
    .values({ tenant_id: tenantId, framework_id: frameworkId, framework_version: version, adopted_by: userId, adopted_at: at })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'framework_id'])
        .doUpdateSet({ framework_version: version, adopted_by: userId, adopted_at: at })
        .where('tenant_frameworks.framework_version', '<>', version),
    )
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const deleteAdoption = (db: Kysely<DB>, tenantId: string, frameworkId: string) =>
  db.deleteFrom('tenant_frameworks').where('tenant_id', '=', tenantId).where('framework_id', '=', frameworkId).returning(['framework_version']).executeTakeFirst();

/* ---------------------------------------------------------------- controls */

const STATUS_RANK = sql<number>`(CASE c.status WHEN 'planned' THEN 1 WHEN 'implemented' THEN 2 WHEN 'operating' THEN 3 ELSE 4 END)`;
const REF_KEY = sql<string>`lower(c.reference)`;

/** The keyset of each sort: its key columns, then the id. */
export const SORT_KEYS = {
  reference: [REF_KEY],
  title: [sql<string>`lower(c.title)`, REF_KEY],
  status: [STATUS_RANK, REF_KEY],
  updatedAt: [sql<Date>`c.updated_at`],
} as const;

const summaryOf = (db: Kysely<DB>, tenantId: string) =>
  db
    .selectFrom('controls as c')
    .leftJoin('users as o', 'o.id', 'c.owner_id')
    .select([
      'c.id',
      'c.reference',
      'c.title',
      'c.owner_id',
      'o.name as owner_name',
      'c.frequency',
      'c.automation',
      'c.status',
      'c.library_ref',
      'c.updated_at',
      sql<string>`lower(c.reference)`.as('k_ref'),
      sql<string>`lower(c.title)`.as('k_title'),
      STATUS_RANK.as('k_status'),
      (eb) =>
        eb
          .selectFrom('control_requirements as cr')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('cr.tenant_id', '=', 'c.tenant_id')
          .whereRef('cr.control_id', '=', 'c.id')
          .as('requirement_count'),
      (eb) =>
        eb
          .selectFrom('control_requirements as cr')
          .select(sql<string[]>`coalesce(array_agg(DISTINCT cr.framework_id ORDER BY cr.framework_id), '{}')`.as('f'))
          .whereRef('cr.tenant_id', '=', 'c.tenant_id')
          .whereRef('cr.control_id', '=', 'c.id')
          .as('framework_ids'),
    ])
    .where('c.tenant_id', '=', tenantId);
export type TControlSummaryRow = Awaited<ReturnType<ReturnType<typeof summaryOf>['executeTakeFirstOrThrow']>>;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of controls in one SQL statement (prepared: a hot path): filters, the sort's keys and
 * the id as keyset, the owner's name and the link counts as joins and correlated sub-selects.
 * `after` holds the previous page's last key values, as the sort's keys list them.
 */
export async function listControls(database: Pick<TDatabase, 'db' | 'hot'>, tenantId: string, q: TControlListQuery, after: { keys: (string | number | Date)[]; id: string } | null) {
  let query = summaryOf(database.db, tenantId);
  if (q.status) query = query.where('c.status', '=', q.status);
  if (q.ownerId) query = query.where('c.owner_id', '=', q.ownerId);
  if (q.frequency) query = query.where('c.frequency', '=', q.frequency);
  if (q.automation) query = query.where('c.automation', '=', q.automation);
  if (q.frameworkId) {
    const fw = q.frameworkId;
    const ref = q.ref;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('control_requirements as cr')
          .select(sql`1`.as('one'))
          .whereRef('cr.tenant_id', '=', 'c.tenant_id')
          .whereRef('cr.control_id', '=', 'c.id')
          .where('cr.framework_id', '=', fw)
          .$if(ref !== undefined, (w) => w.where('cr.ref', '=', ref!)),
      ),
    );
  }
  if (q.q) {
    const pattern = `%${likeEscape(q.q)}%`;
    query = query.where(sql<boolean>`(c.reference ILIKE ${pattern} OR c.title ILIKE ${pattern} OR c.description ILIKE ${pattern})`);
  }
  const desc = q.direction === 'desc';
  const keys = SORT_KEYS[q.sort];
  if (after) {
    const left = sql.join([...keys, sql`c.id`]);
    const right = sql.join([...after.keys.map((v) => sql`${v}`), sql`${after.id}::uuid`]);
    query = query.where(sql<boolean>`(${left}) ${sql.raw(desc ? '<' : '>')} (${right})`);
  }
  const dir = desc ? 'desc' : 'asc';
  for (const k of keys) query = query.orderBy(k, dir);
  const rows = await runHot(database, 'controls_list', query.orderBy('c.id', dir).limit(q.limit + 1).compile());
  return { rows: rows.slice(0, q.limit), more: rows.length > q.limit };
}

export type TControlDetailRow = {
  id: string;
  reference: string;
  title: string;
  description: string;
  owner_id: string | null;
  owner_name: string | null;
  frequency: TControlsTables['controls']['frequency'];
  automation: TControlsTables['controls']['automation'];
  status: TControlStatus;
  library_ref: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  requirements: {
    framework_id: string;
    framework_version: string;
    framework_title: string;
    ref: string;
    title: string;
    kind: string;
    origin: TControlLinkOrigin;
    linked_by: string | null;
    linked_by_name: string | null;
    linked_at: string;
  }[];
};

/** A control with its owner, creator and every requirement link (titles in `locale`), in one statement. */
export async function getControl(db: Kysely<DB>, tenantId: string, id: string, locale: TLocale) {
  const res = await sql<TControlDetailRow>`
    SELECT c.id, c.reference, c.title, c.description, c.owner_id, o.name AS owner_name, c.frequency, c.automation, c.status,
      c.library_ref, c.created_by, cb.name AS created_by_name, c.created_at, c.updated_at,
      coalesce((
        SELECT json_agg(json_build_object(
          'framework_id', cr.framework_id, 'framework_version', cr.framework_version,
          'framework_title', coalesce(f.short_title, f.title)->>${lit(locale)},
          'ref', cr.ref, 'title', r.title->>${lit(locale)}, 'kind', r.kind, 'origin', cr.origin,
          'linked_by', cr.linked_by, 'linked_by_name', u.name, 'linked_at', cr.linked_at)
          ORDER BY f.owner_tenant_id IS NOT NULL, cr.framework_id, r.position)
        FROM control_requirements cr
        JOIN catalog_frameworks f ON f.id = cr.framework_id AND f.version = cr.framework_version
        JOIN catalog_requirements r ON r.framework_id = cr.framework_id AND r.framework_version = cr.framework_version AND r.ref = cr.ref
        LEFT JOIN users u ON u.id = cr.linked_by
        WHERE cr.tenant_id = c.tenant_id AND cr.control_id = c.id), '[]') AS requirements
    FROM controls c
    LEFT JOIN users o ON o.id = c.owner_id
    LEFT JOIN users cb ON cb.id = c.created_by
    WHERE c.tenant_id = ${tenantId} AND c.id = ${id}`.execute(db);
  return res.rows[0];
}

export const lockControl = (db: Kysely<DB>, tenantId: string, id: string) =>
  db.selectFrom('controls').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();

export const insertControl = (db: Kysely<DB>, tenantId: string, values: TControlInsert) =>
  db.insertInto('controls').values({ ...values, tenant_id: tenantId }).returning('id').executeTakeFirstOrThrow();

export const updateControl = (db: Kysely<DB>, tenantId: string, id: string, patch: TControlPatch) =>
  db.updateTable('controls').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

/** Which of these users are members of the tenant (an owner must be). */
export async function memberIds(db: Kysely<DB>, tenantId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await db.selectFrom('memberships').select('user_id').where('tenant_id', '=', tenantId).where('user_id', 'in', [...userIds]).execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Which of these ids are controls of the tenant (other modules validate their links through this). */
export async function existIds(db: Kysely<DB>, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('controls').select('id').where('tenant_id', '=', tenantId).where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

/* ---------------------------------------------------------------- requirement links */

export type TLinkInsert = { framework_id: string; framework_version: string; ref: string; origin: TControlLinkOrigin; linked_by: string | null; linked_at: Date };

/** Inserts the links that do not exist yet; answers those written. */
export async function insertLinks(db: Kysely<DB>, tenantId: string, controlId: string, links: readonly TLinkInsert[]) {
  if (!links.length) return [];
  return db
    .insertInto('control_requirements')
    .values(links.map((l) => ({ ...l, tenant_id: tenantId, control_id: controlId })))
    .onConflict((oc) => oc.doNothing())
    .returning(['framework_id', 'framework_version', 'ref', 'origin'])
    .execute();
}

export const deleteLink = (db: Kysely<DB>, tenantId: string, controlId: string, frameworkId: string, ref: string) =>
  db
    .deleteFrom('control_requirements')
    .where('tenant_id', '=', tenantId)
    .where('control_id', '=', controlId)
    .where('framework_id', '=', frameworkId)
    .where('ref', '=', ref)
    .returning(['framework_id', 'framework_version', 'ref', 'origin'])
    .executeTakeFirst();

export const insertDismissal = (db: Kysely<DB>, tenantId: string, controlId: string, frameworkId: string, ref: string, userId: string | null, at: Date) =>
  db
    .insertInto('control_link_dismissals')
    .values({ tenant_id: tenantId, control_id: controlId, framework_id: frameworkId, ref, dismissed_by: userId, dismissed_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();

/* ---------------------------------------------------------------- crosswalk suggestions */

export type TSuggestionRow = {
  found: boolean;
  framework_id: string | null;
  framework_version: string | null;
  framework_title: string | null;
  ref: string | null;
  title: string | null;
  kind: string | null;
  sources: {
    viaFrameworkId: string;
    viaRef: string;
    sourceFrameworkId: string;
    sourceRef: string;
    targetFrameworkId: string;
    targetRef: string;
    relation: 'equal' | 'subset' | 'superset' | 'intersects';
    rationale: string;
  }[] | null;
};

/**
 * The crosswalk suggestions of one control in one statement: requirements of the tenant's adopted
 * frameworks (at the adopted version) that a catalog mapping, in either direction, connects to one
 * of the control's linked requirements (at the linked version), minus those already linked or
 * dismissed. The control row leads (LEFT JOIN): no row at all means no such control in this tenant,
 * one row with `framework_id` null means a control without suggestions. `only` narrows to one
 * requirement (accepting or dismissing checks that it is still on offer).
 */
export async function suggestions(db: Kysely<DB>, tenantId: string, controlId: string, locale: TLocale, only?: { frameworkId: string; ref: string }) {
  const res = await sql<TSuggestionRow>`
    WITH ctl AS (SELECT c.tenant_id, c.id FROM controls c WHERE c.tenant_id = ${tenantId} AND c.id = ${controlId}),
    linked AS (
      SELECT cr.framework_id, cr.framework_version, cr.ref FROM control_requirements cr JOIN ctl ON cr.tenant_id = ctl.tenant_id AND cr.control_id = ctl.id
    ),
    reached AS (
      SELECT l.framework_id AS via_fw, l.ref AS via_ref, cm.target_framework_id AS fw, cm.target_version AS ver, cm.target_ref AS ref, cm.*
      FROM linked l JOIN catalog_mappings cm ON cm.source_framework_id = l.framework_id AND cm.source_version = l.framework_version AND cm.source_ref = l.ref
      UNION ALL
      SELECT l.framework_id, l.ref, cm.source_framework_id, cm.source_version, cm.source_ref, cm.*
      FROM linked l JOIN catalog_mappings cm ON cm.target_framework_id = l.framework_id AND cm.target_version = l.framework_version AND cm.target_ref = l.ref
    ),
    offered AS (
      SELECT x.fw, x.ver, x.ref, json_agg(json_build_object(
          'viaFrameworkId', x.via_fw, 'viaRef', x.via_ref,
          'sourceFrameworkId', x.source_framework_id, 'sourceRef', x.source_ref,
          'targetFrameworkId', x.target_framework_id, 'targetRef', x.target_ref,
          'relation', x.relation, 'rationale', x.rationale->>${lit(locale)})
          ORDER BY x.via_fw, x.via_ref) AS sources
      FROM reached x
      JOIN tenant_frameworks tf ON tf.tenant_id = ${tenantId} AND tf.framework_id = x.fw AND tf.framework_version = x.ver
      WHERE NOT EXISTS (SELECT 1 FROM linked l WHERE l.framework_id = x.fw AND l.ref = x.ref)
        AND NOT EXISTS (SELECT 1 FROM control_link_dismissals d WHERE d.tenant_id = ${tenantId} AND d.control_id = ${controlId} AND d.framework_id = x.fw AND d.ref = x.ref)
        ${only ? sql`AND x.fw = ${only.frameworkId} AND x.ref = ${only.ref}` : sql``}
      GROUP BY x.fw, x.ver, x.ref
    )
    SELECT true AS found, o.fw AS framework_id, o.ver AS framework_version, coalesce(f.short_title, f.title)->>${lit(locale)} AS framework_title,
      o.ref, r.title->>${lit(locale)} AS title, r.kind, o.sources
    FROM ctl
    LEFT JOIN offered o ON true
    LEFT JOIN catalog_frameworks f ON f.id = o.fw AND f.version = o.ver
    LEFT JOIN catalog_requirements r ON r.framework_id = o.fw AND r.framework_version = o.ver AND r.ref = o.ref
    ORDER BY f.owner_tenant_id IS NOT NULL, o.fw, r.position`.execute(db);
  return res.rows;
}

/* ---------------------------------------------------------------- starter library */

export type TLibraryInsert = { reference: string; title: string; description: string; frequency: TControlFrequency; automation: TControlAutomation; library_ref: string };

/**
 * Creates the library's controls that the tenant does not have yet, in one statement: a control
 * whose `library_ref` exists is skipped, and so is one whose reference is taken (the unique index
 * answers, ON CONFLICT DO NOTHING). Answers the controls created.
 */
export async function insertLibraryControls(db: Kysely<DB>, tenantId: string, items: readonly TLibraryInsert[], userId: string | null, at: Date) {
  if (!items.length) return [];
  const values = sql.join(items.map((i) => sql`(${i.reference}::text, ${i.title}::text, ${i.description}::text, ${i.frequency}::text, ${i.automation}::text, ${i.library_ref}::text)`));
  const res = await sql<TLibraryInsert & { id: string }>`
    INSERT INTO controls (tenant_id, reference, title, description, frequency, automation, status, library_ref, created_by, created_at, updated_at)
    SELECT ${tenantId}::uuid, v.reference, v.title, v.description, v.frequency, v.automation, 'planned', v.library_ref, ${userId}::uuid, ${at}::timestamptz, ${at}::timestamptz
    FROM (VALUES ${values}) AS v(reference, title, description, frequency, automation, library_ref)
    WHERE NOT EXISTS (SELECT 1 FROM controls c WHERE c.tenant_id = ${tenantId} AND c.library_ref = v.library_ref)
    ON CONFLICT DO NOTHING
    RETURNING id, reference, title, description, frequency, automation, library_ref`.execute(db);
  return res.rows;
}

/** Links each created library control to its requirement (origin `library`), in one statement. */
export async function insertLibraryLinks(db: Kysely<DB>, tenantId: string, frameworkId: string, version: string, links: readonly { controlId: string; ref: string }[], userId: string | null, at: Date) {
  if (!links.length) return;
  await db
    .insertInto('control_requirements')
    .values(links.map((l) => ({ tenant_id: tenantId, control_id: l.controlId, framework_id: frameworkId, framework_version: version, ref: l.ref, origin: 'library' as const, linked_by: userId, linked_at: at })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The refs of a framework version's requirements of one kind, in document order (the library checks its coverage against it). */
export const requirementRefsOfKind = (db: Kysely<DB>, frameworkId: string, version: string, kind: string) =>
  db
    .selectFrom('catalog_requirements')
    .select(['ref'])
    .where('framework_id', '=', frameworkId)
    .where('framework_version', '=', version)
    .where('kind', '=', kind)
    .orderBy('position')
    .execute();
