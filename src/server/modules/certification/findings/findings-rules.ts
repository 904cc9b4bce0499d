import type { TFindingClass, TFindingState } from '../../../../shared/contracts/certification-decisions.ts';
import { addDays, addMonths } from '../engagements/programme-rules.ts';

/*
 * The deadlines of an audit finding and what stands in the way of a certification decision, as pure
 * functions over calendar days ('YYYY-MM-DD'). The standard sets no deadline (facts sheet,
 * "Nonconformities" [?]): the body chooses them in its settings. The clock of a nonconformity starts
 * on the later of the day it was raised and the audit's last day — the findings are handed over at
 * the closing meeting.
 *  - a major: the organization answers (correction, root cause, corrective action) within
 *    `majorResponseDays`, and its correction and corrective action are verified within
 *    `majorVerificationMonths` of the audit's last day (for an initial certification, the last day
 *    of stage 2); past that window a new stage 2 is required before any decision;
 *  - a minor: an answer within `minorResponseDays`, an accepted plan before the decision, the action
 *    implemented and checked within `minorClosureDays`;
 *  - observations and opportunities for improvement ask for nothing.
 */

export type TFindingDeadlineSettings = {
  majorResponseDays: number;
  minorResponseDays: number;
  minorClosureDays: number;
  majorVerificationMonths: number;
};

/** The body settings' defaults (migration 0025). */
export const DEFAULT_FINDING_DEADLINES: TFindingDeadlineSettings = { majorResponseDays: 30, minorResponseDays: 30, minorClosureDays: 90, majorVerificationMonths: 6 };

export type TFindingDeadlines = { responseDueOn: string | null; closureDueOn: string | null; verificationDueOn: string | null };

export const isNonconformity = (c: TFindingClass) => c === 'major' || c === 'minor';

/** The day a finding's clock starts: the later of the day it was raised and the audit's last day. */
export function clockStart(raisedOn: string, auditLastDay: string | null): string {
  return auditLastDay && auditLastDay > raisedOn ? auditLastDay : raisedOn;
}

/** The last day on which a major raised by an audit ending on `auditLastDay` may still be verified. */
export const verificationDueOn = (auditLastDay: string, months: number) => addMonths(auditLastDay, months);

export function findingDeadlines(cls: TFindingClass, raisedOn: string, auditLastDay: string | null, s: TFindingDeadlineSettings): TFindingDeadlines {
  const start = clockStart(raisedOn, auditLastDay);
  if (cls === 'major') return { responseDueOn: addDays(start, s.majorResponseDays), closureDueOn: null, verificationDueOn: verificationDueOn(auditLastDay ?? raisedOn, s.majorVerificationMonths) };
  if (cls === 'minor') return { responseDueOn: addDays(start, s.minorResponseDays), closureDueOn: addDays(start, s.minorClosureDays), verificationDueOn: null };
  return { responseDueOn: null, closureDueOn: null, verificationDueOn: null };
}

export type TFindingFacts = TFindingDeadlines & { class: TFindingClass; state: TFindingState };

export type TOverdueKind = 'response' | 'closure' | 'verification';
export type TOverdueItem = { kind: TOverdueKind; dueOn: string };

/**
 * What is late on `today`: an answer still awaited past its date (a rejected answer counts as none),
 * a minor not closed past its closure date, a major not verified past its window. A deadline is met
 * on its day: late means the day after.
 */
export function overdueItems(f: TFindingFacts, today: string): TOverdueItem[] {
  const out: TOverdueItem[] = [];
  const late = (d: string | null): d is string => d !== null && d < today;
  if (f.state === 'open' && late(f.responseDueOn)) out.push({ kind: 'response', dueOn: f.responseDueOn });
  if (f.class === 'minor' && ['open', 'submitted', 'accepted'].includes(f.state) && late(f.closureDueOn)) out.push({ kind: 'closure', dueOn: f.closureDueOn });
  if (f.class === 'major' && ['open', 'submitted', 'accepted'].includes(f.state) && late(f.verificationDueOn)) out.push({ kind: 'verification', dueOn: f.verificationDueOn });
  return out;
}

export type TDecisionBlockerCode = 'major_unverified' | 'minor_plan_not_accepted' | 'major_window_expired';

/**
 * Why a finding stops a certification decision (17021-1 9.5.1.2 / facts sheet): a major until its
 * correction and corrective action are verified — and, once its window has passed unverified, a new
 * stage 2 is required; a minor until the body has accepted its plan. Null when it does not block.
 */
export function decisionBlockerOf(f: TFindingFacts, today: string): { code: TDecisionBlockerCode; dueOn: string | null } | null {
  if (f.class === 'major' && !['verified', 'closed'].includes(f.state)) {
    if (f.verificationDueOn && f.verificationDueOn < today) return { code: 'major_window_expired', dueOn: f.verificationDueOn };
    return { code: 'major_unverified', dueOn: f.verificationDueOn };
  }
  if (f.class === 'minor' && (f.state === 'open' || f.state === 'submitted')) return { code: 'minor_plan_not_accepted', dueOn: f.responseDueOn };
  return null;
}

/** The references a body gives its findings: NC-2026-0001 for nonconformities, OBS-… and OFI-… for the others. */
export function referencePrefix(cls: TFindingClass): 'NC' | 'OBS' | 'OFI' {
  return isNonconformity(cls) ? 'NC' : cls === 'observation' ? 'OBS' : 'OFI';
}
