/*
 * Calendar dates as whole days since 1970-01-01 (an int32). The population index, the strata and
 * the period coverage all work on these integers, so no time zone or DST can move an item to
 * another day or another third of the period.
 */

export type TDayNumber = number;

export type TDateFormat = 'iso' | 'dd/mm/yyyy';

const MS_PER_DAY = 86_400_000;

/** Days since epoch of a valid calendar date, or null (31/02, month 13…). */
export function dayNumberOf(year: number, month: number, day: number): TDayNumber | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function isoOfDay(day: TDayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` string; throws on anything else (for configuration, not user rows). */
export function dayOfIso(iso: string): TDayNumber {
  const d = parseDateText(iso, ['iso']);
  if (d === null) throw new RangeError(`not a calendar date: ${iso}`);
  return d;
}

/** Calendar parts of a day number (UTC arithmetic: day numbers have no time zone). */
export function partsOfDay(day: TDayNumber): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(day * MS_PER_DAY);
  // weekday: 1 = Monday … 7 = Sunday (ISO 8601)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: ((d.getUTCDay() + 6) % 7) + 1 };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A cell's text as a day number. An ISO datetime counts on the calendar date written in it
 * (2026-03-31T23:30:00-05:00 is 31 March): the file states the event in its own time zone, and
 * converting to UTC would move late-evening events to the next day, perhaps out of the period.
 */
export function parseDateText(text: string, formats: readonly TDateFormat[]): TDayNumber | null {
  const s = text.trim();
  if (formats.includes('iso')) {
    const m = ISO_DATE.exec(s);
    if (m) {
      if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59))) return null;
      return dayNumberOf(Number(m[1]), Number(m[2]), Number(m[3]));
    }
  }
  if (formats.includes('dd/mm/yyyy')) {
    const m = DMY.exec(s);
    if (m) return dayNumberOf(Number(m[3]), Number(m[2]), Number(m[1]));
  }
  return null;
}

/** A spreadsheet Date cell (exceljs gives date-formatted cells as UTC midnight Dates) as a day number. */
export function dayOfDateCell(d: Date): TDayNumber | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  return dayNumberOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
