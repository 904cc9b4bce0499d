import { z } from 'zod';

/*
 * Building blocks of every contract. This folder is pure Zod: the server's routes and the web's
 * forms import the same schemas, so a limit changed here changes both sides.
 */

export const LOCALES = ['en', 'fr'] as const;
export const ZLocale = z.enum(LOCALES);
export type TLocale = z.infer<typeof ZLocale>;

/*
 * PostgreSQL refuses NUL in text, and a lone UTF-16 surrogate has no UTF-8 form (the RFC 8785
 * canonicalizer of the audit chain throws on it). Both are refused at the edge, in every string
 * a person or a machine sends, so neither ever reaches the database or the hash chain.
 */
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isSafeText = (s: string) => !UNSAFE_TEXT.test(s);
/** The issue `params.reason` the web translates as "contains characters that cannot be stored". */
export const INVALID_CHARACTERS = 'invalid_characters';

/**
 * A bounded string: trimmed unless told otherwise, at most `max` characters, no NUL and no lone
 * surrogate. Every free-text string of a contract (body, query or path) is one of these.
 */
export function zText(max: number, opts: { min?: number; trim?: boolean } = {}) {
  const base = opts.trim === false ? z.string() : z.string().trim();
  return (opts.min ? base.min(opts.min) : base).max(max).refine(isSafeText, { params: { reason: INVALID_CHARACTERS }, abort: true });
}

export const ZName = zText(120, { min: 1 });
export const ZEmail = z.string().trim().toLowerCase().max(254).email().refine(isSafeText, { params: { reason: INVALID_CHARACTERS } });
export const ZTimestamp = z.string().describe('ISO 8601 date-time');

export const ZNoContent = z.null().describe('No content');

/** A list's filters as a page sends them: the query contract's input without the paging keys the list hook sets. */
export type TListFilters<S extends z.ZodObject> = Partial<Omit<z.input<S>, 'limit' | 'cursor'>>;
