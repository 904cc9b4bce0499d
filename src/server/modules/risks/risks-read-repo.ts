import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { TDatabase } from '../../db/client.ts';
import { runHot } from '../../db/hot-query.ts';
import type { DB } from '../../db/types.ts';
import type { TActionStatus, TRiskListQuery, TRiskMatrixConfig, TRiskStatus } from '../../../shared/contracts/risks.ts';
import type { TRiskRow, TRiskValues } from './risks-repo.ts';

/*
 * The register's reads, one statement each (the writes are in risks-repo.ts). Every function
 * takes tenantId and filters by it; dates are read as 'YYYY-MM-DD' text.
 */

type TDb = Kysely<DB>;

/*
 * The names of the AI systems a risk concerns, read in the same statement as the risk: the one
 * read-only join into the inventory's table, so the register stays one round trip per page.
 */
const aiSystemsOf = sql`coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name) ORDER BY s.name, s.id)
  FROM risk_ai_systems l JOIN ai_systems s ON s.tenant_id = l.tenant_id AND s.id = l.ai_system_id
  WHERE l.tenant_id = r.tenant_id AND l.risk_id = r.id), '[]')`;

const person = (idCol: RawBuilder<unknown>) =>
  sql`(SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = ${idCol})`;

export type TRiskDetailRow = TRiskRow & {
  review_date: string | null;
  owner: { id: string; name: string } | null;
  actions: { id: string; title: string; owner: { id: string; name: string } | null; due_date: string | null; status: TActionStatus }[];
  requirements: { framework_id: string; framework_version: string; ref: string; title: { en: string; fr: string } }[];
  acceptances: {
    id: string;
    accepted_by: { id: string; name: string } | null;
    accepted_at: string;
    rationale: string;
    matrix_version: number;
    residual_likelihood: number;
    residual_impact: number;
    residual_score: number;
    residual_level: string;
    above_threshold: boolean;
    expires_on: string;
    reopened_at: string | null;
    reopened_by: { id: string; name: string } | null;
    reopen_kind: 'manual' | 'expired' | null;
    reopen_reason: string | null;
  }[];
  matrix_config: TRiskMatrixConfig;
  current_version: number;
  current_config: TRiskMatrixConfig;
  ai_systems: { id: string; name: string }[];
};

/** A risk with its plan, links, acceptances and matrix, in one round trip. */
export async function getRiskDetail(db: TDb, tenantId: string, riskId: string): Promise<TRiskDetailRow | undefined> {
  const res = await sql<TRiskDetailRow>`
    SELECT r.id, r.title, r.description, r.source, r.owner_id, r.matrix_version, r.inherent_likelihood, r.inherent_impact, r.inherent_score,
      r.inherent_level, r.treatment, r.residual_likelihood, r.residual_impact, r.residual_score, r.residual_level, r.status,
      r.current_acceptance_id, r.created_at, r.updated_at, r.review_date::text AS review_date,
      ${person(sql`r.owner_id`)} AS owner, ${aiSystemsOf} AS ai_systems,
      coalesce((SELECT json_agg(json_build_object('id', a.id, 'title', a.title, 'owner', ${person(sql`a.owner_id`)}, 'due_date', a.due_date::text, 'status', a.status) ORDER BY a.position)
        FROM risk_actions a WHERE a.tenant_id = r.tenant_id AND a.risk_id = r.id), '[]') AS actions,
      coalesce((SELECT json_agg(json_build_object('framework_id', q.framework_id, 'framework_version', q.framework_version, 'ref', q.ref, 'title', cr.title) ORDER BY q.framework_id, cr.position)
        FROM risk_requirements q JOIN catalog_requirements cr ON cr.framework_id = q.framework_id AND cr.framework_version = q.framework_version AND cr.ref = q.ref
        WHERE q.tenant_id = r.tenant_id AND q.risk_id = r.id), '[]') AS requirements,
      coalesce((SELECT json_agg(json_build_object('id', x.id, 'accepted_by', ${person(sql`x.accepted_by`)}, 'accepted_at', x.accepted_at, 'rationale', x.rationale,
          'matrix_version', x.matrix_version, 'residual_likelihood', x.residual_likelihood, 'residual_impact', x.residual_impact, 'residual_score', x.residual_score,
          'residual_level', x.residual_level, 'above_threshold', x.above_threshold, 'expires_on', x.expires_on::text, 'reopened_at', x.reopened_at,
          'reopened_by', ${person(sql`x.reopened_by`)}, 'reopen_kind', x.reopen_kind, 'reopen_reason', x.reopen_reason) ORDER BY x.accepted_at DESC)
        FROM risk_acceptances x WHERE x.tenant_id = r.tenant_id AND x.risk_id = r.id), '[]') AS acceptances,
      m.config AS matrix_config,
      cm.version AS current_version, cm.config AS current_config
    FROM risks r
    JOIN risk_matrices m ON m.tenant_id = r.tenant_id AND m.version = r.matrix_version
    CROSS JOIN LATERAL (SELECT version, config FROM risk_matrices mm WHERE mm.tenant_id = r.tenant_id ORDER BY version DESC LIMIT 1) cm
    WHERE r.tenant_id = ${tenantId} AND r.id = ${riskId}`.execute(db);
  return res.rows[0];
}

