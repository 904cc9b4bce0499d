import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { TDatabase } from '../../db/client.ts';
import { runHot } from '../../db/hot-query.ts';
import type { DB } from '../../db/types.ts';
import type { TEvidenceKind, TEvidenceListQuery, TEvidenceRecord, TEvidenceStatus } from '../../../shared/contracts/evidence.ts';
import { memberCountOf } from '../../platform/authz/four-eyes.ts';

/*
 * The only door to the evidence tables. Every function takes tenantId and filters by it. Dates
 * (PostgreSQL `date`) are read as 'YYYY-MM-DD' text: a JavaScript Date would shift them by the
 * server's time zone. Controls and catalog requirements are read here only through joins on the
 * link tables (another tenant's control id never matches).
 */

type TDb = Kysely<DB>;

export const DEFAULT_CONTEMPORANEITY_DAYS = 30;

// ---------------------------------------------------------------------------------------------
// Settings

export async function getSettings(db: TDb, tenantId: string) {
  const row = await db.selectFrom('evidence_settings').select(['contemporaneity_days']).where('tenant_id', '=', tenantId).executeTakeFirst();
  return { contemporaneity_days: row?.contemporaneity_days ?? DEFAULT_CONTEMPORANEITY_DAYS };
}

/** The settings row, created with the defaults on first use, locked for the caller's transaction. */
export async function lockSettings(db: TDb, tenantId: string) {
  await db.insertInto('evidence_settings').values({ tenant_id: tenantId }).onConflict((oc) => oc.column('tenant_id').doNothing()).execute();
  return db.selectFrom('evidence_settings').select(['contemporaneity_days']).where('tenant_id', '=', tenantId).forUpdate().executeTakeFirstOrThrow();
}

export const updateSettings = (db: TDb, tenantId: string, v: { contemporaneity_days: number; updated_by: string | null }) =>
  db.updateTable('evidence_settings').set({ ...v, updated_at: sql<Date>`now()` as never }).where('tenant_id', '=', tenantId).execute();

// ---------------------------------------------------------------------------------------------
// Lookups for validation (before any byte of an upload is stored)

