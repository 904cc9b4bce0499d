import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZTimestamp, zText, type TListFilters } from './common.ts';
import { ZTenantParams } from './tenants.ts';

/*
 * The organization's own controls (ISO/IEC 42001 6.1.3, 8.1): one control can satisfy requirements
 * of several frameworks. The enums are here so that the database's CHECK constraints (migration
 * 0011), the server and the web read the same closed lists.
 */

export const CONTROL_FREQUENCIES = ['continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'annually', 'on_event'] as const;
export const ZControlFrequency = z.enum(CONTROL_FREQUENCIES);
export type TControlFrequency = z.infer<typeof ZControlFrequency>;

export const CONTROL_AUTOMATIONS = ['automated', 'manual'] as const;
export const ZControlAutomation = z.enum(CONTROL_AUTOMATIONS);
export type TControlAutomation = z.infer<typeof ZControlAutomation>;

export const CONTROL_STATUSES = ['planned', 'implemented', 'operating', 'retired'] as const;
export const ZControlStatus = z.enum(CONTROL_STATUSES);
export type TControlStatus = z.infer<typeof ZControlStatus>;

/** How a control came to be linked to a requirement: typed by a person, accepted from a crosswalk, or from the starter library. */
export const CONTROL_LINK_ORIGINS = ['manual', 'crosswalk', 'library'] as const;
export const ZControlLinkOrigin = z.enum(CONTROL_LINK_ORIGINS);
export type TControlLinkOrigin = z.infer<typeof ZControlLinkOrigin>;

/* ---------------------------------------------------------------- API shapes */

/** A reference the organization gives its control (`AC-01`, `AIMS-A.6.2.4`): unique per organization, case aside. */
export const ZControlReference = zText(40, { min: 1 }).regex(/^[\p{L}\p{N}][\p{L}\p{N} ._\-/()]*$/u, 'Letters, digits, spaces and . _ - / ( ) only.');
export const CONTROL_DESCRIPTION_MAX = 4000;
/** A framework id of the catalog (`iso-iec-42001-2023`) and a requirement ref in it (`A.6.2.4`, `Art. 9`, `CC6.1`). */
export const ZFrameworkId = zText(80, { min: 1 });
export const ZRequirementRef = zText(60, { min: 1 });

export const ZControlParams = ZTenantParams.extend({ controlId: z.uuid() });
export const ZFrameworkParams = ZTenantParams.extend({ frameworkId: ZFrameworkId });
export const ZControlLinkParams = ZControlParams.extend({ frameworkId: ZFrameworkId, ref: ZRequirementRef });

const ZUserRef = z.object({ id: z.uuid(), name: z.string() });

const controlFields = {
  reference: ZControlReference,
  title: zText(200, { min: 1 }),
  description: zText(CONTROL_DESCRIPTION_MAX),
  ownerId: z.uuid().nullable(),
  frequency: ZControlFrequency,
  automation: ZControlAutomation,
};

/** A new control starts planned, implemented or operating (recording one that already runs); never retired. */
export const ZCreateControlBody = z.strictObject({
  ...controlFields,
  description: controlFields.description.default(''),
  ownerId: controlFields.ownerId.default(null),
  automation: controlFields.automation.default('manual'),
  status: ZControlStatus.exclude(['retired']).default('planned'),
  /** Requirements to link at once (origin `manual`). */
  requirements: z.array(z.strictObject({ frameworkId: ZFrameworkId, ref: ZRequirementRef })).max(50).default([]),
});
export type TCreateControlBody = z.infer<typeof ZCreateControlBody>;
export type TCreateControlInput = z.input<typeof ZCreateControlBody>;
/** What the create and edit forms hold (links are made on the control's page). */
export const ZControlForm = ZCreateControlBody.omit({ requirements: true });
export type TControlForm = z.infer<typeof ZControlForm>;

/** Only the fields sent change; `status` follows the lifecycle (control-lifecycle.ts). */
export const ZUpdateControlBody = z
  .strictObject({ ...controlFields, status: ZControlStatus })
  .partial()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'Send at least one field to change.');
export type TUpdateControlBody = z.infer<typeof ZUpdateControlBody>;

export const ZControlRequirement = z.object({
  frameworkId: z.string(),
  frameworkVersion: z.string(),
  /** The framework's short title in the reader's language. */
  frameworkTitle: z.string(),
  ref: z.string(),
  /** The requirement's short title in the reader's language (a fact of the catalog, not the standard's text). */
  title: z.string(),
  kind: z.string(),
  origin: ZControlLinkOrigin,
  linkedBy: ZUserRef.nullable(),
  linkedAt: ZTimestamp,
});
export type TControlRequirement = z.infer<typeof ZControlRequirement>;

export const ZControlAbilities = zAbilitiesOf('control.read', 'control.update', 'control.link');

