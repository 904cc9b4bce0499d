import { dayOfIso, isoOfDay, partsOfDay, dayNumberOf, type TDayNumber } from './dates.ts';
import type { TControlFrequency } from './sample-size.ts';

/*
 * Does the evidence (or the population) of a control cover the whole observation period? The
 * period is cut into the occurrences the control's frequency promises (calendar months for a
 * monthly control, ISO weeks for a weekly one…), clipped to the period; an occurrence with no
 * dated item is a gap. Occurrences cut short by the period's edges are marked `partial`: a
 * quarterly control run in the first week of the quarter has nothing to show for a period that
 * ends on 14 July, and the auditor decides whether that is a gap.
 */

export interface TCoverageSlot {
  /** 2026-03 (month), 2026-Q1, 2026-W05 (ISO week), 2026-03-14 (day), or the period (annual, automated). */
  key: string;
  start: string;
  end: string;
  partial: boolean;
  count: number;
}

export interface TPeriodCoverage {
  frequency: TControlFrequency;
  period: { start: string; end: string };
  slots: TCoverageSlot[];
  gaps: TCoverageSlot[];
  /** Gaps in occurrences that lie wholly inside the period. */
  fullSlotGaps: number;
  /** Items dated outside the period (not counted in any slot). */
  outsidePeriod: number;
}

export interface TCoverageOptions {
  /** Daily and many-times-a-day controls: expect no occurrence on Saturdays and Sundays. */
  weekdaysOnly?: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 week-numbering year and week of a day. */
function isoWeek(day: TDayNumber): { year: number; week: number } {
  const { weekday } = partsOfDay(day);
  const thursday = day - weekday + 4;
  const year = partsOfDay(thursday).year;
  const jan1 = dayNumberOf(year, 1, 1)!;
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** [start, endExclusive) of the calendar unit holding `day`, and its key. */
function unitOf(frequency: TControlFrequency, day: TDayNumber, period: [TDayNumber, TDayNumber]): { key: string; start: TDayNumber; endEx: TDayNumber } {
  const p = partsOfDay(day);
  switch (frequency) {
    case 'annual':
    case 'automated':
      return { key: `${isoOfDay(period[0])}/${isoOfDay(period[1])}`, start: period[0], endEx: period[1] + 1 };
    case 'quarterly': {
      const q = Math.floor((p.month - 1) / 3);
      const start = dayNumberOf(p.year, q * 3 + 1, 1)!;
      const endEx = q === 3 ? dayNumberOf(p.year + 1, 1, 1)! : dayNumberOf(p.year, q * 3 + 4, 1)!;
      return { key: `${p.year}-Q${q + 1}`, start, endEx };
    }
    case 'monthly': {
      const start = dayNumberOf(p.year, p.month, 1)!;
      const endEx = p.month === 12 ? dayNumberOf(p.year + 1, 1, 1)! : dayNumberOf(p.year, p.month + 1, 1)!;
      return { key: `${p.year}-${pad(p.month)}`, start, endEx };
    }
    case 'weekly': {
      const start = day - p.weekday + 1;
      const w = isoWeek(day);
      return { key: `${w.year}-W${pad(w.week)}`, start, endEx: start + 7 };
    }
    case 'daily':
    case 'many_per_day':
      return { key: isoOfDay(day), start: day, endEx: day + 1 };
  }
}

/** Expected occurrences of a control over the period and the dated items in each. */
export function periodCoverage(
  frequency: TControlFrequency,
  period: { start: string; end: string },
  itemDates: Iterable<TDayNumber | string>,
  options: TCoverageOptions = {},
): TPeriodCoverage {
  const ps = dayOfIso(period.start);
  const pe = dayOfIso(period.end);
  if (pe < ps) throw new RangeError('period ends before it starts');
  const slots: { key: string; start: TDayNumber; end: TDayNumber; partial: boolean; count: number }[] = [];
  const skipWeekend = options.weekdaysOnly === true && (frequency === 'daily' || frequency === 'many_per_day');
  for (let d = ps; d <= pe; ) {
    const u = unitOf(frequency, d, [ps, pe]);
    const start = Math.max(u.start, ps);
    const end = Math.min(u.endEx - 1, pe);
    if (!(skipWeekend && partsOfDay(d).weekday >= 6)) {
      slots.push({ key: u.key, start, end, partial: start !== u.start || end !== u.endEx - 1, count: 0 });
    }
    d = end + 1;
  }
  let outsidePeriod = 0;
  for (const raw of itemDates) {
    const d = typeof raw === 'string' ? dayOfIso(raw.slice(0, 10)) : raw;
    if (d < ps || d > pe) { outsidePeriod++; continue; }
    // Slots are sorted and contiguous (but for skipped weekend days): binary search.
    let lo = 0;
    let hi = slots.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = slots[mid]!;
      if (d < s.start) hi = mid - 1;
      else if (d > s.end) lo = mid + 1;
      else { s.count++; break; }
    }
  }
  const out = slots.map((s) => ({ key: s.key, start: isoOfDay(s.start), end: isoOfDay(s.end), partial: s.partial, count: s.count }));
  const gaps = out.filter((s) => s.count === 0);
  return { frequency, period: { start: period.start, end: period.end }, slots: out, gaps, fullSlotGaps: gaps.filter((g) => !g.partial).length, outsidePeriod };
}

/*
 * Contemporaneity: evidence should be made when the control operates, not reconstructed for the
 * audit (seed 002). The threshold is the firm's choice; 30 days is only our default.
 */
export const DEFAULT_CONTEMPORANEITY_MAX_LAG_DAYS = 30;

export interface TContemporaneityItem {
  id: string;
  /** When the control operated: `YYYY-MM-DD`. */
  eventDate: string;
  /** When the evidence was created: an ISO instant (or a `YYYY-MM-DD`). */
  evidenceCreatedAt: string;
}

export interface TContemporaneityFlag {
  id: string;
  reason: 'created_late' | 'created_before_event';
  lagDays: number;
}

/**
 * Items whose evidence was created more than `maxLagDays` calendar days after the event, or before
 * it. An instant counts on its calendar date in `timeZone` (the organization's, UTC by default).
 */
export function checkContemporaneity(
  items: Iterable<TContemporaneityItem>,
  options: { maxLagDays?: number; timeZone?: string } = {},
): TContemporaneityFlag[] {
  const maxLag = options.maxLagDays ?? DEFAULT_CONTEMPORANEITY_MAX_LAG_DAYS;
  if (!Number.isInteger(maxLag) || maxLag < 0) throw new RangeError('maxLagDays must be a whole number ≥ 0');
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
  const flags: TContemporaneityFlag[] = [];
  for (const item of items) {
    const event = dayOfIso(item.eventDate);
    const created = /^\d{4}-\d{2}-\d{2}$/.test(item.evidenceCreatedAt)
      ? dayOfIso(item.evidenceCreatedAt)
      : dayOfIso(fmt.format(new Date(item.evidenceCreatedAt)));
    const lag = created - event;
    if (lag > maxLag) flags.push({ id: item.id, reason: 'created_late', lagDays: lag });
    else if (lag < 0) flags.push({ id: item.id, reason: 'created_before_event', lagDays: lag });
  }
  return flags;
}
