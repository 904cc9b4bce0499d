import { REVIEW_INPUTS, type TReviewInputKey, type TReviewStatus } from '../../../../shared/contracts/management-reviews.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import { defineLifecycle, type TGuard } from '../../../platform/lifecycle/lifecycle.ts';

/*
 * draft ──complete──▶ completed
 * A review is complete only when every input 9.3.2 lists has notes; completed, it is frozen (its
 * results are retained documented information, 9.3.3).
 */
export type TReviewContext = { inputs: Partial<Record<TReviewInputKey, string>> };

export const missingInputs = (inputs: Partial<Record<TReviewInputKey, string>>): TReviewInputKey[] => REVIEW_INPUTS.filter((k) => !(inputs[k] ?? '').trim());

const everyInputAddressed: TGuard<TReviewContext> = (c) => {
  const missing = missingInputs(c.inputs);
  return missing.length ? new AppError(409, 'review_inputs_missing', `Address every input of the review before completing it: ${missing.join(', ')} still without notes.`, { missing }) : null;
};

export const managementReviewLifecycle = defineLifecycle<TReviewStatus, 'edit' | 'complete', TReviewContext>({
  name: 'management_review',
  states: ['draft', 'completed'],
  transitions: {
    edit: { from: ['draft'], to: 'draft', audit: 'management_review.updated' },
    complete: { from: ['draft'], to: 'completed', audit: 'management_review.completed', guards: [everyInputAddressed] },
  },
  refusal: (state) => new AppError(409, 'review_completed', 'This management review is completed: its record is frozen.', { status: state }),
});
