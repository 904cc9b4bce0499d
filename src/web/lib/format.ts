import { useTranslation } from 'react-i18next';
import { formatLongDate, formatLongDateTime, formatNumber as formatLocaleNumber } from '../../shared/format.ts';

type DateValue = string | number | Date | null | undefined;

function toDate(value: DateValue): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(value: DateValue, locale: string): string {
  const date = toDate(value);
  return date ? formatLongDate(locale, date) : '';
}

export function formatDateTime(value: DateValue, locale: string): string {
  const date = toDate(value);
  return date ? formatLongDateTime(locale, date) : '';
}

export function formatNumber(value: number, locale: string): string {
  return formatLocaleNumber(locale, value);
}

export function useFormat() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const orDash = (text: string) => text || t('common.none');
  return {
    locale,
    date: (value: DateValue) => orDash(formatDate(value, locale)),
    dateTime: (value: DateValue) => orDash(formatDateTime(value, locale)),
    number: (value: number) => formatNumber(value, locale),
  };
}
