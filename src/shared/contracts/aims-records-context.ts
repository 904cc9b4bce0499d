import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { zText, ZTimestamp, type TListFilters } from './common.ts';
import { ZRequirementLink } from './risks.ts';

/*
 * Management-system records, part 1 (ISO/IEC 42001 clauses 4.2, 4.3, 6.2, 7.2, 7.3): the AIMS
 * scope statement (versions: draft → approved, approved frozen, superseded by the next approved
 * one), interested parties and their requirements, AI objectives with measures, targets and
 * results, competence and awareness records. Closed lists are defined here once.
 */

export const ZDay = z.iso.date();
const ZPerson = z.object({ id: z.string(), name: z.string() });
export type TRecordPerson = z.infer<typeof ZPerson>;

/** A catalog requirement a record is linked to, with its title in both languages. */
export const ZLinkedRequirement = z.object({ frameworkId: z.string(), frameworkVersion: z.string(), ref: z.string(), title: z.object({ en: z.string(), fr: z.string() }) });
export type TLinkedRequirement = z.infer<typeof ZLinkedRequirement>;
const ZRequirementLinks = z.array(ZRequirementLink).max(50);

const ZCursor = z.string().max(400).regex(/^[A-Za-z0-9_-]+$/, 'cursor must be the nextCursor of a previous page');
const ZBoolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const listBase = { limit: z.coerce.number().int().min(1).max(200).default(50), cursor: ZCursor.optional() };

// ---------------------------------------------------------------------------------------------
// Scope statement (4.3)

export const SCOPE_STATUSES = ['draft', 'approved', 'superseded'] as const;
export const ZScopeStatus = z.enum(SCOPE_STATUSES);
export type TScopeStatus = z.infer<typeof ZScopeStatus>;

export const ZScopeExclusion = z.strictObject({
  /** What is left out of the AIMS: a site, a product line, an activity… */
  item: zText(300, { min: 1 }),
  /** Why it is left out without affecting the AIMS' ability to reach its intended results. */
  reason: zText(2000, { min: 1 }),
});
export type TScopeExclusion = z.infer<typeof ZScopeExclusion>;

export const ZScopeContent = z.strictObject({
  /** Organizational units, sites, activities, products and services the AIMS covers. */
  boundaries: zText(8000),
  /** How the AIMS applies: the organization's roles (provider, deployer…), the external and internal issues (4.1) and interested parties (4.2) taken into account. */
  applicability: zText(8000),
  exclusions: z.array(ZScopeExclusion).max(50),
});
export type TScopeContent = z.infer<typeof ZScopeContent>;

export const ZUpdateScopeBody = ZScopeContent.partial();
export type TUpdateScopeBody = z.infer<typeof ZUpdateScopeBody>;
export const ZApproveScopeBody = z.strictObject({ comment: zText(2000).optional() });

export const ZScopeAiSystem = z.object({ id: z.string(), name: z.string() });
export type TScopeAiSystemSnapshot = z.infer<typeof ZScopeAiSystem>;

export const SCOPE_ACTIONS = ['aimsScope.read', 'aimsScope.draft', 'aimsScope.update', 'aimsScope.approve'] as const;

export const ZScopeVersion = ZScopeContent.extend({
  version: z.number().int(),
  status: ZScopeStatus,
  /**
   * The AI systems in scope: for a draft, the inventory's systems marked in scope today; for an
   * approved or superseded version, the list as it stood when it was approved.
   */
  aiSystems: z.array(ZScopeAiSystem),
  aiSystemsAsApproved: z.boolean(),
  createdBy: ZPerson,
  createdAt: ZTimestamp,
  updatedBy: ZPerson,
  updatedAt: ZTimestamp,
  approvedBy: ZPerson.nullable(),
  approvedAt: ZTimestamp.nullable(),
  approvalComment: z.string().nullable(),
  abilities: zAbilitiesOf(...SCOPE_ACTIONS),
});
export type TScopeVersion = z.infer<typeof ZScopeVersion>;

/** The organization's scope at a glance: the version being written (if any) and the one in force. */
export const ZScopeOverview = z.object({
  latest: ZScopeVersion.nullable(),
  approved: ZScopeVersion.nullable(),
  abilities: zAbilitiesOf('aimsScope.read', 'aimsScope.draft'),
});
export type TScopeOverview = z.infer<typeof ZScopeOverview>;

export const ZScopeVersionSummary = z.object({
  version: z.number().int(),
  status: ZScopeStatus,
  aiSystemCount: z.number().int(),
  updatedAt: ZTimestamp,
  approvedBy: ZPerson.nullable(),
  approvedAt: ZTimestamp.nullable(),
});
export const ZScopeVersionPage = z.object({ items: z.array(ZScopeVersionSummary), nextCursor: z.string().nullable() });
export const ZScopeVersionListQuery = z.object({ ...listBase, status: ZScopeStatus.optional() });
export type TScopeVersionListQuery = z.infer<typeof ZScopeVersionListQuery>;
export const ZScopeVersionParams = z.object({ tenantId: z.uuid(), version: z.coerce.number().int().min(1).max(1_000_000) });