export const ZControlSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  owner: ZUserRef.nullable(),
  frequency: ZControlFrequency,
  automation: ZControlAutomation,
  status: ZControlStatus,
  libraryRef: z.string().nullable(),
  /** How many requirements it is linked to, all frameworks together. */
  requirementCount: z.number().int(),
  /** The distinct frameworks of its links, by id. */
  frameworkIds: z.array(z.string()),
  updatedAt: ZTimestamp,
  abilities: ZControlAbilities,
});
export type TControlSummary = z.infer<typeof ZControlSummary>;

export const ZControl = ZControlSummary.omit({ requirementCount: true, frameworkIds: true }).extend({
  description: z.string(),
  requirements: z.array(ZControlRequirement),
  /** The statuses the lifecycle allows from the current one (the web offers these moves and no other). */
  nextStatuses: z.array(ZControlStatus),
  createdBy: ZUserRef.nullable(),
  createdAt: ZTimestamp,
});
export type TControl = z.infer<typeof ZControl>;

export const CONTROL_LIST_SORTS = ['reference', 'title', 'status', 'updatedAt'] as const;
export const ZControlListQuery = z.object({
  status: ZControlStatus.optional(),
  ownerId: z.uuid().optional(),
  frequency: ZControlFrequency.optional(),
  automation: ZControlAutomation.optional(),
  /** Controls linked to this framework (and to `ref` in it when given). */
  frameworkId: ZFrameworkId.optional(),
  ref: ZRequirementRef.optional(),
  /** Words in the reference, title or description (wildcards are literal). */
  q: zText(100, { min: 1 }).optional(),
  sort: z.enum(CONTROL_LIST_SORTS).default('reference'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: zText(600).optional(),
});
export type TControlFilters = TListFilters<typeof ZControlListQuery>;
export type TControlListQuery = z.infer<typeof ZControlListQuery>;
export const ZControlPage = z.object({ items: z.array(ZControlSummary), nextCursor: z.string().nullable() });
export type TControlPage = z.infer<typeof ZControlPage>;

export const ZLinkRequirementBody = z.strictObject({ frameworkId: ZFrameworkId, ref: ZRequirementRef });
export type TLinkRequirementBody = z.infer<typeof ZLinkRequirementBody>;

/* ---------------------------------------------------------------- crosswalk suggestions */

export const ZMappingRelation = z.enum(['equal', 'subset', 'superset', 'intersects']);

/** The catalog mapping that connects a linked requirement of the control to the suggested one. */
export const ZSuggestionSource = z.object({
  /** The control's linked requirement the mapping starts from. */
  viaFrameworkId: z.string(),
  viaRef: z.string(),
  /** The mapping as the catalog states it, source → target, whichever end the suggestion is. */
  sourceFrameworkId: z.string(),
  sourceRef: z.string(),
  targetFrameworkId: z.string(),
  targetRef: z.string(),
  relation: ZMappingRelation,
  /** Why the catalog maps them, in the reader's language. */
  rationale: z.string(),
});
export const ZControlSuggestion = z.object({
  frameworkId: z.string(),
  frameworkVersion: z.string(),
  frameworkTitle: z.string(),
  ref: z.string(),
  title: z.string(),
  kind: z.string(),
  sources: z.array(ZSuggestionSource).min(1),
});
export type TControlSuggestion = z.infer<typeof ZControlSuggestion>;
export const ZControlSuggestions = z.object({ items: z.array(ZControlSuggestion) });
export type TControlSuggestions = z.infer<typeof ZControlSuggestions>;

/* ---------------------------------------------------------------- adopted frameworks */

export const ZAdoptedFramework = z.object({
  frameworkId: z.string(),
  /** The version adopted; the catalog may have a newer current one (`currentVersion`). */
  version: z.string(),
  currentVersion: z.string().nullable(),
  title: z.object({ en: z.string(), fr: z.string() }),
  shortTitle: z.object({ en: z.string(), fr: z.string() }),
  adoptedBy: ZUserRef.nullable(),
  adoptedAt: ZTimestamp,
});
export type TAdoptedFramework = z.infer<typeof ZAdoptedFramework>;
export const ZAdoptedFrameworks = z.object({
  items: z.array(ZAdoptedFramework),
  abilities: zAbilitiesOf('adoptedFramework.read', 'adoptedFramework.manage'),
});
export type TAdoptedFrameworks = z.infer<typeof ZAdoptedFrameworks>;
export const ZAdoptFrameworkBody = z.strictObject({ frameworkId: ZFrameworkId });
export type TAdoptFrameworkBody = z.infer<typeof ZAdoptFrameworkBody>;

/* ---------------------------------------------------------------- starter library */

export const CONTROL_LIBRARIES = ['iso-iec-42001-2023'] as const;
export type TControlLibrary = (typeof CONTROL_LIBRARIES)[number];
export const ZApplyLibraryBody = z.strictObject({ framework: z.enum(CONTROL_LIBRARIES) });
export type TApplyLibraryBody = z.infer<typeof ZApplyLibraryBody>;
export const ZLibraryResult = z.object({
  created: z.number().int(),
  skipped: z.number().int(),
  /** True when applying the library adopted the framework (it was not adopted yet). */
  adopted: z.boolean(),
});
export type TLibraryResult = z.infer<typeof ZLibraryResult>;
