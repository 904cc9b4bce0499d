import type { TReviewStatus } from '../../../../shared/contracts/management-reviews.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { ORG_MEMBERS, ORG_WRITERS } from '../../../platform/authz/role-sets.ts';
import { managementReviewLifecycle } from './management-review-lifecycle.ts';

/* Management reviews: every member reads, a viewer changes nothing, a completed review is frozen. */
export type TReviewSubject = { status: TReviewStatus };

const review = rulesFor<TReviewSubject>()('managementReview');
const completed = (_: unknown, r: TReviewSubject) => r.status === 'completed';
const why = (_: unknown, r: TReviewSubject) => managementReviewLifecycle.whyNot(r.status, 'edit', { inputs: {} })!;

export const MANAGEMENT_REVIEW_POLICIES = [
  review.allow(ORG_MEMBERS, 'managementReview.read'),
  review.allow(ORG_WRITERS, 'managementReview.create'),
  review.allow(ORG_WRITERS, 'managementReview.update'),
  review.deny('managementReview.update', completed, why),
  review.allow(ORG_WRITERS, 'managementReview.complete'),
  review.deny('managementReview.complete', completed, why),
];
