import type { TLocale } from '../../../../shared/contracts/common.ts';
import { formatNumber } from '../../../../shared/format.ts';
import type { TDocBlock, TDocument } from '../../../documents/layout.ts';
import { listOf, longDay, soc2Labels } from './soc2-document-common.ts';
import { reportFacts, reportVars } from './soc2-report-vars.ts';
import type { TSoc2ReportControl, TSoc2ReportModel } from './soc2-report-model.ts';

/*
 * A SOC 2 report as a TDocument in one language: section 1 the independent service auditor's
 * report (the opinion, worded per opinion kind and per type), section 2 management's assertion
 * (the two swap when the firm puts the assertion first), section 3 the description in the DC 200
 * structure, section 4 criteria → controls → tests → results (Type II: samples, exceptions,
 * deviations and management's responses), section 5 other information marked as not examined.
 * The opinion paragraphs are Attest's own wording, not the standards' text.
 */

export function buildSoc2ReportDocument(m: TSoc2ReportModel, lang: TLocale): TDocument {
  const t = soc2Labels(lang);
  const type2 = m.reportType === 'type2';
  if (type2 ? !m.period : !m.asOfDate) throw new Error(`A ${m.reportType} report needs ${type2 ? 'a period' : 'an as-of date'}`);
  if (m.opinion.kind !== 'unmodified' && m.opinion.basis.length === 0) throw new Error('A modified opinion states its basis');
  const num = (n: number) => formatNumber(lang, n);
  const vars = reportVars(m, lang);
  const licence = t('common.licence', { ...m.firm.licence });
  const n = { opinion: m.assertionFirst ? 2 : 1, assertion: m.assertionFirst ? 1 : 2, description: 3, tests: 4, other: 5 };
  const sectionHeading = (role: keyof typeof n, title: string): TDocBlock => ({ kind: 'heading', text: t('report.sectionHeading', { n: n[role], title }) });
  const p = (text: string, style?: 'muted' | 'notice'): TDocBlock => ({ kind: 'paragraph', text, ...(style ? { style } : {}) });
  const h2 = (text: string): TDocBlock => ({ kind: 'heading', text, level: 2 });

  const kind = m.opinion.kind;
  const carvedOut = m.description.subserviceOrganizations.filter((s) => s.treatment === 'carve_out');
  const opinionSection: TDocBlock[] = [
    sectionHeading('opinion', t('report.sections.opinion')),
    p(t('report.auditor.addressee', vars)),
    h2(t('report.auditor.scopeHeading')),
    p(t(type2 ? 'report.auditor.scopeType2' : 'report.auditor.scopeType1', vars)),
    ...(m.description.cuecs.length || carvedOut.length ? [p(t('report.auditor.complementary', vars))] : []),
    ...(carvedOut.length ? [p(t('report.auditor.carveOut', { ...vars, names: listOf(t, carvedOut.map((s) => s.name)) }))] : []),
    h2(t('report.auditor.managementHeading')),
    p(t('report.auditor.management', { ...vars, assertionSection: n.assertion })),
    h2(t('report.auditor.auditorHeading')),
    p(t(type2 ? 'report.auditor.auditorType2' : 'report.auditor.auditorType1', { ...vars, testsSection: n.tests })),
    p(t('report.auditor.independence', vars)),
    h2(t('report.auditor.limitationsHeading')),
    p(t('report.auditor.limitations')),
    ...(kind === 'unmodified' ? [] : [h2(t(`report.auditor.basisHeading.${kind}`)), ...m.opinion.basis.map((b) => p(b))]),
    h2(t(`report.auditor.opinionHeading.${kind}`)),
    p(t(`report.auditor.opinion.${kind}.${m.reportType}`, vars)),
    h2(t('report.auditor.useHeading')),
    p(t('report.auditor.use', { ...vars, testsSection: n.tests })),
    p(t(m.firm.city.trim() ? 'report.auditor.signature' : 'report.auditor.signatureNoCity', { firm: m.firm.name, licence, city: m.firm.city, date: longDay(lang, m.reportDate), partner: m.firm.partnerName })),
  ];

  const assertionParagraphs = m.assertion.paragraphs.length ? m.assertion.paragraphs : [t(type2 ? 'report.assertion.defaultType2' : 'report.assertion.defaultType1', vars)];
  const assertionSection: TDocBlock[] = [
    sectionHeading('assertion', t('report.sections.assertion')),
    h2(t('report.assertion.title', vars)),
    ...assertionParagraphs.map((x) => p(x)),
    p(t('report.assertion.signed', { ...m.assertion.signatory, date: longDay(lang, m.assertion.date) })),
  ];

  const d = m.description;
  const dl = (k: string) => t(`report.description.${k}`);
  const orNone = (text: string) => (text.trim() ? p(text) : p(dl('none'), 'muted'));
  const descriptionSection: TDocBlock[] = [
    sectionHeading('description', t('report.sections.description')),
    h2(dl('services')),
    orNone(d.services),
    h2(dl('commitments')),
    orNone(d.commitments),
    h2(dl('components')),
    { kind: 'keyValue', rows: (['infrastructure', 'software', 'people', 'procedures', 'data'] as const).map((k) => [dl(k), d.components[k]] as const) },
    h2(dl('boundaries')),
    orNone(d.boundaries),
    h2(dl('incidents')),
    orNone(d.incidents),
    h2(dl('changes')),
    orNone(d.significantChanges),
    h2(dl('cuecs')),
    {
      kind: 'table',
      name: dl('cuecsTable'),
      columns: [
        { header: dl('columns.ref'), width: 12 },
        { header: dl('columns.control'), width: 88 },
      ],
      rows: d.cuecs.map((c) => [c.ref, c.text]),
      empty: dl('none'),
    },
    h2(dl('subservice')),
    {
      kind: 'table',
      name: dl('subserviceTable'),
      columns: [
        { header: dl('columns.organization'), width: 20 },
        { header: dl('columns.services'), width: 25 },
        { header: dl('columns.treatment'), width: 15 },
        { header: dl('columns.csocs'), width: 40 },
      ],
      rows: d.subserviceOrganizations.map((s) => [s.name, s.services, t(`common.treatment.${s.treatment}`), s.csocs.map((c) => `${c.ref} ${c.text}`).join('\n')]),
      empty: dl('none'),
    },
  ];

  const tl = (k: string, v: Record<string, string | number> = {}) => t(`report.tests.${k}`, v);
  const resultText = (c: TSoc2ReportControl) => {
    const r = c.result;
    if (!r) return tl('notTested');
    return [
      // A test concluded without drawing (one configuration inspected, say) has no sample to state.
      r.sampleSize === 0 ? tl('noSample') : r.populationSize !== null ? tl('sample', { sample: num(r.sampleSize), population: num(r.populationSize) }) : tl('sampleNoPopulation', { sample: num(r.sampleSize) }),
      r.exceptions === 0 ? tl('noExceptions') : tl(r.exceptions === 1 ? 'exceptions_one' : 'exceptions_other', { count: num(r.exceptions) }),
      ...(r.deviation ? [tl('deviation', { text: r.deviation })] : []),
      ...(r.managementResponse ? [tl('response', { text: r.managementResponse })] : []),
      ...(r.conclusions ?? []).map((c) =>
        tl(c.notes.trim() ? 'conclusionNotes' : 'conclusion', { conclusion: tl(`conclusionKind.${c.conclusion}`), impact: tl(`impact.${c.impact}`), notes: c.notes.trim() }),
      ),
    ].join('\n');
  };
  const colon = lang === 'fr' ? '\u00a0: ' : ': ';
  const methodNames = (ms: readonly string[]) => ms.map((x, i) => (i === 0 ? tl(`method.${x}`) : tl(`method.${x}`).toLocaleLowerCase(lang))).join(', ');
  const testsText = (c: TSoc2ReportControl) => c.tests.map((x) => `${methodNames(x.methods)}${colon}${x.procedure}`).join('\n');
  const testsSection: TDocBlock[] = [
    sectionHeading('tests', t(type2 ? 'report.sections.tests' : 'report.sections.testsType1')),
    p(tl(type2 ? 'intro' : 'introType1', vars)),
    ...(type2 ? [p(tl('methodsNote'), 'muted')] : []),
    ...m.criteria.flatMap((cr): TDocBlock[] => [
      h2(tl('criterion', { ref: cr.ref, title: cr.title })),
      type2
        ? {
            kind: 'table',
            name: cr.ref,
            columns: [
              { header: tl('columns.control'), width: 10 },
              { header: tl('columns.description'), width: 30 },
              { header: tl('columns.tests'), width: 32 },
              { header: tl('columns.results'), width: 28 },
            ],
            rows: cr.controls.map((c) => [c.ref, c.description, testsText(c), resultText(c)]),
            empty: tl('noControls'),
          }
        : {
            kind: 'table',
            name: cr.ref,
            columns: [
              { header: tl('columns.control'), width: 14 },
              { header: tl('columns.description'), width: 86 },
            ],
            rows: cr.controls.map((c) => [c.ref, c.description]),
            empty: tl('noControls'),
          },
    ]),
  ];

  const otherSection: TDocBlock[] = m.otherInformation
    ? [sectionHeading('other', t('report.sections.other')), p(t('report.other.notice', vars), 'notice'), h2(m.otherInformation.title), ...m.otherInformation.paragraphs.map((x) => p(x))]
    : [];

  const facts = reportFacts(m, lang, vars);

  return {
    lang,
    title: `${t('report.title', vars)} — ${m.organization.name}`,
    author: m.firm.name,
    createdAt: m.generatedAt,
    orientation: 'portrait',
    pageHeader: t('report.pageHeader', vars),
    pageFooter: t('report.pageFooter', vars),
    pageLabel: t('common.pageLabel', { page: '{page}', pages: '{pages}' }),
    coverSheetName: m.reference,
    blocks: [
      { kind: 'title', text: t('report.title', vars), subtitle: t(type2 ? 'report.subtitleType2' : 'report.subtitleType1', vars) },
      { kind: 'keyValue', rows: facts },
      p(t('report.restrictedNotice', vars), 'notice'),
      ...(m.assertionFirst ? [...assertionSection, ...opinionSection] : [...opinionSection, ...assertionSection]),
      ...descriptionSection,
      ...testsSection,
      ...otherSection,
    ],
  };
}
