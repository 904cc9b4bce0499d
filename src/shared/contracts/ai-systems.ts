import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZTimestamp, zText, type TListFilters } from './common.ts';
import { ZTenantParams } from './tenants.ts';

/* The AI-system inventory (issue 8): a system, its EU AI Act classification and the list query. */

export const AI_LIFECYCLE_STAGES = ['design', 'development', 'validation', 'deployed', 'retired'] as const;
export const ZAiLifecycleStage = z.enum(AI_LIFECYCLE_STAGES);
export type TAiLifecycleStage = z.infer<typeof ZAiLifecycleStage>;

/** The organization's role(s) towards the system under the AI Act (Art. 3): obligations differ. */
export const AI_ORG_ROLES = ['provider', 'deployer', 'importer', 'distributor', 'product_manufacturer'] as const;
export const ZAiOrgRole = z.enum(AI_ORG_ROLES);
export type TAiOrgRole = z.infer<typeof ZAiOrgRole>;

export const AI_TIERS = ['prohibited', 'high-risk', 'limited', 'minimal'] as const;
export const ZAiTier = z.enum(AI_TIERS);
export type TAiTier = z.infer<typeof ZAiTier>;

/** Why a system is high-risk: a safety component under Annex I law, or an Annex III use (Art. 6). */
export const AI_ROUTES = ['annex-i', 'annex-iii'] as const;
export const ZAiRoute = z.enum(AI_ROUTES);
export type TAiRoute = z.infer<typeof ZAiRoute>;

export const AI_TEXT_MAX = 4000;
const ZLongText = zText(AI_TEXT_MAX);
const ZShortText = zText(200);
/** A requirement ref of the eu-ai-act catalog, such as `Annex III(5)(b)` or `Art. 5`. */
export const ZCatalogRef = zText(60, { min: 1 });

const uniqueRoles = z.array(ZAiOrgRole).max(AI_ORG_ROLES.length).refine((r) => new Set(r).size === r.length, 'Each role once.');

export const ZAiSystemParams = ZTenantParams.extend({ aiSystemId: z.uuid() });

const fields = {
  name: zText(160, { min: 1 }),
  purpose: ZLongText,
  businessOwnerId: z.uuid().nullable(),
  technicalOwnerId: z.uuid().nullable(),
  lifecycleStage: ZAiLifecycleStage,
  roles: uniqueRoles,
  modelType: ZShortText,
  modelVersion: zText(100),
  supplier: ZShortText,
  dataCategories: z.array(zText(100, { min: 1 })).max(30),
  personalData: z.boolean(),
  specialCategoryData: z.boolean(),
  affectedPeople: ZLongText,
  humanOversight: ZLongText,
  intendedUse: ZLongText,
  knownLimitations: ZLongText,
  automatedDecisions: z.boolean(),
  inAimsScope: z.boolean(),
  bomRef: zText(200, { min: 1 }).nullable(),
};

/** Only name and stage are needed to record a system; the rest is filled as it is known. */
export const ZCreateAiSystemBody = z
  .object(fields)
  .partial()
  .required({ name: true, lifecycleStage: true })
  .refine((b) => !b.specialCategoryData || b.personalData !== false, { message: 'Special-category data is personal data.', path: ['personalData'] });
export type TCreateAiSystemBody = z.infer<typeof ZCreateAiSystemBody>;

