import type { Kysely } from 'kysely';
import type { DB, TenantKind } from '../../db/types.ts';
import type { TRole } from '../../../shared/roles.ts';
import { forbidden, mfaRequired, notFound, unauthorized } from '../errors/errors.ts';
import type { TActor } from './actor.ts';
import { can, type TAction } from './policies.ts';

export type TTenantGrant = { tenantId: string; kind: TenantKind; role: TRole; requireMfa: boolean };

export type TAuthz = ReturnType<typeof createAuthz>;

/**
 * `assert` is the first line of every tenant-scoped service function. A tenant the actor is not a
 * member of answers 404, as if it did not exist; a member whose role lacks the action gets 403.
 */
export function createAuthz(deps: { db: Kysely<DB> }) {
  async function grantFor(actor: TActor | null, tenantId: string): Promise<TTenantGrant> {
    if (!actor) throw unauthorized();
    const row = await deps.db
      .selectFrom('tenants as t')
      .leftJoin('memberships as m', (j) =>
        j.onRef('m.tenant_id', '=', 't.id').on('m.user_id', '=', actor.type === 'user' ? actor.userId : '00000000-0000-0000-0000-000000000000'),
      )
      .select(['t.id', 't.kind', 't.require_mfa', 'm.role'])
      .where('t.id', '=', tenantId)
      .executeTakeFirst();
    if (!row) throw notFound('Tenant');
    if (actor.type === 'api_token') {
      if (actor.tenantId !== tenantId) throw notFound('Tenant');
      return { tenantId, kind: row.kind, role: actor.role, requireMfa: row.require_mfa };
    }
    if (!row.role) throw notFound('Tenant');
    return { tenantId, kind: row.kind, role: row.role as TRole, requireMfa: row.require_mfa };
  }

  return {
    grantFor,
    async assert(actor: TActor | null, action: TAction, subject: { tenantId: string }): Promise<TTenantGrant> {
      const grant = await grantFor(actor, subject.tenantId);
      if (actor?.type === 'user' && grant.requireMfa && !actor.mfaEnabled) throw mfaRequired();
      if (!can(grant.role, action)) throw forbidden();
      return grant;
    },
    assertUser(actor: TActor | null): asserts actor is Extract<TActor, { type: 'user' }> {
      if (!actor) throw unauthorized();
      if (actor.type !== 'user') throw forbidden('This action needs a signed-in person, not an API token.');
    },
  };
}
