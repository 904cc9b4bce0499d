import { sql, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../../../db/types.ts';
import { decodeKeyset, keysetTail } from '../common/keyset-page.ts';
import type { TAuditTeamRole } from '../../../../shared/contracts/certification.ts';
import type { TCertAuditListQuery } from '../../../../shared/contracts/cert-audits.ts';

/*
 * The only door to `audits` and `audit_team_members` for reading and changing an audit. Every
 * query is filtered by the body's tenant id. A list or a detail is one statement: the team comes
 * as a JSON array built in SQL, with each member's name, so no query runs per row.
 */

export type TTeamRow = { userId: string; name: string; email: string; role: TAuditTeamRole; plannedDays: number; declaredAt: string | null };

/** The day an audit sits on in the calendar: its planned start, else its deadline; undated last. */
const DAY = sql<string>`coalesce(a.planned_start, a.due_by, '9999-12-31'::date)::text`;
/**
 * The calendar's order as one text key (the cursor survives JSON): the day, then the programme's
 * own order (stage 1 before stage 2, surveillance 1 before 2), so undated slots read in sequence.
 */
const SORT_KEY = sql<string>`(${DAY} || ' ' || CASE a.type WHEN 'pre_audit' THEN '0' WHEN 'stage1' THEN '1' WHEN 'stage2' THEN '2' WHEN 'surveillance' THEN '3' WHEN 'recertification' THEN '4' WHEN 'special' THEN '5' ELSE '6' END || lpad(a.sequence::text, 3, '0'))`;

const TEAM = sql<TTeamRow[]>`coalesce((
  SELECT json_agg(json_build_object('userId', m.user_id, 'name', u.name, 'email', u.email, 'role', m.role, 'plannedDays', m.planned_days::float8,
                                    'declaredAt', (SELECT d.signed_at FROM audit_impartiality_declarations d WHERE d.tenant_id = m.tenant_id AND d.audit_id = m.audit_id AND d.user_id = m.user_id))
                  ORDER BY CASE m.role WHEN 'lead_auditor' THEN 0 WHEN 'auditor' THEN 1 WHEN 'technical_expert' THEN 2 ELSE 3 END, u.name)
  FROM audit_team_members m JOIN users u ON u.id = m.user_id
  WHERE m.tenant_id = a.tenant_id AND m.audit_id = a.id), '[]'::json)`;

const LEAD = sql<string | null>`(SELECT m.user_id FROM audit_team_members m WHERE m.tenant_id = a.tenant_id AND m.audit_id = a.id AND m.role = 'lead_auditor')`;

function selectAudits(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('audits as a')
    .innerJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.id', '=', 'a.client_id'))
    .innerJoin('audit_programmes as pr', (j) => j.onRef('pr.tenant_id', '=', 'a.tenant_id').onRef('pr.id', '=', 'a.programme_id'))
    .innerJoin('engagements as e', 'e.id', 'a.engagement_id')
    .where('a.tenant_id', '=', tenantId)
    .select([
      'a.id',
      'a.reference',
      'a.type',
      'a.sequence',
      'a.state',
      'a.client_id',
      'a.engagement_id',
      'a.programme_id',
      'a.state_changed_at',
      'c.reference as client_reference',
      'c.legal_name as client_name',
      'pr.cycle',
      'e.scheme',
      sql<string | null>`a.due_by::text`.as('due_by'),
      sql<string | null>`a.planned_start::text`.as('planned_start'),
      sql<string | null>`a.planned_end::text`.as('planned_end'),
      sql<string | null>`a.actual_start::text`.as('actual_start'),
      sql<string | null>`a.actual_end::text`.as('actual_end'),
      sql<number>`a.planned_days::float8`.as('planned_days'),
      sql<number>`a.on_site_days::float8`.as('on_site_days'),
      SORT_KEY.as('sort_key'),
      TEAM.as('team'),
      LEAD.as('lead_user_id'),
    ]);
}
export type TAuditRow = Awaited<ReturnType<ReturnType<typeof selectAudits>['executeTakeFirstOrThrow']>>;

const OPEN_STATES = ['planned', 'confirmed', 'in_progress'] as const;

/** The body's calendar: by date ascending (planned start, else the deadline), then id. */
export async function listAudits(db: Kysely<DB>, tenantId: string, q: TCertAuditListQuery, o: { today: string; userId: string | null }) {
  let query = selectAudits(db, tenantId);
  if (q.state) query = query.where('a.state', '=', q.state);
  if (q.type) query = query.where('a.type', '=', q.type);
  if (q.clientId) query = query.where('a.client_id', '=', q.clientId);
  if (q.engagementId) query = query.where('a.engagement_id', '=', q.engagementId);
  if (q.from) query = query.where(DAY, '>=', q.from);
  if (q.to) query = query.where(DAY, '<=', q.to);
  if (q.overdue !== undefined) {
    const overdue = sql<boolean>`(a.state IN ('planned','confirmed','in_progress') AND a.due_by < ${o.today}::date)`;
    query = query.where(q.overdue ? overdue : sql<boolean>`NOT ${overdue}`);
  }
  if (q.mine) {
    const userId = o.userId ?? '00000000-0000-0000-0000-000000000000';
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('audit_team_members as m').select(sql`1`.as('one')).whereRef('m.tenant_id', '=', 'a.tenant_id').whereRef('m.audit_id', '=', 'a.id').where('m.user_id', '=', userId)),
    );
  }
  const after = decodeKeyset(q.cursor);
  if (after) query = query.where(sql<boolean>`(${SORT_KEY}, a.id) > (${after[0]}, ${after[1]}::uuid)`);
  return keysetTail(await query.orderBy(SORT_KEY).orderBy('a.id').limit(q.limit + 1).execute(), q.limit);
}

