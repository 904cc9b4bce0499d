import { sql } from 'kysely';
import type { TSoc2ItemResult, TSoc2SampleItemKind, TSoc2Stratum } from '../../../../shared/contracts/soc2.ts';
import type { TDb } from './fieldwork-common.ts';

/* The only door to `soc2_samples` and `soc2_sample_items`; every statement filtered by the firm's tenant id. */

const SAMPLE_COLUMNS = ['id', 'examination_id', 'test_id', 'population_id', 'extension_no', 'seed', 'algorithm', 'size', 'size_trace', 'drawn_at'] as const;

export function samplesOfPopulation(db: TDb, tenantId: string, populationId: string) {
  return db.selectFrom('soc2_samples').select(SAMPLE_COLUMNS).where('tenant_id', '=', tenantId).where('population_id', '=', populationId).orderBy('extension_no').execute();
}
export type TSampleRow = Awaited<ReturnType<typeof samplesOfPopulation>>[number];

export function samplesOfTest(db: TDb, tenantId: string, testId: string) {
  return db.selectFrom('soc2_samples').select(SAMPLE_COLUMNS).where('tenant_id', '=', tenantId).where('test_id', '=', testId).orderBy('drawn_at').orderBy('extension_no').execute();
}

export function getSample(db: TDb, tenantId: string, examinationId: string, id: string) {
  return db.selectFrom('soc2_samples').select(SAMPLE_COLUMNS).where('tenant_id', '=', tenantId).where('examination_id', '=', examinationId).where('id', '=', id).executeTakeFirst();
}

export type TItemRow = {
  id: string;
  sample_id: string;
  test_id: string;
  row_index: number;
  kind: TSoc2SampleItemKind;
  stratum: TSoc2Stratum;
  item_key: string;
  item_date: string;
  item_text: string;
  judgment_reason: string;
  result: TSoc2ItemResult;
  notes: string;
  evidence_ids: string[];
  evidence_created_on: string | null;
  tested_at: Date | string | null;
  evidence: { id: string; title: string }[];
};

/**
 * The items of some samples (or of a test) in one statement, with the titles of the organization's
 * evidence they name (the examination says which organization).
 */
export async function items(db: TDb, tenantId: string, by: { sampleIds: string[] } | { testId: string } | { itemId: string }): Promise<TItemRow[]> {
  if ('sampleIds' in by && by.sampleIds.length === 0) return [];
  const filter =
    'sampleIds' in by
      ? sql`i.sample_id IN (${sql.join(by.sampleIds)})`
      : 'testId' in by
        ? sql`i.test_id = ${by.testId}`
        : sql`i.id = ${by.itemId}`;
  const { rows } = await sql<TItemRow>`
    SELECT i.id, i.sample_id, i.test_id, i.row_index, i.kind, i.stratum, i.item_key, i.item_date::text AS item_date, i.item_text,
      i.judgment_reason, i.result, i.notes, i.evidence_ids::text[] AS evidence_ids, i.evidence_created_on::text AS evidence_created_on, i.tested_at,
      COALESCE((
        SELECT json_agg(json_build_object('id', e.id, 'title', e.title) ORDER BY e.title, e.id)
        FROM evidence e WHERE e.tenant_id = x.organization_tenant_id AND e.id = ANY (i.evidence_ids)
      ), '[]'::json) AS evidence
    FROM soc2_sample_items i
    JOIN soc2_samples s ON s.tenant_id = i.tenant_id AND s.id = i.sample_id
    JOIN soc2_examinations x ON x.tenant_id = s.tenant_id AND x.id = s.examination_id
    WHERE i.tenant_id = ${tenantId} AND ${filter}
    ORDER BY s.extension_no, i.item_date, i.row_index`.execute(db);
  return rows.map((r) => ({ ...r, evidence: typeof r.evidence === 'string' ? JSON.parse(r.evidence) : r.evidence }));
}

/** Ordinals already in any sample of the population (first draw, extensions, judgmental items). */
export async function takenOrdinals(db: TDb, tenantId: string, populationId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('soc2_sample_items as i')
    .innerJoin('soc2_samples as s', (j) => j.onRef('s.tenant_id', '=', 'i.tenant_id').onRef('s.id', '=', 'i.sample_id'))
    .select('i.row_index')
    .where('i.tenant_id', '=', tenantId)
    .where('s.population_id', '=', populationId)
    .execute();
  return rows.map((r) => r.row_index);
}

