import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TAssessmentContent, TAssessmentListQuery, TVariant, TVersionStatus } from '../../../shared/contracts/impact-assessments.ts';

/*
 * The only door to the impact-assessment tables; every function takes tenantId and filters by it.
 * The list reads each series with its AI system's name and its latest version in one statement
 * (the name through a read-only join on ai_systems, so a page stays one round trip).
 */

export const DEFAULT_SETTINGS = { significant_severity: 4, public_body_or_service: false };

export async function getSettings(db: Kysely<DB>, tenantId: string) {
  const row = await db.selectFrom('impact_assessment_settings').select(['significant_severity', 'public_body_or_service']).where('tenant_id', '=', tenantId).executeTakeFirst();
  return row ?? DEFAULT_SETTINGS;
}

export async function lockSettings(db: Kysely<DB>, tenantId: string) {
  await db.insertInto('impact_assessment_settings').values({ tenant_id: tenantId }).onConflict((oc) => oc.column('tenant_id').doNothing()).execute();
  return db
    .selectFrom('impact_assessment_settings')
    .select(['significant_severity', 'public_body_or_service'])
    .where('tenant_id', '=', tenantId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export const updateSettings = (db: Kysely<DB>, tenantId: string, patch: { significant_severity?: number; public_body_or_service?: boolean; updated_by: string | null }) =>
  db
    .updateTable('impact_assessment_settings')
    .set({ ...patch, updated_at: sql<Date>`now()` as never })
    .where('tenant_id', '=', tenantId)
    .execute();

export const insertAssessment = (db: Kysely<DB>, tenantId: string, v: { ai_system_id: string; variant: TVariant; title: string; created_by: string }) =>
  db.insertInto('impact_assessments').values({ ...v, tenant_id: tenantId }).returningAll().executeTakeFirstOrThrow();

export const insertVersion = (db: Kysely<DB>, tenantId: string, v: { assessment_id: string; version: number; content: TAssessmentContent; created_by: string }) =>
  db
    .insertInto('impact_assessment_versions')
    .values({ ...v, tenant_id: tenantId, status: 'draft', content: JSON.stringify(v.content) })
    .execute();

export const getAssessmentForUpdate = (db: Kysely<DB>, tenantId: string, id: string) =>
  db.selectFrom('impact_assessments').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();

export const getVersionForUpdate = (db: Kysely<DB>, tenantId: string, assessmentId: string, version: number) =>
  db
    .selectFrom('impact_assessment_versions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('assessment_id', '=', assessmentId)
    .where('version', '=', version)
    .forUpdate()
    .executeTakeFirst();
export type TVersionRow = NonNullable<Awaited<ReturnType<typeof getVersionForUpdate>>>;

export const updateAssessment = (db: Kysely<DB>, tenantId: string, id: string, patch: { title?: string; latest_version?: number; approved_version?: number }) =>
  db
    .updateTable('impact_assessments')
    .set({ ...patch, updated_at: sql<Date>`now()` as never })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();

export const updateVersion = (
  db: Kysely<DB>,
  tenantId: string,
  assessmentId: string,
  version: number,
  patch: {
    status?: TVersionStatus;
    content?: TAssessmentContent;
    submitted_by?: string | null;
    submitted_at?: Date | null;
    approved_by?: string;
    approved_at?: Date;
    approval_comment?: string | null;
    return_comment?: string | null;
  },
) => {
  const { content, ...rest } = patch;
  return db
    .updateTable('impact_assessment_versions')
    .set({ ...rest, ...(content ? { content: JSON.stringify(content) } : {}), updated_at: sql<Date>`now()` as never })
    .where('tenant_id', '=', tenantId)
    .where('assessment_id', '=', assessmentId)
    .where('version', '=', version)
    .execute();
};

/** One series with its AI system's name and the version asked for (its latest by default), people named. */
export async function getAssessment(db: Kysely<DB>, tenantId: string, id: string, version?: number) {
  return db
    .selectFrom('impact_assessments as a')
    .innerJoin('ai_systems as s', (j) => j.onRef('s.tenant_id', '=', 'a.tenant_id').onRef('s.id', '=', 'a.ai_system_id'))
    .innerJoin('impact_assessment_versions as v', (j) =>
      j
        .onRef('v.tenant_id', '=', 'a.tenant_id')
        .onRef('v.assessment_id', '=', 'a.id')
        .on('v.version', '=', version === undefined ? sql<number>`a.latest_version` : sql<number>`${version}::int`),
    )
    .innerJoin('users as cu', 'cu.id', 'v.created_by')
    .leftJoin('users as su', 'su.id', 'v.submitted_by')
    .leftJoin('users as au', 'au.id', 'v.approved_by')
    .select([
      'a.id',
      'a.ai_system_id',
      'a.variant',
      'a.title',
      'a.latest_version',
      'a.approved_version',
      'a.updated_at as assessment_updated_at',
      's.name as ai_system_name',
      'v.version',
      'v.status',
      'v.content',
      'v.created_by',
      'v.created_at',
      'v.updated_at',
      'v.submitted_by',
      'v.submitted_at',
      'v.approved_by',
      'v.approved_at',
      'v.approval_comment',
      'v.return_comment',
      'cu.name as created_by_name',
      'su.name as submitted_by_name',
      'au.name as approved_by_name',
    ])
    .where('a.tenant_id', '=', tenantId)
    .where('a.id', '=', id)
    .executeTakeFirst();
}
export type TAssessmentRow = NonNullable<Awaited<ReturnType<typeof getAssessment>>>;

export const listVersions = (db: Kysely<DB>, tenantId: string, assessmentId: string) =>
  db
    .selectFrom('impact_assessment_versions as v')
    .leftJoin('users as au', 'au.id', 'v.approved_by')
    .select(['v.version', 'v.status', 'v.created_at', 'v.approved_at', 'v.approved_by', 'au.name as approved_by_name'])
    .where('v.tenant_id', '=', tenantId)
    .where('v.assessment_id', '=', assessmentId)
    .orderBy('v.version', 'desc')
    .execute();

const encodeCursor = (value: unknown, id: string) => Buffer.from(JSON.stringify([value instanceof Date ? value.toISOString() : value, id])).toString('base64url');
function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && /^[0-9a-f-]{36}$/.test(v[1]) ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}

/**
 * A keyset page of series, newest change first (or by title), filtered; each row carries its
 * latest version's status and next review, and how many of its impacts reach the organization's
 * significance threshold. One statement.
 */
export async function listAssessments(db: Kysely<DB>, tenantId: string, q: TAssessmentListQuery) {
  const byTitle = q.sort === 'title';
  const after = decodeCursor(q.cursor);
  let query = db
    .selectFrom('impact_assessments as a')
    .innerJoin('ai_systems as s', (j) => j.onRef('s.tenant_id', '=', 'a.tenant_id').onRef('s.id', '=', 'a.ai_system_id'))
    .innerJoin('impact_assessment_versions as v', (j) => j.onRef('v.tenant_id', '=', 'a.tenant_id').onRef('v.assessment_id', '=', 'a.id').onRef('v.version', '=', 'a.latest_version'))
    .leftJoin('impact_assessment_settings as st', 'st.tenant_id', 'a.tenant_id')
    .select([
      'a.id',
      'a.ai_system_id',
      'a.variant',
      'a.title',
      'a.latest_version',
      'a.approved_version',
      'a.updated_at',
      's.name as ai_system_name',
      'v.status',
      sql<string | null>`v.content->>'nextReviewOn'`.as('next_review_on'),
      sql<number>`(SELECT count(*)::int FROM jsonb_array_elements(v.content->'impacts') i WHERE (i->>'severity')::int >= coalesce(st.significant_severity, ${DEFAULT_SETTINGS.significant_severity}))`.as(
        'significant_impacts',
      ),
      sql<string>`lower(a.title)`.as('title_key'),
      // Microseconds kept: a cursor rounded to milliseconds would show a row twice.
      sql<string>`a.updated_at::text`.as('updated_key'),
    ])
    .where('a.tenant_id', '=', tenantId);
  if (q.aiSystemId) query = query.where('a.ai_system_id', '=', q.aiSystemId);
  if (q.status) query = query.where('v.status', '=', q.status);
  if (q.variant) query = query.where('a.variant', '=', q.variant);
  if (after) {
    query = byTitle
      ? query.where(sql<boolean>`(lower(a.title), a.id) > (${after[0]}, ${after[1]}::uuid)`)
      : query.where(sql<boolean>`(a.updated_at, a.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  }
  query = byTitle ? query.orderBy(sql`lower(a.title)`, 'asc').orderBy('a.id', 'asc') : query.orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc');
  const rows = await query.limit(q.limit + 1).execute();
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(byTitle ? last.title_key : last.updated_key, last.id) : null };
}
export type TListRow = Awaited<ReturnType<typeof listAssessments>>['items'][number];

/**
 * Impact assessments' counts for the dashboard, as one SQL expression the dashboard composes.
 * A review is overdue, like a risk's, once its date has passed (the reminder goes out on the day).
 */
export const dashboardSummarySql = (tenantId: string, today: string) => sql<{
  open: number;
  inReview: number;
  approved: number;
  reviewsDue: number;
  oldestOverdue: { id: string; title: string; reviewDate: string }[];
}>`(
  WITH overdue AS (
    SELECT s.id, s.title, (av.content->>'nextReviewOn')::date AS review_date FROM impact_assessments s
    JOIN impact_assessment_versions av ON av.tenant_id = s.tenant_id AND av.assessment_id = s.id AND av.version = s.approved_version
    WHERE s.tenant_id = ${tenantId} AND (av.content->>'nextReviewOn')::date < ${today}::date)
  SELECT json_build_object(
    'open', (count(*) FILTER (WHERE v.status = 'draft'))::int,
    'inReview', (count(*) FILTER (WHERE v.status = 'in_review'))::int,
    'approved', (SELECT count(*) FROM impact_assessments WHERE tenant_id = ${tenantId} AND approved_version IS NOT NULL)::int,
    'reviewsDue', (SELECT count(*) FROM overdue)::int,
    'oldestOverdue', coalesce((SELECT json_agg(o) FROM (SELECT id, title, review_date::text AS "reviewDate" FROM overdue ORDER BY review_date, id LIMIT 5) o), '[]'))
  FROM impact_assessment_versions v WHERE v.tenant_id = ${tenantId} AND v.status IN ('draft','in_review'))`;

/**
 * Impact assessments' part of the mandatory documented-information checklist (documents module):
 * current while one approved assessment is not past its review date, overdue when every approved
 * one is, missing without an approved one.
 */
export const mandatoryChecklistSql = (tenantId: string, today: string) => sql`
  SELECT 'impact-assessment-results-6.1.4' AS item, 'impact-assessments' AS source,
         CASE WHEN count(*) = 0 THEN 'missing'
              WHEN count(*) FILTER (WHERE (v.content->>'nextReviewOn') IS NULL OR (v.content->>'nextReviewOn')::date >= ${today}::date) > 0 THEN 'current'
              ELSE 'overdue' END AS state,
         count(*)::int AS count, NULL::text AS document_id, NULL::text AS title, NULL::int AS version, NULL::text AS next_review_on
  FROM impact_assessments a
  JOIN impact_assessment_versions v ON v.tenant_id = a.tenant_id AND v.assessment_id = a.id AND v.version = a.approved_version
  WHERE a.tenant_id = ${tenantId}`;

/**
 * Approved assessments whose version in force has its review date on or before `today` and whose
 * owner has not been reminded of that date yet (the daily job; every tenant, or one).
 */
export function reviewsDue(db: Kysely<DB>, today: string, tenantId?: string) {
  let q = db
    .selectFrom('impact_assessments as a')
    .innerJoin('impact_assessment_versions as v', (j) => j.onRef('v.tenant_id', '=', 'a.tenant_id').onRef('v.assessment_id', '=', 'a.id').onRef('v.version', '=', 'a.approved_version'))
    .select(['a.tenant_id', 'a.id'])
    .where(sql<boolean>`(v.content->>'nextReviewOn')::date <= ${today}::date`)
    .where(sql<boolean>`a.review_reminded_for IS DISTINCT FROM (v.content->>'nextReviewOn')::date`);
  if (tenantId) q = q.where('a.tenant_id', '=', tenantId);
  return q.orderBy('a.tenant_id').orderBy('a.id').execute();
}

/** The version in force of a locked series, with its review date and the date last reminded of. */
export const approvedForReview = (db: Kysely<DB>, tenantId: string, id: string) =>
  db
    .selectFrom('impact_assessments as a')
    .innerJoin('impact_assessment_versions as v', (j) => j.onRef('v.tenant_id', '=', 'a.tenant_id').onRef('v.assessment_id', '=', 'a.id').onRef('v.version', '=', 'a.approved_version'))
    .select(['a.id', 'a.title', 'a.approved_version', 'a.created_by', 'v.approved_by', sql<string | null>`v.content->>'nextReviewOn'`.as('next_review_on'), sql<string | null>`a.review_reminded_for::text`.as('review_reminded_for')])
    .where('a.tenant_id', '=', tenantId)
    .where('a.id', '=', id)
    .executeTakeFirst();

export const markReviewReminded = (db: Kysely<DB>, tenantId: string, id: string, dueOn: string) =>
  db.updateTable('impact_assessments').set({ review_reminded_for: dueOn }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

/** Which of these people are still members of the organization (a reminder goes to members only). */
export async function stillMembers(db: Kysely<DB>, tenantId: string, userIds: readonly string[]) {
  if (!userIds.length) return [];
  const rows = await db.selectFrom('memberships').select('user_id').where('tenant_id', '=', tenantId).where('user_id', 'in', [...userIds]).execute();
  const members = new Set(rows.map((r) => r.user_id));
  return userIds.filter((id) => members.has(id));
}

/** What the review reminder says to one person, in their language. */
export const reviewReminderFacts = (db: Kysely<DB>, tenantId: string, id: string, userId: string) =>
  db
    .selectFrom('impact_assessments as a')
    .innerJoin('impact_assessment_versions as v', (j) => j.onRef('v.tenant_id', '=', 'a.tenant_id').onRef('v.assessment_id', '=', 'a.id').onRef('v.version', '=', 'a.approved_version'))
    .innerJoin('ai_systems as s', (j) => j.onRef('s.tenant_id', '=', 'a.tenant_id').onRef('s.id', '=', 'a.ai_system_id'))
    .innerJoin('tenants as t', 't.id', 'a.tenant_id')
    .innerJoin('users as u', (j) => j.on('u.id', '=', userId))
    .select(['a.title', 'a.approved_version', 's.name as ai_system_name', 't.name as tenant_name', 'u.email', 'u.name', 'u.locale', sql<string | null>`v.content->>'nextReviewOn'`.as('next_review_on')])
    .where('a.tenant_id', '=', tenantId)
    .where('a.id', '=', id)
    .executeTakeFirst();
