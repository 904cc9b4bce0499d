import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TSoc2TestInput, TSoc2TestUpdate } from '../../../../shared/contracts/soc2-program.ts';
import { nextTestReference } from '../matrix/matrix-rules.ts';

/* The only door to `soc2_tests`; every statement filtered by the firm's tenant id. */

type TDb = Kysely<DB> | Transaction<DB>;

const COLUMNS = [
  'id',
  'examination_id',
  'reference',
  'control_id',
  'control_ref',
  'control_title',
  'methods',
  'procedure',
  'evidence_requested',
  'frequency',
  'risk',
  'prior_failure',
  'conclusion',
  'carried_from_test_id',
  'created_at',
  'updated_at',
] as const;

export function listTests(db: TDb, tenantId: string, examinationId: string) {
  return db.selectFrom('soc2_tests').select(COLUMNS).where('tenant_id', '=', tenantId).where('examination_id', '=', examinationId).orderBy('reference').execute();
}
export type TTestRow = Awaited<ReturnType<typeof listTests>>[number];

export function getTest(db: TDb, tenantId: string, examinationId: string, id: string) {
  return db.selectFrom('soc2_tests').select(COLUMNS).where('tenant_id', '=', tenantId).where('examination_id', '=', examinationId).where('id', '=', id).executeTakeFirst();
}

/** Draws `T-<control ref>-NN` under an advisory lock on (tenant, examination, base), like next-reference.ts. */
async function drawReference(tx: TDb, tenantId: string, examinationId: string, base: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${tenantId}:${examinationId}:T-${base}`}, 0))`.execute(tx);
  const existing = await tx
    .selectFrom('soc2_tests')
    .select('reference')
    .where('tenant_id', '=', tenantId)
    .where('examination_id', '=', examinationId)
    .where('reference', 'like', `T-%`)
    .execute();
  return nextTestReference(base, existing.map((r) => r.reference));
}

export async function insertTest(
  tx: TDb,
  v: { tenantId: string; examinationId: string; controlId: string; controlRef: string; controlTitle: string; userId: string | null; input: TSoc2TestInput },
) {
  const reference = await drawReference(tx, v.tenantId, v.examinationId, v.controlRef);
  return tx
    .insertInto('soc2_tests')
    .values({
      tenant_id: v.tenantId,
      examination_id: v.examinationId,
      reference,
      control_id: v.controlId,
      control_ref: v.controlRef,
      control_title: v.controlTitle,
      methods: [...new Set(v.input.methods)],
      procedure: v.input.procedure,
      evidence_requested: v.input.evidenceRequested,
      frequency: v.input.frequency,
      risk: v.input.risk,
      prior_failure: v.input.priorFailure,
      created_by: v.userId,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export function updateTest(tx: TDb, tenantId: string, id: string, u: TSoc2TestUpdate) {
  return tx
    .updateTable('soc2_tests')
    .set({
      ...(u.methods ? { methods: [...new Set(u.methods)] } : {}),
      ...(u.procedure !== undefined ? { procedure: u.procedure } : {}),
      ...(u.evidenceRequested !== undefined ? { evidence_requested: u.evidenceRequested } : {}),
      ...(u.frequency ? { frequency: u.frequency } : {}),
      ...(u.risk ? { risk: u.risk } : {}),
      ...(u.priorFailure !== undefined ? { prior_failure: u.priorFailure } : {}),
      updated_at: new Date(),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function deleteTest(tx: TDb, tenantId: string, id: string) {
  await tx.deleteFrom('soc2_tests').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Whether populations were drawn against the test: then it is part of the record and stays. */
export async function testHasPopulation(db: TDb, tenantId: string, id: string) {
  const r = await db.selectFrom('soc2_populations').select('id').where('tenant_id', '=', tenantId).where('test_id', '=', id).limit(1).executeTakeFirst();
  return !!r;
}

/**
 * The renewal's copy of the previous examination's test procedures: same references, methods,
 * procedures and evidence requested; conclusions start over (`pending`) and each copy names the test
 * it was carried from. Call it in the transaction that opens the renewal. Returns the count copied.
 */
export async function copyTestsFrom(tx: Transaction<DB>, tenantId: string, fromExaminationId: string, toExaminationId: string, userId: string | null): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    WITH ins AS (
      INSERT INTO soc2_tests (tenant_id, examination_id, reference, control_id, control_ref, control_title, methods, procedure,
        evidence_requested, frequency, risk, prior_failure, carried_from_test_id, created_by)
      SELECT t.tenant_id, ${toExaminationId}, t.reference, t.control_id, t.control_ref, t.control_title, t.methods, t.procedure,
        t.evidence_requested, t.frequency, t.risk, (t.prior_failure OR t.conclusion = 'exception'), t.id, ${userId}
      FROM soc2_tests t
      WHERE t.tenant_id = ${tenantId} AND t.examination_id = ${fromExaminationId}
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM ins`.execute(tx);
  return rows[0]?.n ?? 0;
}
