import en from '../../../../web/i18n/modules/soc2Documents.en.json' with { type: 'json' };
import fr from '../../../../web/i18n/modules/soc2Documents.fr.json' with { type: 'json' };
import type { TLocale } from '../../../../shared/contracts/common.ts';
import type { TSoc2FeeEstimate } from '../../../../shared/contracts/soc2-fees.ts';
import { formatMoney } from '../../../../shared/proposal-pricing.ts';
import { formatNumber } from '../../../../shared/format.ts';
import { labelsOf, type TLabels } from '../../../documents/labels.ts';

const LABELS: Record<TLocale, TLabels> = { en, fr };

/** One sentence per trace step in the reader's language: amounts in cents as money, other numbers as « 1,5 ». */
export function soc2FeeTraceLines(estimate: TSoc2FeeEstimate, lang: TLocale): string[] {
  const t = labelsOf(LABELS, lang);
  // A true minus sign (−), as in the labels, not the hyphen Intl writes in English.
  const num = (n: number) => formatNumber(lang, n, { maximumFractionDigits: 1 }).replace(/^-/, '−');
  return estimate.trace.map((s) => {
    const vars = Object.fromEntries(
      Object.entries(s.params).map(([k, v]) => [k, typeof v === 'number' ? (k.endsWith('Cents') ? formatMoney(lang, v, estimate.currency) : num(v)) : v]),
    );
    const signed = `${s.days < 0 ? '−' : '+'}${num(Math.abs(s.days))}`;
    return t(s.labelKey, { ...vars, added: num(Math.abs(s.days)), signed, total: num(s.totalDays) });
  });
}
