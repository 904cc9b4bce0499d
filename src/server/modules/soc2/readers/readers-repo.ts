import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TLocale } from '../../../../shared/contracts/common.ts';
import type { TSoc2ReaderAccessKind, TSoc2ReportType } from '../../../../shared/contracts/soc2.ts';
import type { TSoc2ReaderState } from '../../../../shared/contracts/soc2-readers.ts';
import { afterCursor, pageOf, type TSortDef } from '../../aims-records/improvement-sql.ts';

/*
 * The only door to soc2_readers and soc2_reader_accesses (and the read of the issued report they
 * name). Rows belong to the firm's tenant; the organization reaches them through its examination.
 * A list is one statement: each reader's inviter, downloads and access log are aggregated in.
 */

type TDb = Kysely<DB> | Transaction<DB>;

export type TReportDocument = {
  id: string;
  reference: string;
  model: unknown;
  files: Record<string, Record<string, { sha256: string; size: number }>>;
  issued_at: Date | string;
};

/** The examination's issued report (null until it is issued). */
export async function reportDocument(db: TDb, firmTenantId: string, examinationId: string): Promise<TReportDocument | null> {
  const row = await db
    .selectFrom('soc2_documents')
    .select(['id', 'reference', 'model', 'files', 'issued_at'])
    .where('tenant_id', '=', firmTenantId)
    .where('examination_id', '=', examinationId)
    .where('kind', '=', 'report')
    .executeTakeFirst();
  return (row as TReportDocument | undefined) ?? null;
}

export type TAccessRow = { kind: TSoc2ReaderAccessKind; locale: TLocale | null; watermark: string | null; ip: string | null; user_agent: string | null; at: string };

export type TReaderRow = {
  id: string;
  tenant_id: string;
  document_id: string;
  organization_tenant_id: string;
  email: string;
  name: string;
  company: string;
  locale: TLocale;
  expires_at: Date | string;
  nda_version: number | null;
  nda_sha256: string | null;
  nda_accepted_name: string | null;
  nda_accepted_at: Date | string | null;
  nda_accepted_ip: string | null;
  revoked_at: Date | string | null;
  invited_by: { id: string; name: string } | null;
  invited_at: Date | string;
  downloads: number;
  accesses: TAccessRow[];
  sort_key: string;
};

const INVITED: TSortDef = { expr: sql`to_char(r.invited_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS')`, type: sql`text` };

const stateSql = (now: Date) =>
  sql`CASE WHEN r.revoked_at IS NOT NULL THEN 'revoked' WHEN r.expires_at <= ${now} THEN 'expired' WHEN r.nda_accepted_at IS NOT NULL THEN 'accepted' ELSE 'invited' END`;

function selectReaders(db: TDb, where: RawBuilder<unknown>[], limit: number, forUpdate = false) {
  return sql<TReaderRow>`
    SELECT r.id, r.tenant_id, r.document_id, r.organization_tenant_id, r.email, r.name, r.company, r.locale, r.expires_at,
      r.nda_version, r.nda_sha256, r.nda_accepted_name, r.nda_accepted_at, r.nda_accepted_ip, r.revoked_at, r.invited_at,
      (SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = r.invited_by) AS invited_by,
      (SELECT count(*)::int FROM soc2_reader_accesses a WHERE a.tenant_id = r.tenant_id AND a.reader_id = r.id AND a.kind = 'download') AS downloads,
      coalesce((SELECT json_agg(json_build_object('kind', a.kind, 'locale', a.locale, 'watermark', a.watermark, 'ip', a.ip, 'user_agent', a.user_agent, 'at', a.at) ORDER BY a.at, array_position(ARRAY['invited','nda_accepted','download','refused_expired','revoked']::text[], a.kind), a.id)
        FROM soc2_reader_accesses a WHERE a.tenant_id = r.tenant_id AND a.reader_id = r.id), '[]') AS accesses,
      ${INVITED.expr} AS sort_key
    FROM soc2_readers r
    JOIN soc2_documents d ON d.tenant_id = r.tenant_id AND d.id = r.document_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY r.invited_at DESC, r.id DESC
    LIMIT ${limit}${forUpdate ? sql` FOR UPDATE OF r` : sql``}`
    .execute(db)
    .then((res) => res.rows);
}

export type TReaderFilter = { limit: number; cursor?: string; state?: TSoc2ReaderState };

/** One page of an examination's readers, newest invitation first. */
export async function listReaders(db: TDb, firmTenantId: string, examinationId: string, q: TReaderFilter, now: Date) {
  const where = [sql`r.tenant_id = ${firmTenantId}`, sql`d.examination_id = ${examinationId}`];
  if (q.state) where.push(sql`${stateSql(now)} = ${q.state}`);
  const after = afterCursor(q.cursor, INVITED, sql`r.id`, true);
  if (after) where.push(after);
  return pageOf(await selectReaders(db, where, q.limit + 1), q.limit);
}

export async function readerOf(db: TDb, firmTenantId: string, examinationId: string, readerId: string, forUpdate = false) {
  const [row] = await selectReaders(db, [sql`r.tenant_id = ${firmTenantId}`, sql`d.examination_id = ${examinationId}`, sql`r.id = ${readerId}`], 1, forUpdate);
  return row ?? null;
}

