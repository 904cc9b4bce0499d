import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TCycleAlertKind } from '../../../db/types-cycle.ts';

/*
 * The programme cycle as recertification sees it: the programme row (locked when a new cycle
 * opens), its slots, and whether the recertification's outstanding activities are done. Every
 * query names the certification body's tenant.
 */

export const lockProgramme = (db: Kysely<DB>, tenantId: string, programmeId: string) =>
  db
    .selectFrom('audit_programmes as g')
    .innerJoin('engagements as e', 'e.id', 'g.engagement_id')
    .innerJoin('tenants as o', 'o.id', 'e.organization_tenant_id')
    .innerJoin('tenants as b', 'b.id', 'e.body_tenant_id')
    .select([
      'g.id',
      'g.engagement_id',
      'g.client_id',
      'g.cycle',
      'g.status',
      sql<string | null>`g.decision_date::text`.as('decision_date'),
      sql<string | null>`g.expiry_date::text`.as('expiry_date'),
      'e.status as engagementStatus',
      'e.organization_tenant_id as organizationTenantId',
      'o.name as organizationName',
      'b.name as bodyName',
    ])
    .where('g.tenant_id', '=', tenantId)
    .where('e.body_tenant_id', '=', tenantId)
    .where('g.id', '=', programmeId)
    .forUpdate('g')
    .executeTakeFirst();

export const programmeSlots = (db: Kysely<DB>, tenantId: string, programmeId: string) =>
  db.selectFrom('audits').select(['type', 'sequence', 'state', 'planned_days']).where('tenant_id', '=', tenantId).where('programme_id', '=', programmeId).execute();

export const cycleExists = (db: Kysely<DB>, tenantId: string, engagementId: string, cycle: number) =>
  db.selectFrom('audit_programmes').select('id').where('tenant_id', '=', tenantId).where('engagement_id', '=', engagementId).where('cycle', '=', cycle).executeTakeFirst();

export const insertCycle = (db: Kysely<DB>, tenantId: string, v: { engagement_id: string; client_id: string; cycle: number; decision_date: string; expiry_date: string; created_by: string | null }) =>
  db.insertInto('audit_programmes').values({ tenant_id: tenantId, ...v }).returning(['id', 'cycle']).executeTakeFirstOrThrow();

export const completeProgramme = (db: Kysely<DB>, tenantId: string, programmeId: string) =>
  db.updateTable('audit_programmes').set({ status: 'completed' }).where('tenant_id', '=', tenantId).where('id', '=', programmeId).execute();

/**
 * The recertification's outstanding activities, one statement: whether the programme's
 * recertification audit is reported (or closed), and whether any of the programme's
 * nonconformities still blocks (a major not verified or closed, a minor without an accepted plan).
 */
export const recertificationActivities = async (db: Kysely<DB>, tenantId: string, programmeId: string) => {
  const row = await db
    .selectNoFrom([
      sql<boolean>`EXISTS (SELECT 1 FROM audits a WHERE a.tenant_id = ${tenantId} AND a.programme_id = ${programmeId} AND a.type = 'recertification' AND a.state IN ('reported','closed'))`.as('reported'),
      sql<boolean>`EXISTS (SELECT 1 FROM audit_findings f WHERE f.tenant_id = ${tenantId} AND f.programme_id = ${programmeId} AND ((f.class = 'major' AND f.state NOT IN ('verified','closed')) OR (f.class = 'minor' AND f.state IN ('open','submitted'))))`.as('blocked'),
    ])
    .executeTakeFirstOrThrow();
  return { recertificationReported: Boolean(row.reported), nonconformitiesCleared: !row.blocked };
};

/* ───────────────────────── Alerts (migration 0030) ───────────────────────── */

export type TCertifiedProgramme = {
  tenant_id: string;
  id: string;
  organization_tenant_id: string;
  expiry_date: string | null;
  audits: { id: string; type: string; sequence: number; state: string; dueBy: string | null }[];
  open_alerts: { id: string; kind: string; threshold: string }[];
};

