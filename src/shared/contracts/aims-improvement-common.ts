import { z } from 'zod';
import { zText } from './common.ts';

/*
 * Pieces shared by the improvement records (internal audits, management reviews, nonconformities,
 * AI incidents): a person, a catalog requirement link as the API takes and gives it, and the
 * list query every one of their lists accepts.
 */

export const ZDay = z.iso.date();

export const ZPersonRef = z.object({ id: z.string(), name: z.string() });
export type TPersonRef = z.infer<typeof ZPersonRef>;

/** A catalog requirement as a link names it: the current version of the framework is resolved by the server. */
export const ZRequirementRef = z.strictObject({
  frameworkId: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,79}$/),
  ref: zText(60, { min: 1 }),
});
export type TRequirementRef = z.infer<typeof ZRequirementRef>;

export const ZLinkedRequirement = z.object({
  frameworkId: z.string(),
  frameworkVersion: z.string(),
  ref: z.string(),
  title: z.object({ en: z.string(), fr: z.string() }),
});
export type TLinkedRequirement = z.infer<typeof ZLinkedRequirement>;

export const ZCursor = z.string().max(400).regex(/^[A-Za-z0-9_-]+$/, 'cursor must be the nextCursor of a previous page');

export const zListQuery = <const S extends readonly [string, ...string[]]>(sorts: S) => ({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: ZCursor.optional(),
  sort: z.enum(sorts).default(sorts[0]),
  direction: z.enum(['asc', 'desc']).default('desc'),
});

export const ZBooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