export const ZUpdateAiSystemBody = z
  .object(fields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Send at least one field to change.');
export type TUpdateAiSystemBody = z.infer<typeof ZUpdateAiSystemBody>;

export const ZUserRef = z.object({ id: z.uuid(), name: z.string() });

/*
 * The classification questionnaire. Answers are kept as given, with the catalog version that
 * judged them, so a later catalog never changes what an earlier classification said.
 */
export const ZClassificationAnswers = z.object({
  /** Art. 5: does the system perform a prohibited practice? */
  prohibitedPractice: z.boolean().default(false),
  /** Art. 6(1): a safety component of (or itself) a product under the Annex I harmonisation law, needing third-party conformity assessment. */
  annexISafetyComponent: z.boolean().default(false),
  /** Art. 6(2): the Annex III point the use falls under (a catalog ref such as `Annex III(5)(b)`), or none. */
  annexIIIRef: ZCatalogRef.nullable().default(null),
  /** Art. 6(3): the provider documents that the Annex III system poses no significant risk. */
  art63Exception: z.boolean().default(false),
  art63Reason: zText(AI_TEXT_MAX).default(''),
  /** Profiling of natural persons: an Annex III system that profiles is always high-risk (Art. 6(3), last subparagraph). */
  profiling: z.boolean().default(false),
  /** Art. 50(1): people interact with the system directly. */
  interactsWithPeople: z.boolean().default(false),
  /** Art. 50(2): it generates synthetic audio, image, video or text. */
  generatesSyntheticContent: z.boolean().default(false),
  /** Art. 50(3): emotion recognition or biometric categorisation. */
  emotionOrBiometricCategorisation: z.boolean().default(false),
  /** Art. 50(4): deep fakes, or text published to inform the public on matters of public interest. */
  deepFakeOrPublicText: z.boolean().default(false),
  /** Arts 51–55: the system is, or is built on, a general-purpose AI model the organization provides. */
  gpaiModel: z.boolean().default(false),
  gpaiSystemicRisk: z.boolean().default(false),
});
export type TClassificationAnswers = z.infer<typeof ZClassificationAnswers>;

/** The yes/no answers a catalog obligation can depend on (`applicability.when` in catalogs/README.md). */
export const CLASSIFICATION_TRIGGERS = [
  'art63Exception',
  'interactsWithPeople',
  'generatesSyntheticContent',
  'emotionOrBiometricCategorisation',
  'deepFakeOrPublicText',
  'gpaiModel',
  'gpaiSystemicRisk',
] as const satisfies readonly (keyof TClassificationAnswers)[];
export type TClassificationTrigger = (typeof CLASSIFICATION_TRIGGERS)[number];

/** The questionnaire's answers, with the rules that tie them together (each names its field). */
export const ZClassifyBody = z.object({ answers: ZClassificationAnswers }).superRefine(({ answers: a }, ctx) => {
  const at = (field: keyof TClassificationAnswers, message: string) => ctx.addIssue({ code: 'custom', path: ['answers', field], message });
  if (a.art63Exception && !a.annexIIIRef) at('art63Exception', 'The Art. 6(3) exception concerns an Annex III system: name its Annex III point.');
  if (a.art63Exception && !a.art63Reason) at('art63Reason', 'Document why the system poses no significant risk (Art. 6(4)).');
  if (a.gpaiSystemicRisk && !a.gpaiModel) at('gpaiSystemicRisk', 'Only a general-purpose AI model carries systemic risk.');
});
export type TClassifyBody = z.infer<typeof ZClassifyBody>;

export const CLASSIFICATION_REASONS = [
  'prohibited_practice',
  'annex_i_safety_component',
  'annex_iii_use',
  'art_6_3_exception',
  'art_6_3_profiling',
  'transparency_duty',
  'gpai_model',
  'gpai_systemic_risk',
  'no_trigger',
] as const;
export const ZClassificationReason = z.object({ code: z.enum(CLASSIFICATION_REASONS), ref: z.string().nullable() });
export type TClassificationReason = z.infer<typeof ZClassificationReason>;

/** What other modules read (impact assessments: does Art. 27 apply?). */
export const ZAiClassificationSummary = z.object({
  version: z.number().int(),
  tier: ZAiTier,
  route: ZAiRoute.nullable(),
  annexIIIRef: z.string().nullable(),
  classifiedAt: ZTimestamp,
  classifiedBy: ZUserRef.nullable(),
  /** The organization's roles this version was made for (kept with it): its obligations are those of these roles. */
  roles: z.array(ZAiOrgRole),
  /**
   * The system's roles are no longer those the version was made for: its obligations still read
   * for `roles`, and the system should be classified again for its current roles.
   */
  rolesChanged: z.boolean(),
});
export type TAiClassificationSummary = z.infer<typeof ZAiClassificationSummary>;

export const ZAiSystem = z.object({
  id: z.uuid(),
  name: z.string(),
  purpose: z.string(),
  businessOwner: ZUserRef.nullable(),
  technicalOwner: ZUserRef.nullable(),
  lifecycleStage: ZAiLifecycleStage,
  roles: z.array(ZAiOrgRole),
  modelType: z.string(),
  modelVersion: z.string(),
  supplier: z.string(),
  dataCategories: z.array(z.string()),
  personalData: z.boolean(),
  specialCategoryData: z.boolean(),
  affectedPeople: z.string(),
  humanOversight: z.string(),
  intendedUse: z.string(),
  knownLimitations: z.string(),
  automatedDecisions: z.boolean(),
  inAimsScope: z.boolean(),
  bomRef: z.string().nullable(),
  classification: ZAiClassificationSummary.nullable(),
  createdBy: ZUserRef.nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  abilities: zAbilitiesOf('aiSystem.read', 'aiSystem.update', 'aiSystem.classify'),
});
export type TAiSystem = z.infer<typeof ZAiSystem>;

export const AI_LIST_SORTS = ['name', 'updatedAt', 'createdAt'] as const;
const zBool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const ZAiListQuery = z.object({
  stage: ZAiLifecycleStage.optional(),
  tier: z.enum([...AI_TIERS, 'unclassified']).optional(),
  role: ZAiOrgRole.optional(),
  inScope: zBool.optional(),
  ownerId: z.uuid().optional(),
  q: zText(100, { min: 1 }).optional(),
  sort: z.enum(AI_LIST_SORTS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: zText(600).optional(),
});
export type TAiFilters = TListFilters<typeof ZAiListQuery>;
export type TAiListQuery = z.infer<typeof ZAiListQuery>;
/*
 * An inventory row: what the list shows and filters on, without the long texts (purpose, intended
 * use, oversight…) a page of 50 would otherwise carry. The detail endpoint answers the whole record.
 */
export const ZAiSystemSummary = ZAiSystem.pick({
  id: true,
  name: true,
  lifecycleStage: true,
  roles: true,
  businessOwner: true,
  technicalOwner: true,
  inAimsScope: true,
  supplier: true,
  modelType: true,
  bomRef: true,
  updatedAt: true,
  abilities: true,
}).extend({ classification: ZAiClassificationSummary.pick({ version: true, tier: true, route: true, annexIIIRef: true }).nullable() });
export type TAiSystemSummary = z.infer<typeof ZAiSystemSummary>;
export const ZAiSystemPage = z.object({ items: z.array(ZAiSystemSummary), nextCursor: z.string().nullable() });
export type TAiSystemPage = z.infer<typeof ZAiSystemPage>;

/** A system's history from the audit log: what changed, by whom, when (no IP or user agent). */
export const ZHistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().regex(/^\d{1,15}$/, 'cursor must be the nextCursor of a previous page').optional(),
});
export const ZHistoryEvent = z.object({
  id: z.uuid(),
  occurredAt: ZTimestamp,
  action: z.string(),
  actorType: z.string(),
  actorName: z.string().nullable(),
  actorEmail: z.string().nullable(),
  summary: z.object({ before: z.record(z.string(), z.unknown()).nullable(), after: z.record(z.string(), z.unknown()).nullable() }),
});
export type THistoryEvent = z.infer<typeof ZHistoryEvent>;
export const ZHistoryPage = z.object({ items: z.array(ZHistoryEvent), nextCursor: z.string().nullable() });

