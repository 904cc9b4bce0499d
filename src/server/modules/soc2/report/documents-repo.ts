import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TSoc2DocumentKind } from '../../../../shared/contracts/soc2.ts';

/*
 * The only door to soc2_documents: the issued report and bridge letters of an examination, frozen.
 * Rows are inserted once and never updated (no function here changes one).
 */

type TDb = Kysely<DB> | Transaction<DB>;

export type TStoredFiles = Record<string, Record<string, { sha256: string; size: number }>>;

export type TDocumentRow = {
  id: string;
  examination_id: string;
  kind: TSoc2DocumentKind;
  reference: string;
  model: unknown;
  model_sha256: string;
  files: TStoredFiles;
  covers_until: string | null;
  issued_by: string | null;
  issued_by_name: string | null;
  issued_at: Date;
};

const parsed = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** The examination's documents, the report first, then the bridge letters oldest first. */
export async function documentsOf(db: TDb, firmTenantId: string, examinationId: string, withModel = false): Promise<TDocumentRow[]> {
  const rows = await db
    .selectFrom('soc2_documents as d')
    .leftJoin('users as u', 'u.id', 'd.issued_by')
    .select(['d.id', 'd.examination_id', 'd.kind', 'd.reference', 'd.model_sha256', 'd.files', 'd.issued_by', 'u.name as issued_by_name', 'd.issued_at'])
    .select(sql<string | null>`d.covers_until::text`.as('covers_until'))
    .select(withModel ? sql<unknown>`d.model`.as('model') : sql<unknown>`NULL`.as('model'))
    .where('d.tenant_id', '=', firmTenantId)
    .where('d.examination_id', '=', examinationId)
    .orderBy(sql`CASE WHEN d.kind = 'report' THEN 0 ELSE 1 END`)
    .orderBy('d.issued_at')
    .orderBy('d.reference')
    .execute();
  return rows.map((r) => ({ ...r, model: r.model === null ? null : parsed(r.model), files: parsed<TStoredFiles>(r.files) }));
}

export async function insertDocument(
  tx: TDb,
  v: { tenantId: string; examinationId: string; kind: TSoc2DocumentKind; reference: string; model: unknown; modelSha256: string; files: TStoredFiles; coversUntil: string | null; issuedBy: string | null; issuedAt: Date },
) {
  return tx
    .insertInto('soc2_documents')
    .values({
      tenant_id: v.tenantId,
      examination_id: v.examinationId,
      kind: v.kind,
      reference: v.reference,
      model: JSON.stringify(v.model),
      model_sha256: v.modelSha256,
      files: JSON.stringify(v.files),
      covers_until: v.coversUntil,
      issued_by: v.issuedBy,
      issued_at: v.issuedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * The issued report's opinion and report date, read from its frozen model (what was issued, not the
 * examination's columns) without loading the whole model.
 */
export async function issuedReportFacts(db: TDb, firmTenantId: string, examinationId: string) {
  return db
    .selectFrom('soc2_documents')
    .select(sql<string>`model->'en'->'opinion'->>'kind'`.as('opinion'))
    .select(sql<string>`model->'en'->>'reportDate'`.as('report_date'))
    .where('tenant_id', '=', firmTenantId)
    .where('examination_id', '=', examinationId)
    .where('kind', '=', 'report')
    .executeTakeFirst();
}
