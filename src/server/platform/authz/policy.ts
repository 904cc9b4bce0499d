import type { TRole, TTenantKind } from '../../../shared/contracts/roles.ts';
import { forbidden, type AppError } from '../errors/errors.ts';

/** What a rule may know about who acts: resolved from the session, so evaluating costs no query. */
export type TPolicyActor = {
  tenantId: string;
  tenantKind: TTenantKind;
  role: TRole;
  /** null for an API token. */
  userId: string | null;
  tokenId: string | null;
};

export type TRule<A extends string = string, S = never, T extends string = string> = {
  effect: 'allow' | 'deny';
  /** Roles an allow rule grants the action to; a deny rule applies to every role. */
  roles: readonly TRole[];
  action: A;
  subjectType: T;
  /** A condition over the record; a rule without one decides on the role alone. */
  when: ((actor: TPolicyActor, subject: S) => boolean) | null;
  /** The error a person sees when this rule is why the action is refused. */
  because: ((actor: TPolicyActor, subject: S) => AppError) | null;
};

/**
 * Rules over one subject type, typed by the record the service hands in. Allow rules grant an
 * action to roles (optionally only for some records); deny rules take it back for some records,
 * with the reason the person reads. An action is allowed on a record when at least one allow rule
 * matches and no deny rule does.
 */
export const rulesFor =
  <S>() =>
  <const T extends string>(subjectType: T) => ({
    allow<const A extends string>(roles: readonly TRole[], action: A, when?: (actor: TPolicyActor, subject: S) => boolean, because?: (actor: TPolicyActor, subject: S) => AppError): TRule<A, S, T> {
      return { effect: 'allow', roles, action, subjectType, when: when ?? null, because: because ?? null };
    },
    deny<const A extends string>(action: A, when: (actor: TPolicyActor, subject: S) => boolean, because: (actor: TPolicyActor, subject: S) => AppError): TRule<A, S, T> {
      return { effect: 'deny', roles: [], action, subjectType, when, because };
    },
  });

/** Any rule, whatever its record type: what the platform merges and evaluates. */
export type TAnyRule = TRule<string, any, string>;

export type TDecision = { ok: true } | { ok: false; error: AppError };
const OK: TDecision = { ok: true };

/**
 * Without a record, only the role is judged: "may this role ever do this here". With the record,
 * every condition is. Services judge twice: first line without the record, then on the locked row.
 */
export function decide(rules: readonly TAnyRule[], actor: TPolicyActor, action: string, record?: unknown): TDecision {
  let allowed: TAnyRule[] = [];
  for (const r of rules) if (r.action === action && r.effect === 'allow' && r.roles.includes(actor.role)) allowed.push(r);
  if (!allowed.length) return { ok: false, error: forbidden() };
  if (record === undefined) return OK;
  allowed = allowed.filter((r) => !r.when || r.when(actor, record));
  if (!allowed.length) {
    const reason = rules.find((r) => r.action === action && r.effect === 'allow' && r.roles.includes(actor.role) && r.because);
    return { ok: false, error: reason?.because?.(actor, record) ?? forbidden() };
  }
  for (const r of rules) {
    if (r.action === action && r.effect === 'deny' && r.when?.(actor, record)) return { ok: false, error: r.because?.(actor, record) ?? forbidden() };
  }
  return OK;
}

/** The actions of one subject type evaluated on a record, for its DTO's `abilities`. */
export function abilitiesOn(rules: readonly TAnyRule[], actor: TPolicyActor, subjectType: string, record: unknown): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const r of rules) if (r.subjectType === subjectType && !(r.action in out)) out[r.action] = decide(rules, actor, r.action, record).ok;
  return out;
}