export async function activeReaderWithEmail(db: TDb, firmTenantId: string, documentId: string, email: string) {
  return db
    .selectFrom('soc2_readers')
    .select(['id'])
    .where('tenant_id', '=', firmTenantId)
    .where('document_id', '=', documentId)
    .where(sql<boolean>`lower(email) = ${email.toLowerCase()}`)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export type TInsertReader = {
  id: string;
  document_id: string;
  organization_tenant_id: string;
  email: string;
  name: string;
  company: string;
  locale: TLocale;
  token_sha256: string;
  expires_at: Date;
  invited_by: string | null;
};

export async function insertReader(tx: TDb, firmTenantId: string, v: TInsertReader, now: Date) {
  await tx
    .insertInto('soc2_readers')
    .values({ tenant_id: firmTenantId, ...v, invited_at: now })
    .execute();
}

export async function revokeReader(tx: TDb, firmTenantId: string, readerId: string, now: Date) {
  await tx.updateTable('soc2_readers').set({ revoked_at: now }).where('tenant_id', '=', firmTenantId).where('id', '=', readerId).where('revoked_at', 'is', null).execute();
}

export async function acceptNda(tx: TDb, firmTenantId: string, readerId: string, v: { version: number; sha256: string; name: string; ip: string | null }, now: Date) {
  await tx
    .updateTable('soc2_readers')
    .set({ nda_version: v.version, nda_sha256: v.sha256, nda_accepted_name: v.name, nda_accepted_at: now, nda_accepted_ip: v.ip })
    .where('tenant_id', '=', firmTenantId)
    .where('id', '=', readerId)
    .execute();
}

export async function insertAccess(
  tx: TDb,
  firmTenantId: string,
  readerId: string,
  v: { kind: TSoc2ReaderAccessKind; locale?: TLocale | null; watermark?: string | null; ip?: string | null; userAgent?: string | null },
  now: Date,
) {
  await tx
    .insertInto('soc2_reader_accesses')
    .values({ tenant_id: firmTenantId, reader_id: readerId, kind: v.kind, locale: v.locale ?? null, watermark: v.watermark ?? null, ip: v.ip ?? null, user_agent: v.userAgent ?? null, at: now })
    .execute();
}

/** What a reader's link opens: the reader, their report and its examination, the firm's and organization's names. */
export type TLinkRow = {
  id: string;
  tenant_id: string;
  organization_tenant_id: string;
  email: string;
  name: string;
  company: string;
  locale: TLocale;
  expires_at: Date | string;
  nda_version: number | null;
  nda_sha256: string | null;
  nda_accepted_name: string | null;
  nda_accepted_at: Date | string | null;
  revoked_at: Date | string | null;
  document_id: string;
  document_reference: string;
  model: unknown;
  files: Record<string, Record<string, { sha256: string; size: number }>>;
  issued_at: Date | string;
  examination_id: string;
  examination_reference: string;
  engagement_id: string;
  report_type: TSoc2ReportType;
  as_of_date: string | null;
  period_start: string | null;
  period_end: string | null;
  firm_name: string;
  organization_name: string;
};

/** The reader a token's SHA-256 names, across firms (the hash is unique); null for an unknown token. */
export async function readerByToken(db: TDb, tokenSha256: string, forUpdate = false): Promise<TLinkRow | null> {
  const res = await sql<TLinkRow>`
    SELECT r.id, r.tenant_id, r.organization_tenant_id, r.email, r.name, r.company, r.locale, r.expires_at,
      r.nda_version, r.nda_sha256, r.nda_accepted_name, r.nda_accepted_at, r.revoked_at,
      d.id AS document_id, d.reference AS document_reference, d.model, d.files, d.issued_at,
      x.id AS examination_id, x.reference AS examination_reference, x.engagement_id, x.report_type,
      x.as_of_date::text AS as_of_date, x.period_start::text AS period_start, x.period_end::text AS period_end,
      ft.name AS firm_name, ot.name AS organization_name
    FROM soc2_readers r
    JOIN soc2_documents d ON d.tenant_id = r.tenant_id AND d.id = r.document_id
    JOIN soc2_examinations x ON x.tenant_id = d.tenant_id AND x.id = d.examination_id
    JOIN tenants ft ON ft.id = r.tenant_id
    JOIN tenants ot ON ot.id = r.organization_tenant_id
    WHERE r.token_sha256 = ${tokenSha256}${forUpdate ? sql` FOR UPDATE OF r` : sql``}`.execute(db);
  return res.rows[0] ?? null;
}

/** What the invitation mail needs (null when the reader is gone). */
export async function readerForMail(db: TDb, firmTenantId: string, readerId: string) {
  return db
    .selectFrom('soc2_readers as r')
    .innerJoin('soc2_documents as d', (j) => j.onRef('d.tenant_id', '=', 'r.tenant_id').onRef('d.id', '=', 'r.document_id'))
    .innerJoin('tenants as ft', 'ft.id', 'r.tenant_id')
    .innerJoin('tenants as ot', 'ot.id', 'r.organization_tenant_id')
    .select(['r.id', 'r.email', 'r.name', 'r.company', 'r.locale', 'r.expires_at', 'r.revoked_at', 'r.nda_accepted_at', 'd.reference', 'ft.name as firm_name', 'ot.name as organization_name'])
    .where('r.tenant_id', '=', firmTenantId)
    .where('r.id', '=', readerId)
    .executeTakeFirst();
}

export async function readerAccessDays(db: TDb, firmTenantId: string) {
  const row = await db.selectFrom('body_settings').select('soc2_reader_access_days').where('tenant_id', '=', firmTenantId).executeTakeFirst();
  return row?.soc2_reader_access_days ?? 365;
}
