import type { TSoc2RequestState } from '../../../../shared/contracts/soc2.ts';

/*
 * The information request list's rules, pure. A request is with the organization while open or
 * returned, with the firm once submitted, done once accepted. Overdue: still with the organization
 * after its due date (the due day itself is on time).
 */

export const WITH_ORGANIZATION: readonly TSoc2RequestState[] = ['open', 'returned'];

export const isOverdue = (r: { state: TSoc2RequestState; dueOn: string }, today: string) => WITH_ORGANIZATION.includes(r.state) && today > r.dueOn;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export type TReminderKind = 'due_soon' | 'overdue';

/**
 * Which reminder (if any) a request gets today: `due_soon` from `days` before the due date, then
 * `overdue` from the day after it — each once per due date. `lastRemindedOn` is the day the last
 * reminder went out; moving the due date makes both reminders due again.
 */
export function reminderDue(r: { state: TSoc2RequestState; dueOn: string; lastRemindedOn: string | null }, today: string, days: number): TReminderKind | null {
  if (!WITH_ORGANIZATION.includes(r.state)) return null;
  const last = r.lastRemindedOn;
  if (today > r.dueOn) return last === null || last <= r.dueOn ? 'overdue' : null;
  const from = addDays(r.dueOn, -days);
  if (today >= from) return last === null || last < from ? 'due_soon' : null;
  return null;
}

/** `PBC-001`, `PBC-002`… per examination: the next after the highest used (never reused). */
export function nextRequestReference(existing: readonly string[]): string {
  let max = 0;
  for (const r of existing) {
    const m = /^PBC-(\d+)$/.exec(r);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `PBC-${String(max + 1).padStart(3, '0')}`;
}

/** The request generated from a test: its evidence requested, or the procedure when none was written. */
export function requestFromTest(t: { reference: string; controlRef: string; evidenceRequested: string; procedure: string }) {
  const source = t.evidenceRequested.trim() || t.procedure.trim();
  const firstLine = source.split(/\r?\n/)[0]!.trim();
  const title = `${t.reference} — ${firstLine.length > 240 ? `${firstLine.slice(0, 239)}…` : firstLine}`;
  return { title, detail: source };
}
