import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';

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
