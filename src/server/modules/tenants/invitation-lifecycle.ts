import { AppError, type TErrorCode } from '../../platform/errors/errors.ts';
import { defineLifecycle } from '../../platform/lifecycle/lifecycle.ts';

export const INVITATION_STATES = ['pending', 'accepted', 'revoked', 'replaced', 'expired'] as const;
export type TInvitationState = (typeof INVITATION_STATES)[number];

/** Expiry is time passing, not a write: the state is derived from the row and the clock. */
export function invitationState(
  row: { accepted_at: Date | string | null; revoked_at: Date | string | null; replaced_at: Date | string | null; expires_at: Date | string },
  now: Date,
): TInvitationState {
  if (row.accepted_at) return 'accepted';
  if (row.replaced_at) return 'replaced';
  if (row.revoked_at) return 'revoked';
  return new Date(row.expires_at).getTime() <= now.getTime() ? 'expired' : 'pending';
}

const REASON: Record<Exclude<TInvitationState, 'pending'>, { code: TErrorCode; message: string }> = {
  accepted: { code: 'invitation_used', message: 'This invitation has already been used.' },
  revoked: { code: 'invitation_revoked', message: 'This invitation was withdrawn. Ask for a new one.' },
  replaced: { code: 'invitation_replaced', message: 'This invitation was replaced by a newer one: use the link in the most recent e-mail.' },
  expired: { code: 'invitation_expired', message: 'This invitation has expired. Ask for a new one.' },
};

/**
 * The link holder (accept) reads 410 Gone with why the link is dead; a manager acting on a
 * settled invitation (revoke, replace) reads 409. `details.state` lets the web say it in French.
 */
export const invitationLifecycle = defineLifecycle({
  name: 'invitation',
  states: INVITATION_STATES,
  transitions: {
    accept: { from: ['pending'], to: 'accepted', audit: 'invitation.accepted' },
    revoke: { from: ['pending'], to: 'revoked', audit: 'invitation.revoked' },
    // A second invitation to the same address: the pending one's link stops working.
    replace: { from: ['pending'], to: 'replaced', audit: 'invitation.replaced' },
    expire: { from: ['pending'], to: 'expired', audit: null },
  },
  refusal: (state, event) => {
    const { code, message } = state === 'pending' ? { code: 'conflict' as const, message: 'This invitation is still pending.' } : REASON[state];
    return new AppError(event === 'accept' ? 410 : 409, code, message, { state });
  },
});
