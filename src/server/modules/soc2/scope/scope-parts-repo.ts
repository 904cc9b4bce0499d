import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TSoc2ComplementaryKind, TSoc2Opinion, TSoc2SubserviceTreatment } from '../../../../shared/contracts/soc2.ts';
import type { TSoc2SubserviceReportKind } from '../../../../shared/contracts/soc2-scope.ts';
import { nextComplementaryReference } from './scope-parts-rules.ts';

/*
 * The only door to soc2_subservice_orgs and soc2_complementary_controls. Every row belongs to the
 * firm's tenant: every statement names it. `listScopeParts` reads both lists in one statement, for
 * the scope view and for the report.
 */

type TDb = Kysely<DB> | Transaction<DB>;

export type TSubserviceOrgRow = {
  id: string;
  name: string;
  services: string;
  treatment: TSoc2SubserviceTreatment;
  report_kind: TSoc2SubserviceReportKind;
  report_period_end: string | null;
  report_opinion: TSoc2Opinion | null;
  report_notes: string;
  position: number;
};

export type TComplementaryRow = {
  id: string;
  kind: TSoc2ComplementaryKind;
  reference: string;
  statement: string;
  criteria: string[];
  subservice_org_id: string | null;
  subservice_org_name: string | null;
  position: number;
};

export type TScopeParts = { subserviceOrgs: TSubserviceOrgRow[]; complementaryControls: TComplementaryRow[] };

const parse = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/**
 * The examination's subservice organizations and complementary controls (CUECs first, then CSOCs),
 * each in its position order, in ONE statement. `null`: the examination is not this firm's.
 */
export async function listScopeParts(db: TDb, firmTenantId: string, examinationId: string): Promise<TScopeParts | null> {
  const { rows } = await sql<{ subservice_orgs: unknown; complementary_controls: unknown }>`
    SELECT
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', s.id, 'name', s.name, 'services', s.services, 'treatment', s.treatment, 'report_kind', s.report_kind,
          'report_period_end', s.report_period_end::text, 'report_opinion', s.report_opinion, 'report_notes', s.report_notes, 'position', s.position
        ) ORDER BY s.position, s.name, s.id)
        FROM soc2_subservice_orgs s WHERE s.tenant_id = x.tenant_id AND s.examination_id = x.id
      ), '[]'::json) AS subservice_orgs,
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', c.id, 'kind', c.kind, 'reference', c.reference, 'statement', c.statement, 'criteria', to_json(c.criteria),
          'subservice_org_id', c.subservice_org_id, 'subservice_org_name', s.name, 'position', c.position
        ) ORDER BY c.kind DESC, c.position, c.reference, c.id)
        FROM soc2_complementary_controls c
        LEFT JOIN soc2_subservice_orgs s ON s.tenant_id = c.tenant_id AND s.id = c.subservice_org_id
        WHERE c.tenant_id = x.tenant_id AND c.examination_id = x.id
      ), '[]'::json) AS complementary_controls
    FROM soc2_examinations x
    WHERE x.tenant_id = ${firmTenantId} AND x.id = ${examinationId}`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return { subserviceOrgs: parse<TSubserviceOrgRow[]>(row.subservice_orgs), complementaryControls: parse<TComplementaryRow[]>(row.complementary_controls) };
}

export type TSubserviceOrgValues = {
  name: string;
  services: string;
  treatment: TSoc2SubserviceTreatment;
  report_kind: TSoc2SubserviceReportKind;
  report_period_end: string | null;
  report_opinion: TSoc2Opinion | null;
  report_notes: string;
};

