import { z } from 'zod';
import { ZLocale, zText } from './common.ts';

export const REQUIREMENT_KINDS = ['clause', 'objective', 'group', 'control', 'criterion', 'function', 'category', 'subcategory', 'obligation', 'area'] as const;
export const RELATIONS = ['equal', 'subset', 'superset', 'intersects'] as const;
export const DOCUMENTED_INFORMATION = ['maintained', 'retained'] as const;
export const MAPPING_DIRECTIONS = ['outgoing', 'incoming'] as const;
export const ZRequirementKind = z.enum(REQUIREMENT_KINDS);
export const ZRelation = z.enum(RELATIONS);
export const ZDocumentedInformation = z.enum(DOCUMENTED_INFORMATION);
export type TRequirementKind = z.infer<typeof ZRequirementKind>;
export type TRelation = z.infer<typeof ZRelation>;
export type TDocumentedInformation = z.infer<typeof ZDocumentedInformation>;
export type TMappingDirection = (typeof MAPPING_DIRECTIONS)[number];

export const SEARCH_MAX_LENGTH = 100;

export const ZLocalizedText = z.object({ en: z.string(), fr: z.string() });
export type TLocalizedText = z.infer<typeof ZLocalizedText>;
/** How a reader names a ref written in words ("Chapitre I" for "Chapter I"); null when the ref is a code. */
const ZRefLabel = ZLocalizedText.nullable();

export const ZFrameworkParams = z.object({
  id: z
    .string()
    .max(80)
    .regex(/^[a-z0-9][a-z0-9.-]*$/, 'id looks like iso-iec-42001-2023'),
});
export const ZRequirementParams = ZFrameworkParams.extend({ ref: zText(100, { min: 1 }) });
export const ZVersionQuery = z.object({ version: zText(40, { min: 1 }).optional() });
export const ZOscalQuery = ZVersionQuery.extend({ lang: ZLocale.default('en') });
export const ZSearchQuery = z.object({
  q: zText(SEARCH_MAX_LENGTH, { min: 1 }),
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
export type TFrameworkSummary = z.infer<typeof ZFrameworkSummary>;
export const ZFrameworkList = z.object({ items: z.array(ZFrameworkSummary) });
export type TFrameworkList = z.infer<typeof ZFrameworkList>;

export const ZRequirement = z.object({
  ref: z.string(),
  label: ZRefLabel,
  kind: z.string(),
  parentRef: z.string().nullable(),
  title: ZLocalizedText,
  description: ZLocalizedText,
  documentedInformation: ZDocumentedInformation.nullable(),
  category: z.string().nullable(),
  appliesFrom: z.string().nullable(),
  mappingCount: z.number().int(),
});
export type TRequirement = z.infer<typeof ZRequirement>;

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
export type TFrameworkTree = z.infer<typeof ZFrameworkTree>;

export const ZRequirementLink = z.object({ ref: z.string(), label: ZRefLabel, title: ZLocalizedText });
export const ZRequirementChild = ZRequirementLink.extend({ kind: z.string() });
export const ZMapping = z.object({
  direction: z.enum(MAPPING_DIRECTIONS),
  relation: ZRelation,
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
});
export type TMapping = z.infer<typeof ZMapping>;

export const ZRequirementDetail = z.object({
  framework: z.object({ id: z.string(), version: z.string(), title: ZLocalizedText, shortTitle: ZLocalizedText }),
  requirement: ZRequirement.extend({
    /** EU AI Act: the date the Regulation first set, when an amendment moved `appliesFrom`. */
    appliesFromOriginal: z.string().nullable(),
    /** EU AI Act: which act sets `appliesFrom`, so an auditor can check the date at its source. */
    dateSource: ZLocalizedText.nullable(),
  }),
  parent: ZRequirementLink.nullable(),
  children: z.array(ZRequirementChild),
  mappings: z.array(ZMapping),
});
export type TRequirementDetail = z.infer<typeof ZRequirementDetail>;

export const ZSearchResult = z.object({ frameworkId: z.string(), frameworkTitle: ZLocalizedText, ref: z.string(), label: ZRefLabel, kind: z.string(), title: ZLocalizedText });
export type TSearchResult = z.infer<typeof ZSearchResult>;
export const ZSearchResults = z.object({
  items: z.array(ZSearchResult),
  /** Every match, not only this page. */
  total: z.number().int(),
  /** The `offset` of the next page, or null on the last one. */
  nextOffset: z.number().int().nullable(),
});
export type TSearchResults = z.infer<typeof ZSearchResults>;

export const ZImportResult = z.object({
  status: z.enum(['created', 'unchanged']),
  framework: z.object({ id: z.string(), version: z.string(), title: ZLocalizedText, custom: z.literal(true), counts: ZCounts }),
});
export type TImportResult = z.infer<typeof ZImportResult>;
