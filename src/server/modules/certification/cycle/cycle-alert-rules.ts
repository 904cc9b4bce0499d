import { addMonths } from '../engagements/programme-rules.ts';
import type { TCycleAlertKind } from '../../../db/types-cycle.ts';

/*
 * Which surveillance and recertification alerts a certified programme calls for on `today` (pure).
 *  - Recertification reminders from 6 months before expiry, again at 4 and 2 months: only the
 *    latest threshold crossed is due (a programme certified late is not sent three at once), until
 *    the recertification audit is reported.
 *  - "Not started" from 3 months before expiry: the recertification has STARTED when its audit is
 *    confirmed (dates agreed, a lead auditor named and the team's declarations signed — the audit
 *    lifecycle's conditions for 'confirmed') or further on (in progress, reported, closed).
 *  - Surveillance overdue: a surveillance audit past its due-by date and not yet reported (planned,
 *    confirmed or in progress). It can lead to suspension (ISO/IEC 17021-1 9.6.5: refusal of audits).
 * Each alert carries a threshold key: the job records it, so each is raised and mailed once.
 */

export const RECERTIFICATION_REMINDER_MONTHS = [6, 4, 2] as const;
export const NOT_STARTED_MONTHS = 3;

const DONE = ['reported', 'closed'];
const STARTED = ['confirmed', 'in_progress', 'reported', 'closed'];
const TO_DO = ['planned', 'confirmed', 'in_progress'];

export type TSlotAudit = { id: string; type: string; sequence: number; state: string; dueBy: string | null };
export type TDueAlert = { kind: TCycleAlertKind; threshold: string; dueOn: string; auditId: string | null };

export function recertificationStarted(state: string | null | undefined): boolean {
  return state !== null && state !== undefined && STARTED.includes(state);
}

export function dueAlerts(input: { today: string; expiryDate: string | null; audits: readonly TSlotAudit[] }): TDueAlert[] {
  const { today, expiryDate, audits } = input;
  const out: TDueAlert[] = [];
  const recert = audits.find((a) => a.type === 'recertification' && a.state !== 'cancelled');
  if (expiryDate && today <= expiryDate && !(recert && DONE.includes(recert.state))) {
    const crossed = RECERTIFICATION_REMINDER_MONTHS.filter((m) => today >= addMonths(expiryDate, -m));
    const latest = crossed.at(-1);
    if (latest !== undefined) out.push({ kind: 'recertification_reminder', threshold: `${latest}m:${expiryDate}`, dueOn: expiryDate, auditId: recert?.id ?? null });
    if (today >= addMonths(expiryDate, -NOT_STARTED_MONTHS) && !recertificationStarted(recert?.state)) {
      out.push({ kind: 'recertification_not_started', threshold: `${NOT_STARTED_MONTHS}m:${expiryDate}`, dueOn: expiryDate, auditId: recert?.id ?? null });
    }
  }
  for (const a of audits) {
    if (a.type === 'surveillance' && a.dueBy && a.dueBy < today && TO_DO.includes(a.state)) {
      out.push({ kind: 'surveillance_overdue', threshold: `${a.id}:${a.dueBy}`, dueOn: a.dueBy, auditId: a.id });
    }
  }
  return out;
}
