import { sql, type Kysely } from 'kysely';
import type { DB, TUserRow } from '../../db/types.ts';
import type { TLocale } from '../../../shared/contracts/common.ts';
import type { TUser } from '../../../shared/contracts/accounts.ts';

/*
 * The only door to users, sessions, recovery codes and reset links. Users and sessions are global
 * (a user belongs to several tenants): no tenantId here by design; every function that touches
 * a user's own rows takes that user's id.
 */

type TDb = Kysely<DB>;
const NO_SESSION = '00000000-0000-0000-0000-000000000000';

export const toUser = (u: Pick<TUserRow, 'id' | 'email' | 'name' | 'locale' | 'mfa_enabled_at' | 'is_platform_admin' | 'created_at'>): TUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  locale: u.locale,
  mfaEnabled: u.mfa_enabled_at !== null,
  isPlatformAdmin: u.is_platform_admin,
  createdAt: new Date(u.created_at).toISOString(),
});

export const findUserByEmail = (db: TDb, email: string) =>
  db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();

export const findUserById = (db: TDb, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const countUsers = async (db: TDb) =>
  (await db.selectFrom('users').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;

export const insertUser = (db: TDb, u: { email: string; name: string; passwordHash: string; locale: TLocale; isPlatformAdmin?: boolean }) =>
  db
    .insertInto('users')
    .values({ email: u.email, name: u.name, password_hash: u.passwordHash, locale: u.locale, is_platform_admin: u.isPlatformAdmin ?? false })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateProfile = (db: TDb, userId: string, patch: { name?: string | undefined; locale?: TLocale | undefined }) =>
  db
    .updateTable('users')
    .set({ ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.locale ? { locale: patch.locale } : {}) })
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();

export const setPasswordHash = (db: TDb, userId: string, hash: string) =>
  db.updateTable('users').set({ password_hash: hash, password_changed_at: sql`now()` }).where('id', '=', userId).execute();

/* Sessions */

export const listSessions = (db: TDb, userId: string) =>
  db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('last_seen_at', 'desc')
    .execute();

/** Ends the user's sessions: one, all but one (`except`), or all; returns how many ended. */
export async function revokeSessions(db: TDb, userId: string, which: { sessionId: string } | { except: string | null } | 'all'): Promise<number> {
  let q = db.updateTable('sessions').set({ revoked_at: sql`now()` }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (which !== 'all') q = 'sessionId' in which ? q.where('id', '=', which.sessionId) : q.where('id', '!=', which.except ?? NO_SESSION);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

export const sessionExists = async (db: TDb, sessionId: string) =>
  Boolean(await db.selectFrom('sessions').select('id').where('id', '=', sessionId).executeTakeFirst());

/* Two-factor */

export const setPendingMfaSecret = (db: TDb, userId: string, sealed: string) =>
  db.updateTable('users').set({ mfa_pending_secret: sealed }).where('id', '=', userId).execute();

export async function enableMfa(db: TDb, userId: string, sealed: string, step: number, recoveryHashes: string[]) {
  await db
    .updateTable('users')
    .set({ mfa_secret: sealed, mfa_pending_secret: null, mfa_enabled_at: sql`now()`, mfa_last_step: step })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
  await db.insertInto('mfa_recovery_codes').values(recoveryHashes.map((h) => ({ user_id: userId, code_hash: h }))).execute();
}

export async function disableMfa(db: TDb, userId: string) {
  await db
    .updateTable('users')
    .set({ mfa_secret: null, mfa_pending_secret: null, mfa_enabled_at: null, mfa_last_step: null })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
}

/** Each 30-second step is usable once: the update only succeeds for a step newer than the last. */
export async function claimTotpStep(db: TDb, userId: string, step: number): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ mfa_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function claimRecoveryCode(db: TDb, userId: string, codeHash: string): Promise<boolean> {
  const res = await db
    .updateTable('mfa_recovery_codes')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/* Password reset links (only a keyed hash of each secret is stored) */

export const insertPasswordReset = (db: TDb, userId: string, tokenHash: string, expiresAt: Date) =>
  db.insertInto('password_resets').values({ user_id: userId, token_hash: tokenHash, expires_at: expiresAt }).returning('id').executeTakeFirstOrThrow();

/** A newer link, or a completed reset, retires the user's other unused links. */
export const retirePasswordResets = (db: TDb, userId: string) =>
  db.updateTable('password_resets').set({ used_at: sql`now()` }).where('user_id', '=', userId).where('used_at', 'is', null).execute();

export const findPasswordReset = (db: TDb, tokenHash: string) =>
  db
    .selectFrom('password_resets as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.user_id', 'r.expires_at', 'r.used_at', 'u.email', 'u.locale'])
    .where('r.token_hash', '=', tokenHash)
    .executeTakeFirst();

/** Single use under concurrency: only one caller flips used_at. */
export async function claimPasswordReset(db: TDb, id: string): Promise<boolean> {
  const res = await db
    .updateTable('password_resets')
    .set({ used_at: sql`now()` })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const clearLoginFailures = (db: TDb, key: string) => db.deleteFrom('login_failures').where('key', '=', key).execute();
