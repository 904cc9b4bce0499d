import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import { SOA_FRAMEWORKS, type TSoaImplementationStatus, type TSoaVersionStatus } from '../../../shared/contracts/soa.ts';
import { memberCountOf } from '../../platform/authz/four-eyes.ts';

/*
 * The only door to the SoA tables; every function takes tenantId and filters by it. Reads of
 * the catalog, the organization's adopted frameworks, its controls and its members are read-only
 * joins made here so that each answer stays one statement.
 */

export type TFrameworkScope = { id: string; version: string; controls: number };

/** Annex A controls of a catalog version: the rows an SoA has one entry for. */
const annexA = sql`r.kind = 'control' AND r.ref LIKE 'A.%'`;

/**
 * The frameworks a new draft covers: ISO/IEC 42001 (the version the organization adopted, else
 * the current one) and ISO/IEC 27001 at its adopted version once adopted; 42001 first.
 */
export async function frameworksInScope(db: Kysely<DB>, tenantId: string): Promise<TFrameworkScope[]> {
  const { rows } = await sql<TFrameworkScope>`
    SELECT f.id, f.version,
      (SELECT count(*) FROM catalog_requirements r WHERE r.framework_id = f.id AND r.framework_version = f.version AND ${annexA})::int AS controls
    FROM catalog_frameworks f
    LEFT JOIN tenant_frameworks tf ON tf.tenant_id = ${tenantId} AND tf.framework_id = f.id
    WHERE f.id IN (${sql.join([...SOA_FRAMEWORKS])})
      AND (tf.framework_version = f.version OR (tf.framework_id IS NULL AND f.is_current AND f.id = ${SOA_FRAMEWORKS[0]}))
    ORDER BY f.id = ${SOA_FRAMEWORKS[0]} DESC, f.id`.execute(db);
  return rows;
}

const versionColumns = (db: Kysely<DB>) =>
  db
    .selectFrom('soa_versions as v')
    .innerJoin('users as cu', 'cu.id', 'v.created_by')
    .leftJoin('users as su', 'su.id', 'v.submitted_by')
    .leftJoin('users as au', 'au.id', 'v.approved_by')
    .leftJoin('users as ru', 'ru.id', 'v.rejected_by')
    .selectAll('v')
    .select([
      'cu.name as created_by_name',
      'su.name as submitted_by_name',
      'au.name as approved_by_name',
      'ru.name as rejected_by_name',
      sql<number>`(SELECT count(*) FROM soa_entries e WHERE e.tenant_id = v.tenant_id AND e.version_id = v.id)::int`.as('total'),
      sql<number>`(SELECT count(*) FROM soa_entries e WHERE e.tenant_id = v.tenant_id AND e.version_id = v.id AND e.applicable IS NOT NULL)::int`.as('decided'),
      sql<number>`(SELECT count(*) FROM soa_entries e WHERE e.tenant_id = v.tenant_id AND e.version_id = v.id AND e.applicable)::int`.as('applicable_count'),
      // The four-eyes rule depends on it, and every version DTO carries its abilities.
      memberCountOf('v.tenant_id').as('member_count'),
    ]);

/** Every version of the organization's SoA, the open one first, then by number, newest first. */
export const listVersions = (db: Kysely<DB>, tenantId: string) =>
  versionColumns(db).where('v.tenant_id', '=', tenantId).orderBy(sql`v.number DESC NULLS FIRST`).execute();
export type TVersionRow = Awaited<ReturnType<typeof listVersions>>[number];

export const getOpenVersion = (db: Kysely<DB>, tenantId: string) =>
  versionColumns(db).where('v.tenant_id', '=', tenantId).where('v.status', 'in', ['draft', 'in_review']).executeTakeFirst();

export const getVersionByNumber = (db: Kysely<DB>, tenantId: string, number: number) =>
  versionColumns(db).where('v.tenant_id', '=', tenantId).where('v.number', '=', number).executeTakeFirst();

/** Locks the open version (draft or in review) and counts the organization's members in the same statement. */
export const lockOpenVersion = (db: Kysely<DB>, tenantId: string) =>
  db
    .selectFrom('soa_versions as v')
    .selectAll('v')
    .select(memberCountOf('v.tenant_id').as('member_count'))
    .where('v.tenant_id', '=', tenantId)
    .where('v.status', 'in', ['draft', 'in_review'])
    .forUpdate()
    .executeTakeFirst();
export type TLockedVersion = NonNullable<Awaited<ReturnType<typeof lockOpenVersion>>>;

export const lockVersionInForce = (db: Kysely<DB>, tenantId: string) =>
  db.selectFrom('soa_versions').selectAll().where('tenant_id', '=', tenantId).where('status', '=', 'approved').forUpdate().executeTakeFirst();