export async function subserviceOrg(db: TDb, firmTenantId: string, examinationId: string, id: string) {
  return db
    .selectFrom('soc2_subservice_orgs')
    .select(['id', 'name', 'services', 'treatment', 'report_kind', sql<string | null>`report_period_end::text`.as('report_period_end'), 'report_opinion', 'report_notes', 'position'])
    .where('tenant_id', '=', firmTenantId)
    .where('examination_id', '=', examinationId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<TSubserviceOrgRow | undefined>;
}

async function nextPosition(tx: TDb, table: 'soc2_subservice_orgs' | 'soc2_complementary_controls', firmTenantId: string, examinationId: string) {
  const r = await tx
    .selectFrom(table)
    .select(sql<number>`COALESCE(max(position) + 1, 0)::int`.as('n'))
    .where('tenant_id', '=', firmTenantId)
    .where('examination_id', '=', examinationId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function insertSubserviceOrg(tx: TDb, firmTenantId: string, examinationId: string, v: TSubserviceOrgValues) {
  const position = await nextPosition(tx, 'soc2_subservice_orgs', firmTenantId, examinationId);
  return tx
    .insertInto('soc2_subservice_orgs')
    .values({ tenant_id: firmTenantId, examination_id: examinationId, ...v, position })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateSubserviceOrg(tx: TDb, firmTenantId: string, id: string, v: Partial<TSubserviceOrgValues>) {
  await tx.updateTable('soc2_subservice_orgs').set(v).where('tenant_id', '=', firmTenantId).where('id', '=', id).execute();
}

/** Deletes the organization; its CSOCs go with it (foreign key ON DELETE CASCADE). */
export async function deleteSubserviceOrg(tx: TDb, firmTenantId: string, id: string) {
  await tx.deleteFrom('soc2_subservice_orgs').where('tenant_id', '=', firmTenantId).where('id', '=', id).execute();
}

/** The CSOC references attached to a subservice organization. */
export async function csocsOf(db: TDb, firmTenantId: string, subserviceOrgId: string) {
  const rows = await db
    .selectFrom('soc2_complementary_controls')
    .select('reference')
    .where('tenant_id', '=', firmTenantId)
    .where('subservice_org_id', '=', subserviceOrgId)
    .orderBy('reference')
    .execute();
  return rows.map((r) => r.reference);
}

export async function complementaryControl(db: TDb, firmTenantId: string, examinationId: string, id: string) {
  return db
    .selectFrom('soc2_complementary_controls as c')
    .leftJoin('soc2_subservice_orgs as s', (j) => j.onRef('s.tenant_id', '=', 'c.tenant_id').onRef('s.id', '=', 'c.subservice_org_id'))
    .select(['c.id', 'c.kind', 'c.reference', 'c.statement', 'c.criteria', 'c.subservice_org_id', 's.name as subservice_org_name', 'c.position'])
    .where('c.tenant_id', '=', firmTenantId)
    .where('c.examination_id', '=', examinationId)
    .where('c.id', '=', id)
    .executeTakeFirst() as Promise<TComplementaryRow | undefined>;
}

/** Draws the next `CUEC-NN` / `CSOC-NN` of the examination under an advisory lock held until the transaction ends. */
export async function drawComplementaryReference(tx: TDb, firmTenantId: string, examinationId: string, kind: TSoc2ComplementaryKind) {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${firmTenantId}:${examinationId}:${kind}`}, 0))`.execute(tx);
  const rows = await tx
    .selectFrom('soc2_complementary_controls')
    .select('reference')
    .where('tenant_id', '=', firmTenantId)
    .where('examination_id', '=', examinationId)
    .where('kind', '=', kind)
    .execute();
  return nextComplementaryReference(
    kind,
    rows.map((r) => r.reference),
  );
}

export type TComplementaryValues = { kind: TSoc2ComplementaryKind; reference: string; statement: string; criteria: string[]; subservice_org_id: string | null };

export async function insertComplementaryControl(tx: TDb, firmTenantId: string, examinationId: string, v: TComplementaryValues) {
  const position = await nextPosition(tx, 'soc2_complementary_controls', firmTenantId, examinationId);
  return tx
    .insertInto('soc2_complementary_controls')
    .values({ tenant_id: firmTenantId, examination_id: examinationId, ...v, position })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateComplementaryControl(tx: TDb, firmTenantId: string, id: string, v: Partial<Pick<TComplementaryValues, 'statement' | 'criteria' | 'subservice_org_id'>>) {
  await tx.updateTable('soc2_complementary_controls').set(v).where('tenant_id', '=', firmTenantId).where('id', '=', id).execute();
}

export async function deleteComplementaryControl(tx: TDb, firmTenantId: string, id: string) {
  await tx.deleteFrom('soc2_complementary_controls').where('tenant_id', '=', firmTenantId).where('id', '=', id).execute();
}

/** Sets positions 0..n-1 in the order given (the caller checked the ids are exactly the list's). */
export async function setPositions(tx: TDb, table: 'soc2_subservice_orgs' | 'soc2_complementary_controls', firmTenantId: string, examinationId: string, ids: readonly string[]) {
  if (!ids.length) return;
  const values = sql.join(ids.map((id, i) => sql`(${id}::uuid, ${i}::int)`));
  await sql`UPDATE ${sql.table(table)} AS t SET position = v.pos FROM (VALUES ${values}) AS v(id, pos)
    WHERE t.tenant_id = ${firmTenantId} AND t.examination_id = ${examinationId} AND t.id = v.id`.execute(tx);
}

/**
 * Which of these refs are criteria of the current `soc2-tsc-2017` catalog (one statement); the
 * caller checks they apply to the examination's categories.
 */
export async function knownCriteria(db: TDb, refs: readonly string[]): Promise<Set<string>> {
  if (!refs.length) return new Set();
  const rows = await db
    .selectFrom('catalog_requirements as r')
    .innerJoin('catalog_frameworks as f', (j) => j.onRef('f.id', '=', 'r.framework_id').onRef('f.version', '=', 'r.framework_version'))
    .select('r.ref')
    .where('f.is_current', '=', true)
    .where('r.framework_id', '=', 'soc2-tsc-2017')
    .where('r.kind', '=', 'criterion')
    .where('r.ref', 'in', [...refs])
    .execute();
  return new Set(rows.map((r) => r.ref));
}

/**
 * A renewal carries the subservice organizations and complementary controls over: same names,
 * references and positions; each CSOC follows its organization's copy. Two statements.
 */
export async function copyScopePartsFrom(tx: TDb, firmTenantId: string, fromExaminationId: string, toExaminationId: string) {
  const { rows: orgs } = await sql<{ old_id: string; new_id: string }>`
    WITH src AS (
      SELECT s.*, gen_random_uuid() AS new_id FROM soc2_subservice_orgs s WHERE s.tenant_id = ${firmTenantId} AND s.examination_id = ${fromExaminationId}
    ), ins AS (
      INSERT INTO soc2_subservice_orgs (tenant_id, id, examination_id, name, services, treatment, report_kind, report_period_end, report_opinion, report_notes, position)
      SELECT tenant_id, new_id, ${toExaminationId}, name, services, treatment, report_kind, report_period_end, report_opinion, report_notes, position FROM src
      RETURNING id
    )
    SELECT src.id AS old_id, src.new_id FROM src JOIN ins ON ins.id = src.new_id`.execute(tx);
  const map = orgs.length ? sql`(VALUES ${sql.join(orgs.map((o) => sql`(${o.old_id}::uuid, ${o.new_id}::uuid)`))})` : sql`(SELECT NULL::uuid, NULL::uuid WHERE false)`;
  const { rows } = await sql<{ n: number }>`
    WITH ins AS (
      INSERT INTO soc2_complementary_controls (tenant_id, examination_id, kind, subservice_org_id, reference, statement, criteria, position)
      SELECT c.tenant_id, ${toExaminationId}, c.kind, m.new_id, c.reference, c.statement, c.criteria, c.position
      FROM soc2_complementary_controls c LEFT JOIN ${map} AS m(old_id, new_id) ON m.old_id = c.subservice_org_id
      WHERE c.tenant_id = ${firmTenantId} AND c.examination_id = ${fromExaminationId}
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM ins`.execute(tx);
  return { subserviceOrgs: orgs.length, complementaryControls: Number(rows[0]?.n ?? 0) };
}
