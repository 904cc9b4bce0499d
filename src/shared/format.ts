import type { TLocale } from './contracts/common.ts';

/*
 * One date and number style per language, everywhere a person reads one (screens, e-mails,
 * documents): "23 November 2026" and « 23 novembre 2026 », « 12 500,00 € ». English follows the
 * day-month-year order of en-GB, which is what our European users write and what the French
 * side mirrors; en-US ("November 23, 2026") appeared on screens while e-mails said otherwise.
 */
export const INTL_LOCALE: Record<TLocale, string> = { en: 'en-GB', fr: 'fr-FR' };

const asLocale = (locale: string): TLocale => (locale === 'fr' ? 'fr' : 'en');

/** French writes the first of the month as an ordinal (« 1er décembre 2027 »); Intl does not. */
function withFrenchOrdinal(locale: TLocale, formatter: Intl.DateTimeFormat, date: Date): string {
  if (locale !== 'fr') return formatter.format(date);
  return formatter
    .formatToParts(date)
    .map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
}

export function formatLongDate(locale: string, date: Date, timeZone?: string): string {
  const l = asLocale(locale);
  return withFrenchOrdinal(l, new Intl.DateTimeFormat(INTL_LOCALE[l], { day: 'numeric', month: 'long', year: 'numeric', ...(timeZone ? { timeZone } : {}) }), date);
}

export function formatLongDateTime(locale: string, date: Date, timeZone?: string): string {
  const l = asLocale(locale);
  const formatter = new Intl.DateTimeFormat(INTL_LOCALE[l], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
  return withFrenchOrdinal(l, formatter, date);
}

export function formatNumber(locale: string, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(INTL_LOCALE[asLocale(locale)], options).format(value);
}
