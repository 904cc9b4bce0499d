import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TDocumentKind, TDocumentListQuery, TDocumentType, TDocumentVersionStatus, TMandatoryItemKey } from '../../../shared/contracts/documents.ts';
import { memberCountOf } from '../../platform/authz/four-eyes.ts';

/*
 * The only door to the documents' tables; every function takes tenantId and filters by it. Reads
 * are one statement each: the detail carries its versions, their approvals and its requirement
 * links as JSON built by PostgreSQL; the list page is one keyset query.
 */

type TDb = Kysely<DB>;

/* Dates without time are read as text ('YYYY-MM-DD'): no driver turns them into a midnight somewhere. */
const DOCUMENT_COLUMNS = [
  'd.tenant_id',
  'd.id',
  'd.title',
  'd.type',
  'd.kind',
  'd.description',
  'd.owner_id',
  'd.mandatory_item',
  'd.approval_quorum',
  'd.latest_version',
  'd.published_version',
  'd.created_by',
  'd.created_at',
  'd.updated_at',
  sql<string | null>`d.next_review_on::text`.as('next_review_on'),
  sql<string | null>`d.review_reminded_for::text`.as('review_reminded_for'),
] as const;

// ---------------------------------------------------------------------------------------------
// Writes

export const insertDocument = (
  db: TDb,
  tenantId: string,
  v: {
    title: string;
    type: TDocumentType;
    kind: TDocumentKind;
    description: string;
    owner_id: string | null;
    next_review_on: string | null;
    mandatory_item: TMandatoryItemKey | null;
    approval_quorum: number;
    created_by: string;
  },
) => db.insertInto('documents').values({ ...v, tenant_id: tenantId }).returningAll().executeTakeFirstOrThrow();

export type TDocumentPatch = Partial<{
  title: string;
  type: TDocumentType;
  kind: TDocumentKind;
  description: string;
  owner_id: string | null;
  next_review_on: string | null;
  mandatory_item: TMandatoryItemKey | null;
  approval_quorum: number;
  latest_version: number;
  published_version: number;
  review_reminded_for: string | null;
}>;

export const updateDocument = (db: TDb, tenantId: string, id: string, patch: TDocumentPatch) =>
  db
    .updateTable('documents')
    .set({ ...patch, updated_at: sql<Date>`now()` as never })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();

/**
 * The document row locked for a change, with how many members the organization has, counted in
 * the same statement (the four-eyes rule waives itself for an organization of one).
 */
