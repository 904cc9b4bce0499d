import type { TLocale } from '../../../../shared/contracts/common.ts';
import { categoryNames, listOf, longDay, soc2Labels } from './soc2-document-common.ts';
import type { TSoc2ReportModel } from './soc2-report-model.ts';

/**
 * The variables of a SOC 2 report's headings and paragraphs, in one language: who, what system,
 * which categories, which firm, the type, and the date or period written out. The report and its
 * general-use summary share them, so both name the parties and dates the same way.
 */
export function reportVars(m: TSoc2ReportModel, lang: TLocale) {
  const t = soc2Labels(lang);
  return {
    organization: m.organization.name,
    system: m.systemName,
    categories: listOf(t, categoryNames(t, m.categories)),
    firm: m.firm.name,
    reference: m.reference,
    type: t(`common.reportType.${m.reportType}`),
    date: m.asOfDate ? longDay(lang, m.asOfDate) : '',
    start: m.period ? longDay(lang, m.period.start) : '',
    end: m.period ? longDay(lang, m.period.end) : '',
  };
}

/** The facts table that opens the report and its general-use summary alike. */
export function reportFacts(m: TSoc2ReportModel, lang: TLocale, vars: ReturnType<typeof reportVars>): [string, string][] {
  const t = soc2Labels(lang);
  return [
    [t('report.facts.reference'), m.reference],
    [t('report.facts.organization'), [m.organization.name, m.organization.address].filter(Boolean).join(' — ')],
    [t('report.facts.firm'), [m.firm.name, m.firm.address].filter(Boolean).join(' — ')],
    [t('report.facts.licence'), t('common.licence', { ...m.firm.licence })],
    [t('report.facts.type'), vars.type],
    m.reportType === 'type2' ? [t('report.facts.period'), t('common.periodRange', { start: vars.start, end: vars.end })] : [t('report.facts.asOf'), vars.date],
    [t('report.facts.categories'), vars.categories],
    [t('report.facts.reportDate'), longDay(lang, m.reportDate)],
  ];
}
