import type { TenantKind } from '../../db/types.ts';
import type { TRole } from '../../../shared/roles.ts';
import { forbidden, mfaRequired, notFound, unauthorized } from '../errors/errors.ts';
import type { TActor } from './actor.ts';
import { can, type TAction } from './policies.ts';

export type TTenantGrant = { tenantId: string; kind: TenantKind; role: TRole; requireMfa: boolean };

export type TAuthz = ReturnType<typeof createAuthz>;

/**
 * `assert` is the first line of every tenant-scoped service function. A tenant the actor is not a
 * member of answers 404, as if it did not exist; a member whose role lacks the action gets 403.
 * The actor arrives with its memberships (loaded with the session), so this costs no query.
 */
export function createAuthz() {
  function grantFor(actor: TActor | null, tenantId: string): TTenantGrant {
    if (!actor) throw unauthorized();
    if (actor.type === 'api_token') {
      if (actor.tenantId !== tenantId) throw notFound('Tenant');
      return { tenantId, kind: actor.tenantKind, role: actor.role, requireMfa: actor.requireMfa };
    }
    const m = actor.memberships.find((x) => x.tenantId === tenantId);
    if (!m) throw notFound('Tenant');
    return { tenantId, kind: m.tenantKind, role: m.role, requireMfa: m.requireMfa };
  }

  return {
    async assert(actor: TActor | null, action: TAction, subject: { tenantId: string }): Promise<TTenantGrant> {
      const grant = grantFor(actor, subject.tenantId);
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