/** A register row: the stored scores (as TRiskValues) with the names and counts the page shows. */
export type TRiskListRow = Omit<TRiskValues, 'description' | 'owner_id'> & {
  id: string;
  status: TRiskStatus;
  owner: { id: string; name: string } | null;
  updated_at: Date;
  open_actions: number;
  overdue_actions: number;
  ai_systems: { id: string; name: string }[];
  sort_key: string;
};

const SORT_EXPR: Record<TRiskListQuery['sort'], { expr: RawBuilder<unknown>; type: RawBuilder<unknown> }> = {
  updated: { expr: sql`r.updated_at`, type: sql`timestamptz` },
  title: { expr: sql`lower(r.title)`, type: sql`text` },
  inherent: { expr: sql`r.inherent_score`, type: sql`integer` },
  residual: { expr: sql`coalesce(r.residual_score, 0)`, type: sql`integer` },
  review: { expr: sql`coalesce(r.review_date, DATE '9999-12-31')`, type: sql`date` },
};

export const encodeRiskCursor = (sortKey: string, id: string) => Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
export function decodeRiskCursor(cursor: string): [string, string] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && /^[0-9a-f-]{36}$/.test(v[1]) ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}

/** Filters shared by the register page and the export. */
export function riskFilters(q: Partial<TRiskListQuery> & { matrixVersion?: number | undefined }, today: string): RawBuilder<unknown>[] {
  const w: RawBuilder<unknown>[] = [];
  const axis = q.levelOf ?? 'residual';
  if (q.level) w.push(axis === 'inherent' ? sql`r.inherent_level = ${q.level}` : sql`r.residual_level = ${q.level}`);
  if (q.likelihood !== undefined) w.push(axis === 'inherent' ? sql`r.inherent_likelihood = ${q.likelihood}` : sql`r.residual_likelihood = ${q.likelihood}`);
  if (q.impact !== undefined) w.push(axis === 'inherent' ? sql`r.inherent_impact = ${q.impact}` : sql`r.residual_impact = ${q.impact}`);
  if (q.matrixVersion !== undefined) w.push(sql`r.matrix_version = ${q.matrixVersion}`);
  if (q.ownerId) w.push(sql`r.owner_id = ${q.ownerId}`);
  if (q.treatment) w.push(sql`r.treatment = ${q.treatment}`);
  if (q.status) w.push(sql`r.status = ${q.status}`);
  if (q.reviewOverdue === true) w.push(sql`(r.review_date < ${today}::date AND r.status <> 'closed')`);
  if (q.reviewOverdue === false) w.push(sql`NOT (r.review_date IS NOT NULL AND r.review_date < ${today}::date AND r.status <> 'closed')`);
  if (q.aiSystemId) w.push(sql`EXISTS (SELECT 1 FROM risk_ai_systems l WHERE l.tenant_id = r.tenant_id AND l.risk_id = r.id AND l.ai_system_id = ${q.aiSystemId})`);
  return w;
}

const summaryColumns = (today: string) => sql`
  r.id, r.title, r.source, r.status, ${person(sql`r.owner_id`)} AS owner, r.matrix_version,
  r.inherent_likelihood, r.inherent_impact, r.inherent_score, r.inherent_level, r.treatment,
  r.residual_likelihood, r.residual_impact, r.residual_score, r.residual_level, r.review_date::text AS review_date, r.updated_at, ${aiSystemsOf} AS ai_systems,
  (SELECT count(*) FROM risk_actions a WHERE a.tenant_id = r.tenant_id AND a.risk_id = r.id AND a.status IN ('planned','in_progress'))::int AS open_actions,
  (SELECT count(*) FROM risk_actions a WHERE a.tenant_id = r.tenant_id AND a.risk_id = r.id AND a.status IN ('planned','in_progress') AND a.due_date < ${today}::date)::int AS overdue_actions`;

