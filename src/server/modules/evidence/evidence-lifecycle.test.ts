import { describe, expect, it } from 'vitest';
import { daysAfter, evidenceLifecycle, isExpired, notContemporaneous } from './evidence-lifecycle.ts';

describe('evidence lifecycle', () => {
  it('a draft is edited in place and submitted; submitted evidence is accepted or rejected', () => {
    expect(evidenceLifecycle.transition('draft', 'edit', {})).toMatchObject({ to: 'draft', audit: 'evidence.updated' });
    expect(evidenceLifecycle.transition('draft', 'submit', {})).toMatchObject({ to: 'submitted', audit: 'evidence.submitted' });
    expect(evidenceLifecycle.transition('submitted', 'accept', {})).toMatchObject({ to: 'accepted', audit: 'evidence.accepted' });
    expect(evidenceLifecycle.transition('submitted', 'reject', {})).toMatchObject({ to: 'rejected', audit: 'evidence.rejected' });
  });

  it('submitted, accepted, rejected and expired evidence is immutable (409 evidence_immutable): a correction is a revision', () => {
    for (const s of ['submitted', 'accepted', 'rejected', 'expired'] as const) {
      expect(evidenceLifecycle.whyNot(s, 'edit', {})).toMatchObject({ status: 409, code: 'evidence_immutable' });
      expect(evidenceLifecycle.can(s, 'revise', {})).toBe(true);
    }
    expect(evidenceLifecycle.whyNot('draft', 'revise', {})).toMatchObject({ status: 409 });
  });

  it('only submitted evidence is reviewed', () => {
    for (const s of ['draft', 'accepted', 'rejected', 'expired'] as const) expect(evidenceLifecycle.whyNot(s, 'accept', {})).toMatchObject({ code: 'evidence_not_submitted' });
    expect(evidenceLifecycle.whyNot('accepted', 'reject', {})).toMatchObject({ code: 'evidence_not_submitted' });
  });

  it('expires the day after valid-until, from submitted or accepted only', () => {
    expect(evidenceLifecycle.can('accepted', 'expire', { validUntil: '2026-12-15', today: '2026-12-15' })).toBe(false);
    expect(evidenceLifecycle.transition('accepted', 'expire', { validUntil: '2026-12-15', today: '2026-12-16' })).toMatchObject({ to: 'expired', audit: 'evidence.expired' });
    expect(evidenceLifecycle.can('submitted', 'expire', { validUntil: '2026-12-15', today: '2026-12-16' })).toBe(true);
    expect(evidenceLifecycle.can('draft', 'expire', { validUntil: '2026-12-15', today: '2026-12-16' })).toBe(false);
    expect(evidenceLifecycle.can('accepted', 'expire', { validUntil: null, today: '2026-12-16' })).toBe(false);
    expect(isExpired('2026-12-15', '2026-12-16')).toBe(true);
  });

  it('contemporaneity counts UTC calendar days from the effective date; exactly N days late is still contemporaneous', () => {
    expect(daysAfter('2026-10-28', new Date('2026-11-27T23:59:00Z'))).toBe(30);
    expect(notContemporaneous('2026-10-28', new Date('2026-11-27T23:59:00Z'), 30)).toBe(false);
    expect(notContemporaneous('2026-10-27', new Date('2026-11-27T00:00:01Z'), 30)).toBe(true);
    expect(notContemporaneous('2026-11-27', new Date('2026-11-27T08:00:00Z'), 0)).toBe(false);
    // Evidence dated in the future is not late.
    expect(daysAfter('2026-12-01', new Date('2026-11-27T08:00:00Z'))).toBe(-4);
  });
});
