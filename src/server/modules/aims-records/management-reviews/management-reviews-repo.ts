import { sql, type RawBuilder } from 'kysely';
import type { TReviewInputKey, TReviewListQuery, TReviewStatus } from '../../../../shared/contracts/management-reviews.ts';
import { afterCursor, pageOf, personJson, type TDb, type TPersonJson, type TSortDef } from '../improvement-sql.ts';

/* The only door to the management review tables; every function takes tenantId and filters by it. */

export type TReviewValues = { title: string; held_on: string; attendees: string[] };

export const insertReview = (db: TDb, tenantId: string, v: TReviewValues & { created_by: string | null }) =>
  db
    .insertInto('management_reviews')
    .values({ ...v, attendees: JSON.stringify(v.attendees), tenant_id: tenantId })
    .returning('id')
    .executeTakeFirstOrThrow();

export const getReviewForUpdate = (db: TDb, tenantId: string, id: string) =>
  db
    .selectFrom('management_reviews')
    .select(['id', 'title', sql<string>`held_on::text`.as('held_on'), 'attendees', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const updateReview = (db: TDb, tenantId: string, id: string, patch: Partial<TReviewValues> & { status?: TReviewStatus; completed_at?: Date; completed_by?: string | null }) => {
  const { attendees, ...rest } = patch;
  return db
    .updateTable('management_reviews')
    .set({ ...rest, ...(attendees ? { attendees: JSON.stringify(attendees) } : {}), updated_at: sql<Date>`now()` as never })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
};

export const reviewExists = async (db: TDb, tenantId: string, id: string) =>
  Boolean(await db.selectFrom('management_reviews').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst());

export async function listInputs(db: TDb, tenantId: string, reviewId: string): Promise<Partial<Record<TReviewInputKey, string>>> {
  const rows = await db.selectFrom('management_review_inputs').select(['input_key', 'notes']).where('tenant_id', '=', tenantId).where('review_id', '=', reviewId).execute();
  return Object.fromEntries(rows.map((r) => [r.input_key, r.notes]));
}

/** Writes the notes of the inputs given (an empty note removes the row: not addressed). */
export async function saveInputs(db: TDb, tenantId: string, reviewId: string, inputs: Partial<Record<TReviewInputKey, string>>) {
  for (const [key, notes] of Object.entries(inputs) as [TReviewInputKey, string][]) {
    if (!notes.trim()) {
      await db.deleteFrom('management_review_inputs').where('tenant_id', '=', tenantId).where('review_id', '=', reviewId).where('input_key', '=', key).execute();
    } else {
      await db
        .insertInto('management_review_inputs')
        .values({ tenant_id: tenantId, review_id: reviewId, input_key: key, notes })
        .onConflict((oc) => oc.columns(['tenant_id', 'review_id', 'input_key']).doUpdateSet({ notes }))
        .execute();
    }
  }
}

export type TDecisionValues = { id?: string | undefined; decision: string; owner_id: string | null; due_on: string | null };

export const listDecisions = (db: TDb, tenantId: string, reviewId: string) =>
  db
    .selectFrom('management_review_decisions')
    .select(['id', 'decision', 'owner_id', sql<string | null>`due_on::text`.as('due_on')])
    .where('tenant_id', '=', tenantId)
    .where('review_id', '=', reviewId)
    .orderBy('position')
    .execute();

/** Keeps the decisions whose id is sent (updated in place), deletes the others, adds the new ones. */
export async function replaceDecisions(db: TDb, tenantId: string, reviewId: string, decisions: readonly TDecisionValues[]) {
  const kept = decisions.flatMap((d) => (d.id ? [d.id] : []));
  let del = db.deleteFrom('management_review_decisions').where('tenant_id', '=', tenantId).where('review_id', '=', reviewId);
  if (kept.length) del = del.where('id', 'not in', kept);
  await del.execute();
  for (const [position, d] of decisions.entries()) {
    const values = { decision: d.decision, owner_id: d.owner_id, due_on: d.due_on, position };
    if (d.id) await db.updateTable('management_review_decisions').set(values).where('tenant_id', '=', tenantId).where('review_id', '=', reviewId).where('id', '=', d.id).execute();
    else await db.insertInto('management_review_decisions').values({ ...values, tenant_id: tenantId, review_id: reviewId }).execute();
  }
}

export type TReviewSummaryRow = {
  id: string;
  title: string;
  held_on: string;
  status: TReviewStatus;
  addressed: TReviewInputKey[];
  decision_count: number;
  updated_at: Date;
};

const summaryColumns = sql`r.id, r.title, r.held_on::text AS held_on, r.status,
  coalesce((SELECT json_agg(i.input_key) FROM management_review_inputs i WHERE i.tenant_id = r.tenant_id AND i.review_id = r.id), '[]') AS addressed,
  (SELECT count(*) FROM management_review_decisions d WHERE d.tenant_id = r.tenant_id AND d.review_id = r.id)::int AS decision_count,
  r.updated_at`;

export type TReviewDetailRow = TReviewSummaryRow & {
  attendees: string[];
  inputs: { key: TReviewInputKey; notes: string }[];
  decisions: { id: string; decision: string; owner: TPersonJson; due_on: string | null }[];
  completed_at: Date | null;
  completed_by: TPersonJson;
  created_at: Date;
};

export async function getReviewDetail(db: TDb, tenantId: string, id: string): Promise<TReviewDetailRow | undefined> {
  const res = await sql<TReviewDetailRow>`
    SELECT ${summaryColumns}, r.attendees,
      coalesce((SELECT json_agg(json_build_object('key', i.input_key, 'notes', i.notes)) FROM management_review_inputs i WHERE i.tenant_id = r.tenant_id AND i.review_id = r.id), '[]') AS inputs,
      coalesce((SELECT json_agg(json_build_object('id', d.id, 'decision', d.decision, 'owner', ${personJson(sql`d.owner_id`)}, 'due_on', d.due_on::text) ORDER BY d.position)
        FROM management_review_decisions d WHERE d.tenant_id = r.tenant_id AND d.review_id = r.id), '[]') AS decisions,
      r.completed_at, ${personJson(sql`r.completed_by`)} AS completed_by, r.created_at
    FROM management_reviews r WHERE r.tenant_id = ${tenantId} AND r.id = ${id}`.execute(db);
  return res.rows[0];
}

const SORTS: Record<TReviewListQuery['sort'], TSortDef> = {
  held: { expr: sql`r.held_on`, type: sql`date` },
  updated: { expr: sql`r.updated_at`, type: sql`timestamptz` },
};

export async function listReviews(db: TDb, tenantId: string, q: TReviewListQuery) {
  const sort = SORTS[q.sort];
  const desc = q.direction === 'desc';
  const where: RawBuilder<unknown>[] = [sql`r.tenant_id = ${tenantId}`];
  if (q.status) where.push(sql`r.status = ${q.status}`);
  const after = afterCursor(q.cursor, sort, sql`r.id`, desc);
  if (after) where.push(after);
  const order = sql.raw(desc ? 'DESC' : 'ASC');
  const res = await sql<TReviewSummaryRow & { sort_key: string }>`
    SELECT ${summaryColumns}, (${sort.expr})::text AS sort_key
    FROM management_reviews r
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${sort.expr} ${order}, r.id ${order}
    LIMIT ${q.limit + 1}`.execute(db);
  return pageOf(res.rows, q.limit);
}
