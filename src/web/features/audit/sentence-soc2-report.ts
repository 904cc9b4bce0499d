import type { TSentenceBuilder } from './sentence-parts.ts';

/** The SOC 2 report, management's bridge letters and the downloads of issued files. */
export const soc2ReportSentence: TSentenceBuilder = (p) => {
  const { t, format, after, v, vars, e } = p;
  const tr = (k: string) => t(k as never) as unknown as string;
  const day = (d: unknown) => (typeof d === 'string' && d ? (format.date ? format.date(d) : d) : '');
  switch (e.action) {
    case 'soc2_report.issued':
      Object.assign(vars, {
        document: v('documentReference'),
        firm: v('firmName'),
        organization: v('organizationName'),
        opinion: tr(`soc2Documents.opinionName.${String(after.opinion ?? 'unmodified')}`),
        sha: String(after.modelSha256 ?? '').slice(0, 12),
      });
      return true;
    case 'soc2_bridge_letter.issued':
      Object.assign(vars, { document: v('documentReference'), report: v('reportReference'), until: day(after.coversUntil), name: v('name'), title: v('title') });
      return true;
    case 'soc2_general_use.issued':
      Object.assign(vars, { document: v('documentReference'), report: v('reportReference') });
      return true;
    case 'soc2_document.downloaded':
      Object.assign(vars, { document: v('documentReference'), format: String(after.format ?? '').toUpperCase(), language: tr(`language.name.${String(after.locale ?? 'en')}`) });
      return true;
    default:
      return false;
  }
};