/** The ids among `ids` that are controls of this organization. */
export async function controlsAmong(db: TDb, tenantId: string, ids: readonly string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db.selectFrom('controls').select('id').where('tenant_id', '=', tenantId).where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

/** The organization's controls to link evidence to (a read-only join into the controls' table). */
export const controlChoices = (db: TDb, tenantId: string) =>
  db.selectFrom('controls').select(['id', 'reference', 'title']).where('tenant_id', '=', tenantId).where('status', '<>', 'retired').orderBy('reference').orderBy('id').limit(1000).execute();

/** The current revisions among ids that the organization has submitted (a draft is not yet evidence): a certification checklist cites them. */
export const submittedAmong = (db: TDb, tenantId: string, ids: readonly string[]) =>
  ids.length
    ? db.selectFrom('evidence').select(['id', 'title']).where('tenant_id', '=', tenantId).where('id', 'in', [...ids]).where('status', '<>', 'draft').execute()
    : Promise.resolve([]);

export async function membersAmong(db: TDb, tenantId: string, ids: readonly string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db.selectFrom('memberships').select('user_id').where('tenant_id', '=', tenantId).where('user_id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.user_id));
}

// ---------------------------------------------------------------------------------------------
// Writes

export type TEvidenceValues = {
  series_id: string;
  revision: number;
  supersedes_id: string | null;
  kind: TEvidenceKind;
  title: string;
  description: string;
  file_id: string | null;
  sha256: string;
  url: string | null;
  record: TEvidenceRecord | null;
  effective_date: string;
  period_from: string | null;
  period_to: string | null;
  valid_until: string | null;
  status: TEvidenceStatus;
  received_at: Date;
  contemporaneity_days: number;
  not_contemporaneous: boolean;
  owner_id: string | null;
  created_by: string | null;
  created_by_token: string | null;
  submitted_by: string | null;
  submitted_at: Date | null;
  /** The platform clock's instant (the database's default otherwise): SOC 2 judges contemporaneity on it. */
  created_at?: Date;
};

export async function insertEvidence(db: TDb, tenantId: string, v: TEvidenceValues & { id?: string }) {
  return db
    .insertInto('evidence')
    .values({ ...v, record: v.record ? JSON.stringify(v.record) : null, tenant_id: tenantId })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export type TEditableValues = Pick<TEvidenceValues, 'title' | 'description' | 'url' | 'record' | 'sha256' | 'effective_date' | 'period_from' | 'period_to' | 'valid_until' | 'owner_id'> & {
  received_at?: Date;
  contemporaneity_days?: number;
  not_contemporaneous?: boolean;
};

export const updateEvidence = (
  db: TDb,
  tenantId: string,
  id: string,
  patch: Partial<TEditableValues> & {
    status?: TEvidenceStatus;
    superseded_by_id?: string;
    submitted_by?: string | null;
    submitted_at?: Date;
    reviewed_by?: string | null;
    reviewed_at?: Date;
    review_comment?: string | null;
    expired_at?: Date;
  },
) => {
  const { record, ...rest } = patch;
  return db
    .updateTable('evidence')
    .set({ ...rest, ...(record !== undefined ? { record: record ? JSON.stringify(record) : null } : {}), updated_at: sql<Date>`now()` as never })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
};

/** The row as a transition needs it, locked; `members` counts the organization's members (four eyes). */
export async function getForUpdate(db: TDb, tenantId: string, id: string) {
  return db
    .selectFrom('evidence as e')
    .select([
      'e.id',
      'e.series_id',
      'e.revision',
      'e.kind',
      'e.title',
      'e.description',
      'e.file_id',
      'e.sha256',
      'e.url',
      'e.record',
      sql<string>`e.effective_date::text`.as('effective_date'),
      sql<string | null>`e.period_from::text`.as('period_from'),
      sql<string | null>`e.period_to::text`.as('period_to'),
      sql<string | null>`e.valid_until::text`.as('valid_until'),
      'e.status',
      'e.superseded_by_id',
      'e.received_at',
      'e.contemporaneity_days',
      'e.not_contemporaneous',
      'e.owner_id',
      'e.created_by',
      'e.submitted_by',
      memberCountOf('e.tenant_id').as('members'),
    ])
    .where('e.tenant_id', '=', tenantId)
    .where('e.id', '=', id)
    .forUpdate('e' as never)
    .executeTakeFirst();
}
export type TEvidenceLockedRow = NonNullable<Awaited<ReturnType<typeof getForUpdate>>>;

export async function replaceControlLinks(db: TDb, tenantId: string, evidenceId: string, controlIds: readonly string[]) {
  await db.deleteFrom('evidence_controls').where('tenant_id', '=', tenantId).where('evidence_id', '=', evidenceId).execute();
  const ids = [...new Set(controlIds)];
  if (ids.length) await db.insertInto('evidence_controls').values(ids.map((control_id) => ({ tenant_id: tenantId, evidence_id: evidenceId, control_id }))).execute();
}

export async function replaceRequirementLinks(db: TDb, tenantId: string, evidenceId: string, links: readonly { framework_id: string; framework_version: string; ref: string }[]) {
  await db.deleteFrom('evidence_requirements').where('tenant_id', '=', tenantId).where('evidence_id', '=', evidenceId).execute();
  if (links.length) await db.insertInto('evidence_requirements').values(links.map((l) => ({ ...l, tenant_id: tenantId, evidence_id: evidenceId }))).execute();
}

export const controlLinksOf = async (db: TDb, tenantId: string, evidenceId: string) =>
  (await db.selectFrom('evidence_controls').select('control_id').where('tenant_id', '=', tenantId).where('evidence_id', '=', evidenceId).orderBy('control_id').execute()).map((r) => r.control_id);

export const requirementLinksOf = (db: TDb, tenantId: string, evidenceId: string) =>
  db.selectFrom('evidence_requirements').select(['framework_id', 'framework_version', 'ref']).where('tenant_id', '=', tenantId).where('evidence_id', '=', evidenceId).orderBy('framework_id').orderBy('ref').execute();

/**
 * Claims the push keys of a new file evidence: one per control, on (control, effective date,
 * SHA-256). Answers the evidence that already holds one of them, or null when every key is ours.
 * A concurrent identical push waits on the primary key until the first commits, then finds it.
 */
export async function claimPushKeys(db: TDb, tenantId: string, v: { controlIds: readonly string[]; effectiveDate: string; sha256: string; evidenceId: string }): Promise<string | null> {
  for (const control_id of [...new Set(v.controlIds)].sort()) {
    const inserted = await db
      .insertInto('evidence_push_keys')
      .values({ tenant_id: tenantId, control_id, effective_date: v.effectiveDate, sha256: v.sha256, evidence_id: v.evidenceId })
      .onConflict((oc) => oc.doNothing())
      .returning('evidence_id')
      .executeTakeFirst();
    if (!inserted) return findPushed(db, tenantId, control_id, v.effectiveDate, v.sha256);
  }
  return null;
}

export async function findPushed(db: TDb, tenantId: string, controlId: string, effectiveDate: string, sha256: string) {
  const row = await db
    .selectFrom('evidence_push_keys')
    .select('evidence_id')
    .where('tenant_id', '=', tenantId)
    .where('control_id', '=', controlId)
    .where('effective_date', '=', effectiveDate)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row?.evidence_id ?? null;
}

/** The first push of this file for any of these controls on that date, if there was one. */
export async function findAnyPushed(db: TDb, tenantId: string, controlIds: readonly string[], effectiveDate: string, sha256: string) {
  if (!controlIds.length) return null;
  const row = await db
    .selectFrom('evidence_push_keys')
    .select('evidence_id')
    .where('tenant_id', '=', tenantId)
    .where('control_id', 'in', [...controlIds])
    .where('effective_date', '=', effectiveDate)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row?.evidence_id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Reads: one statement each

const person = (col: RawBuilder<unknown>) => sql`(SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = ${col})`;

/** What a list row and a detail share, as SQL over the alias `e`. */
const summaryColumns = sql`
  e.id, e.series_id, e.revision, e.superseded_by_id, e.kind, e.title, e.status, e.effective_date::text AS effective_date,
  e.period_from::text AS period_from, e.period_to::text AS period_to, e.valid_until::text AS valid_until, e.received_at,
  e.not_contemporaneous, e.contemporaneity_days, ((e.received_at AT TIME ZONE 'UTC')::date - e.effective_date)::int AS days_after_effective,
  e.sha256, e.url, e.created_by, e.submitted_by, e.owner_id,
  (SELECT json_build_object('id', f.id, 'filename', f.filename, 'size', f.size, 'contentType', f.content_type) FROM files f WHERE f.tenant_id = e.tenant_id AND f.id = e.file_id) AS file,
  coalesce((SELECT json_agg(json_build_object('id', c.id, 'reference', c.reference, 'title', c.title) ORDER BY c.reference, c.id)
    FROM evidence_controls l JOIN controls c ON c.tenant_id = l.tenant_id AND c.id = l.control_id
    WHERE l.tenant_id = e.tenant_id AND l.evidence_id = e.id), '[]') AS controls,
  coalesce((SELECT json_agg(json_build_object('frameworkId', q.framework_id, 'ref', q.ref) ORDER BY q.framework_id, q.ref)
    FROM evidence_requirements q WHERE q.tenant_id = e.tenant_id AND q.evidence_id = e.id), '[]') AS requirements,
  ${person(sql`e.owner_id`)} AS owner, ${person(sql`e.created_by`)} AS created_by_person,
  (SELECT json_build_object('id', k.id, 'name', k.name) FROM api_tokens k WHERE k.tenant_id = e.tenant_id AND k.id = e.created_by_token) AS pushed_by_token,
  (SELECT count(*) FROM memberships m WHERE m.tenant_id = e.tenant_id)::int AS members`;

export type TEvidenceListRow = {
  id: string;
  series_id: string;
  revision: number;
  superseded_by_id: string | null;
  kind: TEvidenceKind;
  title: string;
  status: TEvidenceStatus;
  effective_date: string;
  period_from: string | null;
  period_to: string | null;
  valid_until: string | null;
  received_at: Date;
  not_contemporaneous: boolean;
  contemporaneity_days: number;
  days_after_effective: number;
  sha256: string;
  url: string | null;
  created_by: string | null;
  submitted_by: string | null;
  owner_id: string | null;
  file: { id: string; filename: string; size: number; contentType: string } | null;
  controls: { id: string; reference: string; title: string }[];
  requirements: { frameworkId: string; ref: string }[];
  owner: { id: string; name: string } | null;
  created_by_person: { id: string; name: string } | null;
  pushed_by_token: { id: string; name: string } | null;
  members: number;
};

export type TEvidenceDetailRow = TEvidenceListRow & {
  description: string;
  record: TEvidenceRecord | null;
  supersedes_id: string | null;
  submitted_by_person: { id: string; name: string } | null;
  submitted_at: Date | null;
  reviewed_by_person: { id: string; name: string } | null;
  reviewed_at: Date | null;
  review_comment: string | null;
  expired_at: Date | null;
  created_at: Date;
  revisions: { id: string; revision: number; status: TEvidenceStatus; title: string; sha256: string; effective_date: string; received_at: string; not_contemporaneous: boolean; created_at: string }[];
};

/** One evidence (any revision) with its links, people and every revision of its series, in one round trip. */
export async function getDetail(db: TDb, tenantId: string, id: string): Promise<TEvidenceDetailRow | undefined> {
  const res = await sql<TEvidenceDetailRow>`
    SELECT ${summaryColumns}, e.description, e.record, e.supersedes_id,
      ${person(sql`e.submitted_by`)} AS submitted_by_person, e.submitted_at,
      ${person(sql`e.reviewed_by`)} AS reviewed_by_person, e.reviewed_at, e.review_comment, e.expired_at, e.created_at,
      coalesce((SELECT json_agg(json_build_object('id', r.id, 'revision', r.revision, 'status', r.status, 'title', r.title, 'sha256', r.sha256,
          'effective_date', r.effective_date::text, 'received_at', r.received_at, 'not_contemporaneous', r.not_contemporaneous, 'created_at', r.created_at) ORDER BY r.revision DESC)
        FROM evidence r WHERE r.tenant_id = e.tenant_id AND r.series_id = e.series_id), '[]') AS revisions
    FROM evidence e
    WHERE e.tenant_id = ${tenantId} AND e.id = ${id}`.execute(db);
  return res.rows[0];
}

const SORT_EXPR: Record<TEvidenceListQuery['sort'], { expr: RawBuilder<unknown>; type: RawBuilder<unknown> }> = {
  effective: { expr: sql`e.effective_date`, type: sql`date` },
  received: { expr: sql`e.received_at`, type: sql`timestamptz` },
  title: { expr: sql`lower(e.title)`, type: sql`text` },
};

export const encodeCursor = (sortKey: string, id: string) => Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
export function decodeCursor(cursor: string): [string, string] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && /^[0-9a-f-]{36}$/.test(v[1]) ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}

/** Filters of the list (current revisions only), as SQL over the alias `e`. */
export function evidenceFilters(q: Partial<TEvidenceListQuery>, today: string): RawBuilder<unknown>[] {
  const w: RawBuilder<unknown>[] = [sql`e.superseded_by_id IS NULL`];
  if (q.status) w.push(sql`e.status = ${q.status}`);
  if (q.kind) w.push(sql`e.kind = ${q.kind}`);
  if (q.notContemporaneous !== undefined) w.push(sql`e.not_contemporaneous = ${q.notContemporaneous}`);
  if (q.controlId) w.push(sql`EXISTS (SELECT 1 FROM evidence_controls l WHERE l.tenant_id = e.tenant_id AND l.evidence_id = e.id AND l.control_id = ${q.controlId})`);
  if (q.frameworkId) {
    // Linked to the requirement itself, or through a control that maps to it.
    const ref = q.ref ? sql`AND q.ref = ${q.ref}` : sql``;
    const cref = q.ref ? sql`AND cr.ref = ${q.ref}` : sql``;
    w.push(sql`(EXISTS (SELECT 1 FROM evidence_requirements q WHERE q.tenant_id = e.tenant_id AND q.evidence_id = e.id AND q.framework_id = ${q.frameworkId} ${ref})
      OR EXISTS (SELECT 1 FROM evidence_controls l JOIN control_requirements cr ON cr.tenant_id = l.tenant_id AND cr.control_id = l.control_id
        WHERE l.tenant_id = e.tenant_id AND l.evidence_id = e.id AND cr.framework_id = ${q.frameworkId} ${cref}))`);
  }
  if (q.expiringWithinDays !== undefined) {
    w.push(sql`(e.status IN ('submitted','accepted') AND e.valid_until >= ${today}::date AND e.valid_until <= ${today}::date + ${q.expiringWithinDays}::int)`);
  }
  if (q.q) w.push(sql`lower(e.title) LIKE ${`%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  return w;
}

/** One page of current evidence with its links and people: a single statement, prepared (a hot path). */
export async function listEvidence(database: Pick<TDatabase, 'db' | 'hot'>, tenantId: string, q: TEvidenceListQuery, today: string) {
  const { expr, type } = SORT_EXPR[q.sort];
  const desc = q.direction === 'desc';
  const where = [sql`e.tenant_id = ${tenantId}`, ...evidenceFilters(q, today)];
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  if (after) where.push(sql`(${expr}, e.id) ${sql.raw(desc ? '<' : '>')} (${after[0]}::${type}, ${after[1]}::uuid)`);
  const order = sql.raw(desc ? 'DESC' : 'ASC');
  const rows = await runHot(
    database,
    'evidence_list',
    sql<TEvidenceListRow & { sort_key: string }>`
    SELECT ${summaryColumns}, (${expr})::text AS sort_key
    FROM evidence e
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${expr} ${order}, e.id ${order}
    LIMIT ${q.limit + 1}`.compile(database.db),
  );
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last.sort_key, last.id) : null };
}

// ---------------------------------------------------------------------------------------------
// Expiry (the daily job, across tenants)

/** Current submitted or accepted evidence whose valid-until date has passed. */
export const expiredEvidence = (db: TDb, today: string, tenantId?: string) => {
  let q = db
    .selectFrom('evidence')
    .select(['tenant_id', 'id'])
    .where('superseded_by_id', 'is', null)
    .where('status', 'in', ['submitted', 'accepted'])
    .where(sql<boolean>`valid_until < ${today}::date`)
    .orderBy('valid_until')
    .limit(1000);
  if (tenantId) q = q.where('tenant_id', '=', tenantId);
  return q.execute();
};

/** Who the expiry mail goes to: the owner, else whoever created it; null when neither (a token, no owner). */
export const expiryMailFacts = (db: TDb, tenantId: string, id: string) =>
  db
    .selectFrom('evidence as e')
    .innerJoin('tenants as t', 't.id', 'e.tenant_id')
    .innerJoin('users as u', (j) => j.on(sql<boolean>`u.id = coalesce(e.owner_id, e.created_by)`))
    .select(['e.title', 't.name as tenant_name', sql<string>`e.valid_until::text`.as('valid_until'), 'u.email', 'u.name', 'u.locale', 'e.series_id'])
    .where('e.tenant_id', '=', tenantId)
    .where('e.id', '=', id)
    .executeTakeFirst();

/** The evidence's file row (any revision), for a download. */
export const fileOf = (db: TDb, tenantId: string, evidenceId: string) =>
  db
    .selectFrom('evidence as e')
    .innerJoin('files as f', (j) => j.onRef('f.tenant_id', '=', 'e.tenant_id').onRef('f.id', '=', 'e.file_id'))
    .select(['f.id', 'f.sha256', 'f.size', 'f.filename', 'f.content_type'])
    .where('e.tenant_id', '=', tenantId)
    .where('e.id', '=', evidenceId)
    .executeTakeFirst();

/** Every current evidence of the organization for the spreadsheet, newest effective date first: one statement. */
export async function exportRows(db: TDb, tenantId: string) {
  const res = await sql<TEvidenceListRow>`
    SELECT ${summaryColumns} FROM evidence e
    WHERE e.tenant_id = ${tenantId} AND e.superseded_by_id IS NULL
    ORDER BY e.effective_date DESC, e.id DESC
    LIMIT 10000`.execute(db);
  return res.rows;
}

export const tenantName = async (db: TDb, tenantId: string) => (await db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirst())?.name ?? '';
