import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TRole } from '../../../shared/contracts/roles.ts';
import type { TTokenActor } from '../authz/actor.ts';
import { randomToken, sha256Hex } from '../crypto/crypto.ts';

/*
 * A token never outranks its creator's membership. `covers[m]` lists the token roles a member of
 * role m may hold: the certification body's auditor, reviewer and decision maker are peers with
 * different powers, so none covers another.
 */
const COVERS: Record<TRole, readonly TRole[]> = {
  owner: ['owner', 'admin', 'contributor', 'viewer'],
  admin: ['admin', 'contributor', 'viewer'],
  contributor: ['contributor', 'viewer'],
  viewer: ['viewer'],
  scheme_manager: ['scheme_manager', 'auditor', 'technical_reviewer', 'decision_maker'],
  auditor: ['auditor'],
  technical_reviewer: ['technical_reviewer'],
  decision_maker: ['decision_maker'],
};

export const tokenRoleWithin = (memberRole: TRole, tokenRole: TRole) => COVERS[memberRole]?.includes(tokenRole) ?? false;

export const API_TOKEN_PATTERN = /^att_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export function newApiTokenSecret(): { token: string; prefix: string; hash: string } {
  const prefix = randomToken(12).replace(/[^A-Za-z0-9]/g, '').slice(0, 8).padEnd(8, 'x');
  const token = `att_${prefix}_${randomToken(32)}`;
  return { token, prefix, hash: sha256Hex(token) };
}

export async function resolveApiToken(db: Kysely<DB>, token: string): Promise<TTokenActor | null> {
  if (!API_TOKEN_PATTERN.test(token)) return null;
  const row = await db
    .selectFrom('api_tokens as k')
    .innerJoin('tenants as t', 't.id', 'k.tenant_id')
    // Defence in depth: the creator must still be a member (primary-key lookup, same round trip).
    .innerJoin('memberships as m', (j) => j.onRef('m.tenant_id', '=', 'k.tenant_id').onRef('m.user_id', '=', 'k.created_by'))
    .select(['k.id', 'k.tenant_id', 'k.role', 'k.last_used_at', 't.kind', 't.require_mfa', 'm.role as creatorRole'])
    .where('k.token_hash', '=', sha256Hex(token))
    .where('k.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('k.expires_at', 'is', null), eb('k.expires_at', '>', sql<Date>`now()`)]))
    .executeTakeFirst();
  if (!row || !tokenRoleWithin(row.creatorRole, row.role)) return null;
  // last_used_at is written at most once a minute: the hot path stays one read.
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: sql`now()` }).where('tenant_id', '=', row.tenant_id).where('id', '=', row.id).execute();
  }
  return { type: 'api_token', tokenId: row.id, tenantId: row.tenant_id, role: row.role, tenantKind: row.kind, requireMfa: row.require_mfa, email: null };
}
