import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TCycleDashboardQuery, TCycleRow } from '../../../../shared/contracts/cycle.ts';

/** How far ahead an audit counts as due soon, and a certificate as expiring. */
export const DUE_SOON_DAYS = 90;
export const EXPIRING_MONTHS = 6;

/**
 * The certified programmes of one side (the body's, or the organization's), their surveillance
 * and recertification audits with overdue / due-soon flags, and their open alerts — one statement,
 * filtered and counted in SQL. "Not started" is the open 'recertification_not_started' alert's
 * condition: within 3 months of expiry and the recertification audit not confirmed.
 */
export async function cycleDashboard(db: Kysely<DB>, side: 'body' | 'organization', tenantId: string, today: string, q: TCycleDashboardQuery) {
  const who = side === 'body' ? sql`e.body_tenant_id = ${tenantId}` : sql`e.organization_tenant_id = ${tenantId}`;
  const { rows } = await sql<TCycleRow & { keep: boolean; totals: { overdue: number; dueSoon: number; expiring: number; notStarted: number } }>`
    WITH p AS (
      SELECT g.id AS "programmeId", g.engagement_id AS "engagementId", g.cycle, g.decision_date::text AS "decisionDate", g.expiry_date::text AS "expiryDate",
        json_build_object('id', c.id, 'name', c.legal_name, 'reference', c.reference) AS client, c.id AS client_id,
        ${side === 'body' ? sql`o.name` : sql`coalesce(s.legal_name, b.name)`} AS counterpart,
        (g.expiry_date IS NOT NULL AND g.expiry_date >= ${today}::date AND g.expiry_date < (${today}::date + interval '${sql.raw(String(EXPIRING_MONTHS))} months')) AS "expiringSoon",
        EXISTS (SELECT 1 FROM audits r WHERE r.tenant_id = g.tenant_id AND r.programme_id = g.id AND r.type = 'recertification' AND r.state IN ('confirmed','in_progress','reported','closed')) AS "recertificationStarted",
        (SELECT coalesce(json_agg(json_build_object('id', a.id, 'reference', a.reference, 'type', a.type, 'sequence', a.sequence, 'state', a.state, 'dueBy', a.due_by::text,
            'plannedStart', a.planned_start::text,
            'overdue', (a.due_by IS NOT NULL AND a.due_by < ${today}::date AND a.state IN ('planned','confirmed','in_progress')),
            'dueSoon', (a.due_by IS NOT NULL AND a.due_by >= ${today}::date AND a.due_by <= ${today}::date + ${DUE_SOON_DAYS}::int AND a.state IN ('planned','confirmed','in_progress')))
          ORDER BY a.due_by NULLS LAST, a.reference), '[]')
          FROM audits a WHERE a.tenant_id = g.tenant_id AND a.programme_id = g.id AND a.type IN ('surveillance','recertification')) AS audits,
        (SELECT coalesce(json_agg(json_build_object('kind', x.kind, 'dueOn', x.due_on::text, 'raisedOn', x.raised_on::text, 'auditId', x.audit_id) ORDER BY x.created_at), '[]')
          FROM cycle_alerts x WHERE x.tenant_id = g.tenant_id AND x.programme_id = g.id AND x.cleared_at IS NULL) AS alerts,
        (SELECT min(a.due_by) FROM audits a WHERE a.tenant_id = g.tenant_id AND a.programme_id = g.id AND a.type IN ('surveillance','recertification') AND a.state IN ('planned','confirmed','in_progress')) AS next_due
      FROM audit_programmes g
      JOIN engagements e ON e.id = g.engagement_id AND e.body_tenant_id = g.tenant_id
      JOIN clients c ON c.tenant_id = g.tenant_id AND c.id = g.client_id
      JOIN tenants o ON o.id = e.organization_tenant_id
      JOIN tenants b ON b.id = e.body_tenant_id
      LEFT JOIN body_settings s ON s.tenant_id = e.body_tenant_id
      WHERE ${who} AND g.status = 'active' AND g.decision_date IS NOT NULL AND e.status <> 'closed'
        ${q.clientId ? sql`AND c.id = ${q.clientId}` : sql``}
    ), f AS (
      SELECT p.*,
        EXISTS (SELECT 1 FROM json_array_elements(p.audits) j WHERE (j->>'overdue')::boolean) AS is_overdue,
        EXISTS (SELECT 1 FROM json_array_elements(p.audits) j WHERE (j->>'dueSoon')::boolean) AS is_due_soon,
        EXISTS (SELECT 1 FROM json_array_elements(p.alerts) j WHERE j->>'kind' = 'recertification_not_started') AS is_not_started
      FROM p
    )
    SELECT f."programmeId", f."engagementId", f.cycle, f."decisionDate", f."expiryDate", f.client, f.counterpart, f."expiringSoon", f."recertificationStarted", f.audits, f.alerts,
      json_build_object('overdue', count(*) FILTER (WHERE f.is_overdue) OVER (), 'dueSoon', count(*) FILTER (WHERE f.is_due_soon) OVER (),
        'expiring', count(*) FILTER (WHERE f."expiringSoon") OVER (), 'notStarted', count(*) FILTER (WHERE f.is_not_started) OVER ()) AS totals,
      ${
        q.status === 'all'
          ? sql`true`
          : q.status === 'overdue'
            ? sql`f.is_overdue`
            : q.status === 'due_soon'
              ? sql`f.is_due_soon`
              : q.status === 'expiring'
                ? sql`f."expiringSoon"`
                : sql`f.is_not_started`
      } AS keep
    FROM f
    ORDER BY f.next_due NULLS LAST, f."expiryDate", f."programmeId"`.execute(db);
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  const totals = rows[0] ? parse(rows[0].totals) : { overdue: 0, dueSoon: 0, expiring: 0, notStarted: 0 };
  const items = rows
    .filter((r) => r.keep)
    .map(({ keep: _keep, totals: _totals, ...r }) => {
      const audits = parse(r.audits);
      return { ...r, client: parse(r.client), audits, alerts: parse(r.alerts) } as TCycleRow;
    });
  return { items, totals: { overdue: Number(totals.overdue), dueSoon: Number(totals.dueSoon), expiring: Number(totals.expiring), notStarted: Number(totals.notStarted) } };
}
