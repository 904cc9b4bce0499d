import { useTranslation } from 'react-i18next';
import { isLocale } from '../../i18n';
import type { TLocale } from '../../../shared/contracts/common';
import { formatLongDate } from '../../../shared/format.ts';
import { REQUIREMENT_KINDS, type TLocalizedText, type TRequirementKind } from '../../../shared/contracts/catalog';

/**
 * `appliesFrom` is a calendar date: show "23 November 2026" / "23 novembre 2026", formatted in UTC
 * so that no time zone moves it to the day before.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRequirementKind(kind: string): kind is TRequirementKind {
  return (REQUIREMENT_KINDS as readonly string[]).includes(kind);
}

export function pickText(text: TLocalizedText | null | undefined, locale: TLocale): string {
  if (!text) return '';
  return text[locale] || text.en || text.fr || '';
}

export function formatCalendarDate(value: string, locale: TLocale): string {
  const match = ISO_DATE.exec(value);
  const date = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return formatLongDate(locale, date, 'UTC');
}

/** Case- and accent-insensitive form used by the tree filter ("critère" matches "critere"). */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export function useCatalogLocale() {
  const { t, i18n } = useTranslation();
  const locale: TLocale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return {
    t,
    locale,
    text: (value: TLocalizedText | null | undefined) => pickText(value, locale),
    /** A ref as a reader names it: "Chapitre I" for "Chapter I"; code-like refs have no label. */
    ref: (item: { ref: string; label?: TLocalizedText | null }) => pickText(item.label, locale) || item.ref,
    date: (value: string) => formatCalendarDate(value, locale),
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
    kind: (kind: string) => (isRequirementKind(kind) ? t(`catalog.kinds.${kind}`) : kind),
  };
}
