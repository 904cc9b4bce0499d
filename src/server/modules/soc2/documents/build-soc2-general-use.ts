import type { TLocale } from '../../../../shared/contracts/common.ts';
import type { TDocBlock, TDocument } from '../../../documents/layout.ts';
import { longDay, soc2Labels } from './soc2-document-common.ts';
import { reportFacts, reportVars } from './soc2-report-vars.ts';
import type { TSoc2ReportModel } from './soc2-report-model.ts';

/*
 * A general-use summary of an issued SOC 2 report (in the manner of a SOC 3 report): the auditor's
 * opinion and management's assertion as issued, the system in a few lines and the criteria covered,
 * without the description of tests and results, which stay in the restricted report. Built from
 * the issued report's frozen model, so it cannot say anything the report does not.
 */
export function buildSoc2GeneralUseSummary(m: TSoc2ReportModel, lang: TLocale): TDocument {
  const t = soc2Labels(lang);
  const type2 = m.reportType === 'type2';
  const vars = reportVars(m, lang);
  const licence = t('common.licence', { ...m.firm.licence });
  const p = (text: string, style?: 'muted' | 'notice'): TDocBlock => ({ kind: 'paragraph', text, ...(style ? { style } : {}) });
  const h = (text: string): TDocBlock => ({ kind: 'heading', text });
  const h2 = (text: string): TDocBlock => ({ kind: 'heading', text, level: 2 });
  const kind = m.opinion.kind;
  const assertion = m.assertion.paragraphs.length ? m.assertion.paragraphs : [t(type2 ? 'report.assertion.defaultType2' : 'report.assertion.defaultType1', vars)];
  const refs = m.criteria.map((c) => c.ref);
  return {
    lang,
    title: `${t('generalUse.title', vars)} — ${m.organization.name}`,
    author: m.firm.name,
    createdAt: m.generatedAt,
    orientation: 'portrait',
    pageHeader: t('generalUse.pageHeader', vars),
    pageFooter: t('generalUse.pageFooter', vars),
    pageLabel: t('common.pageLabel', { page: '{page}', pages: '{pages}' }),
    coverSheetName: `${m.reference}-GU`.slice(0, 31),
    blocks: [
      { kind: 'title', text: t('generalUse.title', vars), subtitle: t(type2 ? 'report.subtitleType2' : 'report.subtitleType1', vars) },
      {
        kind: 'keyValue',
        rows: reportFacts(m, lang, vars),
      },
      p(t('generalUse.notice', vars), 'notice'),
      h(t('generalUse.opinionHeading')),
      ...(kind === 'unmodified' ? [] : [h2(t(`report.auditor.basisHeading.${kind}`)), ...m.opinion.basis.map((b) => p(b))]),
      h2(t(`report.auditor.opinionHeading.${kind}`)),
      p(t(`report.auditor.opinion.${kind}.${m.reportType}`, vars)),
      p(
        t(m.firm.city.trim() ? 'report.auditor.signature' : 'report.auditor.signatureNoCity', {
          firm: m.firm.name,
          licence,
          city: m.firm.city,
          date: longDay(lang, m.reportDate),
          partner: m.firm.partnerName,
        }),
      ),
      h(t('generalUse.assertionHeading')),
      ...assertion.map((x) => p(x)),
      p(t('report.assertion.signed', { ...m.assertion.signatory, date: longDay(lang, m.assertion.date) })),
      h(t('generalUse.systemHeading', vars)),
      p(m.description.services),
      p(m.description.boundaries),
      h(t('generalUse.criteriaHeading')),
      p(t('generalUse.criteria', { ...vars, count: refs.length, refs: refs.join(', ') })),
    ],
  };
}
