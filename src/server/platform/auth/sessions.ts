import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { TActorMembership, TUserActor } from '../authz/actor.ts';
import { randomToken, sha256Hex } from '../crypto/crypto.ts';

export const SESSION_COOKIE = 'attest_session';

export type TSessionPolicy = { idleMinutes: number; absoluteHours: number };

/** The token goes to the browser once; only its hash is stored. */
export async function createSession(
  db: Kysely<DB>,
  policy: TSessionPolicy,
  userId: string,
  ctx: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; sessionId: string }> {
  const token = randomToken(32);
  const row = await db
    .insertInto('sessions')
    .values({
      token_hash: sha256Hex(token),
      user_id: userId,
      expires_at: new Date(Date.now() + policy.absoluteHours * 3600_000),
      ip: ctx.ip,
      user_agent: ctx.userAgent?.slice(0, 512) ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, sessionId: row.id };
}

/** One query resolves the session, its user and their memberships; last_seen is written at most once a minute. */
export async function resolveSession(db: Kysely<DB>, policy: TSessionPolicy, token: string): Promise<TUserActor | null> {
  if (token.length < 20 || token.length > 100) return null;
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId',
      's.last_seen_at',
      'u.id as userId',
      'u.email',
      'u.name',
      'u.locale',
      'u.mfa_enabled_at',
      'u.is_platform_admin',
      'u.created_at',
      (eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('memberships as m')
            .innerJoin('tenants as t', 't.id', 'm.tenant_id')
            .select(['m.tenant_id as tenantId', 't.name as tenantName', 't.kind as tenantKind', 'm.role', 't.require_mfa as requireMfa'])
            .whereRef('m.user_id', '=', 'u.id')
            .orderBy('t.name'),
        ).as('memberships'),
    ])
    .where('s.token_hash', '=', sha256Hex(token))
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('s.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${policy.idleMinutes})`)
    .executeTakeFirst();
  if (!row) return null;
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('id', '=', row.sessionId).execute();
  }
  return {
    type: 'user',
    userId: row.userId,
    email: row.email,
    name: row.name,
    locale: row.locale,
    mfaEnabled: row.mfa_enabled_at !== null,
    isPlatformAdmin: row.is_platform_admin,
    sessionId: row.sessionId,
    createdAt: new Date(row.created_at).toISOString(),
    memberships: row.memberships as TActorMembership[],
  };
}