export const nextNumber = async (db: Kysely<DB>, tenantId: string) =>
  (await db
    .selectFrom('soa_versions')
    .select(sql<number>`coalesce(max(number), 0)::int + 1`.as('next'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow()).next;

export const insertVersion = (db: Kysely<DB>, tenantId: string, v: { created_by: string; based_on_number: number | null }) =>
  db.insertInto('soa_versions').values({ ...v, tenant_id: tenantId, status: 'draft' }).returning(['id']).executeTakeFirstOrThrow();

export const updateVersion = (
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  patch: {
    status?: TSoaVersionStatus;
    number?: number;
    submitted_by?: string | null;
    submitted_at?: Date | null;
    approved_by?: string;
    approved_at?: Date;
    approval_comment?: string | null;
    rejected_by?: string | null;
    rejected_at?: Date | null;
    reject_comment?: string | null;
  },
) =>
  db
    .updateTable('soa_versions')
    .set({ ...patch, updated_at: sql<Date>`now()` as never })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();

/**
 * One entry per Annex A control of the frameworks in scope; decisions (and implementing
 * controls) are copied from `fromVersionId` where the same control was decided there. Returns
 * how many entries the draft has.
 */
export async function seedEntries(db: Kysely<DB>, tenantId: string, versionId: string, frameworks: readonly TFrameworkScope[], fromVersionId: string | null, userId: string) {
  const which = sql.join(
    frameworks.map((f) => sql`(r.framework_id = ${f.id} AND r.framework_version = ${f.version})`),
    sql` OR `,
  );
  const inserted = await sql`
    INSERT INTO soa_entries (tenant_id, version_id, framework_id, framework_version, ref, applicable, justification, implementation_status, updated_by)
    SELECT ${tenantId}, ${versionId}, r.framework_id, r.framework_version, r.ref, p.applicable, coalesce(p.justification, ''), p.implementation_status, ${userId}
    FROM catalog_requirements r
    LEFT JOIN soa_entries p ON p.tenant_id = ${tenantId} AND p.version_id = ${fromVersionId} AND p.framework_id = r.framework_id AND p.ref = r.ref
    WHERE (${which}) AND ${annexA}`.execute(db);
  if (fromVersionId) {
    await sql`
      INSERT INTO soa_entry_controls (tenant_id, version_id, framework_id, ref, control_id, control_reference, control_title)
      SELECT ${tenantId}, ${versionId}, pc.framework_id, pc.ref, pc.control_id, c.reference, c.title
      FROM soa_entry_controls pc
      JOIN controls c ON c.tenant_id = pc.tenant_id AND c.id = pc.control_id
      JOIN soa_entries e ON e.tenant_id = pc.tenant_id AND e.version_id = ${versionId} AND e.framework_id = pc.framework_id AND e.ref = pc.ref
      WHERE pc.tenant_id = ${tenantId} AND pc.version_id = ${fromVersionId}`.execute(db);
  }
  return Number(inserted.numAffectedRows ?? 0n);
}

export type TEntryRow = {
  framework_id: string;
  framework_version: string;
  ref: string;
  parent_ref: string | null;
  title: { en: string; fr: string };
  applicable: boolean | null;
  justification: string;
  implementation_status: TSoaImplementationStatus | null;
  updated_at: Date | string;
  controls: { id: string; reference: string; title: string }[];
};

/**
 * A version's entries in catalog order (42001 first) with their implementing controls, in one
 * statement. An open version shows its controls as they are now; a numbered one as they were
 * when it was approved.
 */
export async function listEntries(db: Kysely<DB>, tenantId: string, versionId: string, live: boolean, only?: { frameworkId: string; ref: string }) {
  const reference = live ? sql`c.reference` : sql`ec.control_reference`;
  const title = live ? sql`c.title` : sql`ec.control_title`;
  const { rows } = await sql<TEntryRow>`
    SELECT e.framework_id, e.framework_version, e.ref, r.parent_ref, r.title, e.applicable, e.justification, e.implementation_status, e.updated_at,
      coalesce((
        SELECT json_agg(json_build_object(
            'id', ec.control_id,
            'reference', ${reference},
            'title', ${title})
          ORDER BY lower(${reference}))
        FROM soa_entry_controls ec
        JOIN controls c ON c.tenant_id = ec.tenant_id AND c.id = ec.control_id
        WHERE ec.tenant_id = e.tenant_id AND ec.version_id = e.version_id AND ec.framework_id = e.framework_id AND ec.ref = e.ref
      ), '[]'::json) AS controls
    FROM soa_entries e
    JOIN catalog_requirements r ON r.framework_id = e.framework_id AND r.framework_version = e.framework_version AND r.ref = e.ref
    WHERE e.tenant_id = ${tenantId} AND e.version_id = ${versionId}
      ${only ? sql`AND e.framework_id = ${only.frameworkId} AND e.ref = ${only.ref}` : sql``}
    ORDER BY e.framework_id <> ${SOA_FRAMEWORKS[0]}, e.framework_id, r.position`.execute(db);
  return rows;
}

/** The decisions the lifecycle's completeness guard reads, in catalog order (the refs its message lists). */
export const entryDecisions = (db: Kysely<DB>, tenantId: string, versionId: string) =>
  db
    .selectFrom('soa_entries as e')
    .innerJoin('catalog_requirements as r', (j) => j.onRef('r.framework_id', '=', 'e.framework_id').onRef('r.framework_version', '=', 'e.framework_version').onRef('r.ref', '=', 'e.ref'))
    .select(['e.ref', 'e.framework_id', 'e.applicable', 'e.justification', 'e.implementation_status'])
    .where('e.tenant_id', '=', tenantId)
    .where('e.version_id', '=', versionId)
    .orderBy(sql`e.framework_id <> ${SOA_FRAMEWORKS[0]}`)
    .orderBy('e.framework_id')
    .orderBy('r.position')
    .execute();

export const getEntryForUpdate = (db: Kysely<DB>, tenantId: string, versionId: string, frameworkId: string, ref: string) =>
  db
    .selectFrom('soa_entries')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('version_id', '=', versionId)
    .where('framework_id', '=', frameworkId)
    .where('ref', '=', ref)
    .forUpdate()
    .executeTakeFirst();

export const updateEntry = (
  db: Kysely<DB>,
  tenantId: string,
  key: { versionId: string; frameworkId: string; ref: string },
  patch: { applicable?: boolean | null; justification?: string; implementation_status?: TSoaImplementationStatus | null; updated_by: string },
) =>
  db
    .updateTable('soa_entries')
    .set({ ...patch, updated_at: sql<Date>`now()` as never })
    .where('tenant_id', '=', tenantId)
    .where('version_id', '=', key.versionId)
    .where('framework_id', '=', key.frameworkId)
    .where('ref', '=', key.ref)
    .execute();

export const entryControlIds = async (db: Kysely<DB>, tenantId: string, key: { versionId: string; frameworkId: string; ref: string }) =>
  (
    await db
      .selectFrom('soa_entry_controls')
      .select(['control_id', 'control_reference'])
      .where('tenant_id', '=', tenantId)
      .where('version_id', '=', key.versionId)
      .where('framework_id', '=', key.frameworkId)
      .where('ref', '=', key.ref)
      .orderBy('control_reference')
      .execute()
  ).map((r) => ({ id: r.control_id, reference: r.control_reference }));

/** The organization's controls among `ids`: an id of another organization is simply not found. */
export const controlsOf = (db: Kysely<DB>, tenantId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('controls').select(['id', 'reference', 'title']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();

export async function replaceEntryControls(db: Kysely<DB>, tenantId: string, key: { versionId: string; frameworkId: string; ref: string }, controls: readonly { id: string; reference: string; title: string }[]) {
  await db
    .deleteFrom('soa_entry_controls')
    .where('tenant_id', '=', tenantId)
    .where('version_id', '=', key.versionId)
    .where('framework_id', '=', key.frameworkId)
    .where('ref', '=', key.ref)
    .execute();
  if (controls.length === 0) return;
  await db
    .insertInto('soa_entry_controls')
    .values(controls.map((c) => ({ tenant_id: tenantId, version_id: key.versionId, framework_id: key.frameworkId, ref: key.ref, control_id: c.id, control_reference: c.reference, control_title: c.title })))
    .execute();
}

/** At approval: the implementing controls' reference and title as they are now, kept with the frozen version. */
export const snapshotControls = (db: Kysely<DB>, tenantId: string, versionId: string) =>
  sql`
    UPDATE soa_entry_controls ec SET control_reference = c.reference, control_title = c.title
    FROM controls c
    WHERE c.tenant_id = ec.tenant_id AND c.id = ec.control_id AND ec.tenant_id = ${tenantId} AND ec.version_id = ${versionId}`.execute(db);

/** How each framework version names itself on paper (its edition), for the export's header. */
export async function frameworkEditions(db: Kysely<DB>, frameworks: readonly { id: string; version: string }[]) {
  if (frameworks.length === 0) return {};
  const rows = await db
    .selectFrom('catalog_frameworks')
    .select(['id', 'edition'])
    .where((eb) => eb.or(frameworks.map((f) => eb.and([eb('id', '=', f.id), eb('version', '=', f.version)]))))
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.edition]));
}

/** The mandatory-information checklist's view of the SoA (6.1.3): current once a version is approved and in force. */
export const mandatoryChecklistSql = (tenantId: string, _today: string) => sql`
  SELECT 'soa-6.1.3' AS item, 'soa' AS source,
         CASE WHEN count(*) FILTER (WHERE status = 'approved') > 0 THEN 'current' ELSE 'missing' END AS state,
         count(*) FILTER (WHERE status IN ('approved','superseded'))::int AS count,
         NULL::text AS document_id, NULL::text AS title, NULL::int AS version, NULL::text AS next_review_on
  FROM soa_versions WHERE tenant_id = ${tenantId}`;
