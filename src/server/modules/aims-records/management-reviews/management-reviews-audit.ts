import { z } from 'zod';
import { ZReviewStatus } from '../../../../shared/contracts/management-reviews.ts';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

const ZReviewFields = z
  .strictObject({
    title: z.string(),
    heldOn: z.string(),
    attendees: z.array(z.string()),
    inputs: z.record(z.string(), z.string()),
    decisions: z.array(z.strictObject({ id: z.string(), decision: z.string(), ownerId: z.string().nullable(), dueOn: z.string().nullable() })),
  })
  .partial();

/** Management review events (ISO/IEC 42001 9.3). */
export const MANAGEMENT_REVIEWS_AUDIT = defineAuditActions({
  'management_review.created': { after: ZReviewFields },
  'management_review.updated': { before: ZReviewFields, after: ZReviewFields },
  'management_review.completed': { before: z.strictObject({ status: ZReviewStatus, title: z.string() }), after: z.strictObject({ status: ZReviewStatus }) },
});
