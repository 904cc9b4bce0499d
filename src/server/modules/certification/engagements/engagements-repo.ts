import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TAuditState, TAuditType, TScheme } from '../../../../shared/contracts/certification.ts';

/*
 * Engagements and the programme they open. An engagement belongs to two tenants: the body reads it
 * by body_tenant_id, the organization by organization_tenant_id; every query names one of them.
 */

/** A live (not closed) engagement of this body with this organization for the scheme, locked. */
export const findLiveEngagement = (db: Kysely<DB>, bodyTenantId: string, organizationTenantId: string, scheme: TScheme) =>
  db
    .selectFrom('engagements')
    .select(['id', 'status'])
    .where('body_tenant_id', '=', bodyTenantId)
    .where('organization_tenant_id', '=', organizationTenantId)
    .where('scheme', '=', scheme)
    .where('status', '<>', 'closed')
    .forUpdate()
    .executeTakeFirst();

export const insertEngagement = (
  db: Kysely<DB>,
  v: { body_tenant_id: string; organization_tenant_id: string; client_id: string; scheme: TScheme; proposal_id: string | null; created_by: string | null },
) => db.insertInto('engagements').values(v).returning(['id', 'started_at']).executeTakeFirstOrThrow();

export const insertProgramme = (db: Kysely<DB>, tenantId: string, v: { engagement_id: string; client_id: string; created_by: string | null }) =>
  db
    .insertInto('audit_programmes')
    .values({ tenant_id: tenantId, ...v })
    .returning(['id', 'cycle'])
    .executeTakeFirstOrThrow();

export const insertAudit = (
  db: Kysely<DB>,
  tenantId: string,
  row: { programme_id: string; engagement_id: string; client_id: string; reference: string; type: TAuditType; sequence: number; planned_days: number; due_by: string | null; created_by: string | null },
) =>
  db
    .insertInto('audits')
    .values({ tenant_id: tenantId, ...row })
    .returning(['id', 'reference', 'type', 'sequence'])
    .executeTakeFirstOrThrow();

/**
 * The organization's engagements with their body, the proposal that opened each and the current
 * programme's audits: one statement (audits aggregated per programme).
 */
export const listOrganizationEngagements = (db: Kysely<DB>, organizationTenantId: string, engagementId?: string) => {
  let q = db
    .selectFrom('engagements as e')
    .innerJoin('tenants as b', 'b.id', 'e.body_tenant_id')
    .leftJoin('body_settings as s', 's.tenant_id', 'e.body_tenant_id')
    .leftJoin('proposals as p', (j) => j.onRef('p.tenant_id', '=', 'e.body_tenant_id').onRef('p.id', '=', 'e.proposal_id'))
    .leftJoin('users as au', 'au.id', 'p.accepted_by')
    .leftJoin('audit_programmes as g', (j) =>
      j
        .onRef('g.tenant_id', '=', 'e.body_tenant_id')
        .onRef('g.engagement_id', '=', 'e.id')
        .on('g.cycle', '=', (eb) => eb.selectFrom('audit_programmes as g2').select(sql<number>`max(g2.cycle)`.as('m')).whereRef('g2.tenant_id', '=', 'e.body_tenant_id').whereRef('g2.engagement_id', '=', 'e.id')),
    )
    .select([
      'e.id',
      'e.scheme',
      'e.status',
      'e.started_at',
      sql<string>`coalesce(s.legal_name, b.name)`.as('bodyName'),
      'p.reference as proposalReference',
      'p.accepted_at as proposalAcceptedAt',
      'au.name as proposalAcceptedBy',
      'p.currency as proposalCurrency',
      sql<string | null>`(SELECT sum(l.amount_cents)::text FROM proposal_lines l WHERE l.tenant_id = p.tenant_id AND l.proposal_id = p.id)`.as('proposalCycleCents'),
      'g.id as programmeId',
      'g.cycle as programmeCycle',
      'g.status as programmeStatus',
      sql<string | null>`g.decision_date::text`.as('decisionDate'),
      sql<string | null>`g.expiry_date::text`.as('expiryDate'),
      sql<
        { id: string; reference: string; type: TAuditType; sequence: number; state: TAuditState; due_by: string | null; planned_start: string | null; planned_end: string | null; planned_days: number }[]
      >`(SELECT coalesce(json_agg(json_build_object('id', a.id, 'reference', a.reference, 'type', a.type, 'sequence', a.sequence, 'state', a.state, 'due_by', a.due_by::text, 'planned_start', a.planned_start::text, 'planned_end', a.planned_end::text, 'planned_days', a.planned_days) ORDER BY a.created_at, a.reference), '[]') FROM audits a WHERE a.tenant_id = g.tenant_id AND a.programme_id = g.id)`.as(
        'audits',
      ),
    ])
    .where('e.organization_tenant_id', '=', organizationTenantId);
  if (engagementId) q = q.where('e.id', '=', engagementId);
  return q.orderBy('e.started_at', 'desc').orderBy('e.id', 'desc').execute();
};
