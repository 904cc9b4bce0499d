import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TDatabase } from '../../db/client.ts';
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

const MEMBERSHIPS_JSON = `COALESCE((SELECT json_agg(json_build_object('tenantId', m.tenant_id, 'tenantName', t.name, 'tenantKind', t.kind,
                                                     'role', m.role, 'requireMfa', t.require_mfa,
                                                     'dataVersion', COALESCE((SELECT h.last_seq FROM audit_chain_heads h WHERE h.tenant_id = m.tenant_id), 0)) ORDER BY t.name)
                   FROM memberships m JOIN tenants t ON t.id = m.tenant_id
                   WHERE m.user_id = u.id), '[]'::json) AS memberships`;

const SESSION_SQL = `
  SELECT s.id AS "sessionId", s.last_seen_at, u.id AS "userId", u.email, u.name, u.locale,
         u.mfa_enabled_at, u.is_platform_admin, u.created_at,
         ${MEMBERSHIPS_JSON}
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
    AND s.last_seen_at > now() - make_interval(mins => $2::int)`;

const USER_ACTOR_SQL = `
  SELECT u.id AS "userId", u.email, u.name, u.locale, u.mfa_enabled_at, u.is_platform_admin, u.created_at,
         ${MEMBERSHIPS_JSON}
  FROM users u WHERE u.id = $1`;

type TSessionRow = {
  sessionId: string;
  last_seen_at: Date;
  userId: string;
  email: string;
  name: string;
  locale: 'en' | 'fr';
  mfa_enabled_at: Date | null;
  is_platform_admin: boolean;
  created_at: Date;
  memberships: TActorMembership[];
};

/**
 * One prepared statement resolves the session, its user and their memberships on every request;
 * last_seen is written at most once a minute.
 */
export async function resolveSession(database: TDatabase, policy: TSessionPolicy, token: string): Promise<TUserActor | null> {
  if (token.length < 20 || token.length > 100) return null;
  const [row] = await database.hot<TSessionRow>('attest_resolve_session', SESSION_SQL, [sha256Hex(token), policy.idleMinutes]);
  const db = database.db;
  if (!row) return null;
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('id', '=', row.sessionId).execute();
  }
  return toUserActor(row, row.sessionId);
}

const toUserActor = (row: Omit<TSessionRow, 'sessionId' | 'last_seen_at'>, sessionId: string | null): TUserActor => ({
  type: 'user',
  userId: row.userId,
  email: row.email,
  name: row.name,
  locale: row.locale,
  mfaEnabled: row.mfa_enabled_at !== null,
  isPlatformAdmin: row.is_platform_admin,
  sessionId,
  createdAt: new Date(row.created_at).toISOString(),
  memberships: row.memberships,
});

/**
 * A user acting outside any request (the CLI's demo seed): the same actor a session would give,
 * without a session, so the seed goes through the services' own authorization.
 */
export async function loadUserActor(database: TDatabase, userId: string): Promise<TUserActor | null> {
  const [row] = await database.hot<Omit<TSessionRow, 'sessionId' | 'last_seen_at'>>('attest_load_user_actor', USER_ACTOR_SQL, [userId]);
  return row ? toUserActor(row, null) : null;
}
