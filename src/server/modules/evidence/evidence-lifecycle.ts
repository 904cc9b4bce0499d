import type { TEvidenceStatus } from '../../../shared/contracts/evidence.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { defineLifecycle } from '../../platform/lifecycle/lifecycle.ts';

/*
 * draft ──submit──▶ submitted ──accept──▶ accepted
 *   ▲ edit             └──reject──▶ rejected
 * submitted, accepted ──expire──▶ expired (the daily job, once valid-until has passed)
 * submitted, accepted, rejected, expired ──revise──▶ a new revision (this one stays as it is)
 *
 * Only a draft changes in place. Submitted evidence is immutable: a correction is a new revision
 * row, so what a reviewer accepted or an auditor read is still there, byte for byte.
 */

export type TEvidenceEvent = 'edit' | 'submit' | 'accept' | 'reject' | 'expire' | 'revise';

/** Dates as YYYY-MM-DD. Only `expire` reads them: validity ends after the valid-until day. */
export type TEvidenceLifecycleContext = { validUntil?: string | null; today?: string };

/** Evidence valid until a day is still valid that whole day: it expires the day after. */
export const isExpired = (validUntil: string | null, today: string) => validUntil !== null && validUntil < today;

const expireGuard = (ctx: TEvidenceLifecycleContext) =>
  ctx.today !== undefined && isExpired(ctx.validUntil ?? null, ctx.today)
    ? null
    : new AppError(409, 'evidence_still_valid', 'This evidence is still valid: it expires the day after its valid-until date.', { validUntil: ctx.validUntil ?? null });

const REASON: Record<TEvidenceStatus, string> = {
  draft: 'This evidence is a draft: submit it first.',
  submitted: 'This evidence is submitted and immutable: correct it with a new revision.',
  accepted: 'This evidence is accepted and immutable: correct it with a new revision.',
  rejected: 'This evidence was rejected: correct it with a new revision.',
  expired: 'This evidence has expired: upload a new revision.',
};

export const evidenceLifecycle = defineLifecycle<TEvidenceStatus, TEvidenceEvent, TEvidenceLifecycleContext>({
  name: 'evidence',
  states: ['draft', 'submitted', 'accepted', 'rejected', 'expired'],
  transitions: {
    edit: { from: ['draft'], to: 'draft', audit: 'evidence.updated' },
    submit: { from: ['draft'], to: 'submitted', audit: 'evidence.submitted' },
    accept: { from: ['submitted'], to: 'accepted', audit: 'evidence.accepted' },
    reject: { from: ['submitted'], to: 'rejected', audit: 'evidence.rejected' },
    expire: { from: ['submitted', 'accepted'], to: 'expired', audit: 'evidence.expired', guards: [expireGuard] },
    // `to` is the new revision's state when submitted at once; the revised row keeps its own.
    revise: { from: ['submitted', 'accepted', 'rejected', 'expired'], to: 'submitted', audit: 'evidence.revised' },
  },
  refusal: (state, event) =>
    event === 'accept' || event === 'reject'
      ? new AppError(409, 'evidence_not_submitted', state === 'draft' ? REASON.draft : 'Only submitted evidence is accepted or rejected.', { status: state, event })
      : new AppError(409, state === 'draft' ? 'conflict' : 'evidence_immutable', event === 'revise' && state === 'draft' ? 'A draft is edited in place: no revision is needed.' : REASON[state], { status: state, event }),
});

/**
 * Contemporaneity: evidence received more than `days` days after the day the control operated is
 * not contemporaneous. Judged on calendar days in UTC: the received day minus the effective date.
 */
export function daysAfter(effectiveDate: string, receivedAt: Date): number {
  const received = Date.UTC(receivedAt.getUTCFullYear(), receivedAt.getUTCMonth(), receivedAt.getUTCDate());
  const effective = Date.parse(`${effectiveDate}T00:00:00Z`);
  return Math.round((received - effective) / 86_400_000);
}

export const notContemporaneous = (effectiveDate: string, receivedAt: Date, days: number) => daysAfter(effectiveDate, receivedAt) > days;
