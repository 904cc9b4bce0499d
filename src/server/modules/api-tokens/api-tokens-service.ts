import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { newApiTokenSecret } from '../../platform/auth/api-token-auth.ts';
import type { TTenantGrant } from '../../platform/authz/authz.ts';
import { notFound } from '../../platform/errors/errors.ts';
import type { TRole } from '../../../shared/contracts/roles.ts';
import { assertRoleFitsTenant } from '../tenants/members-service.ts';
import { apiTokenState } from './api-tokens-policies.ts';
import * as repo from './api-tokens-repo.ts';

const isoOrNull = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

export function createApiTokensService(p: TDeps) {
  const toDto = (r: repo.TApiTokenListRow, grant: TTenantGrant) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    prefix: r.prefix,
    createdAt: new Date(r.created_at).toISOString(),
    lastUsedAt: isoOrNull(r.last_used_at),
    expiresAt: isoOrNull(r.expires_at),
    revokedAt: isoOrNull(r.revoked_at),
    createdBy: r.createdBy,
    abilities: p.authz.abilities(grant, 'apiToken', { role: r.role, state: apiTokenState(r, p.clock.now()) }),
  });

  return {
    async list(actor: TActor | null, tenantId: string) {
      const grant = await p.authz.assert(actor, 'apiToken.read', { tenantId });
      return (await repo.listApiTokens(p.db, tenantId)).map((r) => toDto(r, grant));
    },

    /** The secret is returned once; only its hash is kept. A token never outranks its creator. */
    async create(actor: TActor | null, tenantId: string, input: { name: string; role: TRole; expiresInDays?: number | undefined }, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'apiToken.create', { tenantId });
      p.authz.assertUser(actor);
      assertRoleFitsTenant(grant.kind, input.role);
      p.authz.assertOn(grant, 'apiToken.create', { role: input.role, state: 'active' });
      const secret = newApiTokenSecret();
      const id = await p.db.transaction().execute(async (tx) => {
        const row = await repo.insertApiToken(tx, tenantId, {
          name: input.name,
          role: input.role,
          prefix: secret.prefix,
          token_hash: secret.hash,
          created_by: actor.userId,
          expires_at: input.expiresInDays ? new Date(p.clock.now().getTime() + input.expiresInDays * 86_400_000) : null,
        });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'api_token.created',
          subjectType: 'api_token',
          subjectId: row.id,
          after: { name: input.name, role: input.role, prefix: secret.prefix, expiresInDays: input.expiresInDays ?? null },
        });
        return row.id;
      });
      const row = await repo.getApiToken(p.db, tenantId, id);
      return { token: secret.token, apiToken: toDto(row!, grant) };
    },

    async revoke(actor: TActor | null, tenantId: string, tokenId: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'apiToken.revoke', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getApiTokenForUpdate(tx, tenantId, tokenId);
        if (!row) throw notFound('API token');
        p.authz.assertOn(grant, 'apiToken.revoke', { role: row.role, state: apiTokenState(row, p.clock.now()) });
        await repo.revokeApiToken(tx, tenantId, tokenId);
        await recordAudit(tx, actor, ctx, { tenantId, action: 'api_token.revoked', subjectType: 'api_token', subjectId: tokenId });
      });
    },
  };
}
