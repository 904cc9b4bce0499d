import en from '../../../../../web/i18n/modules/auditWork.en.json' with { type: 'json' };
import fr from '../../../../../web/i18n/modules/auditWork.fr.json' with { type: 'json' };
import type { TChecklist, TReport } from '../../../../../shared/contracts/audit-work.ts';
import type { TLocale } from '../../../../../shared/contracts/common.ts';
import { formatLongDate, formatNumber } from '../../../../../shared/format.ts';
import { labelsOf, type TLabels } from '../../../../documents/labels.ts';
import type { TDocBlock, TDocument } from '../../../../documents/layout.ts';
import type { TReportFacts } from '../report-repo.ts';

/*
 * An audit report as a document in one language (ISO/IEC 17021-1 9.4.8): who audited whom, when,
 * against what; the team's conclusions (stage 1: readiness for stage 2; stage 2, surveillance and
 * recertification: the closing meeting and the recommendation to the certification decision); and
 * the checklist as it was worked, item by item. Labels from the auditWork i18n files; dates in the
 * reader's style. The model carries its own date so rendering it twice gives the same text.
 */

export type TReportDocSource = {
  report: TReport;
  checklist: TChecklist;
  facts: TReportFacts;
  clientName: string;
  issuedAt: Date;
  issuedBy: string;
  timeZone: string;
};

const LABELS: Record<TLocale, TLabels> = { en, fr };

export function buildAuditReportModel(src: TReportDocSource, lang: TLocale): TDocument {
  const t = labelsOf(LABELS, lang);
  const r = src.report;
  const day = (d: string | null) => (d ? formatLongDate(lang, new Date(`${d}T12:00:00Z`), 'UTC') : t('document.none'));
  const span = (from: string | null, to: string | null) => (from && to && from !== to ? t('document.span', { from: day(from), to: day(to) }) : day(from ?? to));
  const text = (s: string) => (s.trim() ? s : t('document.none'));
  const type = t(`auditType.${r.auditType}`);
  const title = r.kind === 'stage1' ? t('document.titleStage1') : t('document.titleAudit', { type });

  const facts: [string, string][] = [
    [t('document.client'), `${src.clientName} — ${src.facts.client_address}`],
    [t('document.audit'), `${r.auditReference} (${type})`],
    [t('document.standard'), 'ISO/IEC 42001:2023'],
    [t('document.dates'), src.facts.actual_start ? span(src.facts.actual_start, src.facts.actual_end) : span(src.facts.planned_start, src.facts.planned_end)],
    [t('document.body'), [src.facts.body_name, src.facts.body_address].filter(Boolean).join(' — ')],
    [t('document.team'), src.facts.team.map((m) => `${m.name} (${t(`teamRole.${m.role}`)})`).join(', ') || t('document.none')],
    ...(src.checklist.soaVersion !== null ? [[t('document.soaVersion'), String(src.checklist.soaVersion)] as [string, string]] : []),
    [t('document.issuedOn'), formatLongDate(lang, src.issuedAt, src.timeZone)],
    [t('document.issuedBy'), src.issuedBy],
  ];

  const conclusions: TDocBlock[] =
    r.kind === 'stage1'
      ? [
          { kind: 'heading', text: t('report.conformities') },
          { kind: 'paragraph', text: text(r.conformities) },
          { kind: 'heading', text: t('report.observations') },
          { kind: 'paragraph', text: text(r.observations) },
          { kind: 'heading', text: t('report.areasToClarify') },
          { kind: 'paragraph', text: text(r.areasToClarify) },
          { kind: 'heading', text: t('report.readyForStage2') },
          { kind: 'paragraph', text: t(`readyForStage2.${r.readyForStage2 ?? 'not_yet'}`), style: 'notice' },
        ]
      : [
          { kind: 'heading', text: t('report.conclusions') },
          { kind: 'paragraph', text: text(r.conclusions) },
          { kind: 'heading', text: t('report.closingMeeting') },
          { kind: 'keyValue', rows: [[t('report.closingMeetingDate'), day(r.closingMeetingDate)]] },
          {
            kind: 'table',
            name: t('report.attendees'),
            columns: [
              { header: t('report.attendeeName'), width: 30 },
              { header: t('report.attendeeOrganization'), width: 35 },
              { header: t('report.attendeeRole'), width: 35 },
            ],
            rows: r.attendees.map((a) => [a.name, a.organization, a.role]),
            empty: t('document.none'),
          },
          { kind: 'heading', text: t('report.recommendation') },
          { kind: 'paragraph', text: r.recommendation ? t(`recommendation.${r.recommendation}`) : t('document.none'), style: 'notice' },
        ];

  const totals = src.checklist.totals;
  const count = (n: number) => formatNumber(lang, n);
  const checklist: TDocBlock[] = [
    { kind: 'heading', text: t('document.checklist') },
    {
      kind: 'paragraph',
      text: t('document.checklistTotals', {
        items: count(totals.items),
        conforming: count(totals.conforming),
        nonconforming: count(totals.nonconforming),
        observation: count(totals.observation),
        notAudited: count(totals.not_audited),
      }),
      style: 'muted',
    },
    {
      kind: 'table',
      name: t('document.checklist'),
      columns: [
        { header: t('document.columns.ref'), width: 9 },
        { header: t('document.columns.requirement'), width: 24 },
        { header: t('document.columns.verdict'), width: 13 },
        { header: t('document.columns.notes'), width: 36 },
        { header: t('document.columns.evidence'), width: 18 },
      ],
      rows: src.checklist.items.map((i) => [i.ref, i.title[lang], t(`verdict.${i.verdict ?? 'open'}`), i.notes, i.evidence.map((e) => e.title).join('; ')]),
      empty: t('document.none'),
    },
  ];

  return {
    lang,
    title,
    author: src.clientName,
    createdAt: src.issuedAt,
    orientation: 'portrait',
    pageHeader: `${src.clientName} — ${r.auditReference}`,
    pageFooter: `${src.facts.body_name} — ${t('document.confidential')}`,
    pageLabel: t('document.pageLabel'),
    coverSheetName: t('document.cover'),
    blocks: [
      { kind: 'title', text: title, subtitle: `${src.clientName} — ${r.auditReference}` },
      { kind: 'keyValue', rows: facts },
      { kind: 'heading', text: t('report.summary') },
      { kind: 'paragraph', text: text(r.summary) },
      ...conclusions,
      ...checklist,
    ],
  };
}
