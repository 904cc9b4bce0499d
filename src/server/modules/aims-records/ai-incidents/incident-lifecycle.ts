import type { TIncidentStatus } from '../../../../shared/contracts/ai-incidents.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import { defineLifecycle } from '../../../platform/lifecycle/lifecycle.ts';

/*
 * open ──investigate──▶ investigating ──resolve──▶ resolved ──reopen──▶ open
 *   └────────────────────resolve────────────────────▲
 * An incident stays editable in every state: facts learnt late (the real occurrence time, the
 * report date) are still recorded, and the audit log keeps what changed.
 */
export const incidentLifecycle = defineLifecycle<TIncidentStatus, 'investigate' | 'resolve' | 'reopen', void>({
  name: 'ai_incident',
  states: ['open', 'investigating', 'resolved'],
  transitions: {
    investigate: { from: ['open'], to: 'investigating', audit: 'ai_incident.investigation_started' },
    resolve: { from: ['open', 'investigating'], to: 'resolved', audit: 'ai_incident.resolved' },
    reopen: { from: ['resolved'], to: 'open', audit: 'ai_incident.reopened' },
  },
  refusal: (state, event) =>
    new AppError(409, 'incident_state', state === 'resolved' ? 'This incident is resolved: re-open it first.' : event === 'reopen' ? 'This incident is not resolved.' : 'This incident is already under investigation.', { status: state, event }),
});

/** Serious, not yet reported, and its reporting date has passed (YYYY-MM-DD). */
export const reportOverdue = (i: { serious: boolean; reportDueOn: string | null; reportedOn: string | null }, today: string) =>
  i.serious && i.reportedOn === null && i.reportDueOn !== null && i.reportDueOn < today;

/** The reporting date of a serious incident: `days` after the day it was detected (UTC), or null. */
export function reportDueOn(serious: boolean, detectedAt: string | Date, days: number | null): string | null {
  if (!serious || days === null) return null;
  const d = new Date(detectedAt);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) + days * 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}
