import { SOC2_PERIOD_MAX_MONTHS, SOC2_PERIOD_MIN_MONTHS, type TSoc2Category, SOC2_CATEGORIES, type TSoc2ReportType } from '../../../../shared/contracts/soc2.ts';
import { AppError } from '../../../platform/errors/errors.ts';

/*
 * The dates and categories of an examination. A Type II period counts whole calendar months from
 * its first day: 1 January – 30 June is six months, 1 January – 31 March is three; the period ends
 * at the earliest on the day before the same date three months later and at the latest on the
 * day before the same date twelve months later. A month-end start clamps (31 January + 1 month
 * = 28 or 29 February) so that no period is refused for the length of February.
 */

const DAY_MS = 86_400_000;
const parse = (d: string) => new Date(`${d}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  return fmt(new Date(parse(day).getTime() + n * DAY_MS));
}

/** `day` plus `months` calendar months, the day of month clamped to the target month's length. */
export function addMonths(day: string, months: number): string {
  const d = parse(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fmt(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))));
}

/** The last day a period starting on `start` may end on to last `months` months. */
export const periodEndFor = (start: string, months: number) => addDays(addMonths(start, months), -1);

export type TExaminationDates = { asOfDate: string | null; periodStart: string | null; periodEnd: string | null };

const field = (name: string, message: string) => [{ field: name, issue: 'invalid', message }];

/** Refuses dates that do not fit the report type (400 with the field and the bounds in `details`). */
export function checkExaminationDates(type: TSoc2ReportType, d: TExaminationDates): TExaminationDates {
  if (type === 'type1') {
    if (!d.asOfDate) throw new AppError(400, 'soc2_as_of_date_required', 'A Type I examination is reported as of one date: asOfDate is required.', field('asOfDate', 'Required for a Type I report.'));
    if (d.periodStart || d.periodEnd) throw new AppError(400, 'soc2_period_not_allowed', 'A Type I examination has no observation period.', field('periodStart', 'Only for a Type II report.'));
    return { asOfDate: d.asOfDate, periodStart: null, periodEnd: null };
  }
  if (d.asOfDate) throw new AppError(400, 'soc2_as_of_date_not_allowed', 'A Type II examination covers a period, not an as-of date.', field('asOfDate', 'Only for a Type I report.'));
  if (!d.periodStart || !d.periodEnd) throw new AppError(400, 'soc2_period_required', 'A Type II examination needs the first and last day of its observation period.', field(d.periodStart ? 'periodEnd' : 'periodStart', 'Required for a Type II report.'));
  const earliest = periodEndFor(d.periodStart, SOC2_PERIOD_MIN_MONTHS);
  const latest = periodEndFor(d.periodStart, SOC2_PERIOD_MAX_MONTHS);
  const details = { minMonths: SOC2_PERIOD_MIN_MONTHS, maxMonths: SOC2_PERIOD_MAX_MONTHS, earliestEnd: earliest, latestEnd: latest, field: 'periodEnd' };
  if (d.periodEnd < earliest) {
    throw new AppError(400, 'soc2_period_too_short', `A Type II observation period lasts at least ${SOC2_PERIOD_MIN_MONTHS} months: from ${d.periodStart} it ends on ${earliest} at the earliest.`, details);
  }
  if (d.periodEnd > latest) {
    throw new AppError(400, 'soc2_period_too_long', `A Type II observation period lasts at most ${SOC2_PERIOD_MAX_MONTHS} months: from ${d.periodStart} it ends on ${latest} at the latest.`, details);
  }
  return { asOfDate: null, periodStart: d.periodStart, periodEnd: d.periodEnd };
}

/** Security first, the others in the catalog's order, each once. */
export function normalizeCategories(categories: readonly TSoc2Category[]): TSoc2Category[] {
  const chosen = new Set<TSoc2Category>(['security', ...categories]);
  return SOC2_CATEGORIES.filter((c) => chosen.has(c));
}

/** A renewal's period: starts the day after the previous one ends, same length in months. */
export function nextPeriod(previous: { periodStart: string; periodEnd: string }): { periodStart: string; periodEnd: string } {
  const start = addDays(previous.periodEnd, 1);
  let months = SOC2_PERIOD_MIN_MONTHS;
  for (let m = SOC2_PERIOD_MAX_MONTHS; m >= SOC2_PERIOD_MIN_MONTHS; m--) {
    if (periodEndFor(previous.periodStart, m) <= previous.periodEnd) {
      months = m;
      break;
    }
  }
  return { periodStart: start, periodEnd: periodEndFor(start, months) };
}
