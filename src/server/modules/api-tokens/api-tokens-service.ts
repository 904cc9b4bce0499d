import { sql } from 'kysely';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { newApiTokenSecret } from '../../platform/auth/api-token-auth.ts';
import { canAssignRole } from '../../platform/authz/policies.ts';
import { forbidden, notFound } from '../../platform/errors/errors.ts';
import type { TRole } from '../../../shared/roles.ts';
import { assertRoleFitsTenant } from '../tenants/members-service.ts';

const isoOrNull = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function createApiTokensService(p: TPlatform) {
  const select = (tenantId: string) =>
    p.db
      .selectFrom('api_tokens as k')
      .innerJoin('users as u', 'u.id', 'k.created_by')
      .select(['k.id', 'k.name', 'k.role', 'k.prefix', 'k.created_at', 'k.last_used_at', 'k.expires_at', 'k.revoked_at', 'u.name as createdBy'])
      .where('k.tenant_id', '=', tenantId);
  type TRow = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;
  const toDto = (r: TRow) => ({
    id: r.id,
    name: r.name,
    role: r.role as TRole,
    prefix: r.prefix,
    createdAt: new Date(r.created_at).toISOString(),
    lastUsedAt: isoOrNull(r.last_used_at),
    expiresAt: isoOrNull(r.expires_at),
    revokedAt: isoOrNull(r.revoked_at),
    createdBy: r.createdBy,
  });

  return {
    async list(actor: TActor | null, tenantId: string) {
      await p.authz.assert(actor, 'apiToken.read', { tenantId });
      return (await select(tenantId).orderBy('k.created_at', 'desc').execute()).map(toDto);
    },

    /** The secret is returned once; only its hash is kept. A token never outranks its creator. */
    async create(actor: TActor | null, tenantId: string, input: { name: string; role: TRole; expiresInDays?: number | undefined }, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'apiToken.create', { tenantId });
      p.authz.assertUser(actor);
      assertRoleFitsTenant(grant.kind, input.role);
      if (!canAssignRole(grant.role, null, input.role)) throw forbidden('Only an owner can create a token with the owner role.');
      const secret = newApiTokenSecret();
      const id = await p.db.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('api_tokens')
          .values({
            tenant_id: tenantId,
            name: input.name,
            role: input.role,
            prefix: secret.prefix,
            token_hash: secret.hash,
            created_by: actor.userId,
            expires_at: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'api_token.created',
          subjectType: 'api_token',
          subjectId: row.id,
          after: { name: input.name, role: input.role, prefix: secret.prefix, expiresInDays: input.expiresInDays ?? null },
        });
        return row.id;
      });
      const row = await select(tenantId).where('k.id', '=', id).executeTakeFirstOrThrow();
      return { token: secret.token, apiToken: toDto(row) };
    },

    async revoke(actor: TActor | null, tenantId: string, tokenId: string, ctx: TRequestContext) {
      await p.authz.assert(actor, 'apiToken.revoke', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const res = await tx
          .updateTable('api_tokens')
          .set({ revoked_at: sql`now()` })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', tokenId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw notFound('API token');
        await recordAudit(tx, actor, ctx, { tenantId, action: 'api_token.revoked', subjectType: 'api_token', subjectId: tokenId });
      });
    },
  };
}