export const getAudit = (db: Kysely<DB>, tenantId: string, auditId: string) => selectAudits(db, tenantId).where('a.id', '=', auditId).executeTakeFirst();

/** Locks the audit row for a change; the caller reads the rest with getAudit in the same transaction. */
export const lockAudit = (db: Kysely<DB>, tenantId: string, auditId: string) =>
  db.selectFrom('audits').select(['id', 'state']).where('tenant_id', '=', tenantId).where('id', '=', auditId).forUpdate().executeTakeFirst();

export async function updateAudit(db: Kysely<DB>, tenantId: string, auditId: string, values: Updateable<DB['audits']>) {
  await db.updateTable('audits').set(values).where('tenant_id', '=', tenantId).where('id', '=', auditId).execute();
}

/** Whether the programme's stage 1 has been reported (or reported and closed): stage 2 waits for it. */
export async function stage1Reported(db: Kysely<DB>, tenantId: string, programmeId: string) {
  const row = await db
    .selectFrom('audits')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('programme_id', '=', programmeId)
    .where('type', '=', 'stage1')
    .where('state', 'in', ['reported', 'closed'])
    .executeTakeFirst();
  return Boolean(row);
}

export const isOverdue = (row: Pick<TAuditRow, 'state' | 'due_by'>, today: string) =>
  (OPEN_STATES as readonly string[]).includes(row.state) && row.due_by !== null && row.due_by < today;

/**
 * The engagement's current programme, locked (audits are added to it one at a time), with the
 * engagement's state and the programme's audits; undefined when the engagement is not this body's.
 */
export async function lockCurrentProgramme(db: Kysely<DB>, tenantId: string, engagementId: string) {
  const programme = await db
    .selectFrom('audit_programmes as p')
    .innerJoin('engagements as e', 'e.id', 'p.engagement_id')
    .select(['p.id', 'p.client_id', 'p.status', 'e.status as engagementStatus'])
    .where('p.tenant_id', '=', tenantId)
    .where('e.body_tenant_id', '=', tenantId)
    .where('p.engagement_id', '=', engagementId)
    .orderBy('p.cycle', 'desc')
    .limit(1)
    .forUpdate('p')
    .executeTakeFirst();
  if (!programme) return undefined;
  const audits = await db.selectFrom('audits').select(['type', 'state']).where('tenant_id', '=', tenantId).where('programme_id', '=', programme.id).execute();
  return { ...programme, audits };
}
