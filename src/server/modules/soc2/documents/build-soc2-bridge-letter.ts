import type { TLocale } from '../../../../shared/contracts/common.ts';
import type { TSoc2ReportType } from '../../../../shared/contracts/soc2.ts';
import type { TDocBlock, TDocument } from '../../../documents/layout.ts';
import { longDay, soc2Labels, type TSoc2Party, type TSoc2Signatory } from './soc2-document-common.ts';

/*
 * A bridge letter: management's representation for the gap between the end of the period (or
 * the as-of date) of its last SOC 2 report and a later date, until the next report. It is the
 * organization's letter, not the firm's: it says so and gives no assurance.
 */

export type TSoc2BridgeLetterModel = {
  organization: TSoc2Party;
  systemName: string;
  report: { reference: string; type: TSoc2ReportType; firmName: string; /** The period's end (Type II) or the as-of date (Type I). */ coveredUntil: string };
  /** The last day the letter speaks for. */
  bridgeEnd: string;
  letterDate: string;
  /** Significant changes to the system or its controls during the gap; empty: none. */
  changes: readonly string[];
  /** Incidents that affected the commitments during the gap; empty: none known. */
  incidents: readonly string[];
  /** When the next report's period ends, if planned. */
  nextReportPeriodEnd: string | null;
  signatory: TSoc2Signatory;
  generatedAt: Date;
};

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

export function buildSoc2BridgeLetter(m: TSoc2BridgeLetterModel, lang: TLocale): TDocument {
  const t = soc2Labels(lang);
  const gapStart = dayAfter(m.report.coveredUntil);
  if (m.bridgeEnd < gapStart) throw new Error('A bridge letter covers days after the report');
  const vars = {
    organization: m.organization.name,
    system: m.systemName,
    firm: m.report.firmName,
    type: t(`common.reportType.${m.report.type}`),
    reference: m.report.reference,
    periodEnd: longDay(lang, m.report.coveredUntil),
    start: longDay(lang, gapStart),
    end: longDay(lang, m.bridgeEnd),
    date: longDay(lang, m.letterDate),
    days: daysBetween(gapStart, m.bridgeEnd),
  };
  const p = (text: string): TDocBlock => ({ kind: 'paragraph', text });
  const bullets = (intro: string, items: readonly string[]) => `${intro}\n${items.map((i) => `–  ${i}`).join('\n')}`;
  return {
    lang,
    title: `${t('bridge.title')} — ${m.organization.name}`,
    author: m.organization.name,
    createdAt: m.generatedAt,
    orientation: 'portrait',
    pageHeader: t('bridge.pageHeader', vars),
    pageFooter: t('bridge.pageFooter', vars),
    pageLabel: t('common.pageLabel', { page: '{page}', pages: '{pages}' }),
    coverSheetName: t('bridge.title').slice(0, 31),
    blocks: [
      { kind: 'title', text: t('bridge.title'), subtitle: t('bridge.subtitle', vars) },
      {
        kind: 'keyValue',
        rows: [
          [t('bridge.facts.organization'), [m.organization.name, m.organization.address].filter(Boolean).join(' — ')],
          [t('bridge.facts.report'), t('bridge.facts.reportValue', vars)],
          [t('bridge.facts.covered'), vars.periodEnd],
          [t('bridge.facts.gap'), t('bridge.facts.gapValue', { ...vars, days: String(vars.days) })],
          [t('bridge.facts.date'), vars.date],
        ],
      },
      p(t('bridge.addressee', vars)),
      p(t('bridge.purpose', vars)),
      ...(m.nextReportPeriodEnd ? [p(t('bridge.nextReport', { date: longDay(lang, m.nextReportPeriodEnd) }))] : []),
      { kind: 'heading', text: t('bridge.representationHeading') },
      p(t('bridge.representation', vars)),
      p(m.changes.length ? bullets(t('bridge.changesIntro'), m.changes) : `–  ${t('bridge.noChanges')}`),
      p(m.incidents.length ? bullets(t('bridge.incidentsIntro'), m.incidents) : `–  ${t('bridge.noIncidents')}`),
      p(`–  ${t('bridge.controlsOperated')}`),
      { kind: 'paragraph', text: t('bridge.disclaimer', vars), style: 'notice' },
      p(t('bridge.signature', { organization: m.organization.name, ...m.signatory, date: vars.date })),
    ],
  };
}
