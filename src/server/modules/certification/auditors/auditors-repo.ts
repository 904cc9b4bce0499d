import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TScheme } from '../../../../shared/contracts/certification.ts';
import type { TAuditorCompetenceBody, TAuditorCompetencePatch, TAuditorConflictBody } from '../../../../shared/contracts/cert-audits.ts';

/* The only door to auditor_competences and auditor_conflicts; every query filtered by the body's tenant. */

const competenceCols = [
  'c.id',
  'c.user_id',
  'u.name as user_name',
  'c.scheme',
  'c.qualification',
  sql<string | null>`c.iso42001_trained_on::text`.as('iso42001_trained_on'),
  'c.ai_domain_areas',
  'c.audits_done',
  'c.lead_qualified',
  sql<string>`c.valid_from::text`.as('valid_from'),
  sql<string>`c.valid_until::text`.as('valid_until'),
  'c.notes',
] as const;

const competences = (db: Kysely<DB>, tenantId: string) =>
  db.selectFrom('auditor_competences as c').innerJoin('users as u', 'u.id', 'c.user_id').select(competenceCols).where('c.tenant_id', '=', tenantId);
export type TCompetenceRow = Awaited<ReturnType<ReturnType<typeof competences>['executeTakeFirstOrThrow']>>;

/** People in name order, each person's records latest end first; bounded (a body has tens of auditors, not thousands). */
export const listCompetences = (db: Kysely<DB>, tenantId: string, userId?: string) => {
  let q = competences(db, tenantId);
  if (userId) q = q.where('c.user_id', '=', userId);
  return q.orderBy('u.name').orderBy('c.user_id').orderBy('c.valid_until', 'desc').orderBy('c.id').limit(2000).execute();
};

export const getCompetence = (db: Kysely<DB>, tenantId: string, id: string) => competences(db, tenantId).where('c.id', '=', id).executeTakeFirst();

export async function insertCompetence(db: Kysely<DB>, tenantId: string, b: TAuditorCompetenceBody, createdBy: string | null) {
  const { id } = await db
    .insertInto('auditor_competences')
    .values({
      tenant_id: tenantId,
      user_id: b.userId,
      scheme: b.scheme,
      qualification: b.qualification,
      iso42001_trained_on: b.iso42001TrainedOn,
      ai_domain_areas: b.aiDomainAreas,
      audits_done: b.auditsDone,
      lead_qualified: b.leadQualified,
      valid_from: b.validFrom,
      valid_until: b.validUntil,
      notes: b.notes,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await getCompetence(db, tenantId, id))!;
}

export async function updateCompetence(db: Kysely<DB>, tenantId: string, id: string, b: TAuditorCompetencePatch, now: Date) {
  await db
    .updateTable('auditor_competences')
    .set({
      ...(b.qualification !== undefined ? { qualification: b.qualification } : {}),
      ...(b.iso42001TrainedOn !== undefined ? { iso42001_trained_on: b.iso42001TrainedOn } : {}),
      ...(b.aiDomainAreas !== undefined ? { ai_domain_areas: b.aiDomainAreas } : {}),
      ...(b.auditsDone !== undefined ? { audits_done: b.auditsDone } : {}),
      ...(b.leadQualified !== undefined ? { lead_qualified: b.leadQualified } : {}),
      ...(b.validFrom !== undefined ? { valid_from: b.validFrom } : {}),
      ...(b.validUntil !== undefined ? { valid_until: b.validUntil } : {}),
      ...(b.notes !== undefined ? { notes: b.notes } : {}),
      updated_at: now,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
  return (await getCompetence(db, tenantId, id))!;
}

export const deleteCompetence = (db: Kysely<DB>, tenantId: string, id: string) =>
  db.deleteFrom('auditor_competences').where('tenant_id', '=', tenantId).where('id', '=', id).execute();

/** Every record of these people for the scheme (valid or not: an expired one explains a refusal). */
export const competencesOf = (db: Kysely<DB>, tenantId: string, userIds: readonly string[], scheme: TScheme) =>
  userIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('auditor_competences')
        .select([
          'user_id',
          'scheme',
          'ai_domain_areas',
          'lead_qualified',
          sql<string | null>`iso42001_trained_on::text`.as('iso42001_trained_on'),
          sql<string>`valid_from::text`.as('valid_from'),
          sql<string>`valid_until::text`.as('valid_until'),
        ])
        .where('tenant_id', '=', tenantId)
        .where('user_id', 'in', userIds)
        .where('scheme', '=', scheme)
        .execute();

const conflictCols = [
  'k.id',
  'k.client_id',
  'cl.legal_name as client_name',
  'k.user_id',
  'u.name as user_name',
  'k.kind',
  'k.description',
  sql<string | null>`k.started_on::text`.as('started_on'),
  sql<string | null>`k.ended_on::text`.as('ended_on'),
  'k.declared_at',
] as const;

const conflicts = (db: Kysely<DB>, tenantId: string) =>
  db
    .selectFrom('auditor_conflicts as k')
    .innerJoin('clients as cl', (j) => j.onRef('cl.tenant_id', '=', 'k.tenant_id').onRef('cl.id', '=', 'k.client_id'))
    .leftJoin('users as u', 'u.id', 'k.user_id')
    .select(conflictCols)
    .where('k.tenant_id', '=', tenantId);

export const listConflicts = (db: Kysely<DB>, tenantId: string, o: { clientId?: string; userId?: string }) => {
  let q = conflicts(db, tenantId);
  if (o.clientId) q = q.where('k.client_id', '=', o.clientId);
  if (o.userId) q = q.where('k.user_id', '=', o.userId);
  return q.orderBy('k.declared_at', 'desc').orderBy('k.id').limit(2000).execute();
};

export const getConflict = (db: Kysely<DB>, tenantId: string, id: string) => conflicts(db, tenantId).where('k.id', '=', id).executeTakeFirst();

export async function insertConflict(db: Kysely<DB>, tenantId: string, b: TAuditorConflictBody, declaredBy: string | null) {
  const { id } = await db
    .insertInto('auditor_conflicts')
    .values({ tenant_id: tenantId, client_id: b.clientId, user_id: b.userId, kind: b.kind, description: b.description, started_on: b.startedOn, ended_on: b.endedOn, declared_by: declaredBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await getConflict(db, tenantId, id))!;
}

export const deleteConflict = (db: Kysely<DB>, tenantId: string, id: string) => db.deleteFrom('auditor_conflicts').where('tenant_id', '=', tenantId).where('id', '=', id).execute();

/** The client's declared links that concern these people, and the body's own (no person). */
export const conflictsForClient = (db: Kysely<DB>, tenantId: string, clientId: string, userIds: readonly string[]) =>
  db
    .selectFrom('auditor_conflicts')
    .select(['user_id', 'kind', sql<string | null>`started_on::text`.as('started_on'), sql<string | null>`ended_on::text`.as('ended_on')])
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', clientId)
    .where((eb) => (userIds.length ? eb.or([eb('user_id', 'is', null), eb('user_id', 'in', userIds)]) : eb('user_id', 'is', null)))
    .execute();

export const isBodyMember = async (db: Kysely<DB>, tenantId: string, userId: string) =>
  Boolean(await db.selectFrom('memberships').select('user_id').where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst());

export const clientExists = async (db: Kysely<DB>, tenantId: string, clientId: string) =>
  Boolean(await db.selectFrom('clients').select('id').where('tenant_id', '=', tenantId).where('id', '=', clientId).executeTakeFirst());
