import { describe, expect, it } from 'vitest';
import { enquiryLifecycle } from './enquiry-lifecycle.ts';

describe('enquiry lifecycle', () => {
  it('answers a new enquiry once, by converting or declining it', () => {
    expect(enquiryLifecycle.transition('new', 'convert', undefined)).toMatchObject({ to: 'converted', audit: 'quote_request.converted' });
    expect(enquiryLifecycle.transition('new', 'decline', undefined)).toMatchObject({ to: 'declined', audit: 'quote_request.declined' });
    expect(enquiryLifecycle.isFinal('converted')).toBe(true);
    expect(enquiryLifecycle.isFinal('declined')).toBe(true);
  });

  it('refuses a second answer with 409 and the state it is in', () => {
    for (const state of ['converted', 'declined'] as const) {
      for (const event of ['convert', 'decline'] as const) {
        const error = enquiryLifecycle.whyNot(state, event, undefined);
        expect(error).toMatchObject({ status: 409, code: 'enquiry_already_answered', details: { status: state } });
      }
    }
  });
});
