import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/errors.ts';
import { defineLifecycle } from '../../platform/lifecycle/lifecycle.ts';
import { INVITATION_STATES, invitationLifecycle, invitationState } from './invitation-lifecycle.ts';

const now = new Date('2026-11-27T10:00:00Z');
const row = (o: Partial<Record<'accepted_at' | 'revoked_at' | 'replaced_at', string>> = {}, expires = '2026-11-30T10:00:00Z') => ({
  accepted_at: o.accepted_at ?? null,
  revoked_at: o.revoked_at ?? null,
  replaced_at: o.replaced_at ?? null,
  expires_at: expires,
});
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, message: e.message, details: e.details };
    throw e;
  }
  return null;
};

describe('invitation lifecycle', () => {
  it('derives the state from the row and the clock: expiry is time passing, not a write', () => {
    expect(invitationState(row(), now)).toBe('pending');
    expect(invitationState(row({}, '2026-11-27T09:59:59Z'), now)).toBe('expired');
    expect(invitationState(row({ accepted_at: 'x' }, '2026-11-01T00:00:00Z'), now)).toBe('accepted');
    expect(invitationState(row({ revoked_at: 'x' }), now)).toBe('revoked');
    expect(invitationState(row({ replaced_at: 'x' }), now)).toBe('replaced');
  });

  it('the transition table: only a pending invitation moves, each move names its audit action', () => {
    const table = INVITATION_STATES.map((s) => `${s}: ${invitationLifecycle.eventsFrom(s).join(', ') || '(final)'}`);
    expect(table).toEqual(['pending: accept, revoke, replace, expire', 'accepted: (final)', 'revoked: (final)', 'replaced: (final)', 'expired: (final)']);
    expect(invitationLifecycle.transition('pending', 'replace')).toEqual({ event: 'replace', from: 'pending', to: 'replaced', audit: 'invitation.replaced' });
    expect(invitationLifecycle.transition('pending', 'accept').audit).toBe('invitation.accepted');
    expect(invitationLifecycle.transition('pending', 'revoke').audit).toBe('invitation.revoked');
    expect(INVITATION_STATES.filter((s) => invitationLifecycle.isFinal(s))).toEqual(['accepted', 'revoked', 'replaced', 'expired']);
  });

  it('a dead link says why: already used, replaced, withdrawn or expired — never "expired" for all', () => {
    expect(refusal(() => invitationLifecycle.transition('accepted', 'accept'))).toEqual({ status: 410, message: 'This invitation has already been used.', details: { state: 'accepted' } });
    expect(refusal(() => invitationLifecycle.transition('replaced', 'accept'))).toMatchObject({ status: 410, details: { state: 'replaced' }, message: expect.stringMatching(/replaced by a newer one/) });
    expect(refusal(() => invitationLifecycle.transition('revoked', 'accept'))).toMatchObject({ status: 410, message: expect.stringMatching(/withdrawn/) });
    expect(refusal(() => invitationLifecycle.transition('expired', 'accept'))).toMatchObject({ status: 410, message: expect.stringMatching(/expired/) });
    // A manager acting on a settled invitation reads a conflict, not "gone".
    expect(refusal(() => invitationLifecycle.transition('accepted', 'revoke'))).toMatchObject({ status: 409, details: { state: 'accepted' } });
  });
});

describe('lifecycle helper', () => {
  const doc = defineLifecycle<'draft' | 'approved' | 'retired', 'approve' | 'retire', { approverIsAuthor: boolean }>({
    name: 'document',
    states: ['draft', 'approved', 'retired'],
    transitions: {
      approve: {
        from: ['draft'],
        to: 'approved',
        audit: null,
        guards: [(c) => (c.approverIsAuthor ? new AppError(409, 'conflict', 'The author cannot approve their own document.') : null)],
      },
      retire: { from: ['draft', 'approved'], to: 'retired', audit: null },
    },
    refusal: (state, event) => new AppError(409, 'conflict', `A ${state} document cannot be ${event}d.`),
  });

  it('guards are preconditions with the message a person sees; the state table comes first', () => {
    expect(doc.can('draft', 'approve', { approverIsAuthor: false })).toBe(true);
    expect(refusal(() => doc.transition('draft', 'approve', { approverIsAuthor: true }))?.message).toBe('The author cannot approve their own document.');
    expect(refusal(() => doc.transition('approved', 'approve', { approverIsAuthor: false }))?.message).toBe('A approved document cannot be approved.');
    expect(doc.transition('approved', 'retire', { approverIsAuthor: false }).to).toBe('retired');
    expect(doc.isFinal('retired')).toBe(true);
  });
});
