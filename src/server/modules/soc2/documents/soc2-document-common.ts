import en from '../../../../web/i18n/modules/soc2Documents.en.json' with { type: 'json' };
import fr from '../../../../web/i18n/modules/soc2Documents.fr.json' with { type: 'json' };
import type { TLocale } from '../../../../shared/contracts/common.ts';
import { SOC2_OPTIONAL_CATEGORIES, type TSoc2OptionalCategory } from '../../../../shared/contracts/soc2-fees.ts';
import { formatLongDate } from '../../../../shared/format.ts';
import { labelsOf, type TLabel, type TLabels } from '../../../documents/labels.ts';

const LABELS: Record<TLocale, TLabels> = { en, fr };

/** The SOC 2 documents' labels in one language (the `soc2Documents` i18n namespace). */
export const soc2Labels = (lang: TLocale): TLabel => labelsOf(LABELS, lang);

/** A calendar day (YYYY-MM-DD) in words: "23 November 2026", « 1er décembre 2026 ». Noon UTC keeps the day in any zone. */
export const longDay = (lang: TLocale, iso: string) => formatLongDate(lang, new Date(`${iso}T12:00:00Z`));

/** "A, B and C" / « A, B et C ». */
export function listOf(t: TLabel, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(t('common.listJoin'))}${t('common.listLast')}${items.at(-1)}`;
}

/** Security first (always in scope), then the categories in the criteria's order. */
export const categoryNames = (t: TLabel, categories: readonly TSoc2OptionalCategory[]) => [
  t('common.category.security'),
  ...SOC2_OPTIONAL_CATEGORIES.filter((c) => categories.includes(c)).map((c) => t(`common.category.${c}`)),
];

export type TSoc2Licence = { authority: string; number: string; jurisdiction: string };
export type TSoc2Firm = { name: string; address: string; licence: TSoc2Licence };
export type TSoc2Party = { name: string; address: string };
export type TSoc2Signatory = { name: string; title: string };