/** One page of the register: rows, owners and action counts in a single statement, prepared (a hot path). */
export async function listRisks(database: Pick<TDatabase, 'db' | 'hot'>, tenantId: string, q: TRiskListQuery & { matrixVersion?: number | undefined }, today: string) {
  const { expr, type } = SORT_EXPR[q.sort];
  const desc = q.direction === 'desc';
  const where = [sql`r.tenant_id = ${tenantId}`, ...riskFilters(q, today)];
  const after = q.cursor ? decodeRiskCursor(q.cursor) : null;
  if (after) where.push(sql`(${expr}, r.id) ${sql.raw(desc ? '<' : '>')} (${after[0]}::${type}, ${after[1]}::uuid)`);
  const order = sql.raw(desc ? 'DESC' : 'ASC');
  const rows = await runHot(
    database,
    'risk_list',
    sql<TRiskListRow>`
    SELECT ${summaryColumns(today)}, (${expr})::text AS sort_key
    FROM risks r
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${expr} ${order}, r.id ${order}
    LIMIT ${q.limit + 1}`.compile(database.db),
  );
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > q.limit && last ? encodeRiskCursor(last.sort_key, last.id) : null };
}

/**
 * The heat map in one statement: the matrix in force, counts per cell of that version (inherent
 * and residual, closed risks left out) and how many risks are scored on another version.
 */
export async function heatMap(db: TDb, tenantId: string) {
  type TCell = { likelihood: number; impact: number; count: number };
  const res = await sql<{ matrix: { version: number; config: TRiskMatrixConfig; created_at: string; created_by_name: string | null } | null; inherent: TCell[]; residual: TCell[]; on_other: number }>`
    WITH m AS (SELECT version, config, created_at, created_by FROM risk_matrices WHERE tenant_id = ${tenantId} ORDER BY version DESC LIMIT 1),
      r AS (SELECT matrix_version, inherent_likelihood, inherent_impact, residual_likelihood, residual_impact FROM risks WHERE tenant_id = ${tenantId} AND status <> 'closed')
    SELECT
      (SELECT json_build_object('version', m.version, 'config', m.config, 'created_at', m.created_at, 'created_by_name', u.name) FROM m LEFT JOIN users u ON u.id = m.created_by) AS matrix,
      coalesce((SELECT json_agg(json_build_object('likelihood', l, 'impact', i, 'count', n) ORDER BY l, i) FROM (
        SELECT inherent_likelihood AS l, inherent_impact AS i, count(*)::int AS n FROM r WHERE matrix_version = (SELECT version FROM m) GROUP BY 1, 2) c), '[]') AS inherent,
      coalesce((SELECT json_agg(json_build_object('likelihood', l, 'impact', i, 'count', n) ORDER BY l, i) FROM (
        SELECT residual_likelihood AS l, residual_impact AS i, count(*)::int AS n FROM r WHERE matrix_version = (SELECT version FROM m) AND residual_likelihood IS NOT NULL GROUP BY 1, 2) c), '[]') AS residual,
      (SELECT count(*)::int FROM r WHERE matrix_version IS DISTINCT FROM (SELECT version FROM m)) AS on_other`.execute(db);
  return res.rows[0]!;
}

export async function overdueReviews(db: TDb, tenantId: string, today: string) {
  const res = await sql<{ id: string; title: string; review_date: string; owner: { id: string; name: string } | null }>`
    SELECT r.id, r.title, r.review_date::text AS review_date, ${person(sql`r.owner_id`)} AS owner
    FROM risks r WHERE r.tenant_id = ${tenantId} AND r.status <> 'closed' AND r.review_date < ${today}::date
    ORDER BY r.review_date, r.id LIMIT 500`.execute(db);
  return res.rows;
}

export async function overdueActions(db: TDb, tenantId: string, today: string) {
  const res = await sql<{ id: string; risk_id: string; risk_title: string; title: string; due_date: string; owner: { id: string; name: string } | null; status: TActionStatus }>`
    SELECT a.id, a.risk_id, r.title AS risk_title, a.title, a.due_date::text AS due_date, ${person(sql`a.owner_id`)} AS owner, a.status
    FROM risk_actions a JOIN risks r ON r.tenant_id = a.tenant_id AND r.id = a.risk_id
    WHERE a.tenant_id = ${tenantId} AND a.status IN ('planned','in_progress') AND a.due_date < ${today}::date AND r.status <> 'closed'
    ORDER BY a.due_date, a.id LIMIT 500`.execute(db);
  return res.rows;
}

export type TExportRow = TRiskListRow & {
  description: string;
  matrix_config: TRiskMatrixConfig;
  requirements: string[];
  acceptance: { accepted_by: string; accepted_at: string; expires_on: string; rationale: string } | null;
};

