import type { z } from 'zod';

/** The payloads an action may carry; an absent schema means the action records no such side. */
export type TAuditActionSchemas = { before?: z.ZodType<Record<string, unknown>>; after?: z.ZodType<Record<string, unknown>> };

/** A module's audit actions and their payload schemas (`<domain>-audit.ts`). */
export const defineAuditActions = <const T extends Record<string, TAuditActionSchemas>>(actions: T): T => actions;

type TSide<S extends TAuditActionSchemas, K extends 'before' | 'after'> = S[K] extends z.ZodType<infer P> ? P : never;
export type TAuditPayloads<R extends Record<string, TAuditActionSchemas>, A extends keyof R> = A extends keyof R
  ? { before?: TSide<R[A], 'before'> | null; after?: TSide<R[A], 'after'> | null }
  : never;
