import { sql } from 'kysely';
import type { TSoc2PopulationSource } from '../../../../shared/contracts/soc2.ts';
import type { TDb } from './fieldwork-common.ts';

/* The only door to `soc2_populations`; every statement filtered by the firm's tenant id. */

const base = (db: TDb, tenantId: string) =>
  db
    .selectFrom('soc2_populations as p')
    .innerJoin('soc2_tests as t', (j) => j.onRef('t.tenant_id', '=', 'p.tenant_id').onRef('t.id', '=', 'p.test_id'))
    .select([
      'p.id',
      'p.examination_id',
      'p.test_id',
      't.reference as test_reference',
      'p.name',
      'p.source',
      'p.file_name',
      'p.file_sha256',
      'p.file_size',
      'p.index_sha256',
      'p.row_count',
      sql<string | null>`p.first_date::text`.as('first_date'),
      sql<string | null>`p.last_date::text`.as('last_date'),
      'p.mapping',
      'p.completeness_accuracy',
      'p.imported_at',
      sql<number>`(SELECT count(*)::int FROM soc2_samples s WHERE s.tenant_id = p.tenant_id AND s.population_id = p.id)`.as('samples'),
    ])
    .where('p.tenant_id', '=', tenantId);

/** One statement: the populations of a test (or of the examination), oldest first. */
export function listPopulations(db: TDb, tenantId: string, examinationId: string, testId?: string) {
  let q = base(db, tenantId).where('p.examination_id', '=', examinationId);
  if (testId) q = q.where('p.test_id', '=', testId);
  return q.orderBy('p.imported_at').orderBy('p.id').execute();
}
export type TPopulationRow = Awaited<ReturnType<typeof listPopulations>>[number];

export function getPopulation(db: TDb, tenantId: string, examinationId: string, id: string) {
  return base(db, tenantId).where('p.examination_id', '=', examinationId).where('p.id', '=', id).executeTakeFirst();
}

export async function lockPopulation(db: TDb, tenantId: string, id: string) {
  await db.selectFrom('soc2_populations').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().execute();
}

export function insertPopulation(
  tx: TDb,
  v: {
    tenantId: string;
    examinationId: string;
    testId: string;
    name: string;
    source: TSoc2PopulationSource;
    fileName: string;
    fileSha256: string;
    fileSize: number;
    indexSha256: string;
    rowCount: number;
    firstDate: string;
    lastDate: string;
    mapping: unknown;
    userId: string | null;
    /** The platform's clock, not the database's: a moved clock (tests, the demo's day-by-day seed) dates the import. */
    at: Date;
  },
) {
  return tx
    .insertInto('soc2_populations')
    .values({
      tenant_id: v.tenantId,
      examination_id: v.examinationId,
      test_id: v.testId,
      name: v.name,
      source: v.source,
      imported_at: v.at,
      file_name: v.fileName,
      file_sha256: v.fileSha256,
      file_size: v.fileSize,
      index_sha256: v.indexSha256,
      row_count: v.rowCount,
      first_date: v.firstDate,
      last_date: v.lastDate,
      mapping: JSON.stringify(v.mapping),
      imported_by: v.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function setCompleteness(tx: TDb, tenantId: string, id: string, text: string) {
  await tx.updateTable('soc2_populations').set({ completeness_accuracy: text }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/**
 * The organization's evidence records linked to the control and effective in the period: the
 * current revision of each, submitted or reviewed (never drafts or rejected ones).
 */
export function evidenceForControl(db: TDb, organizationTenantId: string, controlId: string, period: { start: string; end: string }) {
  return db
    .selectFrom('evidence as e')
    .innerJoin('evidence_controls as ec', (j) => j.onRef('ec.tenant_id', '=', 'e.tenant_id').onRef('ec.evidence_id', '=', 'e.id'))
    .select(['e.id', 'e.title', sql<string>`e.effective_date::text`.as('effective_date'), 'e.created_at'])
    .where('e.tenant_id', '=', organizationTenantId)
    .where('ec.control_id', '=', controlId)
    .where('e.superseded_by_id', 'is', null)
    .where('e.status', 'in', ['submitted', 'accepted', 'expired'])
    .where('e.effective_date', '>=', period.start)
    .where('e.effective_date', '<=', period.end)
    .orderBy('e.effective_date')
    .orderBy('e.id')
    .execute();
}