/** Every risk matching the filters with what the spreadsheet shows, in register order. */
export async function exportRows(db: TDb, tenantId: string, today: string) {
  const res = await sql<TExportRow>`
    SELECT ${summaryColumns(today)}, r.description, m.config AS matrix_config,
      coalesce((SELECT json_agg(q.framework_id || ' ' || q.ref ORDER BY q.framework_id, q.ref) FROM risk_requirements q WHERE q.tenant_id = r.tenant_id AND q.risk_id = r.id), '[]') AS requirements,
      (SELECT json_build_object('accepted_by', u.name, 'accepted_at', x.accepted_at, 'expires_on', x.expires_on::text, 'rationale', x.rationale)
        FROM risk_acceptances x JOIN users u ON u.id = x.accepted_by WHERE x.tenant_id = r.tenant_id AND x.id = r.current_acceptance_id) AS acceptance
    FROM risks r JOIN risk_matrices m ON m.tenant_id = r.tenant_id AND m.version = r.matrix_version
    WHERE r.tenant_id = ${tenantId}
    ORDER BY r.created_at, r.id
    LIMIT 10000`.execute(db);
  return res.rows;
}

/**
 * The register's counts for the dashboard, as one SQL expression the dashboard composes. Levels
 * are counted per (matrix version, level key) with that version's band, so a risk scored on an
 * older matrix is never re-levelled here either.
 */
export const dashboardSummarySql = (tenantId: string, today: string) => sql<{
  open: number;
  accepted: number;
  levels: { version: number; key: string; inherent: number; residual: number }[];
  bands: { version: number; bands: { key: string; label: { en: string; fr: string }; color: string; upTo: number }[] }[];
  current: number | null;
  overdueReviews: number;
  overdueActions: number;
  acceptancesExpiringSoon: number;
  oldestOverdue: { id: string; title: string; reviewDate: string }[];
}>`(
  WITH r AS (SELECT * FROM risks WHERE tenant_id = ${tenantId} AND status <> 'closed'),
  lv AS (
    SELECT matrix_version AS version, key, sum(i)::int AS inherent, sum(s)::int AS residual FROM (
      SELECT matrix_version, inherent_level AS key, 1 AS i, 0 AS s FROM r
      UNION ALL SELECT matrix_version, residual_level, 0, 1 FROM r WHERE residual_level IS NOT NULL) x
    GROUP BY 1, 2)
  SELECT json_build_object(
    'open', (SELECT count(*) FROM r WHERE status = 'open')::int,
    'accepted', (SELECT count(*) FROM r WHERE status = 'accepted')::int,
    'levels', coalesce((SELECT json_agg(json_build_object('version', version, 'key', key, 'inherent', inherent, 'residual', residual)) FROM lv), '[]'),
    'bands', coalesce((SELECT json_agg(json_build_object('version', m.version, 'bands', m.config->'bands'))
                       FROM risk_matrices m WHERE m.tenant_id = ${tenantId}
                         AND (m.version IN (SELECT version FROM lv) OR m.version = (SELECT max(version) FROM risk_matrices WHERE tenant_id = ${tenantId}))), '[]'),
    'current', (SELECT max(version) FROM risk_matrices WHERE tenant_id = ${tenantId}),
    'overdueReviews', (SELECT count(*) FROM r WHERE review_date < ${today}::date)::int,
    'overdueActions', (SELECT count(*) FROM risk_actions a JOIN r ON r.id = a.risk_id
                       WHERE a.tenant_id = ${tenantId} AND a.status IN ('planned','in_progress') AND a.due_date < ${today}::date)::int,
    'acceptancesExpiringSoon', (SELECT count(*) FROM risk_acceptances x JOIN r ON r.id = x.risk_id AND r.current_acceptance_id = x.id
                                WHERE x.tenant_id = ${tenantId} AND x.reopened_at IS NULL AND x.expires_on < ${today}::date + 30)::int,
    'oldestOverdue', coalesce((SELECT json_agg(o) FROM (SELECT id, title, review_date::text AS "reviewDate" FROM r
                               WHERE review_date < ${today}::date ORDER BY review_date, id LIMIT 5) o), '[]')))`;

/**
 * The register's part of the mandatory documented-information checklist (documents module):
 * risk-assessment and treatment results are kept here (current while no open risk's review date
 * has passed), and the treatment plan is the risks with a treatment decided.
 */
export const mandatoryChecklistSql = (tenantId: string, today: string) => sql`
  SELECT 'risk-results-8.2' AS item, 'risks' AS source,
         CASE WHEN count(*) = 0 THEN 'missing' WHEN count(*) FILTER (WHERE review_date < ${today}::date) > 0 THEN 'overdue' ELSE 'current' END AS state,
         count(*)::int AS count, NULL::text AS document_id, NULL::text AS title, NULL::int AS version, NULL::text AS next_review_on
  FROM risks WHERE tenant_id = ${tenantId} AND status <> 'closed'
  UNION ALL
  SELECT 'risk-treatment-plan-6.1.3', 'risks', CASE WHEN count(*) = 0 THEN 'missing' ELSE 'current' END,
         count(*)::int, NULL::text, NULL::text, NULL::int, NULL::text
  FROM risks WHERE tenant_id = ${tenantId} AND status <> 'closed' AND treatment IS NOT NULL`;
