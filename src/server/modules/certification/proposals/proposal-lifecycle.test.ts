import { describe, expect, it } from 'vitest';
import { proposalLifecycle, proposalState } from './proposal-lifecycle.ts';

describe('proposal lifecycle', () => {
  it('derives expiry from the validity date on the platform clock (valid through that day)', () => {
    expect(proposalState({ status: 'sent', valid_until: '2027-02-25' }, '2027-02-25')).toBe('sent');
    expect(proposalState({ status: 'sent', valid_until: '2027-02-25' }, '2027-02-26')).toBe('expired');
    expect(proposalState({ status: 'draft', valid_until: '2027-02-25' }, '2027-03-01')).toBe('draft');
    expect(proposalState({ status: 'accepted', valid_until: '2027-02-25' }, '2027-03-01')).toBe('accepted');
  });

  it('edits and sends drafts only; accepts or declines a sent one; withdraws what is not answered', () => {
    expect(proposalLifecycle.eventsFrom('draft')).toEqual(['update', 'send', 'withdraw']);
    expect(proposalLifecycle.eventsFrom('sent')).toEqual(['accept', 'decline', 'withdraw']);
    expect(proposalLifecycle.eventsFrom('expired')).toEqual(['withdraw']);
    expect(proposalLifecycle.isFinal('accepted')).toBe(true);
    expect(proposalLifecycle.transition('sent', 'accept', undefined)).toMatchObject({ to: 'accepted', audit: 'proposal.accepted' });
  });

  it('tells the link holder why a link is dead (410), and the body why it cannot act (409)', () => {
    expect(proposalLifecycle.whyNot('expired', 'accept', undefined)).toMatchObject({ status: 410, code: 'proposal_expired', details: { state: 'expired' } });
    expect(proposalLifecycle.whyNot('accepted', 'decline', undefined)).toMatchObject({ status: 410, code: 'proposal_answered' });
    expect(proposalLifecycle.whyNot('withdrawn', 'accept', undefined)).toMatchObject({ status: 410, code: 'proposal_withdrawn' });
    expect(proposalLifecycle.whyNot('sent', 'update', undefined)).toMatchObject({ status: 409, code: 'proposal_not_draft' });
    expect(proposalLifecycle.whyNot('declined', 'withdraw', undefined)).toMatchObject({ status: 409, code: 'proposal_answered' });
  });
});