export async function populationHasException(db: TDb, tenantId: string, populationId: string) {
  const r = await db
    .selectFrom('soc2_sample_items as i')
    .innerJoin('soc2_samples as s', (j) => j.onRef('s.tenant_id', '=', 'i.tenant_id').onRef('s.id', '=', 'i.sample_id'))
    .select('i.id')
    .where('i.tenant_id', '=', tenantId)
    .where('s.population_id', '=', populationId)
    .where('i.result', '=', 'exception')
    .limit(1)
    .executeTakeFirst();
  return !!r;
}

export async function pendingItems(db: TDb, tenantId: string, testId: string) {
  const r = await db.selectFrom('soc2_sample_items').select(sql<number>`count(*)::int`.as('n')).where('tenant_id', '=', tenantId).where('test_id', '=', testId).where('result', '=', 'pending').executeTakeFirstOrThrow();
  return Number(r.n);
}

export function insertSample(
  tx: TDb,
  v: { tenantId: string; examinationId: string; testId: string; populationId: string; extensionNo: number; seed: string; algorithm: string; size: number; sizeTrace: unknown; userId: string | null; at: Date },
) {
  return tx
    .insertInto('soc2_samples')
    .values({
      tenant_id: v.tenantId,
      examination_id: v.examinationId,
      test_id: v.testId,
      population_id: v.populationId,
      extension_no: v.extensionNo,
      seed: v.seed,
      algorithm: v.algorithm,
      size: v.size,
      size_trace: JSON.stringify(v.sizeTrace),
      drawn_by: v.userId,
      drawn_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function insertItems(
  tx: TDb,
  tenantId: string,
  sampleId: string,
  testId: string,
  rows: { ordinal: number; kind: TSoc2SampleItemKind; stratum: TSoc2Stratum; key: string; date: string; text: string; reason: string }[],
) {
  if (!rows.length) return;
  await tx
    .insertInto('soc2_sample_items')
    .values(
      rows.map((r) => ({
        tenant_id: tenantId,
        sample_id: sampleId,
        test_id: testId,
        row_index: r.ordinal,
        kind: r.kind,
        stratum: r.stratum,
        item_key: r.key,
        item_date: r.date,
        item_text: r.text,
        judgment_reason: r.reason,
        evidence_ids: [],
      })),
    )
    .execute();
}

export async function lockItem(tx: TDb, tenantId: string, itemId: string) {
  return tx
    .selectFrom('soc2_sample_items as i')
    .innerJoin('soc2_samples as s', (j) => j.onRef('s.tenant_id', '=', 'i.tenant_id').onRef('s.id', '=', 'i.sample_id'))
    .select(['i.id', 'i.test_id', 's.examination_id'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.id', '=', itemId)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateItem(
  tx: TDb,
  tenantId: string,
  itemId: string,
  v: { result: TSoc2ItemResult; notes: string; evidenceIds: string[]; evidenceCreatedOn: string | null; userId: string | null; now: Date },
) {
  await tx
    .updateTable('soc2_sample_items')
    .set({
      result: v.result,
      notes: v.notes,
      evidence_ids: v.evidenceIds,
      evidence_created_on: v.evidenceCreatedOn,
      tested_by: v.result === 'pending' ? null : v.userId,
      tested_at: v.result === 'pending' ? null : v.now,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', itemId)
    .execute();
}

/** Which of these ids are evidence records of the organization (not drafts), with the day each was created. */
export function organizationEvidence(db: TDb, organizationTenantId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('evidence')
    .select(['id', 'title', 'created_at'])
    .where('tenant_id', '=', organizationTenantId)
    .where('id', 'in', ids)
    .where('status', '<>', 'draft')
    .execute();
}

export async function setConclusion(tx: TDb, tenantId: string, testId: string, conclusion: 'pending' | 'no_exception' | 'exception', notes: string) {
  await tx.updateTable('soc2_tests').set({ conclusion, conclusion_notes: notes, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', testId).execute();
}
