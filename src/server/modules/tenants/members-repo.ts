import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TRole } from '../../../shared/contracts/roles.ts';

/*
 * Memberships of one tenant. `last_founder`: this member holds the founding role (owner, scheme
 * manager) and nobody else does — what the "last owner" rule needs, computed in the same query.
 */
const lastFounder = (founder: TRole) =>
  sql<boolean>`(m.role = ${founder} AND count(*) FILTER (WHERE m.role = ${founder}) OVER () = 1)`.as('last_founder');

export const listMembers = (db: Kysely<DB>, tenantId: string, founder: TRole) =>
  db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.email', 'u.name', 'm.role', 'u.mfa_enabled_at', 'm.created_at', lastFounder(founder)])
    .where('m.tenant_id', '=', tenantId)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();

/**
 * One membership, locked: with every founder row of the tenant locked too, two concurrent demotions
 * of the last two owners cannot both see "another owner remains".
 */
export async function getMemberForUpdate(db: Kysely<DB>, tenantId: string, userId: string, founder: TRole) {
  const founders = await db
    .selectFrom('memberships')
    .select(['user_id', 'role'])
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('role', '=', founder), eb('user_id', '=', userId)]))
    .orderBy('user_id')
    .forUpdate()
    .execute();
  const m = founders.find((r) => r.user_id === userId);
  if (!m) return undefined;
  const founderCount = founders.filter((r) => r.role === founder).length;
  return { userId, role: m.role, lastFounder: m.role === founder && founderCount === 1 };
}

export const isMemberByEmail = async (db: Kysely<DB>, tenantId: string, email: string) =>
  Boolean(
    await db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('m.user_id')
      .where('m.tenant_id', '=', tenantId)
      .where(sql`lower(u.email)`, '=', email.toLowerCase())
      .executeTakeFirst(),
  );

export const insertMembership = (db: Kysely<DB>, tenantId: string, userId: string, role: TRole) =>
  db
    .insertInto('memberships')
    .values({ tenant_id: tenantId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doNothing())
    .execute();

export const updateMemberRole = (db: Kysely<DB>, tenantId: string, userId: string, role: TRole) =>
  db.updateTable('memberships').set({ role }).where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();

export const deleteMembership = (db: Kysely<DB>, tenantId: string, userId: string) =>
  db.deleteFrom('memberships').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
