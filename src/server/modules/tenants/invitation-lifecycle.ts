import { AppError } from '../../platform/errors/errors.ts';
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

const REASON: Record<Exclude<TInvitationState, 'pending'>, string> = {
  accepted: 'This invitation has already been used.',
  revoked: 'This invitation was withdrawn. Ask for a new one.',
  replaced: 'This invitation was replaced by a newer one: use the link in the most recent e-mail.',
  expired: 'This invitation has expired. Ask for a new one.',
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
    const message = state === 'pending' ? 'This invitation is still pending.' : REASON[state];
    return event === 'accept' ? new AppError(410, 'gone', message, { state }) : new AppError(409, 'conflict', message, { state });
  },
});
