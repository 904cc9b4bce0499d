import type { TLocale } from '../../../../shared/contracts/common.ts';
import { formatLongDate } from '../../../../shared/format.ts';
import type { TPdfWatermark } from '../../../documents/pdf.ts';
import { soc2Labels } from './soc2-document-common.ts';

export type TSoc2Reader = { name: string; organization: string };

/**
 * What a reader's copy carries on every page: the restriction, who it was made for and when
 * (in the report's language; the date in the firm's or the reader's time zone).
 */
export function soc2ReaderWatermark(lang: TLocale, reader: TSoc2Reader, downloadedAt: Date, timeZone?: string): TPdfWatermark {
  const t = soc2Labels(lang);
  return { lines: [t('watermark.confidential'), t('watermark.reader', { name: reader.name, organization: reader.organization, date: formatLongDate(lang, downloadedAt, timeZone) })] };
}
