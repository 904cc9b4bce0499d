import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { zText, ZTimestamp } from './common.ts';
import { ZBooleanQuery, ZDay, ZLinkedRequirement, zListQuery, ZPersonRef, ZRequirementRef } from './aims-improvement-common.ts';

/*
 * Nonconformities and corrective action (ISO/IEC 42001 10.2). The status list is closed and the
 * database CHECK (migration 0016) uses the same words:
 *   open → correction → action_planned → verifying → closed
 * open: recorded; correction: the immediate fix is recorded; action_planned: root cause found and
 * corrective action decided; verifying: the action is done, its effectiveness is being checked;
 * closed: checked effective. A check found not effective sends it back to action_planned.
 */

export const NC_SOURCES = ['internal_audit', 'ai_incident', 'management_review', 'external_audit', 'other'] as const;
export const ZNcSource = z.enum(NC_SOURCES);
export type TNcSource = z.infer<typeof ZNcSource>;

/** Sources a person picks when recording one directly; the others are raised from their record. */
export const DIRECT_NC_SOURCES = ['management_review', 'external_audit', 'other'] as const;

export const NC_STATUSES = ['open', 'correction', 'action_planned', 'verifying', 'closed'] as const;
export const ZNcStatus = z.enum(NC_STATUSES);
export type TNcStatus = z.infer<typeof ZNcStatus>;

/** The transitions a person asks for by name; the effectiveness check has its own route. */
export const NC_EVENTS = ['record_correction', 'plan_action', 'start_verification', 'close'] as const;
export const ZNcEvent = z.enum(NC_EVENTS);
export type TNcEvent = z.infer<typeof ZNcEvent>;

export const EFFECTIVENESS_RESULTS = ['effective', 'not_effective'] as const;
export const ZEffectivenessResult = z.enum(EFFECTIVENESS_RESULTS);
export type TEffectivenessResult = z.infer<typeof ZEffectivenessResult>;

export const NC_TEXT_MAX = 4000;

const ncFields = {
  title: zText(200, { min: 1 }),
  description: zText(NC_TEXT_MAX),
  correction: zText(NC_TEXT_MAX),
  rootCause: zText(NC_TEXT_MAX),
  correctiveAction: zText(NC_TEXT_MAX),
  ownerId: z.uuid().nullable(),
  dueOn: ZDay.nullable(),
  requirements: z.array(ZRequirementRef).max(50),
};

/** What a person fills in when the nonconformity is raised from another record (a finding, an incident). */
export const ZRaiseNonconformityBody = z.strictObject({
  title: ncFields.title.optional(),
  description: ncFields.description.optional(),
  ownerId: ncFields.ownerId.default(null),
  dueOn: ncFields.dueOn.default(null),
  requirements: ncFields.requirements.default([]),
});
export type TRaiseNonconformityBody = z.input<typeof ZRaiseNonconformityBody>;
export type TRaiseNonconformityInput = z.output<typeof ZRaiseNonconformityBody>;

export const ZCreateNonconformityBody = z
  .strictObject({
    title: ncFields.title,
    description: ncFields.description.default(''),
    source: z.enum(DIRECT_NC_SOURCES),
    /** The management review that raised it (source management_review). */
    managementReviewId: z.uuid().nullable().default(null),
    correction: ncFields.correction.default(''),
    rootCause: ncFields.rootCause.default(''),
    correctiveAction: ncFields.correctiveAction.default(''),
    ownerId: ncFields.ownerId.default(null),
    dueOn: ncFields.dueOn.default(null),
    requirements: ncFields.requirements.default([]),
  })
  .superRefine((b, ctx) => {
    if ((b.source === 'management_review') !== (b.managementReviewId !== null && b.managementReviewId !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['managementReviewId'], message: 'Name the management review exactly when the source is a management review.' });
    }
  });
