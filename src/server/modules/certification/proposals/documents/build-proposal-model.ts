import en from '../../../../../web/i18n/modules/proposals.en.json' with { type: 'json' };
import fr from '../../../../../web/i18n/modules/proposals.fr.json' with { type: 'json' };
import type { TLocale } from '../../../../../shared/contracts/common.ts';
import type { TAuditTimeSnapshot, TProposalLine, TProposalTotals } from '../../../../../shared/contracts/proposals.ts';
import { formatLongDate, formatNumber } from '../../../../../shared/format.ts';
import { labelsOf, type TLabels } from '../../../../documents/labels.ts';
import type { TDocBlock, TDocument } from '../../../../documents/layout.ts';

/*
 * A proposal as a document in one language (the client's): the cycle's audits with days, rate,
 * travel and expenses, totals per year and for the cycle, the fixed-fee rule, and the audit-time
 * justification the client is entitled to (IAF MD5). Every word from the proposals i18n files.
 */

export type TProposalDocSource = {
  reference: string;
  body: { name: string; address: string };
  client: { name: string; address: string };
  recipientName: string;
  currency: string;
  validUntil: string;
  /** The issue date; null renders a draft preview with a notice. */
  issuedAt: Date | null;
  generatedAt: Date;
  lines: readonly TProposalLine[];
  totals: TProposalTotals;
  notes: string;
  auditTime: TAuditTimeSnapshot | null;
  /** The audit-time trace already rendered in the document's language, one step a line. */
  auditTimeLines: readonly string[];
  timeZone: string;
};

const LABELS: Record<TLocale, TLabels> = { en, fr };

export const formatMoney = (lang: TLocale, cents: number, currency: string) => formatNumber(lang, cents / 100, { style: 'currency', currency });
export const formatDays = (lang: TLocale, days: number) => formatNumber(lang, days, { minimumFractionDigits: 0, maximumFractionDigits: 1 });

export function buildProposalModel(src: TProposalDocSource, lang: TLocale): TDocument {
  const t = labelsOf(LABELS, lang);
  const money = (c: number) => formatMoney(lang, c, src.currency);
  const days = (d: number) => formatDays(lang, d);
  const day = (iso: string) => formatLongDate(lang, new Date(`${iso}T12:00:00Z`));
  const validUntil = day(src.validUntil);
  const vars = { body: src.body.name, client: src.client.name, reference: src.reference, validUntil };

  const facts: [string, string][] = [
    [t('document.reference'), src.reference],
    [t('document.body'), [src.body.name, src.body.address].filter(Boolean).join(' — ')],
    [t('document.client'), [src.client.name, src.client.address].filter(Boolean).join(' — ')],
    ...(src.recipientName ? [[t('document.recipient'), src.recipientName] as [string, string]] : []),
    ...(src.issuedAt ? [[t('document.issuedOn'), formatLongDate(lang, src.issuedAt, src.timeZone)] as [string, string]] : []),
    [t('document.validUntil'), validUntil],
    [t('document.currency'), src.currency],
  ];

  const c = (k: string) => t(`document.columns.${k}`);
  const lineRows = src.lines.map((l) => [
    t(`document.slot.${l.slot}`),
    String(l.cycleYear),
    days(l.days),
    money(l.dayRateCents),
    money(l.amountCents - l.travelCents - l.expensesCents),
    money(l.travelCents),
    money(l.expensesCents),
    money(l.amountCents),
    l.feeFixed ? t('document.yes') : t('document.no'),
  ]);
  const totalRows = [
    ...src.totals.years.map((y) => [t(`document.year${y.year}`), days(y.days), money(y.amountCents)]),
    [t('document.cycleTotal'), days(src.totals.cycleDays), money(src.totals.cycleCents)],
  ];

  const a = src.auditTime;
  const auditTime: TDocBlock[] = [
    { kind: 'heading', text: t('document.auditTimeHeading') },
    ...(a
      ? [
          {
            kind: 'paragraph' as const,
            text: t('document.auditTimeSummary', {
              initial: days(a.stage1Days + a.stage2Days),
              stage1: days(a.stage1Days),
              stage2: days(a.stage2Days),
              surveillance: days(a.surveillanceDays),
              recertification: days(a.recertificationDays),
            }),
          },
          ...(a.tableVersion !== null ? [{ kind: 'paragraph' as const, text: t('document.auditTimeTable', { version: String(a.tableVersion) }), style: 'muted' as const }] : []),
          ...(src.auditTimeLines.length
            ? [{ kind: 'paragraph' as const, text: t('document.auditTimeIntro') }, { kind: 'paragraph' as const, text: src.auditTimeLines.map((s, i) => `${i + 1}. ${s}`).join('\n') }]
            : []),
        ]
      : [{ kind: 'paragraph' as const, text: t('document.auditTimeNone'), style: 'muted' as const }]),
  ];

  return {
    lang,
    title: `${t('document.title')} ${src.reference} — ${src.client.name}`,
    author: src.body.name,
    createdAt: src.generatedAt,
    orientation: 'landscape',
    pageHeader: t('document.pageHeader', vars),
    pageFooter: t('document.pageFooter', vars),
    pageLabel: t('document.pageLabel'),
    coverSheetName: t('document.cover'),
    blocks: [
      { kind: 'title', text: t('document.title'), subtitle: t('document.subtitle') },
      ...(src.issuedAt ? [] : [{ kind: 'paragraph' as const, text: t('document.draftNotice'), style: 'notice' as const }]),
      { kind: 'keyValue', rows: facts },
      { kind: 'heading', text: t('document.cycleHeading') },
      {
        kind: 'table',
        name: t('document.cycleTable'),
        columns: [
          { header: c('audit'), width: 22 },
          { header: c('year'), width: 6 },
          { header: c('days'), width: 6 },
          { header: c('dayRate'), width: 11 },
          { header: c('fees'), width: 11 },
          { header: c('travel'), width: 10 },
          { header: c('expenses'), width: 10 },
          { header: c('total'), width: 12 },
          { header: c('fixed'), width: 8 },
        ],
        rows: lineRows,
      },
      { kind: 'heading', text: t('document.totalsHeading') },
      {
        kind: 'table',
        name: t('document.totalsTable'),
        columns: [
          { header: t('document.totalsColumns.period'), width: 50 },
          { header: t('document.totalsColumns.days'), width: 10 },
          { header: t('document.totalsColumns.amount'), width: 16 },
        ],
        rows: totalRows,
      },
      { kind: 'paragraph', text: t('document.fixedNotice', { fixed: money(src.totals.fixedCents) }) },
      { kind: 'paragraph', text: t('document.programmeNotice') },
      { kind: 'paragraph', text: t('document.onSiteNotice') },
      ...auditTime,
      ...(src.notes ? [{ kind: 'heading' as const, text: t('document.notesHeading') }, { kind: 'paragraph' as const, text: src.notes }] : []),
      { kind: 'heading', text: t('document.acceptHeading') },
      { kind: 'paragraph', text: t('document.acceptText', vars) },
    ],
  };
}