// ---------------------------------------------------------------------------------------------
// Interested parties (4.2)

export const PARTY_CATEGORIES = ['regulator', 'customer', 'affected_people', 'employees', 'supplier', 'investor', 'other'] as const;
export const ZPartyCategory = z.enum(PARTY_CATEGORIES);
export type TPartyCategory = z.infer<typeof ZPartyCategory>;

/** One requirement of the party (a need or expectation) and whether the AIMS addresses it. */
export const ZPartyNeedInput = z.strictObject({
  /** Present for a requirement the party already has (kept stable across edits). */
  key: z.uuid().optional(),
  description: zText(1000, { min: 1 }),
  addressed: z.boolean(),
  /** How the AIMS addresses it, or why it does not. */
  how: zText(2000).default(''),
});
export type TPartyNeedInput = z.input<typeof ZPartyNeedInput>;
export const ZPartyNeed = z.object({ key: z.string(), description: z.string(), addressed: z.boolean(), how: z.string() });
export type TPartyNeed = z.infer<typeof ZPartyNeed>;

const partyFields = {
  name: zText(200, { min: 1 }),
  category: ZPartyCategory,
  needs: z.array(ZPartyNeedInput).max(50).default([]),
  requirements: ZRequirementLinks.default([]),
};
export const ZCreatePartyBody = z.strictObject(partyFields);
export type TCreatePartyBody = z.input<typeof ZCreatePartyBody>;
export const ZUpdatePartyBody = z.strictObject({ name: partyFields.name, category: ZPartyCategory, needs: z.array(ZPartyNeedInput).max(50), requirements: ZRequirementLinks }).partial();
export type TUpdatePartyBody = z.input<typeof ZUpdatePartyBody>;

export const PARTY_ACTIONS = ['interestedParty.read', 'interestedParty.create', 'interestedParty.update'] as const;
export const ZParty = z.object({
  id: z.string(),
  name: z.string(),
  category: ZPartyCategory,
  needs: z.array(ZPartyNeed),
  /** Requirements of the party the AIMS addresses, out of all its requirements. */
  addressedCount: z.number().int(),
  needCount: z.number().int(),
  requirements: z.array(ZLinkedRequirement),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  abilities: zAbilitiesOf(...PARTY_ACTIONS),
});
export type TParty = z.infer<typeof ZParty>;
export const ZPartyPage = z.object({ items: z.array(ZParty), nextCursor: z.string().nullable() });
export const ZPartyListQuery = z.object({
  ...listBase,
  category: ZPartyCategory.optional(),
  /** Parties with at least one requirement the AIMS does not address. */
  unaddressed: ZBoolQuery.optional(),
  q: zText(100).optional(),
});
export type TPartyFilters = TListFilters<typeof ZPartyListQuery>;
export type TPartyListQuery = z.infer<typeof ZPartyListQuery>;
export const ZPartyParams = z.object({ tenantId: z.uuid(), partyId: z.uuid() });

// ---------------------------------------------------------------------------------------------
// AI objectives (6.2)

export const OBJECTIVE_STATUSES = ['active', 'achieved', 'not_achieved', 'cancelled'] as const;
export const ZObjectiveStatus = z.enum(OBJECTIVE_STATUSES);
export type TObjectiveStatus = z.infer<typeof ZObjectiveStatus>;
/** at_least: a result meets the target when it is at or above the value; at_most: at or below. */
export const TARGET_DIRECTIONS = ['at_least', 'at_most'] as const;
export const ZTargetDirection = z.enum(TARGET_DIRECTIONS);
export type TTargetDirection = z.infer<typeof ZTargetDirection>;

const ZMeasureValue = z.number().finite().min(-1e12).max(1e12);

const objectiveFields = {
  title: zText(300, { min: 1 }),
  /** What is measured, and how. */
  measure: zText(1000, { min: 1 }),
  targetDirection: ZTargetDirection,
  targetValue: ZMeasureValue,
  targetUnit: zText(40).default(''),
  dueOn: ZDay,
  ownerId: z.uuid().nullable().default(null),
  status: ZObjectiveStatus.default('active'),
  requirements: ZRequirementLinks.default([]),
};
export const ZCreateObjectiveBody = z.strictObject(objectiveFields);
export type TCreateObjectiveBody = z.input<typeof ZCreateObjectiveBody>;
export const ZUpdateObjectiveBody = z
  .strictObject({
    title: objectiveFields.title,
    measure: objectiveFields.measure,
    targetDirection: ZTargetDirection,
    targetValue: ZMeasureValue,
    targetUnit: zText(40),
    dueOn: ZDay,
    ownerId: z.uuid().nullable(),
    status: ZObjectiveStatus,
    requirements: ZRequirementLinks,
  })
  .partial();
export type TUpdateObjectiveBody = z.input<typeof ZUpdateObjectiveBody>;

export const ZRecordResultBody = z.strictObject({ measuredOn: ZDay, value: ZMeasureValue, comment: zText(2000).default('') });
export type TRecordResultBody = z.input<typeof ZRecordResultBody>;

