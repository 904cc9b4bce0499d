import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TRole } from '../../../shared/roles.ts';
import type { TTokenActor } from '../authz/actor.ts';
import { randomToken, sha256Hex } from '../crypto/crypto.ts';

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
    .select(['k.id', 'k.tenant_id', 'k.role', 'k.last_used_at', 't.kind', 't.require_mfa'])
    .where('k.token_hash', '=', sha256Hex(token))
    .where('k.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('k.expires_at', 'is', null), eb('k.expires_at', '>', sql<Date>`now()`)]))
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: sql`now()` }).where('tenant_id', '=', row.tenant_id).where('id', '=', row.id).execute();
  }
  return { type: 'api_token', tokenId: row.id, tenantId: row.tenant_id, role: row.role as TRole, tenantKind: row.kind, requireMfa: row.require_mfa, email: null };
}
