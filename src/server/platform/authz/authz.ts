import { founderRole, type TRole, type TTenantKind } from '../../../shared/contracts/roles.ts';
import { AppError, mfaRequired, notFound, unauthorized } from '../errors/errors.ts';
import type { TActor, TUserActor } from './actor.ts';
import { ACTIONS, POLICIES, type TAction, type TActionOf, type TRecordOf, type TSubjectType } from './policies.ts';
import { abilitiesOn, decide, type TAnyRule, type TPolicyActor } from './policy.ts';

export type TTenantGrant = { tenantId: string; kind: TTenantKind; role: TRole; requireMfa: boolean; actor: TPolicyActor };

/** `record` present: the rules over the record are judged too (see policy.ts `decide`). */
export type TSubject<A extends TAction> = { tenantId: string; record?: TRecordOf<A> };

export type TAuthz = ReturnType<typeof createAuthz>;

/**
 * `assert` is the first line of every tenant-scoped service function. A tenant the actor is not a
 * member of answers 404, as if it did not exist; a member of a tenant that requires two-factor
 * authentication without it gets mfa_required; a role without the action gets 403; a record rule
 * that refuses gets its own error. The actor arrives with its memberships (loaded with the
 * session), so none of this costs a query.
 */
export function createAuthz(rules: readonly TAnyRule[] = POLICIES) {
  function grantFor(actor: TActor | null, tenantId: string): TTenantGrant | AppError {
    if (!actor) return unauthorized();
    if (actor.type === 'api_token') {
      if (actor.tenantId !== tenantId) return notFound('Tenant');
      const who = { tenantId, tenantKind: actor.tenantKind, role: actor.role, userId: null, tokenId: actor.tokenId };
      return { tenantId, kind: actor.tenantKind, role: actor.role, requireMfa: actor.requireMfa, actor: who };
    }
    const m = actor.memberships.find((x) => x.tenantId === tenantId);
    if (!m) return notFound('Tenant');
    if (m.requireMfa && !actor.mfaEnabled) return mfaRequired();
    const who = { tenantId, tenantKind: m.tenantKind, role: m.role, userId: actor.userId, tokenId: null };
    return { tenantId, kind: m.tenantKind, role: m.role, requireMfa: m.requireMfa, actor: who };
  }

  const check = <A extends TAction>(grant: TTenantGrant, action: A, record?: TRecordOf<A>) => {
    const d = decide(rules, grant.actor, action, record);
    if (!d.ok) throw d.error;
  };

  return {
    async assert<A extends TAction>(actor: TActor | null, action: A, subject: TSubject<A>): Promise<TTenantGrant> {
      const grant = grantFor(actor, subject.tenantId);
      if (!('actor' in grant)) throw grant;
      check(grant, action, subject.record);
      return grant;
    },

    /** The record rules on a row read after the first-line assert (typically locked FOR UPDATE). */
    assertOn: check,

    /** The record's `abilities`: each action of its subject type, judged on it. */
    abilities<T extends TSubjectType>(grant: TTenantGrant, subjectType: T, record: unknown): Record<TActionOf<T>, boolean> {
      return abilitiesOn(rules, grant.actor, subjectType, record) as Record<TActionOf<T>, boolean>;
    },

    /** Tenant-wide abilities (navigation, "create" buttons): every action, judged on the role. */
    tenantAbilities(grant: TTenantGrant): Record<TAction, boolean> {
      return Object.fromEntries(ACTIONS.map((a) => [a, decide(rules, grant.actor, a).ok])) as Record<TAction, boolean>;
    },

    /**
     * For reads that span tenants (the catalog): the tenants where `action` is allowed, and why each
     * other tenant the actor belongs to refuses it — decided before any row is read.
     */
    scope(actor: TActor | null, action: TAction): { allowed: string[]; refused: Map<string, AppError> } {
      if (!actor) throw unauthorized();
      const tenantIds = actor.type === 'api_token' ? [actor.tenantId] : actor.memberships.map((m) => m.tenantId);
      const allowed: string[] = [];
      const refused = new Map<string, AppError>();
      for (const tenantId of tenantIds) {
        const grant = grantFor(actor, tenantId);
        const d = 'actor' in grant ? decide(rules, grant.actor, action) : { ok: false as const, error: grant };
        if (d.ok) allowed.push(tenantId);
        else refused.set(tenantId, d.error);
      }
      return { allowed, refused };
    },

    /** The creator of a tenant, in the transaction that creates it (not yet in the session's memberships). */
    founderGrant(actor: TUserActor, tenantId: string, kind: TTenantKind): TTenantGrant {
      const role = founderRole(kind);
      return { tenantId, kind, role, requireMfa: false, actor: { tenantId, tenantKind: kind, role, userId: actor.userId, tokenId: null } };
    },

    assertUser(actor: TActor | null): asserts actor is TUserActor {
      if (!actor) throw unauthorized();
      if (actor.type !== 'user') throw new AppError(403, 'person_required', 'This action needs a signed-in person, not an API token.');
    },
  };
}
