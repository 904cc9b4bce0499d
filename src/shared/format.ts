import type { TLocale } from './contracts/common.ts';

/*
 * One date and number style per language, everywhere a person reads one (screens, e-mails,
 * documents): "23 November 2026" and « 23 novembre 2026 », « 12 500,00 € ». English follows the
 * day-month-year order of en-GB, which is what our European users write and what the French
 * side mirrors; en-US ("November 23, 2026") appeared on screens while e-mails said otherwise.
 */
export const INTL_LOCALE: Record<TLocale, string> = { en: 'en-GB', fr: 'fr-FR' };

const asLocale = (locale: string): TLocale => (locale === 'fr' ? 'fr' : 'en');

export function formatLongDate(locale: string, date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[asLocale(locale)], { day: 'numeric', month: 'long', year: 'numeric', ...(timeZone ? { timeZone } : {}) }).format(date);
}

export function formatLongDateTime(locale: string, date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[asLocale(locale)], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

export function formatNumber(locale: string, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(INTL_LOCALE[asLocale(locale)], options).format(value);
}
