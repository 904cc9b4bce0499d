import type { TEnquiryStatus } from '../../../../shared/contracts/intake.ts';
import { ENQUIRY_STATUSES } from '../../../../shared/contracts/intake.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import { defineLifecycle } from '../../../platform/lifecycle/lifecycle.ts';

/*
 * An enquiry (a quote request in the body's inbox) is answered once: converted into a client, or
 * declined with a reason. Either is final: a prospect who asks again sends a new request.
 */
export const enquiryLifecycle = defineLifecycle({
  name: 'enquiry',
  states: ENQUIRY_STATUSES,
  transitions: {
    convert: { from: ['new'], to: 'converted', audit: 'quote_request.converted' },
    decline: { from: ['new'], to: 'declined', audit: 'quote_request.declined' },
  },
  refusal: (state: TEnquiryStatus) =>
    new AppError(
      409,
      'enquiry_already_answered',
      state === 'converted' ? 'This enquiry has already been converted into a client.' : 'This enquiry has already been declined.',
      { status: state },
    ),
});
