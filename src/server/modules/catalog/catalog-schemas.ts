import { z } from 'zod';
import { RELATIONS } from './catalog-format.ts';

export const ZLocalizedText = z.object({ en: z.string(), fr: z.string() });
/** How a reader names a ref written in words ("Chapitre I" for "Chapter I"); null when the ref is a code. */
const ZRefLabel = ZLocalizedText.nullable();

export const ZFrameworkParams = z.object({
  id: z
    .string()
    .max(80)
    .regex(/^[a-z0-9][a-z0-9.-]*$/, 'id looks like iso-iec-42001-2023'),
});
export const ZRequirementParams = ZFrameworkParams.extend({ ref: z.string().trim().min(1).max(100) });
export const ZVersionQuery = z.object({ version: z.string().trim().min(1).max(40).optional() });
export const ZOscalQuery = ZVersionQuery.extend({ lang: z.enum(['en', 'fr']).default('en') });
export const ZSearchQuery = z.object({
  q: z.string().trim().min(1, 'q needs at least 1 character').max(100, 'q is at most 100 characters'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

const ZCounts = z.record(z.string(), z.number().int());

export const ZFrameworkSummary = z.object({
  id: z.string(),
  version: z.string(),
  title: ZLocalizedText,
  shortTitle: ZLocalizedText,
  edition: ZLocalizedText,
  publisher: ZLocalizedText,
  custom: z.boolean(),
  counts: ZCounts,
  mappingCount: z.number().int(),
});
export const ZFrameworkList = z.object({ items: z.array(ZFrameworkSummary) });

export const ZRequirement = z.object({
  ref: z.string(),
  label: ZRefLabel,
  kind: z.string(),
  parentRef: z.string().nullable(),
  title: ZLocalizedText,
  description: ZLocalizedText,
  documentedInformation: z.enum(['maintained', 'retained']).nullable(),
  category: z.string().nullable(),
  appliesFrom: z.string().nullable(),
  mappingCount: z.number().int(),
});

export const ZFrameworkTree = z.object({
  id: z.string(),
  version: z.string(),
  title: ZLocalizedText,
  shortTitle: ZLocalizedText,
  edition: ZLocalizedText,
  publisher: ZLocalizedText,
  description: ZLocalizedText,
  custom: z.boolean(),
  counts: ZCounts,
  requirements: z.array(ZRequirement).describe('Flat, in document order; build the tree from parentRef.'),
});

export const ZRequirementDetail = z.object({
  framework: z.object({ id: z.string(), version: z.string(), title: ZLocalizedText, shortTitle: ZLocalizedText }),
  requirement: ZRequirement,
  parent: z.object({ ref: z.string(), label: ZRefLabel, title: ZLocalizedText }).nullable(),
  children: z.array(z.object({ ref: z.string(), label: ZRefLabel, kind: z.string(), title: ZLocalizedText })),
  mappings: z.array(
    z.object({
      direction: z.enum(['outgoing', 'incoming']),
      relation: z.enum(RELATIONS),
      rationale: ZLocalizedText,
      other: z.object({
        frameworkId: z.string(),
        frameworkTitle: ZLocalizedText,
        frameworkShortTitle: ZLocalizedText,
        ref: z.string(),
        label: ZRefLabel,
        title: ZLocalizedText,
        kind: z.string(),
      }),
    }),
  ),
});

export const ZSearchResults = z.object({
  items: z.array(z.object({ frameworkId: z.string(), frameworkTitle: ZLocalizedText, ref: z.string(), label: ZRefLabel, kind: z.string(), title: ZLocalizedText })),
  /** Every match, not only this page. */
  total: z.number().int(),
  /** The `offset` of the next page, or null on the last one. */
  nextOffset: z.number().int().nullable(),
});

export const ZImportResult = z.object({
  status: z.enum(['created', 'unchanged']),
  framework: z.object({ id: z.string(), version: z.string(), title: ZLocalizedText, custom: z.literal(true), counts: ZCounts }),
});
