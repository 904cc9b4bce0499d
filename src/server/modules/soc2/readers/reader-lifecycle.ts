import type { TSoc2ReaderState } from '../../../../shared/contracts/soc2-readers.ts';

/*
 * A reader's access: invited → accepted (the NDA) → downloads; revoked by the organization at any
 * time, expired at `expires_at`. Revoked wins over expired (it is what the organization did); both
 * are final. Downloads need `accepted` and nothing after it.
 */
export type TReaderFacts = { expiresAt: Date | string; ndaAcceptedAt: Date | string | null; revokedAt: Date | string | null };

export function readerState(r: TReaderFacts, now: Date): TSoc2ReaderState {
  if (r.revokedAt) return 'revoked';
  if (new Date(r.expiresAt).getTime() <= now.getTime()) return 'expired';
  return r.ndaAcceptedAt ? 'accepted' : 'invited';
}

export type TReaderStep = 'view' | 'accept' | 'download';
export type TReaderVerdict = { ok: true } | { ok: false; reason: 'revoked' | 'expired' | 'nda_not_accepted' };

/** Whether a step is open to the reader now: viewing and accepting until the end, downloading only after accepting. */
export function readerMay(r: TReaderFacts, step: TReaderStep, now: Date): TReaderVerdict {
  const state = readerState(r, now);
  if (state === 'revoked' || state === 'expired') return { ok: false, reason: state };
  if (step === 'download' && state !== 'accepted') return { ok: false, reason: 'nda_not_accepted' };
  return { ok: true };
}
