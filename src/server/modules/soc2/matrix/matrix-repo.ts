import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import { SOC2_CATEGORY_PREFIXES } from '../../../../shared/contracts/soc2.ts';
import type { TSoc2ExaminationState } from '../../../../shared/contracts/soc2.ts';
import { fieldworkProblems, uncoveredCriteriaRule, type TFieldworkProblems } from './matrix-rules.ts';

/*
 * The only door to `soc2_matrix_links`, and the reads of the catalog and of the organization's
 * controls the matrix needs. Every statement is filtered by the firm's tenant id; the organization's
 * controls are read by the organization's tenant id taken from the examination row, never from input.
 */

type TDb = Kysely<DB> | Transaction<DB>;
export const TSC = 'soc2-tsc-2017';

/** The category → ref-prefix pairs as a VALUES list, so the SQL applies the same rule as matrix-rules.ts. */
const prefixPairs = () =>
  sql.join(Object.entries(SOC2_CATEGORY_PREFIXES).flatMap(([c, ps]) => ps.map((p) => sql`(${c}::text, ${p}::text)`)));

/** The examination's applicable criteria of the current catalog version, in catalog order. */
export const criteriaCte = (tenantId: string, examinationId: string) => sql`
  ex AS (
    SELECT id, reference, state, categories, organization_tenant_id, engagement_id FROM soc2_examinations WHERE tenant_id = ${tenantId} AND id = ${examinationId}
  ),
  crit AS (
    SELECT r.ref, r.title, r.category, r.position
    FROM catalog_requirements r
    JOIN catalog_frameworks f ON f.id = r.framework_id AND f.version = r.framework_version AND f.is_current
    WHERE r.framework_id = ${TSC} AND r.kind = 'criterion'
      AND substring(r.ref from '^[A-Z]+') IN (
        SELECT v.p FROM ex, (VALUES ${prefixPairs()}) AS v(c, p) WHERE v.c = 'security' OR v.c = ANY (ex.categories)
      )
  )`;

export type TMatrixControlJson = { controlId: string; controlRef: string; controlTitle: string; suggested: boolean; tests: number };
export type TMatrixRow = {
  examination_id: string;
  reference: string;
  state: TSoc2ExaminationState;
  categories: string[];
  organization_tenant_id: string;
  engagement_id: string;
  ref: string | null;
  title: { en: string; fr: string } | null;
  category: string | null;
  controls: TMatrixControlJson[];
};

/**
 * The matrix in ONE statement: every applicable criterion with its linked controls and each control's
 * number of tests. No row at all: the examination is not this firm's. One row with `ref` null: the
 * catalog is not loaded.
 */
export async function matrixRows(db: TDb, tenantId: string, examinationId: string): Promise<TMatrixRow[]> {
  const { rows } = await sql<TMatrixRow>`
    WITH ${criteriaCte(tenantId, examinationId)}
    SELECT ex.id AS examination_id, ex.reference, ex.state, ex.categories, ex.organization_tenant_id, ex.engagement_id,
      c.ref, c.title, c.category,
      COALESCE((
        SELECT json_agg(json_build_object(
          'controlId', l.control_id, 'controlRef', l.control_ref, 'controlTitle', l.control_title, 'suggested', l.suggested,
          'tests', (SELECT count(*)::int FROM soc2_tests t WHERE t.tenant_id = l.tenant_id AND t.examination_id = l.examination_id AND t.control_id = l.control_id)
        ) ORDER BY l.suggested, l.control_ref, l.control_id)
        FROM soc2_matrix_links l
        WHERE l.tenant_id = ${tenantId} AND l.examination_id = ex.id AND l.criterion_ref = c.ref
      ), '[]'::json) AS controls
    FROM ex LEFT JOIN crit c ON true
    ORDER BY c.position, c.ref`.execute(db);
  return rows.map((r) => ({ ...r, controls: typeof r.controls === 'string' ? JSON.parse(r.controls) : r.controls }));
}

const linkFacts = (rows: TMatrixRow[]) =>
  rows.flatMap((r) => (r.ref ? r.controls.map((c) => ({ criterionRef: r.ref!, controlId: c.controlId, suggested: c.suggested })) : []));
const criteriaOf = (rows: TMatrixRow[]) => rows.flatMap((r) => (r.ref ? [r.ref] : []));

/**
 * The applicable criteria of an examination that no accepted control addresses, in catalog order
 * (one statement). The opinion and the report call it too; an unknown examination gives `null`.
 */
export async function uncoveredCriteria(db: TDb, tenantId: string, examinationId: string): Promise<string[] | null> {
  const rows = await matrixRows(db, tenantId, examinationId);
  if (!rows.length) return null;
  return uncoveredCriteriaRule(criteriaOf(rows), linkFacts(rows));
}

/** What stops fieldwork, from the same single statement. */
export function problemsOf(rows: TMatrixRow[]): TFieldworkProblems {
  const tests = rows.flatMap((r) => r.controls.filter((c) => c.tests > 0).map((c) => ({ controlId: c.controlId })));
  return fieldworkProblems(criteriaOf(rows), linkFacts(rows), tests);
}

export async function isApplicableCriterion(db: TDb, tenantId: string, examinationId: string, ref: string): Promise<boolean> {
  const { rows } = await sql<{ ok: number }>`WITH ${criteriaCte(tenantId, examinationId)} SELECT 1 AS ok FROM crit WHERE ref = ${ref}`.execute(db);
  return rows.length > 0;
}

