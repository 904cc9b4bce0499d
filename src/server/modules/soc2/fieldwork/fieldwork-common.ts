import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { notFound } from '../../../platform/errors/errors.ts';
import { addDays } from '../examinations/examination-rules.ts';
import { assertState } from '../matrix/matrix-service.ts';

/* What every fieldwork operation reads first: the test, its examination's state and period. */

export type TDb = Kysely<DB> | Transaction<DB>;

export const userIdOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);
export const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** Populations, samples and results change only while the examination is in fieldwork. */
export const FIELDWORK_STATES = ['fieldwork'] as const;

/**
 * The period a population must fall in. Type II: the observation period. Type I reports on one
 * date, so rows must be dated on or before it; the index needs a bounded period (its strata), and
 * we take the year that ends on the as-of date (our choice, stated in README.md).
 */
export function populationPeriod(ex: { report_type: string; period_start: string | null; period_end: string | null; as_of_date: string | null }) {
  if (ex.report_type === 'type2') return { start: ex.period_start!, end: ex.period_end! };
  return { start: addDays(ex.as_of_date!, -364), end: ex.as_of_date! };
}

export async function examinationOf(db: TDb, tenantId: string, examinationId: string, forUpdate = false) {
  let q = db
    .selectFrom('soc2_examinations')
    .select(['id', 'tenant_id', 'reference', 'state', 'categories', 'organization_tenant_id', 'engagement_id', 'report_type'])
    .select([sql<string | null>`period_start::text`.as('period_start'), sql<string | null>`period_end::text`.as('period_end'), sql<string | null>`as_of_date::text`.as('as_of_date')])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', examinationId);
  if (forUpdate) q = q.forUpdate();
  const ex = await q.executeTakeFirst();
  if (!ex) throw notFound('Examination');
  return ex;
}
export type TFieldworkExamination = Awaited<ReturnType<typeof examinationOf>>;

/** The examination locked in fieldwork: every change starts here. */
export async function fieldworkExamination(tx: TDb, tenantId: string, examinationId: string) {
  const ex = await examinationOf(tx, tenantId, examinationId, true);
  assertState(ex, FIELDWORK_STATES);
  return ex;
}

export const TEST_COLUMNS = ['id', 'examination_id', 'reference', 'control_id', 'control_ref', 'control_title', 'frequency', 'risk', 'prior_failure', 'conclusion', 'conclusion_notes'] as const;

export async function testOf(db: TDb, tenantId: string, examinationId: string, testId: string, forUpdate = false) {
  let q = db.selectFrom('soc2_tests').select(TEST_COLUMNS).where('tenant_id', '=', tenantId).where('examination_id', '=', examinationId).where('id', '=', testId);
  if (forUpdate) q = q.forUpdate();
  const t = await q.executeTakeFirst();
  if (!t) throw notFound('Test');
  return t;
}
export type TFieldworkTest = Awaited<ReturnType<typeof testOf>>;

/** The firm's contemporaneity threshold and sampling method (body_settings). */
export async function firmSampling(db: TDb, tenantId: string) {
  const r = await db.selectFrom('body_settings').select(['soc2_sampling', 'soc2_contemporaneity_days']).where('tenant_id', '=', tenantId).executeTakeFirst();
  const raw = r?.soc2_sampling ?? null;
  return { sampling: typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw, contemporaneityDays: r?.soc2_contemporaneity_days ?? 30 };
}
