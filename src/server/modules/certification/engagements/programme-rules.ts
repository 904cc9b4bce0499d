import type { TAuditType } from '../../../../shared/contracts/certification.ts';

/*
 * The three-year audit programme's date rules (ISO/IEC 17021-1 9.1.3, facts sheet section 3), as
 * pure functions over calendar days ('YYYY-MM-DD', no time zone). The cycle starts at the
 * certification decision:
 *  - the initial audit is two stages; stage 2 starts only after stage 1 has ended (and is reported:
 *    that precondition is the audit lifecycle's, since it depends on the audit's state);
 *  - surveillance 1 falls within 12 months of the decision;
 *  - surveillance 2 falls in the second year after the decision;
 *  - recertification is completed before the certificate expires, three years after the decision.
 * The certificate is valid up to and including the day before the third anniversary of the decision.
 */

export type TProgrammeSlot = { type: Extract<TAuditType, 'stage1' | 'stage2' | 'surveillance' | 'recertification'>; sequence: number };

/** The audits a new programme holds, in order (their dates come from the decision, later). */
export const INITIAL_PROGRAMME_SLOTS: readonly TProgrammeSlot[] = [
  { type: 'stage1', sequence: 1 },
  { type: 'stage2', sequence: 1 },
  { type: 'surveillance', sequence: 1 },
  { type: 'surveillance', sequence: 2 },
  { type: 'recertification', sequence: 1 },
];

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new Error(`Not a calendar day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const fmt = (d: Date) => d.toISOString().slice(0, 10);

/** `day` plus `n` calendar days (negative goes back). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return fmt(new Date(Date.UTC(y, m - 1, d + n)));
}

/** `day` plus `n` months; a day the target month lacks becomes its last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = parts(day);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fmt(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))));
}

export type TCycleDates = {
  decisionDate: string;
  /** Last day on which surveillance 1 may take place: within 12 months of the decision. */
  surveillance1DueBy: string;
  /** Last day of the second year after the decision. */
  surveillance2DueBy: string;
  /** Last day of validity of the certificate. */
  expiryDate: string;
  /** Recertification completed before expiry: its last possible day is the day before the expiry date. */
  recertificationDueBy: string;
};

export function cycleDates(decisionDate: string): TCycleDates {
  const expiryDate = addDays(addMonths(decisionDate, 36), -1);
  return {
    decisionDate,
    surveillance1DueBy: addDays(addMonths(decisionDate, 12), -1),
    surveillance2DueBy: addDays(addMonths(decisionDate, 24), -1),
    expiryDate,
    recertificationDueBy: addDays(expiryDate, -1),
  };
}

/** The deadline of one slot once the decision is known; the initial audit has none from the rules. */
export function slotDueBy(slot: TProgrammeSlot, decisionDate: string | null): string | null {
  if (!decisionDate) return null;
  const c = cycleDates(decisionDate);
  if (slot.type === 'surveillance') return slot.sequence === 1 ? c.surveillance1DueBy : c.surveillance2DueBy;
  if (slot.type === 'recertification') return c.recertificationDueBy;
  return null;
}

export type TDateViolation =
  | { code: 'end_before_start' }
  | { code: 'stage2_before_stage1_end'; stage1End: string }
  | { code: 'before_decision'; decisionDate: string }
  | { code: 'surveillance1_late'; dueBy: string }
  | { code: 'surveillance2_late'; dueBy: string }
  | { code: 'surveillance2_in_first_year'; from: string }
  | { code: 'recertification_after_expiry'; dueBy: string };

/**
 * What is wrong with planning `slot` on [start, end] in a programme whose stage 1 ended on
 * `stage1End` and whose cycle (if a decision opened it) started on `decisionDate`. Empty when the
 * dates keep the rules.
 *
 * The cycle's deadlines are the stored ones when the programme has them: `expiryDate` (the
 * programme's) and the audit's own `dueBy`. They differ from what `cycleDates(decisionDate)`
 * computes in a cycle opened by a renewal taken before expiry, whose expiry is chained from the old
 * certificate's (cycle/recertification-rules.chainedExpiry) and so later than three years after the
 * renewal decision: measuring that cycle's recertification against the decision would refuse dates
 * the programme allows.
 */
export function dateViolations(
  slot: TProgrammeSlot,
  dates: { start: string; end: string },
  programme: { stage1End: string | null; decisionDate: string | null; expiryDate?: string | null; dueBy?: string | null },
): TDateViolation[] {
  const out: TDateViolation[] = [];
  if (dates.end < dates.start) out.push({ code: 'end_before_start' });
  if (slot.type === 'stage2' && programme.stage1End && dates.start <= programme.stage1End) out.push({ code: 'stage2_before_stage1_end', stage1End: programme.stage1End });
  const decision = programme.decisionDate;
  if (!decision || (slot.type !== 'surveillance' && slot.type !== 'recertification')) return out;
  if (dates.start <= decision) out.push({ code: 'before_decision', decisionDate: decision });
  const c = cycleDates(decision);
  const stored = programme.dueBy ?? null;
  const s1DueBy = slot.type === 'surveillance' && slot.sequence === 1 && stored ? stored : c.surveillance1DueBy;
  const s2DueBy = slot.type === 'surveillance' && slot.sequence === 2 && stored ? stored : c.surveillance2DueBy;
  const recertDueBy = slot.type === 'recertification' && stored ? stored : programme.expiryDate ? addDays(programme.expiryDate, -1) : c.recertificationDueBy;
  if (slot.type === 'surveillance' && slot.sequence === 1 && dates.end > s1DueBy) out.push({ code: 'surveillance1_late', dueBy: s1DueBy });
  if (slot.type === 'surveillance' && slot.sequence === 2) {
    if (dates.end > s2DueBy) out.push({ code: 'surveillance2_late', dueBy: s2DueBy });
    // Surveillance 2 belongs to the second year: after the first year of the cycle, whatever surveillance 1's stored date.
    if (dates.start <= c.surveillance1DueBy) out.push({ code: 'surveillance2_in_first_year', from: addDays(c.surveillance1DueBy, 1) });
  }
  if (slot.type === 'recertification' && dates.end > recertDueBy) out.push({ code: 'recertification_after_expiry', dueBy: recertDueBy });
  return out;
}

/** Overdue: a deadline passed while the audit is still to be done (not reported, closed or cancelled). */
export function isOverdue(audit: { dueBy: string | null; state: string }, today: string): boolean {
  return audit.dueBy !== null && audit.dueBy < today && ['planned', 'confirmed', 'in_progress'].includes(audit.state);
}

/** The audits a scheme manager adds to a programme beside its five slots. */
export const ADDABLE_AUDIT_TYPES = ['pre_audit', 'special', 'follow_up'] as const;
export type TAddableAuditType = (typeof ADDABLE_AUDIT_TYPES)[number];
export type TAddAuditRefusal = 'pre_audit_after_stage1' | 'pre_audit_exists' | 'not_yet_certified' | 'nothing_to_follow_up';

/**
 * Whether an audit of `type` may join a programme whose audits are `audits`:
 *  - a pre-audit (« audit à blanc ») is optional and comes before stage 1: refused once stage 1 has
 *    started, or when the programme already has one that is not cancelled;
 *  - a special audit (17021-1 9.6.4: a short-notice visit, an extension of scope, a complaint)
 *    concerns a certified client: refused before stage 2 is reported;
 *  - a follow-up verification checks the corrections of an audit's nonconformities: refused before
 *    any stage 2, surveillance, recertification or special audit is reported.
 */
export function addAuditRefusal(type: TAddableAuditType, audits: readonly { type: TAuditType; state: string }[]): TAddAuditRefusal | null {
  const done = (a: { state: string }) => a.state === 'reported' || a.state === 'closed';
  if (type === 'pre_audit') {
    if (audits.some((a) => a.type === 'stage1' && a.state !== 'planned' && a.state !== 'confirmed' && a.state !== 'cancelled')) return 'pre_audit_after_stage1';
    if (audits.some((a) => a.type === 'pre_audit' && a.state !== 'cancelled')) return 'pre_audit_exists';
    return null;
  }
  if (type === 'special') return audits.some((a) => a.type === 'stage2' && done(a)) ? null : 'not_yet_certified';
  return audits.some((a) => ['stage2', 'surveillance', 'recertification', 'special'].includes(a.type) && done(a)) ? null : 'nothing_to_follow_up';
}
