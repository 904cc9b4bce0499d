import { AppError } from '../../../platform/errors/errors.ts';
import { defineLifecycle } from '../../../platform/lifecycle/lifecycle.ts';
import { CERTIFICATE_STATES, type TCertificateEventKind, type TCertificateState } from '../../../../shared/contracts/certification-decisions.ts';
import { addMonths } from '../engagements/programme-rules.ts';

/*
 * A certificate's status (ISO/IEC 17021-1 9.6.5, facts sheet section 3). Pure: the services lock the
 * row, ask here, then write the status, the public event and the audit event in one transaction.
 *  - valid → suspended (a decision; for at most the body's suspension_max_months) → valid again
 *    (reinstated) or withdrawn; a scope reduction may also end a suspension (a revision);
 *  - valid or suspended → withdrawn (a decision), → expired (the daily job, the day after expiry);
 *  - a revision (renewal, scope change, restoration) supersedes the current row, which keeps its
 *    number and revision: superseded is final;
 *  - an expired certificate can only be restored (a revision; cert-cycle judges the 6-month window).
 */

export type TCertificateEvent = 'suspend' | 'reinstate' | 'withdraw' | 'expire' | 'renew' | 'reduce_scope' | 'extend_scope' | 'restore';

export const certificateLifecycle = defineLifecycle<TCertificateState, TCertificateEvent>({
  name: 'certificate',
  states: CERTIFICATE_STATES,
  transitions: {
    suspend: { from: ['valid'], to: 'suspended', audit: 'certificate.suspended' },
    reinstate: { from: ['suspended'], to: 'valid', audit: 'certificate.reinstated' },
    withdraw: { from: ['valid', 'suspended'], to: 'withdrawn', audit: 'certificate.withdrawn' },
    expire: { from: ['valid', 'suspended'], to: 'expired', audit: 'certificate.expired' },
    // The revisions: the current row is superseded by the new one.
    renew: { from: ['valid'], to: 'superseded', audit: 'certificate.issued' },
    reduce_scope: { from: ['valid', 'suspended'], to: 'superseded', audit: 'certificate.issued' },
    extend_scope: { from: ['valid'], to: 'superseded', audit: 'certificate.issued' },
    restore: { from: ['expired'], to: 'superseded', audit: 'certificate.issued' },
  },
  refusal: (state: TCertificateState, event: TCertificateEvent): AppError =>
    new AppError(409, 'certificate_state', `This certificate is ${state}: it cannot be ${PAST[event]}.`, { state, event }),
});

export type TStatusChange = 'suspend' | 'reinstate' | 'withdraw';
export type TIssueKind = 'grant' | 'renew' | 'reduce_scope' | 'extend_scope' | 'restore';

const PAST: Record<TCertificateEvent, string> = {
  suspend: 'suspended',
  reinstate: 'reinstated',
  withdraw: 'withdrawn',
  expire: 'expired',
  renew: 'renewed',
  reduce_scope: 'reduced in scope',
  extend_scope: 'extended in scope',
  restore: 'restored',
};

/** The public history's word for each change. */
export const EVENT_OF: Record<TStatusChange | TIssueKind | 'expire', TCertificateEventKind> = {
  grant: 'issued',
  renew: 'renewed',
  reduce_scope: 'scope_reduced',
  extend_scope: 'scope_extended',
  restore: 'restored',
  suspend: 'suspended',
  reinstate: 'reinstated',
  withdraw: 'withdrawn',
  expire: 'expired',
};

/** The state a certificate should be in on `today`: the job expires those whose last valid day has passed. */
export const isPastExpiry = (expiryDate: string, today: string) => today > expiryDate;

/**
 * A suspension ends at the latest `maxMonths` after the day it takes effect; null when `until` is
 * acceptable, else the last day allowed (the error names it).
 */
export function suspensionTooLong(effectiveOn: string, until: string, maxMonths: number): string | null {
  const last = addMonths(effectiveOn, maxMonths);
  return until > last || until <= effectiveOn ? last : null;
}

/** The status a certificate shows to the register (a superseded row is an old revision). */
export const isCurrent = (s: TCertificateState) => s !== 'superseded';