/** Active certified programmes of live engagements (one body's, or all), with their audits and open alerts. */
export async function certifiedProgrammes(db: Kysely<DB>, tenantId?: string) {
  const { rows } = await sql<TCertifiedProgramme>`
    SELECT g.tenant_id, g.id, e.organization_tenant_id, g.expiry_date::text AS expiry_date,
      (SELECT coalesce(json_agg(json_build_object('id', a.id, 'type', a.type, 'sequence', a.sequence, 'state', a.state, 'dueBy', a.due_by::text)), '[]')
        FROM audits a WHERE a.tenant_id = g.tenant_id AND a.programme_id = g.id) AS audits,
      (SELECT coalesce(json_agg(json_build_object('id', x.id, 'kind', x.kind, 'threshold', x.threshold)), '[]')
        FROM cycle_alerts x WHERE x.tenant_id = g.tenant_id AND x.programme_id = g.id AND x.cleared_at IS NULL) AS open_alerts
    FROM audit_programmes g
    JOIN engagements e ON e.id = g.engagement_id AND e.body_tenant_id = g.tenant_id
    WHERE g.status = 'active' AND g.decision_date IS NOT NULL AND e.status <> 'closed'
      ${tenantId ? sql`AND g.tenant_id = ${tenantId}` : sql``}
    ORDER BY g.tenant_id, g.id`.execute(db);
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return rows.map((r) => ({ ...r, audits: parse(r.audits), open_alerts: parse(r.open_alerts) }));
}

/** Records an alert once (per programme, kind and threshold); undefined when it was already raised. */
export const insertAlert = (
  db: Kysely<DB>,
  v: { tenant_id: string; organization_tenant_id: string; programme_id: string; audit_id: string | null; kind: TCycleAlertKind; threshold: string; due_on: string; raised_on: string },
) => db.insertInto('cycle_alerts').values(v).onConflict((oc) => oc.columns(['tenant_id', 'programme_id', 'kind', 'threshold']).doNothing()).returning('id').executeTakeFirst();

export const clearAlerts = (db: Kysely<DB>, tenantId: string, ids: readonly string[], at: Date) =>
  ids.length ? db.updateTable('cycle_alerts').set({ cleared_at: at }).where('tenant_id', '=', tenantId).where('id', 'in', ids).where('cleared_at', 'is', null).execute() : Promise.resolve([]);

export const setAlertRecipients = (db: Kysely<DB>, tenantId: string, id: string, n: number) => db.updateTable('cycle_alerts').set({ recipients: n }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export type TAlertFacts = {
  id: string;
  kind: TCycleAlertKind;
  due_on: string;
  body_tenant_id: string;
  organization_tenant_id: string;
  body_name: string;
  client_name: string;
  client_reference: string;
  audit_reference: string | null;
  audit_sequence: number | null;
  cleared_at: Date | null;
};

/** One alert with the names its mail states. */
export async function alertFacts(db: Kysely<DB>, tenantId: string, alertId: string) {
  const { rows } = await sql<TAlertFacts>`
    SELECT x.id, x.kind, x.due_on::text AS due_on, x.tenant_id AS body_tenant_id, x.organization_tenant_id, coalesce(s.legal_name, t.name) AS body_name,
      c.legal_name AS client_name, c.reference AS client_reference, a.reference AS audit_reference, a.sequence AS audit_sequence, x.cleared_at
    FROM cycle_alerts x
    JOIN audit_programmes g ON g.tenant_id = x.tenant_id AND g.id = x.programme_id
    JOIN clients c ON c.tenant_id = g.tenant_id AND c.id = g.client_id
    JOIN tenants t ON t.id = x.tenant_id
    LEFT JOIN body_settings s ON s.tenant_id = x.tenant_id
    LEFT JOIN audits a ON a.tenant_id = x.tenant_id AND a.id = x.audit_id
    WHERE x.tenant_id = ${tenantId} AND x.id = ${alertId}`.execute(db);
  return rows[0];
}

export type TRecipient = { email: string; name: string; locale: 'en' | 'fr'; side: 'body' | 'organization' };

/**
 * Who hears of a programme's alerts: the client's contact and the organization's owners and
 * admins, the body's scheme managers; each address once (a member's own language first).
 */
export async function alertRecipients(db: Kysely<DB>, f: Pick<TAlertFacts, 'body_tenant_id' | 'organization_tenant_id' | 'id'>) {
  const { rows } = await sql<TRecipient>`
    SELECT u.email, u.name, u.locale, 'organization' AS side FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.tenant_id = ${f.organization_tenant_id} AND m.role IN ('owner','admin')
    UNION ALL
    SELECT u.email, u.name, u.locale, 'body' AS side FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.tenant_id = ${f.body_tenant_id} AND m.role = 'scheme_manager'
    UNION ALL
    SELECT c.contact_email, c.contact_name, c.preferred_locale, 'organization' FROM cycle_alerts x
      JOIN audit_programmes g ON g.tenant_id = x.tenant_id AND g.id = x.programme_id
      JOIN clients c ON c.tenant_id = g.tenant_id AND c.id = g.client_id
      WHERE x.tenant_id = ${f.body_tenant_id} AND x.id = ${f.id} AND c.contact_email IS NOT NULL`.execute(db);
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = r.email.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
