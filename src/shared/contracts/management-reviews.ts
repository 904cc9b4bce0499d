import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { zText, ZTimestamp } from './common.ts';
import { ZDay, zListQuery, ZPersonRef } from './aims-improvement-common.ts';

/*
 * Management review (ISO/IEC 42001 9.3): the inputs 9.3.2 asks top management to consider, each
 * with notes, and the decisions taken (9.3.3). A review cannot be completed until every input is
 * addressed; once completed it is frozen. The keys below are ours, and so are their labels.
 */

export const REVIEW_INPUTS = [
  'previous_actions',
  'issues_changes',
  'interested_parties_changes',
  'aims_performance',
  'monitoring_results',
  'audit_results',
  'improvement_opportunities',
] as const;
export const ZReviewInputKey = z.enum(REVIEW_INPUTS);
export type TReviewInputKey = z.infer<typeof ZReviewInputKey>;

export const REVIEW_STATUSES = ['draft', 'completed'] as const;
export const ZReviewStatus = z.enum(REVIEW_STATUSES);
export type TReviewStatus = z.infer<typeof ZReviewStatus>;

export const ZDecisionInput = z.strictObject({
  /** Present for a decision the review already has; absent for a new one. */
  id: z.uuid().optional(),
  decision: zText(2000, { min: 1 }),
  ownerId: z.uuid().nullable().default(null),
  dueOn: ZDay.nullable().default(null),
});

const reviewFields = {
  title: zText(200, { min: 1 }),
  heldOn: ZDay,
  attendees: z.array(zText(120, { min: 1 })).max(50),
  /** Notes per input; an input with empty notes is not addressed. */
  inputs: z.partialRecord(ZReviewInputKey, zText(8000)),
  decisions: z.array(ZDecisionInput).max(100),
};

export const ZCreateReviewBody = z.strictObject({
  ...reviewFields,
  attendees: reviewFields.attendees.default([]),
  inputs: reviewFields.inputs.default({}),
  decisions: reviewFields.decisions.default([]),
});
export type TCreateReviewBody = z.input<typeof ZCreateReviewBody>;
export type TCreateReviewInput = z.output<typeof ZCreateReviewBody>;

/** `inputs` sent are merged key by key: a key left out keeps its notes. */
export const ZUpdateReviewBody = z.strictObject(reviewFields).partial();
export type TUpdateReviewBody = z.input<typeof ZUpdateReviewBody>;
export type TUpdateReviewInput = z.output<typeof ZUpdateReviewBody>;

export const ZReviewParams = z.object({ tenantId: z.uuid(), reviewId: z.uuid() });
export const ZReviewsParams = z.object({ tenantId: z.uuid() });

export const REVIEW_RECORD_ACTIONS = ['managementReview.read', 'managementReview.create', 'managementReview.update', 'managementReview.complete'] as const;

export const ZReviewSummary = z.object({
  id: z.string(),
  title: z.string(),
  heldOn: z.string(),
  status: ZReviewStatus,
  /** Inputs of 9.3.2 still without notes: the record is incomplete while any is listed. */
  missingInputs: z.array(ZReviewInputKey),
  decisionCount: z.number().int(),
  updatedAt: ZTimestamp,
});
export type TReviewSummary = z.infer<typeof ZReviewSummary>;

export const ZReview = ZReviewSummary.extend({
  attendees: z.array(z.string()),
  inputs: z.array(z.object({ key: ZReviewInputKey, notes: z.string() })),
  decisions: z.array(z.object({ id: z.string(), decision: z.string(), owner: ZPersonRef.nullable(), dueOn: z.string().nullable(), overdue: z.boolean() })),
  completedAt: ZTimestamp.nullable(),
  completedBy: ZPersonRef.nullable(),
  createdAt: ZTimestamp,
  abilities: zAbilitiesOf(...REVIEW_RECORD_ACTIONS),
});
export type TReview = z.infer<typeof ZReview>;

export const ZReviewListQuery = z.object({ ...zListQuery(['held', 'updated'] as const), status: ZReviewStatus.optional() });
export type TReviewListQuery = z.infer<typeof ZReviewListQuery>;
export const ZReviewList = z.object({ items: z.array(ZReviewSummary), nextCursor: z.string().nullable() });
