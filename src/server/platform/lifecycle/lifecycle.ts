import type { TAuditAction } from '../audit-log/audit-log.ts';
import type { AppError } from '../errors/errors.ts';

/** A precondition of a transition: null when it holds, else the error the person reads. */
export type TGuard<C> = (ctx: C) => AppError | null;

export type TTransitionDef<S extends string, C> = {
  from: readonly S[];
  to: S;
  /** The audit action the service records with the change; null when nothing is written (e.g. time passing). */
  audit: TAuditAction | null;
  guards?: readonly TGuard<C>[];
};

export type TLifecycleDef<S extends string, E extends string, C> = {
  name: string;
  states: readonly S[];
  transitions: Record<E, TTransitionDef<S, C>>;
  /** Why `event` cannot happen from `state` (not one of its `from` states), in the person's words. */
  refusal: (state: S, event: E) => AppError;
};

export type TTransition<S extends string, E extends string> = { event: E; from: S; to: S; audit: TAuditAction | null };

/**
 * A lifecycle is data plus two pure functions: no database, no clock (the caller derives the
 * current state and passes what guards need). Services lock the row, call `transition`, write the
 * new state and record `audit` in the same transaction.
 */
export function defineLifecycle<const S extends string, const E extends string, C = void>(def: TLifecycleDef<S, E, C>) {
  const refusalOf = (state: S, event: E, ctx: C): AppError | null => {
    const t = def.transitions[event];
    if (!t.from.includes(state)) return def.refusal(state, event);
    for (const guard of t.guards ?? []) {
      const error = guard(ctx);
      if (error) return error;
    }
    return null;
  };
  return {
    ...def,
    /** The transition `event` makes from `state`, or the refusal thrown. */
    transition(state: S, event: E, ctx: C): TTransition<S, E> {
      const error = refusalOf(state, event, ctx);
      if (error) throw error;
      const t = def.transitions[event];
      return { event, from: state, to: t.to, audit: t.audit };
    },
    can: (state: S, event: E, ctx: C) => refusalOf(state, event, ctx) === null,
    /** The error `transition` would throw, or null: lets a policy deny with the lifecycle's words. */
    whyNot: refusalOf,
    /** Events possible from `state` before guards, e.g. to list a record's next steps. */
    eventsFrom: (state: S) => (Object.keys(def.transitions) as E[]).filter((e) => def.transitions[e].from.includes(state)),
    isFinal: (state: S) => !Object.values<TTransitionDef<S, C>>(def.transitions).some((t) => t.from.includes(state)),
  };
}
