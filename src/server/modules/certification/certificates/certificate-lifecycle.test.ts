import { describe, expect, it } from 'vitest';
import { certificateLifecycle, isPastExpiry, suspensionTooLong } from './certificate-lifecycle.ts';

describe('certificate lifecycle', () => {
  it('suspends a valid certificate, reinstates a suspended one, withdraws either', () => {
    expect(certificateLifecycle.transition('valid', 'suspend', undefined).to).toBe('suspended');
    expect(certificateLifecycle.transition('suspended', 'reinstate', undefined).to).toBe('valid');
    expect(certificateLifecycle.transition('valid', 'withdraw', undefined).to).toBe('withdrawn');
    expect(certificateLifecycle.transition('suspended', 'withdraw', undefined).to).toBe('withdrawn');
  });
  it('refuses what 17021-1 does not allow, with the state in the error', () => {
    expect(() => certificateLifecycle.transition('suspended', 'suspend', undefined)).toThrow(/suspended: it cannot be suspended/);
    expect(() => certificateLifecycle.transition('valid', 'reinstate', undefined)).toThrow();
    expect(() => certificateLifecycle.transition('withdrawn', 'reinstate', undefined)).toThrow();
    expect(() => certificateLifecycle.transition('expired', 'suspend', undefined)).toThrow();
    expect(() => certificateLifecycle.transition('expired', 'renew', undefined)).toThrow();
    expect(() => certificateLifecycle.transition('valid', 'restore', undefined)).toThrow();
    try {
      certificateLifecycle.transition('withdrawn', 'suspend', undefined);
    } catch (e) {
      expect(e).toMatchObject({ status: 409, code: 'certificate_state', details: { state: 'withdrawn', event: 'suspend' } });
    }
  });
  it('makes revisions supersede the current row; restoration only after expiry; superseded and withdrawn are final', () => {
    expect(certificateLifecycle.transition('valid', 'renew', undefined).to).toBe('superseded');
    expect(certificateLifecycle.transition('suspended', 'reduce_scope', undefined).to).toBe('superseded');
    expect(() => certificateLifecycle.transition('suspended', 'extend_scope', undefined)).toThrow();
    expect(certificateLifecycle.transition('expired', 'restore', undefined).to).toBe('superseded');
    expect(certificateLifecycle.isFinal('superseded')).toBe(true);
    expect(certificateLifecycle.isFinal('withdrawn')).toBe(true);
  });
  it('expires the day after the last valid day', () => {
    expect(isPastExpiry('2029-11-22', '2029-11-22')).toBe(false);
    expect(isPastExpiry('2029-11-22', '2029-11-23')).toBe(true);
  });
  it('bounds a suspension by the body’s maximum', () => {
    expect(suspensionTooLong('2027-01-31', '2027-07-31', 6)).toBeNull();
    expect(suspensionTooLong('2027-01-31', '2027-08-01', 6)).toBe('2027-07-31');
    expect(suspensionTooLong('2027-01-31', '2027-01-31', 6)).toBe('2027-07-31');
  });
});