export type TCreateNonconformityBody = z.input<typeof ZCreateNonconformityBody>;
export type TCreateNonconformityInput = z.output<typeof ZCreateNonconformityBody>;

export const ZUpdateNonconformityBody = z.strictObject(ncFields).partial();
export type TUpdateNonconformityBody = z.input<typeof ZUpdateNonconformityBody>;
export type TUpdateNonconformityInput = z.output<typeof ZUpdateNonconformityBody>;

export const ZNcTransitionBody = z.strictObject({ event: ZNcEvent });
export type TNcTransitionBody = z.infer<typeof ZNcTransitionBody>;

export const ZEffectivenessCheckBody = z.strictObject({
  checkedOn: ZDay,
  result: ZEffectivenessResult,
  notes: zText(NC_TEXT_MAX).default(''),
});
export type TEffectivenessCheckBody = z.input<typeof ZEffectivenessCheckBody>;
export type TEffectivenessCheckInput = z.output<typeof ZEffectivenessCheckBody>;

export const ZNcParams = z.object({ tenantId: z.uuid(), nonconformityId: z.uuid() });
export const ZNcsParams = z.object({ tenantId: z.uuid() });

export const NC_RECORD_ACTIONS = ['nonconformity.read', 'nonconformity.create', 'nonconformity.update', 'nonconformity.transition', 'nonconformity.verify'] as const;
export const ZNcAbilities = zAbilitiesOf(...NC_RECORD_ACTIONS);

/**
 * The record that raised it: an internal-audit finding (with its audit), an AI incident, a
 * management review, or a certification body's finding (title = the body's reference, parentId =
 * the engagement).
 */
export const ZNcSourceRecord = z.object({
  type: z.enum(['internal_audit_finding', 'ai_incident', 'management_review', 'external_audit_finding']),
  id: z.string(),
  /** The audit of a finding (the engagement of a body's finding), to link to its page; otherwise the record itself. */
  parentId: z.string(),
  title: z.string(),
});
export type TNcSourceRecord = z.infer<typeof ZNcSourceRecord>;

export const ZNonconformitySummary = z.object({
  id: z.string(),
  title: z.string(),
  source: ZNcSource,
  sourceRecord: ZNcSourceRecord.nullable(),
  status: ZNcStatus,
  owner: ZPersonRef.nullable(),
  dueOn: z.string().nullable(),
  /** Due date passed and not closed. */
  overdue: z.boolean(),
  requirements: z.array(z.object({ frameworkId: z.string(), ref: z.string() })),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TNonconformitySummary = z.infer<typeof ZNonconformitySummary>;

export const ZNonconformity = ZNonconformitySummary.extend({
  description: z.string(),
  correction: z.string(),
  rootCause: z.string(),
  correctiveAction: z.string(),
  requirements: z.array(ZLinkedRequirement),
  effectivenessCheck: z
    .object({ checkedOn: z.string(), checkedBy: ZPersonRef.nullable(), result: ZEffectivenessResult, notes: z.string() })
    .nullable(),
  closedAt: ZTimestamp.nullable(),
  createdBy: ZPersonRef.nullable(),
  abilities: ZNcAbilities,
});
export type TNonconformity = z.infer<typeof ZNonconformity>;

export const NC_SORTS = ['created', 'due', 'updated'] as const;
export const ZNcListQuery = z.object({
  ...zListQuery(NC_SORTS),
  status: ZNcStatus.optional(),
  source: ZNcSource.optional(),
  ownerId: z.uuid().optional(),
  overdue: ZBooleanQuery.optional(),
  /** Only those not closed (true) or only closed ones (false). */
  open: ZBooleanQuery.optional(),
  aiIncidentId: z.uuid().optional(),
});
export type TNcListQuery = z.infer<typeof ZNcListQuery>;

export const ZNonconformityList = z.object({ items: z.array(ZNonconformitySummary), nextCursor: z.string().nullable() });
export type TNonconformityList = z.infer<typeof ZNonconformityList>;