export const getDocumentForUpdate = (db: TDb, tenantId: string, id: string) =>
  db
    .selectFrom('documents as d')
    .select(DOCUMENT_COLUMNS)
    .select(memberCountOf('d.tenant_id').as('member_count'))
    .where('d.tenant_id', '=', tenantId)
    .where('d.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
export type TLockedDocument = NonNullable<Awaited<ReturnType<typeof getDocumentForUpdate>>>;

export const listRequirementLinks = (db: TDb, tenantId: string, documentId: string) =>
  db
    .selectFrom('document_requirements')
    .select(['framework_id', 'framework_version', 'ref'])
    .where('tenant_id', '=', tenantId)
    .where('document_id', '=', documentId)
    .orderBy('framework_id')
    .orderBy('ref')
    .execute();

export async function replaceRequirementLinks(db: TDb, tenantId: string, documentId: string, links: readonly { framework_id: string; framework_version: string; ref: string }[]) {
  await db.deleteFrom('document_requirements').where('tenant_id', '=', tenantId).where('document_id', '=', documentId).execute();
  if (links.length) await db.insertInto('document_requirements').values(links.map((l) => ({ ...l, tenant_id: tenantId, document_id: documentId }))).execute();
}

export const insertVersion = (
  db: TDb,
  tenantId: string,
  v: { document_id: string; version: number; content_kind: 'file' | 'text'; file_id: string | null; body: string | null; sha256: string; size: number; change_note: string; created_by: string },
) => db.insertInto('document_versions').values({ ...v, tenant_id: tenantId, status: 'draft' }).execute();

export const getVersionForUpdate = (db: TDb, tenantId: string, documentId: string, version: number) =>
  db
    .selectFrom('document_versions')
    .select(['version', 'status', 'sha256', 'created_by', 'submitted_by', 'content_kind'])
    .where('tenant_id', '=', tenantId)
    .where('document_id', '=', documentId)
    .where('version', '=', version)
    .forUpdate()
    .executeTakeFirst();
export type TLockedVersion = NonNullable<Awaited<ReturnType<typeof getVersionForUpdate>>>;

export const updateVersion = (
  db: TDb,
  tenantId: string,
  documentId: string,
  version: number,
  patch: Partial<{
    status: TDocumentVersionStatus;
    submitted_by: string;
    submitted_at: Date;
    approved_at: Date;
    published_by: string;
    published_at: Date;
    superseded_at: Date;
  }>,
) =>
  db
    .updateTable('document_versions')
    .set(patch)
    .where('tenant_id', '=', tenantId)
    .where('document_id', '=', documentId)
    .where('version', '=', version)
    .execute();

export const approverIds = async (db: TDb, tenantId: string, documentId: string, version: number) =>
  (
    await db
      .selectFrom('document_approvals')
      .select('approver_id')
      .where('tenant_id', '=', tenantId)
      .where('document_id', '=', documentId)
      .where('version', '=', version)
      .execute()
  ).map((r) => r.approver_id);

export const insertApproval = (db: TDb, tenantId: string, v: { document_id: string; version: number; approver_id: string; approved_at: Date; sha256: string; comment: string }) =>
  db.insertInto('document_approvals').values({ ...v, tenant_id: tenantId }).execute();

export const isMember = async (db: TDb, tenantId: string, userId: string) =>
  !!(await db.selectFrom('memberships').select('user_id').where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst());

// ---------------------------------------------------------------------------------------------
// Reads: one statement each

export type TVersionJson = {
  version: number;
  status: TDocumentVersionStatus;
  content_kind: 'file' | 'text';
  sha256: string;
  size: number;
  filename: string | null;
  content_type: string | null;
  change_note: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
  submitted_by: string | null;
  submitted_by_name: string | null;
  submitted_at: string | null;
  approved_at: string | null;
  published_by: string | null;
  published_by_name: string | null;
  published_at: string | null;
  superseded_at: string | null;
  approvals: { approver_id: string; approver_name: string; approved_at: string; sha256: string; comment: string }[];
};

/** One document with its owner, requirement links, versions (newest first) and their approvals. */
export async function getDocument(db: TDb, tenantId: string, id: string) {
  return db
    .selectFrom('documents as d')
    .leftJoin('users as o', 'o.id', 'd.owner_id')
    .select(DOCUMENT_COLUMNS)
    .select([
      'o.name as owner_name',
      memberCountOf('d.tenant_id').as('member_count'),
      sql<{ framework_id: string; framework_version: string; ref: string; title: { en: string; fr: string } }[]>`coalesce((
        SELECT json_agg(json_build_object('framework_id', q.framework_id, 'framework_version', q.framework_version, 'ref', q.ref, 'title', cr.title) ORDER BY q.framework_id, cr.position, q.ref)
        FROM document_requirements q JOIN catalog_requirements cr ON cr.framework_id = q.framework_id AND cr.framework_version = q.framework_version AND cr.ref = q.ref
        WHERE q.tenant_id = d.tenant_id AND q.document_id = d.id), '[]')`.as('requirements'),
      sql<TVersionJson[]>`coalesce((
        SELECT json_agg(json_build_object(
          'version', v.version, 'status', v.status, 'content_kind', v.content_kind, 'sha256', v.sha256, 'size', v.size,
          'filename', f.filename, 'content_type', f.content_type, 'change_note', v.change_note,
          'created_by', v.created_by, 'created_by_name', cu.name, 'created_at', v.created_at,
          'submitted_by', v.submitted_by, 'submitted_by_name', su.name, 'submitted_at', v.submitted_at,
          'approved_at', v.approved_at, 'published_by', v.published_by, 'published_by_name', pu.name, 'published_at', v.published_at,
          'superseded_at', v.superseded_at,
          'approvals', coalesce((SELECT json_agg(json_build_object('approver_id', a.approver_id, 'approver_name', au.name, 'approved_at', a.approved_at, 'sha256', a.sha256, 'comment', a.comment) ORDER BY a.approved_at, a.approver_id)
                                 FROM document_approvals a JOIN users au ON au.id = a.approver_id
                                 WHERE a.tenant_id = v.tenant_id AND a.document_id = v.document_id AND a.version = v.version), '[]')
        ) ORDER BY v.version DESC)
        FROM document_versions v
        JOIN users cu ON cu.id = v.created_by
        LEFT JOIN users su ON su.id = v.submitted_by
        LEFT JOIN users pu ON pu.id = v.published_by
        LEFT JOIN files f ON f.tenant_id = v.tenant_id AND f.id = v.file_id
        WHERE v.tenant_id = d.tenant_id AND v.document_id = d.id), '[]')`.as('versions'),
    ])
    .where('d.tenant_id', '=', tenantId)
    .where('d.id', '=', id)
    .executeTakeFirst();
}
export type TDocumentRow = NonNullable<Awaited<ReturnType<typeof getDocument>>>;

/** A version's content reference: the file's blob hash and name, or the text itself. */
export const getVersionContent = (db: TDb, tenantId: string, documentId: string, version: number) =>
  db
    .selectFrom('document_versions as v')
    .leftJoin('files as f', (j) => j.onRef('f.tenant_id', '=', 'v.tenant_id').onRef('f.id', '=', 'v.file_id'))
    .select(['v.version', 'v.content_kind', 'v.body', 'v.sha256', 'v.size', 'f.filename', 'f.content_type'])
    .where('v.tenant_id', '=', tenantId)
    .where('v.document_id', '=', documentId)
    .where('v.version', '=', version)
    .executeTakeFirst();

const encodeCursor = (value: unknown, id: string) => Buffer.from(JSON.stringify([value, id])).toString('base64url');
function decodeCursor(cursor: string | undefined): [string | null, string] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) && v.length === 2 && (typeof v[0] === 'string' || v[0] === null) && typeof v[1] === 'string' && /^[0-9a-f-]{36}$/.test(v[1]) ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}

