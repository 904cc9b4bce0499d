import { describe, expect, it } from 'vitest';
import { acceptanceExpired, riskLifecycle, type TAcceptanceContext } from './risk-lifecycle.ts';

const ctx = (o: Partial<TAcceptanceContext> = {}) => ({
  acceptance: { residualScore: 12, threshold: 9, allowedRoles: ['owner', 'admin'] as const, role: 'owner' as const, expiresOn: '2027-06-01', today: '2026-11-27', ...o },
});

describe('risk lifecycle', () => {
  it('an owner accepts a residual level above the threshold; the risk becomes accepted', () => {
    expect(riskLifecycle.transition('open', 'accept', ctx())).toMatchObject({ from: 'open', to: 'accepted', audit: 'risk.accepted' });
  });

  it('a contributor is refused above the threshold (403 risk_acceptance_role) but may accept at or below it', () => {
    expect(() => riskLifecycle.transition('open', 'accept', ctx({ role: 'contributor' }))).toThrow(expect.objectContaining({ status: 403, code: 'risk_acceptance_role' }));
    expect(riskLifecycle.can('open', 'accept', ctx({ role: 'contributor', residualScore: 9 }))).toBe(true);
  });

  it('the allowed roles are the matrix’s: a configuration allowing contributors lets them accept', () => {
    expect(riskLifecycle.can('open', 'accept', ctx({ role: 'contributor', allowedRoles: ['owner', 'admin', 'contributor'] }))).toBe(true);
    expect(riskLifecycle.can('open', 'accept', ctx({ role: 'admin', allowedRoles: ['owner'] }))).toBe(false);
  });

  it('a risk without a residual score cannot be accepted (409), nor with a review date not after today (400)', () => {
    expect(riskLifecycle.whyNot('open', 'accept', ctx({ residualScore: null }))).toMatchObject({ status: 409, code: 'risk_not_assessed' });
    expect(riskLifecycle.whyNot('open', 'accept', ctx({ expiresOn: '2026-11-27' }))).toMatchObject({ status: 400 });
  });

  it('an accepted risk is frozen until re-opened; closed risks re-open too; an open one has nothing to re-open', () => {
    expect(riskLifecycle.whyNot('accepted', 'edit', {})).toMatchObject({ status: 409, code: 'risk_frozen' });
    expect(riskLifecycle.whyNot('accepted', 'accept', ctx())).toMatchObject({ status: 409, code: 'risk_frozen' });
    expect(riskLifecycle.transition('accepted', 'reopen', {})).toMatchObject({ to: 'open', audit: 'risk.reopened' });
    expect(riskLifecycle.transition('closed', 'reopen', {})).toMatchObject({ to: 'open' });
    expect(riskLifecycle.whyNot('open', 'reopen', {})).toMatchObject({ status: 409, code: 'conflict' });
  });

  it('expiry re-opens only an accepted risk, from its expiry date on', () => {
    expect(riskLifecycle.transition('accepted', 'expire', {})).toMatchObject({ to: 'open', audit: 'risk.acceptance_expired' });
    expect(riskLifecycle.can('open', 'expire', {})).toBe(false);
    expect(acceptanceExpired('2026-11-27', '2026-11-26')).toBe(false);
    expect(acceptanceExpired('2026-11-27', '2026-11-27')).toBe(true);
  });
});
