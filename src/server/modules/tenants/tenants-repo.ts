import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';

/* Every function takes tenantId and filters by it: another tenant's rows are unreachable here. */

export const getTenant = (db: Kysely<DB>, tenantId: string) =>
  db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst();

export const listMembers = (db: Kysely<DB>, tenantId: string) =>
  db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.email', 'u.name', 'm.role', 'u.mfa_enabled_at', 'm.created_at'])
    .where('m.tenant_id', '=', tenantId)
    .orderBy('u.name')
    .execute();

export const getMembership = (db: Kysely<DB>, tenantId: string, userId: string) =>
  db.selectFrom('memberships').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();

export const countOwners = async (db: Kysely<DB>, tenantId: string, role: string) =>
  (await db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).where('role', '=', role).executeTakeFirstOrThrow()).n;

export const listPendingInvitations = (db: Kysely<DB>, tenantId: string) =>
  db
    .selectFrom('invitations as i')
    .innerJoin('users as u', 'u.id', 'i.invited_by')
    .select(['i.id', 'i.email', 'i.role', 'i.locale', 'i.expires_at', 'i.created_at', 'u.name as invitedBy'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.accepted_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .orderBy('i.created_at', 'desc')
    .execute();
