import { describe, expect, it } from 'vitest';
import { readerMay, readerState } from './reader-lifecycle.ts';

const now = new Date('2026-11-28T10:00:00Z');
const base = { expiresAt: '2027-11-28T10:00:00Z', ndaAcceptedAt: null, revokedAt: null };

describe('reader lifecycle', () => {
  it('invited, then accepted; expired at expires_at exactly; revoked wins over expired', () => {
    expect(readerState(base, now)).toBe('invited');
    expect(readerState({ ...base, ndaAcceptedAt: now }, now)).toBe('accepted');
    expect(readerState({ ...base, expiresAt: now }, now)).toBe('expired');
    expect(readerState({ ...base, expiresAt: new Date(now.getTime() + 1) }, now)).toBe('invited');
    expect(readerState({ ...base, expiresAt: '2026-01-01T00:00:00Z', revokedAt: now }, now)).toBe('revoked');
  });

  it('downloads only after accepting, never after expiry or revocation', () => {
    expect(readerMay(base, 'view', now)).toEqual({ ok: true });
    expect(readerMay(base, 'accept', now)).toEqual({ ok: true });
    expect(readerMay(base, 'download', now)).toEqual({ ok: false, reason: 'nda_not_accepted' });
    const accepted = { ...base, ndaAcceptedAt: now };
    expect(readerMay(accepted, 'download', now)).toEqual({ ok: true });
    expect(readerMay({ ...accepted, expiresAt: '2026-11-28T09:59:59Z' }, 'download', now)).toEqual({ ok: false, reason: 'expired' });
    expect(readerMay({ ...accepted, revokedAt: now }, 'view', now)).toEqual({ ok: false, reason: 'revoked' });
  });
});
