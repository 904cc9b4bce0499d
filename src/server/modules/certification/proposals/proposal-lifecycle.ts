import type { TProposalState, TProposalStatus } from '../../../../shared/contracts/proposals.ts';
import { AppError, type TErrorCode } from '../../../platform/errors/errors.ts';
import { defineLifecycle } from '../../../platform/lifecycle/lifecycle.ts';
import { PROPOSAL_STATES } from '../../../../shared/contracts/proposals.ts';

/**
 * Expiry is time passing, not a write: a sent proposal is `expired` once its validity date is over
 * on the platform clock (the proposal is valid through `validUntil`, inclusive).
 */
export function proposalState(row: { status: TProposalStatus; valid_until: string }, today: string): TProposalState {
  return row.status === 'sent' && row.valid_until < today ? 'expired' : row.status;
}

const LINK_REFUSAL: Partial<Record<TProposalState, { code: TErrorCode; message: string }>> = {
  accepted: { code: 'proposal_answered', message: 'This proposal has already been accepted.' },
  declined: { code: 'proposal_answered', message: 'This proposal has already been declined.' },
  withdrawn: { code: 'proposal_withdrawn', message: 'The certification body withdrew this proposal. Ask them for a new one.' },
  expired: { code: 'proposal_expired', message: 'This proposal is no longer valid. Ask the certification body for a new one.' },
};

/**
 * The link holder (accept, decline) reads 410 Gone with why the link is dead; the body acting on a
 * proposal in the wrong state (edit or send a sent one, withdraw an answered one) reads 409.
 * `details.state` lets the web say it in French.
 */
export const proposalLifecycle = defineLifecycle({
  name: 'proposal',
  states: PROPOSAL_STATES,
  transitions: {
    update: { from: ['draft'], to: 'draft', audit: 'proposal.updated' },
    send: { from: ['draft'], to: 'sent', audit: 'proposal.sent' },
    accept: { from: ['sent'], to: 'accepted', audit: 'proposal.accepted' },
    decline: { from: ['sent'], to: 'declined', audit: 'proposal.declined' },
    withdraw: { from: ['draft', 'sent', 'expired'], to: 'withdrawn', audit: 'proposal.withdrawn' },
  },
  refusal: (state, event) => {
    if (event === 'accept' || event === 'decline') {
      const r = LINK_REFUSAL[state] ?? { code: 'conflict' as const, message: 'This proposal has not been sent.' };
      return new AppError(410, r.code, r.message, { state });
    }
    if (event === 'withdraw') return new AppError(409, 'proposal_answered', 'This proposal has been answered or withdrawn: it can no longer be withdrawn.', { state });
    return new AppError(409, 'proposal_not_draft', 'Only a draft proposal can be changed or sent; an issued proposal is never rewritten.', { state });
  },
});
