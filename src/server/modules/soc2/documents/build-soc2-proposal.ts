import type { TLocale } from '../../../../shared/contracts/common.ts';
import type { TSoc2FeeEstimate, TSoc2OptionalCategory } from '../../../../shared/contracts/soc2-fees.ts';
import type { TSoc2ReportType, TSoc2SubserviceTreatment } from '../../../../shared/contracts/soc2.ts';
import { formatLongDate, formatNumber } from '../../../../shared/format.ts';
import { formatMoney } from '../../../../shared/proposal-pricing.ts';
import type { TDocBlock, TDocument } from '../../../documents/layout.ts';
import { soc2FeeTraceLines } from '../fees/fee-trace-lines.ts';
import { categoryNames, listOf, longDay, soc2Labels, type TSoc2Firm, type TSoc2Party } from './soc2-document-common.ts';

/*
 * A SOC 2 engagement proposal in the organization's language: the scope (type, period or date,
 * categories, services, systems, locations, subservice organizations), the fee estimate with
 * every factor's contribution, and the engagement terms. It calls the report an attestation
 * report: SOC 2 is not a certification.
 */

export type TSoc2ProposalSource = {
  reference: string;
  firm: TSoc2Firm;
  organization: TSoc2Party;
  recipientName: string;
  reportType: TSoc2ReportType;
  /** Type II: the planned observation period; Type I: null. */
  period: { start: string; end: string; months: number } | null;
  /** Type I: the planned as-of date; Type II: null. */
  asOfDate: string | null;
  categories: readonly TSoc2OptionalCategory[];
  scope: { services: readonly string[]; systems: readonly string[]; locations: readonly string[] };
  subserviceOrganizations: readonly { name: string; service: string; treatment: TSoc2SubserviceTreatment }[];
  estimate: TSoc2FeeEstimate;
  validUntil: string;
  /** Null renders a draft preview with a notice. */
  issuedAt: Date | null;
  generatedAt: Date;
  notes: string;
  timeZone: string;
};

export function buildSoc2ProposalDocument(src: TSoc2ProposalSource, lang: TLocale): TDocument {
  const t = soc2Labels(lang);
  const type2 = src.reportType === 'type2';
  const money = (c: number) => formatMoney(lang, c, src.estimate.currency);
  const days = (d: number) => formatNumber(lang, d, { maximumFractionDigits: 1 });
  const vars = { firm: src.firm.name, organization: src.organization.name, reference: src.reference, validUntil: longDay(lang, src.validUntil) };
  const list = (items: readonly string[]) => (items.length ? items.join('\n') : t('proposal.none'));

  const facts: [string, string][] = [
    [t('proposal.reference'), src.reference],
    [t('proposal.firm'), [src.firm.name, src.firm.address, t('common.licence', { ...src.firm.licence })].filter(Boolean).join(' — ')],
    [t('proposal.organization'), [src.organization.name, src.organization.address].filter(Boolean).join(' — ')],
    ...(src.recipientName ? [[t('proposal.recipient'), src.recipientName] as [string, string]] : []),
    ...(src.issuedAt ? [[t('proposal.issuedOn'), formatLongDate(lang, src.issuedAt, src.timeZone)] as [string, string]] : []),
    [t('proposal.validUntil'), vars.validUntil],
    [t('proposal.reportType'), `SOC 2 ${t(`common.reportType.${src.reportType}`)}`],
    type2 && src.period
      ? [t('proposal.period'), t('proposal.periodValue', { start: longDay(lang, src.period.start), end: longDay(lang, src.period.end), months: src.period.months })]
      : [t('proposal.asOf'), src.asOfDate ? longDay(lang, src.asOfDate) : '—'],
    [t('proposal.categories'), listOf(t, categoryNames(t, src.categories))],
    [t('proposal.services'), list(src.scope.services)],
    [t('proposal.systems'), list(src.scope.systems)],
    [t('proposal.locations'), list(src.scope.locations)],
    [t('proposal.subservice'), list(src.subserviceOrganizations.map((s) => t('proposal.subserviceItem', { name: s.name, service: s.service, treatment: t(`common.treatment.${s.treatment}`) })))],
  ];

  const e = src.estimate;
  const lines = soc2FeeTraceLines(e, lang);
  const steps = e.trace.map((s, i) => ({ s, line: lines[i]! })).filter(({ s }) => s.code !== 'fee');
  const signed = (d: number) => (d === 0 ? '0' : `${d < 0 ? '−' : '+'}${days(Math.abs(d))}`);
  const feeBlocks: TDocBlock[] = [
    { kind: 'heading', text: t('proposal.feeHeading') },
    { kind: 'paragraph', text: t('proposal.feeIntro', { version: e.parametersVersion }) },
    {
      kind: 'table',
      name: t('proposal.feeTable'),
      columns: [
        { header: t('proposal.feeColumns.step'), width: 70 },
        { header: t('proposal.feeColumns.added'), width: 15 },
        { header: t('proposal.feeColumns.total'), width: 15 },
      ],
      rows: steps.map(({ s, line }, i) => [line, i === 0 ? days(s.days) : signed(s.days), days(s.totalDays)]),
    },
    { kind: 'paragraph', text: t('proposal.feeTotal', { total: money(e.totalCents), days: days(e.days), rate: money(e.dayRateCents) }) },
  ];

  return {
    lang,
    title: `${t('proposal.title')} ${src.reference} — ${src.organization.name}`,
    author: src.firm.name,
    createdAt: src.generatedAt,
    orientation: 'portrait',
    pageHeader: t('proposal.pageHeader', vars),
    pageFooter: t('proposal.pageFooter', vars),
    pageLabel: t('common.pageLabel', { page: '{page}', pages: '{pages}' }),
    coverSheetName: src.reference.slice(0, 31),
    blocks: [
      { kind: 'title', text: t('proposal.title'), subtitle: t('proposal.subtitle') },
      ...(src.issuedAt ? [] : [{ kind: 'paragraph' as const, text: t('proposal.draftNotice'), style: 'notice' as const }]),
      { kind: 'keyValue', rows: facts },
      ...feeBlocks,
      { kind: 'heading', text: t('proposal.termsHeading') },
      ...(['termNature', type2 ? 'termType2' : 'termType1', 'termManagement', 'termIndependence', 'termDistribution', 'termFees'] as const).map(
        (k): TDocBlock => ({ kind: 'paragraph', text: t(`proposal.${k}`, vars) }),
      ),
      ...(src.notes ? [{ kind: 'heading' as const, text: t('proposal.notesHeading') }, { kind: 'paragraph' as const, text: src.notes }] : []),
      { kind: 'heading', text: t('proposal.acceptHeading') },
      { kind: 'paragraph', text: t('proposal.acceptText', vars) },
    ],
  };
}
