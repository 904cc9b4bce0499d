import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TSoc2RequestState } from '../../../../shared/contracts/soc2.ts';
import { nextRequestReference } from './request-rules.ts';

/*
 * The only door to `soc2_requests`. The firm's side filters by the firm's tenant id; the
 * organization's side by `organization_tenant_id` of the examination (the rows keep the firm's
 * tenant id, like a certification's findings). Evidence titles are read from the organization's
 * tenant in the same statement, by the organization's tenant id taken from the examination.
 */

type TDb = Kysely<DB> | Transaction<DB>;

export type TRequestRow = {
  id: string;
  tenant_id: string;
  organization_tenant_id: string;
  engagement_id: string;
  examination_id: string;
  examination_reference: string;
  examination_state: string;
  reference: string;
  test_id: string | null;
  test_reference: string | null;
  control_ref: string | null;
  title: string;
  detail: string;
  due_on: string;
  state: TSoc2RequestState;
  answer: string;
  evidence: { id: string; title: string }[];
  return_reason: string;
  submitted_at: Date | string | null;
  reviewed_at: Date | string | null;
  last_reminded_on: string | null;
};

/** The list in one statement: requests, their test's reference and the titles of the evidence named. */
function selectRequests(where: ReturnType<typeof sql>) {
  return sql<TRequestRow>`
    SELECT r.id, r.tenant_id, x.organization_tenant_id, x.engagement_id, r.examination_id, x.reference AS examination_reference, x.state AS examination_state,
      r.reference, r.test_id, t.reference AS test_reference, t.control_ref, r.title, r.detail, r.due_on::text AS due_on, r.state, r.answer,
      COALESCE((
        SELECT json_agg(json_build_object('id', e.id, 'title', e.title) ORDER BY e.title, e.id)
        FROM evidence e WHERE e.tenant_id = x.organization_tenant_id AND e.id = ANY (r.evidence_ids)
      ), '[]'::json) AS evidence,
      r.return_reason, r.submitted_at, r.reviewed_at, r.last_reminded_on::text AS last_reminded_on
    FROM soc2_requests r
    JOIN soc2_examinations x ON x.tenant_id = r.tenant_id AND x.id = r.examination_id
    LEFT JOIN soc2_tests t ON t.tenant_id = r.tenant_id AND t.id = r.test_id
    WHERE ${where}
    ORDER BY r.due_on, r.reference, r.id`;
}

const parse = (rows: TRequestRow[]) => rows.map((r) => ({ ...r, evidence: typeof r.evidence === 'string' ? JSON.parse(r.evidence) : r.evidence }));

export async function firmRequests(db: TDb, tenantId: string, examinationId: string) {
  return parse((await selectRequests(sql`r.tenant_id = ${tenantId} AND r.examination_id = ${examinationId}`).execute(db)).rows);
}

export async function firmRequest(db: TDb, tenantId: string, examinationId: string, id: string, forUpdate = false) {
  const q = selectRequests(sql`r.tenant_id = ${tenantId} AND r.examination_id = ${examinationId} AND r.id = ${id}`);
  const rows = parse((await (forUpdate ? sql<TRequestRow>`${q} FOR UPDATE OF r` : q).execute(db)).rows);
  return rows[0];
}

/** The organization's requests across its firms' examinations that are past scoping and not cancelled. */
export async function orgRequests(db: TDb, organizationTenantId: string, examinationId: string | null) {
  const byExam = examinationId ? sql`AND r.examination_id = ${examinationId}` : sql``;
  return parse(
    (await selectRequests(sql`x.organization_tenant_id = ${organizationTenantId} AND x.state IN ('planning','fieldwork','reporting','issued') ${byExam}`).execute(db)).rows,
  );
}

export async function orgRequest(db: TDb, organizationTenantId: string, id: string, forUpdate = false) {
  const q = selectRequests(sql`x.organization_tenant_id = ${organizationTenantId} AND x.state IN ('planning','fieldwork','reporting','issued') AND r.id = ${id}`);
  const rows = parse((await (forUpdate ? sql<TRequestRow>`${q} FOR UPDATE OF r` : q).execute(db)).rows);
  return rows[0];
}

