/*
 * Business days for the seed's process durations (seed 000: corrective-action review « 5–15
 * business days », certification decision « 3–5 business days »; targets in body_settings,
 * migration 0031). Pure, over calendar days ('YYYY-MM-DD', no time zone): Saturdays and Sundays
 * are not business days; public holidays are not known here and count as business days.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function utc(day: string): number {
  const m = DAY.exec(day);
  if (!m) throw new Error(`Not a calendar day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

const MS_PER_DAY = 86_400_000;
const isWeekend = (ms: number) => {
  const d = new Date(ms).getUTCDay();
  return d === 0 || d === 6;
};

/**
 * The business days elapsed from `from` to `to`: the days after `from` up to and including `to`
 * that are Monday to Friday. Something received on a Friday and looked at on the next Monday has
 * waited 1 business day; the same day is 0. Negative spans answer 0.
 */
export function businessDaysBetween(from: string, to: string): number {
  const a = utc(from);
  const b = utc(to);
  if (b <= a) return 0;
  const days = Math.round((b - a) / MS_PER_DAY);
  const weeks = Math.floor(days / 7);
  let n = weeks * 5;
  for (let ms = a + weeks * 7 * MS_PER_DAY + MS_PER_DAY; ms <= b; ms += MS_PER_DAY) if (!isWeekend(ms)) n += 1;
  return n;
}

/** Where a wait stands against the body's target: overdue once more business days have elapsed than the target allows. */
export function againstTarget(from: string, today: string, targetDays: number): { elapsedBusinessDays: number; targetBusinessDays: number; overdue: boolean } {
  const elapsedBusinessDays = businessDaysBetween(from, today);
  return { elapsedBusinessDays, targetBusinessDays: targetDays, overdue: elapsedBusinessDays > targetDays };
}