const ZLocalizedText = z.object({ en: z.string(), fr: z.string() });

/** One obligation that applies to the system for the organization's role(s), with its date for the system's route. */
export const ZAiObligation = z.object({
  ref: z.string(),
  label: ZLocalizedText,
  title: ZLocalizedText,
  /** The organization's roles this obligation binds (among the system's roles). */
  roles: z.array(ZAiOrgRole),
  appliesFrom: z.string().nullable().describe('YYYY-MM-DD'),
  toBeConfirmed: z.boolean(),
  dateSource: ZLocalizedText.nullable(),
});
export type TAiObligation = z.infer<typeof ZAiObligation>;

export const ZAiClassification = ZAiClassificationSummary.extend({
  answers: ZClassificationAnswers,
  /** Each reason with its article or point as the catalog names it in each language. */
  reasons: z.array(ZClassificationReason.extend({ label: ZLocalizedText.nullable() })),
  /** The eu-ai-act-2024 catalog version that judged the answers. */
  catalogVersion: z.string(),
  /** The Annex III point as the catalog names it (null when none was answered). */
  annexIIIPoint: z.object({ ref: z.string(), label: ZLocalizedText, title: ZLocalizedText }).nullable(),
  /** For the roles the version was made for (`roles`), never the system's current ones. */
  obligations: z.array(ZAiObligation),
});
export type TAiClassification = z.infer<typeof ZAiClassification>;
export const ZAiClassificationList = z.object({ items: z.array(ZAiClassification) });

/** What the questionnaire offers: the Annex III areas and points of the current catalog. */
export const ZAnnexIIIOption = z.object({ ref: z.string(), label: ZLocalizedText, title: ZLocalizedText, parentRef: z.string().nullable(), isArea: z.boolean() });
export const ZQuestionnaire = z.object({ catalogVersion: z.string(), annexIII: z.array(ZAnnexIIIOption) });
export type TQuestionnaire = z.infer<typeof ZQuestionnaire>;

export const ZBomImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  items: z.array(z.object({ id: z.uuid(), name: z.string(), outcome: z.enum(['created', 'updated', 'unchanged']) })),
});
export type TBomImportResult = z.infer<typeof ZBomImportResult>;