/** One of the organization's controls, by id, in the organization's tenant. */
export function orgControl(db: TDb, organizationTenantId: string, controlId: string) {
  return db
    .selectFrom('controls')
    .select(['id', 'reference', 'title', 'status'])
    .where('tenant_id', '=', organizationTenantId)
    .where('id', '=', controlId)
    .executeTakeFirst();
}

export function orgControls(db: TDb, organizationTenantId: string) {
  return db
    .selectFrom('controls')
    .select(['id', 'reference', 'title', 'status'])
    .where('tenant_id', '=', organizationTenantId)
    .where('status', '<>', 'retired')
    .orderBy('reference')
    .orderBy('id')
    .limit(2000)
    .execute();
}

export async function upsertLink(
  db: TDb,
  v: { tenantId: string; examinationId: string; criterionRef: string; controlId: string; controlRef: string; controlTitle: string; userId: string | null },
) {
  await db
    .insertInto('soc2_matrix_links')
    .values({
      tenant_id: v.tenantId,
      examination_id: v.examinationId,
      criterion_ref: v.criterionRef,
      control_id: v.controlId,
      control_ref: v.controlRef,
      control_title: v.controlTitle,
      suggested: false,
      created_by: v.userId,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'examination_id', 'criterion_ref', 'control_id']).doUpdateSet({ suggested: false, control_ref: v.controlRef, control_title: v.controlTitle }))
    .execute();
}

export function link(db: TDb, tenantId: string, examinationId: string, criterionRef: string, controlId: string) {
  return db
    .selectFrom('soc2_matrix_links')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('examination_id', '=', examinationId)
    .where('criterion_ref', '=', criterionRef)
    .where('control_id', '=', controlId)
    .executeTakeFirst();
}

export async function deleteLink(db: TDb, tenantId: string, examinationId: string, criterionRef: string, controlId: string) {
  await db
    .deleteFrom('soc2_matrix_links')
    .where('tenant_id', '=', tenantId)
    .where('examination_id', '=', examinationId)
    .where('criterion_ref', '=', criterionRef)
    .where('control_id', '=', controlId)
    .execute();
}

/** Whether the control is linked (accepted) to at least one criterion of the examination. */
export async function acceptedLinkOf(db: TDb, tenantId: string, examinationId: string, controlId: string) {
  return db
    .selectFrom('soc2_matrix_links')
    .select(['control_ref', 'control_title'])
    .where('tenant_id', '=', tenantId)
    .where('examination_id', '=', examinationId)
    .where('control_id', '=', controlId)
    .where('suggested', '=', false)
    .orderBy('criterion_ref')
    .executeTakeFirst();
}

/**
 * Suggested links from what the organization already mapped: a control linked to a TSC criterion
 * directly, or to a requirement of another framework that the catalog crosswalks relate to a TSC
 * criterion — in one hop (ISO/IEC 27001 → TSC) or two (ISO/IEC 42001 → 27001 → TSC), in either
 * direction of a crosswalk. Existing links (accepted or not) are left as they are. Returns the count added.
 */
export async function insertSuggestions(db: TDb, tenantId: string, examinationId: string, userId: string | null): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    WITH ${criteriaCte(tenantId, examinationId)},
    edge AS (
      SELECT source_framework_id AS fa, source_ref AS ra, target_framework_id AS fb, target_ref AS rb FROM catalog_mappings
      UNION
      SELECT target_framework_id, target_ref, source_framework_id, source_ref FROM catalog_mappings
    ),
    mapped AS (
      SELECT cr.control_id, cr.framework_id AS f, cr.ref AS r FROM control_requirements cr, ex WHERE cr.tenant_id = ex.organization_tenant_id
    ),
    reach AS (
      SELECT m.control_id, m.r AS criterion FROM mapped m WHERE m.f = ${TSC}
      UNION
      SELECT m.control_id, e.rb FROM mapped m JOIN edge e ON e.fa = m.f AND e.ra = m.r WHERE e.fb = ${TSC}
      UNION
      SELECT m.control_id, e2.rb FROM mapped m JOIN edge e1 ON e1.fa = m.f AND e1.ra = m.r
        JOIN edge e2 ON e2.fa = e1.fb AND e2.ra = e1.rb
        WHERE e1.fb <> ${TSC} AND e2.fb = ${TSC} AND e1.fb <> m.f
    ),
    ins AS (
      INSERT INTO soc2_matrix_links (tenant_id, examination_id, criterion_ref, control_id, control_ref, control_title, suggested, created_by)
      SELECT ${tenantId}, ex.id, reach.criterion, c.id, c.reference, c.title, true, ${userId}
      FROM reach
      JOIN crit ON crit.ref = reach.criterion
      JOIN ex ON true
      JOIN controls c ON c.tenant_id = ex.organization_tenant_id AND c.id = reach.control_id AND c.status <> 'retired'
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM ins`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Copies the previous examination's accepted links for a renewal (criteria no longer applicable are left out). */
export async function copyLinksFrom(tx: TDb, tenantId: string, fromExaminationId: string, toExaminationId: string, userId: string | null): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    WITH ${criteriaCte(tenantId, toExaminationId)},
    ins AS (
      INSERT INTO soc2_matrix_links (tenant_id, examination_id, criterion_ref, control_id, control_ref, control_title, suggested, created_by)
      SELECT l.tenant_id, ${toExaminationId}, l.criterion_ref, l.control_id, l.control_ref, l.control_title, false, ${userId}
      FROM soc2_matrix_links l JOIN crit ON crit.ref = l.criterion_ref
      WHERE l.tenant_id = ${tenantId} AND l.examination_id = ${fromExaminationId} AND NOT l.suggested
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM ins`.execute(tx);
  return rows[0]?.n ?? 0;
}
