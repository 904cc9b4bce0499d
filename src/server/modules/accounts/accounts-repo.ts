import { sql, type Kysely } from 'kysely';
import type { DB, TUserRow } from '../../db/types.ts';
import type { TUser } from './accounts-schemas.ts';

/* Users and sessions are global (a user belongs to several tenants): no tenantId here by design. */

export const toUser = (u: Pick<TUserRow, 'id' | 'email' | 'name' | 'locale' | 'mfa_enabled_at' | 'is_platform_admin' | 'created_at'>): TUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  locale: u.locale,
  mfaEnabled: u.mfa_enabled_at !== null,
  isPlatformAdmin: u.is_platform_admin,
  createdAt: new Date(u.created_at).toISOString(),
});

export const findUserByEmail = (db: Kysely<DB>, email: string) =>
  db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();

export const findUserById = (db: Kysely<DB>, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const countUsers = async (db: Kysely<DB>) =>
  (await db.selectFrom('users').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;

export const listSessions = (db: Kysely<DB>, userId: string) =>
  db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('last_seen_at', 'desc')
    .execute();