export const ZObjectiveResult = z.object({
  id: z.string(),
  measuredOn: z.string(),
  value: z.number(),
  comment: z.string(),
  recordedBy: ZPerson.nullable(),
  recordedAt: ZTimestamp,
  /** Whether this result meets the objective's current target. */
  met: z.boolean(),
});
export type TObjectiveResult = z.infer<typeof ZObjectiveResult>;

export const OBJECTIVE_ACTIONS = ['aimsObjective.read', 'aimsObjective.create', 'aimsObjective.update', 'aimsObjective.recordResult'] as const;
export const ZObjective = z.object({
  id: z.string(),
  title: z.string(),
  measure: z.string(),
  target: z.object({ direction: ZTargetDirection, value: z.number(), unit: z.string(), dueOn: z.string() }),
  owner: ZPerson.nullable(),
  status: ZObjectiveStatus,
  /** The most recent result (by measurement date); `met` compares it with the target. */
  latestResult: ZObjectiveResult.nullable(),
  met: z.boolean().nullable(),
  /** Past its due date while still active. */
  overdue: z.boolean(),
  resultCount: z.number().int(),
  requirements: z.array(ZLinkedRequirement),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  abilities: zAbilitiesOf(...OBJECTIVE_ACTIONS),
});
export type TObjective = z.infer<typeof ZObjective>;
/** An objective with every result recorded, newest first. */
export const ZObjectiveDetail = ZObjective.extend({ results: z.array(ZObjectiveResult) });
export type TObjectiveDetail = z.infer<typeof ZObjectiveDetail>;
export const ZObjectivePage = z.object({ items: z.array(ZObjective), nextCursor: z.string().nullable() });
export const ZObjectiveListQuery = z.object({
  ...listBase,
  status: ZObjectiveStatus.optional(),
  ownerId: z.uuid().optional(),
  /** Objectives whose latest result meets (true) or misses (false) the target; those without a result match neither. */
  met: ZBoolQuery.optional(),
});
export type TObjectiveFilters = TListFilters<typeof ZObjectiveListQuery>;
export type TObjectiveListQuery = z.infer<typeof ZObjectiveListQuery>;
export const ZObjectiveParams = z.object({ tenantId: z.uuid(), objectiveId: z.uuid() });

// ---------------------------------------------------------------------------------------------
// Competence and awareness (7.2, 7.3)

const competenceFields = {
  /** The member whose competence this records. */
  userId: z.uuid(),
  /** Their role in the AIMS (e.g. model risk officer, data scientist on the scoring model). */
  role: zText(200, { min: 1 }),
  requiredCompetence: zText(2000, { min: 1 }),
  /** Evidence of competence in words (training, degree, experience), and/or a file. */
  evidence: zText(4000).default(''),
  evidenceFileId: z.uuid().nullable().default(null),
  achievedOn: ZDay.nullable().default(null),
  renewalOn: ZDay.nullable().default(null),
  /** When the person acknowledged the AI policy (awareness, 7.3). */
  policyAcknowledgedOn: ZDay.nullable().default(null),
};
export const ZCreateCompetenceBody = z.strictObject(competenceFields);
export type TCreateCompetenceBody = z.input<typeof ZCreateCompetenceBody>;
export const ZUpdateCompetenceBody = z
  .strictObject({
    role: competenceFields.role,
    requiredCompetence: competenceFields.requiredCompetence,
    evidence: zText(4000),
    evidenceFileId: z.uuid().nullable(),
    achievedOn: ZDay.nullable(),
    renewalOn: ZDay.nullable(),
    policyAcknowledgedOn: ZDay.nullable(),
  })
  .partial();
export type TUpdateCompetenceBody = z.input<typeof ZUpdateCompetenceBody>;

export const COMPETENCE_ACTIONS = ['competenceRecord.read', 'competenceRecord.create', 'competenceRecord.update'] as const;
export const ZCompetenceRecord = z.object({
  id: z.string(),
  person: ZPerson,
  role: z.string(),
  requiredCompetence: z.string(),
  evidence: z.string(),
  evidenceFile: z.object({ id: z.string(), filename: z.string(), size: z.number(), sha256: z.string() }).nullable(),
  achievedOn: z.string().nullable(),
  renewalOn: z.string().nullable(),
  /** The renewal date has passed. */
  renewalDue: z.boolean(),
  policyAcknowledgedOn: z.string().nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  abilities: zAbilitiesOf(...COMPETENCE_ACTIONS),
});
export type TCompetenceRecord = z.infer<typeof ZCompetenceRecord>;
export const ZCompetencePage = z.object({ items: z.array(ZCompetenceRecord), nextCursor: z.string().nullable() });
export const ZCompetenceListQuery = z.object({
  ...listBase,
  userId: z.uuid().optional(),
  renewalDue: ZBoolQuery.optional(),
  acknowledged: ZBoolQuery.optional(),
});
export type TCompetenceFilters = TListFilters<typeof ZCompetenceListQuery>;
export type TCompetenceListQuery = z.infer<typeof ZCompetenceListQuery>;
export const ZCompetenceParams = z.object({ tenantId: z.uuid(), recordId: z.uuid() });
