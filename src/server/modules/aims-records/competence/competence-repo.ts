import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TCompetenceListQuery } from '../../../../shared/contracts/aims-records-context.ts';
import { decodeCursor, pageOf } from '../common/records-sql.ts';

/*
 * The only door to competence_records. A record names a member, the role they hold in the AIMS,
 * the competence it requires and the evidence that they have it (words and/or a file of the
 * tenant's blob store, held by a foreign key on (tenant_id, file id) so another tenant's file
 * cannot be attached), with the dates an auditor checks: achieved, renewal, AI policy acknowledged.
 */

type TDb = Kysely<DB>;

export type TCompetenceRow = {
  id: string;
  sort_key: string;
  user_id: string;
  user_name: string;
  role: string;
  required_competence: string;
  evidence: string;
  evidence_file: { id: string; filename: string; size: number; sha256: string } | null;
  achieved_on: string | null;
  renewal_on: string | null;
  policy_acknowledged_on: string | null;
  created_at: Date;
  updated_at: Date;
};

const competenceSelect = sql`
  SELECT c.id, lower(u.name) AS sort_key, c.user_id, u.name AS user_name, c.role, c.required_competence, c.evidence,
    CASE WHEN f.id IS NULL THEN NULL ELSE json_build_object('id', f.id, 'filename', f.filename, 'size', f.size, 'sha256', f.sha256) END AS evidence_file,
    c.achieved_on::text AS achieved_on, c.renewal_on::text AS renewal_on, c.policy_acknowledged_on::text AS policy_acknowledged_on, c.created_at, c.updated_at
  FROM competence_records c
  JOIN users u ON u.id = c.user_id
  LEFT JOIN files f ON f.tenant_id = c.tenant_id AND f.id = c.evidence_file_id`;

export async function getRecord(db: TDb, tenantId: string, id: string): Promise<TCompetenceRow | undefined> {
  return (await sql<TCompetenceRow>`${competenceSelect} WHERE c.tenant_id = ${tenantId} AND c.id = ${id}`.execute(db)).rows[0];
}

/** One page, by person: records with names and files in one statement. */
export async function listRecords(db: TDb, tenantId: string, q: TCompetenceListQuery, today: string) {
  const where = [sql`c.tenant_id = ${tenantId}`];
  if (q.userId) where.push(sql`c.user_id = ${q.userId}`);
  if (q.renewalDue === true) where.push(sql`c.renewal_on < ${today}::date`);
  if (q.renewalDue === false) where.push(sql`(c.renewal_on IS NULL OR c.renewal_on >= ${today}::date)`);
  if (q.acknowledged === true) where.push(sql`c.policy_acknowledged_on IS NOT NULL`);
  if (q.acknowledged === false) where.push(sql`c.policy_acknowledged_on IS NULL`);
  const after = decodeCursor(q.cursor);
  if (after) where.push(sql`(lower(u.name), c.id) > (${after[0]}, ${after[1]}::uuid)`);
  const res = await sql<TCompetenceRow>`${competenceSelect} WHERE ${sql.join(where, sql` AND `)} ORDER BY lower(u.name), c.id LIMIT ${q.limit + 1}`.execute(db);
  return pageOf(res.rows, q.limit);
}

export const getRecordForUpdate = (db: TDb, tenantId: string, id: string) =>
  db
    .selectFrom('competence_records')
    .select([
      'id',
      'user_id',
      'role',
      'required_competence',
      'evidence',
      'evidence_file_id',
      sql<string | null>`achieved_on::text`.as('achieved_on'),
      sql<string | null>`renewal_on::text`.as('renewal_on'),
      sql<string | null>`policy_acknowledged_on::text`.as('policy_acknowledged_on'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
export type TCompetenceLockedRow = NonNullable<Awaited<ReturnType<typeof getRecordForUpdate>>>;

export type TCompetenceValues = {
  role: string;
  required_competence: string;
  evidence: string;
  evidence_file_id: string | null;
  achieved_on: string | null;
  renewal_on: string | null;
  policy_acknowledged_on: string | null;
};

export const insertRecord = (db: TDb, tenantId: string, v: TCompetenceValues & { user_id: string; created_by: string | null }) =>
  db.insertInto('competence_records').values({ ...v, tenant_id: tenantId }).returning('id').executeTakeFirstOrThrow();

export const updateRecord = (db: TDb, tenantId: string, id: string, v: Partial<TCompetenceValues>) =>
  db
    .updateTable('competence_records')
    .set({ ...v, updated_at: sql<Date>`now()` as never })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();

/** Whether the file is the tenant's (the foreign key holds it too; this answers 400 on the field instead of a 500). */
export const fileOfTenant = async (db: TDb, tenantId: string, fileId: string) =>
  Boolean(await db.selectFrom('files').select('id').where('tenant_id', '=', tenantId).where('id', '=', fileId).executeTakeFirst());

/**
 * For the documented-information checklist (7.2 evidence of competence is retained): records,
 * those past their renewal date, and members with no AI-policy acknowledgement. One SQL expression.
 */
export const competenceChecklistSql = (tenantId: string, today: string) => sql<{ records: number; renewalDue: number; membersWithoutAcknowledgement: number }>`(
  SELECT json_build_object(
    'records', (SELECT count(*) FROM competence_records WHERE tenant_id = ${tenantId})::int,
    'renewalDue', (SELECT count(*) FROM competence_records WHERE tenant_id = ${tenantId} AND renewal_on < ${today}::date)::int,
    'membersWithoutAcknowledgement', (SELECT count(*) FROM memberships m WHERE m.tenant_id = ${tenantId}
      AND NOT EXISTS (SELECT 1 FROM competence_records c WHERE c.tenant_id = m.tenant_id AND c.user_id = m.user_id AND c.policy_acknowledged_on IS NOT NULL))::int))`;