/**
 * A keyset page of documents, filtered, with each one's latest version status and owner name: one
 * statement. Sorts: last change first, title, or next review date (soonest first, none last).
 */
export async function listDocuments(db: TDb, tenantId: string, q: TDocumentListQuery, today: string) {
  const after = decodeCursor(q.cursor);
  let query = db
    .selectFrom('documents as d')
    .leftJoin('document_versions as v', (j) => j.onRef('v.tenant_id', '=', 'd.tenant_id').onRef('v.document_id', '=', 'd.id').onRef('v.version', '=', 'd.latest_version'))
    .leftJoin('users as o', 'o.id', 'd.owner_id')
    .select([
      'd.id',
      'd.title',
      'd.type',
      'd.kind',
      'd.owner_id',
      'o.name as owner_name',
      sql<string | null>`d.next_review_on::text`.as('next_review_on'),
      'd.mandatory_item',
      'd.approval_quorum',
      'd.latest_version',
      'd.published_version',
      'd.updated_at',
      'v.status',
      sql<boolean>`(d.published_version IS NOT NULL AND d.next_review_on < ${today}::date)`.as('review_overdue'),
      sql<string>`lower(d.title)`.as('title_key'),
      // Microseconds kept: a cursor rounded to milliseconds would show a row twice.
      sql<string>`d.updated_at::text`.as('updated_key'),
      sql<string>`coalesce(d.next_review_on, '9999-12-31'::date)::text`.as('review_key'),
    ])
    .where('d.tenant_id', '=', tenantId);
  if (q.type) query = query.where('d.type', '=', q.type);
  if (q.kind) query = query.where('d.kind', '=', q.kind);
  if (q.status) query = query.where('v.status', '=', q.status);
  if (q.ownerId) query = query.where('d.owner_id', '=', q.ownerId);
  if (q.mandatoryItem) query = query.where('d.mandatory_item', '=', q.mandatoryItem);
  if (q.reviewOverdue !== undefined) {
    const overdue = sql<boolean>`(d.published_version IS NOT NULL AND d.next_review_on < ${today}::date)`;
    query = query.where(q.reviewOverdue ? overdue : sql<boolean>`NOT ${overdue}`);
  }
  if (q.q) query = query.where(sql<boolean>`strpos(lower(d.title), lower(${q.q})) > 0`);
  if (after) {
    if (q.sort === 'title') query = query.where(sql<boolean>`(lower(d.title), d.id) > (${after[0]}, ${after[1]}::uuid)`);
    else if (q.sort === 'review') query = query.where(sql<boolean>`(coalesce(d.next_review_on, '9999-12-31'::date), d.id) > (${after[0]}::date, ${after[1]}::uuid)`);
    else query = query.where(sql<boolean>`(d.updated_at, d.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  }
  if (q.sort === 'title') query = query.orderBy(sql`lower(d.title)`, 'asc').orderBy('d.id', 'asc');
  else if (q.sort === 'review') query = query.orderBy(sql`coalesce(d.next_review_on, '9999-12-31'::date)`, 'asc').orderBy('d.id', 'asc');
  else query = query.orderBy('d.updated_at', 'desc').orderBy('d.id', 'desc');
  const rows = await query.limit(q.limit + 1).execute();
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  const key = (r: (typeof rows)[number]) => (q.sort === 'title' ? r.title_key : q.sort === 'review' ? r.review_key : r.updated_key);
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(key(last), last.id) : null };
}
export type TListRow = Awaited<ReturnType<typeof listDocuments>>['items'][number];

// ---------------------------------------------------------------------------------------------
// The review reminder job

/** Published documents whose review date has passed and whose owner was not yet told about that date. */
export const reviewsOverdue = (db: TDb, today: string, tenantId?: string) => {
  let q = db
    .selectFrom('documents')
    .select(['tenant_id', 'id'])
    .where('published_version', 'is not', null)
    .where('owner_id', 'is not', null)
    .where(sql<boolean>`next_review_on < ${today}::date`)
    .where(sql<boolean>`review_reminded_for IS DISTINCT FROM next_review_on`);
  if (tenantId) q = q.where('tenant_id', '=', tenantId);
  return q.orderBy('tenant_id').orderBy('id').execute();
};

export const reviewReminderFacts = (db: TDb, tenantId: string, documentId: string) =>
  db
    .selectFrom('documents as d')
    .innerJoin('tenants as t', 't.id', 'd.tenant_id')
    .innerJoin('users as o', 'o.id', 'd.owner_id')
    .select(['d.title', 'd.published_version', 't.name as tenant_name', 'o.email', 'o.name', 'o.locale', sql<string | null>`d.next_review_on::text`.as('next_review_on')])
    .where('d.tenant_id', '=', tenantId)
    .where('d.id', '=', documentId)
    .executeTakeFirst();

/** The version on its way (draft, in review or approved), locked: a new version replaces it. */
export const getOpenVersionForUpdate = (db: TDb, tenantId: string, documentId: string) =>
  db
    .selectFrom('document_versions')
    .select(['version', 'status', 'sha256', 'created_by', 'submitted_by', 'content_kind'])
    .where('tenant_id', '=', tenantId)
    .where('document_id', '=', documentId)
    .where('status', 'in', ['draft', 'in_review', 'approved'])
    .forUpdate()
    .executeTakeFirst();

/** Whether the document exists in this tenant: checked before an upload is streamed. */
export const documentExists = async (db: TDb, tenantId: string, id: string) =>
  !!(await db.selectFrom('documents').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst());