/** Draws the next `PBC-NNN` of the examination under an advisory lock held until the transaction ends. */
export async function drawRequestReference(tx: TDb, tenantId: string, examinationId: string, taken: string[] = []) {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${tenantId}:${examinationId}:PBC`}, 0))`.execute(tx);
  const rows = await tx.selectFrom('soc2_requests').select('reference').where('tenant_id', '=', tenantId).where('examination_id', '=', examinationId).execute();
  return nextRequestReference([...rows.map((r) => r.reference), ...taken]);
}

export async function insertRequest(
  tx: TDb,
  v: { tenantId: string; examinationId: string; reference: string; testId: string | null; title: string; detail: string; dueOn: string; userId: string | null },
) {
  return tx
    .insertInto('soc2_requests')
    .values({ tenant_id: v.tenantId, examination_id: v.examinationId, reference: v.reference, test_id: v.testId, title: v.title, detail: v.detail, due_on: v.dueOn, evidence_ids: [], created_by: v.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The examination's tests that no request was generated from yet. */
export function testsWithoutRequest(db: TDb, tenantId: string, examinationId: string) {
  return db
    .selectFrom('soc2_tests as t')
    .select(['t.id', 't.reference', 't.control_ref', 't.evidence_requested', 't.procedure'])
    .where('t.tenant_id', '=', tenantId)
    .where('t.examination_id', '=', examinationId)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('soc2_requests as r').select(sql`1`.as('one')).whereRef('r.tenant_id', '=', 't.tenant_id').whereRef('r.test_id', '=', 't.id'))),
    )
    .orderBy('t.reference')
    .execute();
}

export async function updateRequest(tx: TDb, tenantId: string, id: string, set: Record<string, unknown>) {
  await tx
    .updateTable('soc2_requests')
    .set(set as never)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Which of these ids are evidence records of the organization (not drafts). */
export async function orgEvidenceAmong(db: TDb, organizationTenantId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('evidence').select(['id', 'title']).where('tenant_id', '=', organizationTenantId).where('id', 'in', ids).where('status', '<>', 'draft').execute();
}

/** Requests still with an organization whose due date is within `maxDays` (the largest firm setting) or past. */
export async function reminderCandidates(db: TDb, today: string) {
  return db
    .selectFrom('soc2_requests as r')
    .innerJoin('soc2_examinations as x', (j) => j.onRef('x.tenant_id', '=', 'r.tenant_id').onRef('x.id', '=', 'r.examination_id'))
    .leftJoin('body_settings as s', 's.tenant_id', 'r.tenant_id')
    .select(['r.tenant_id', 'r.id', 'r.state', sql<string>`r.due_on::text`.as('due_on'), sql<string | null>`r.last_reminded_on::text`.as('last_reminded_on'), sql<number>`COALESCE(s.soc2_request_reminder_days, 3)`.as('days')])
    .where('r.state', 'in', ['open', 'returned'])
    .where('x.state', 'in', ['planning', 'fieldwork'])
    .where(sql<boolean>`r.due_on <= ${today}::date + 60`)
    .orderBy('r.due_on')
    .execute();
}

/** Marks the reminder as sent today unless a concurrent run already did: true when this run claims it. */
export async function claimReminder(tx: TDb, tenantId: string, id: string, expectedLast: string | null, today: string) {
  const res = await tx
    .updateTable('soc2_requests')
    .set({ last_reminded_on: today })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where(expectedLast === null ? sql<boolean>`last_reminded_on IS NULL` : sql<boolean>`last_reminded_on = ${expectedLast}::date`)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The organization's owners and administrators, each with their language, for a request's reminder. */
export function reminderRecipients(db: TDb, organizationTenantId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.name', 'u.locale'])
    .where('m.tenant_id', '=', organizationTenantId)
    .where('m.role', 'in', ['owner', 'admin'])
    .orderBy('u.email')
    .execute();
}
