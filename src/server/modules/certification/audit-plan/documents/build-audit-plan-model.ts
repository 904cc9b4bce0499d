import en from '../../../../../web/i18n/modules/auditPlan.en.json' with { type: 'json' };
import fr from '../../../../../web/i18n/modules/auditPlan.fr.json' with { type: 'json' };
import type { TAuditPlanContent } from '../../../../../shared/contracts/audit-plan.ts';
import type { TAuditType } from '../../../../../shared/contracts/certification.ts';
import type { TLocale } from '../../../../../shared/contracts/common.ts';
import { formatLongDate, formatNumber } from '../../../../../shared/format.ts';
import { labelsOf, type TLabels } from '../../../../documents/labels.ts';
import type { TDocument } from '../../../../documents/layout.ts';

/*
 * An audit plan as a document in one language (ISO/IEC 17021-1 9.2.3): who audits whom, when, where,
 * against what; the sessions day by day with the people interviewed and the clauses and Annex A
 * controls each covers; the AI systems sampled and why. Labels from the auditPlan i18n files; dates
 * in the reader's style. The model carries its own date so rendering it twice gives the same text.
 */

export type TPlanDocSource = {
  auditReference: string;
  auditType: TAuditType;
  version: number;
  content: TAuditPlanContent;
  clientName: string;
  clientAddress: string;
  bodyName: string;
  issuedAt: Date;
  issuedBy: string;
  timeZone: string;
};

const LABELS: Record<TLocale, TLabels> = { en, fr };

export function buildAuditPlanModel(src: TPlanDocSource, lang: TLocale): TDocument {
  const t = labelsOf(LABELS, lang);
  const c = src.content;
  const day = (d: string | null) => (d ? formatLongDate(lang, new Date(`${d}T12:00:00Z`), 'UTC') : t('document.none'));
  const span = (from: string | null, to: string | null) => (from && to && from !== to ? t('document.span', { from: day(from), to: day(to) }) : day(from ?? to));
  const text = (s: string) => (s.trim() ? s : t('document.none'));
  const type = t(`auditType.${src.auditType}`);
  const title = t('document.title', { type });
  const siteName = new Map(c.sites.map((s) => [s.id, s.name]));

  return {
    lang,
    title,
    author: src.clientName,
    createdAt: src.issuedAt,
    orientation: 'landscape',
    pageHeader: `${src.clientName} — ${src.auditReference} — ${t('document.version')} ${src.version}`,
    pageFooter: `${src.bodyName} — ${t('document.confidential')}`,
    pageLabel: t('document.pageLabel'),
    coverSheetName: t('document.cover'),
    blocks: [
      { kind: 'title', text: title, subtitle: `${src.clientName} — ${src.auditReference}` },
      {
        kind: 'keyValue',
        rows: [
          [t('document.client'), `${src.clientName} — ${src.clientAddress}`],
          [t('document.audit'), `${src.auditReference} (${type})`],
          [t('document.standard'), `ISO/IEC 42001:2023 (${c.frameworkVersion})`],
          [t('document.dates'), span(c.startDate, c.endDate)],
          [t('document.body'), src.bodyName],
          [t('document.version'), formatNumber(lang, src.version)],
          [t('document.issuedOn'), formatLongDate(lang, src.issuedAt, src.timeZone)],
          [t('document.issuedBy'), src.issuedBy || t('document.none')],
        ],
      },
      { kind: 'heading', text: t('document.objectives') },
      { kind: 'paragraph', text: text(c.objectives) },
      { kind: 'heading', text: t('document.scope') },
      { kind: 'paragraph', text: text(c.scope) },
      {
        kind: 'table',
        name: t('document.sites'),
        columns: [
          { header: t('document.columns.site'), width: 40 },
          { header: t('document.columns.address'), width: 60 },
        ],
        rows: c.sites.map((s) => [s.isCentral ? `${s.name} (${t('document.central')})` : s.name, s.address]),
        empty: t('document.none'),
      },
      { kind: 'heading', text: t('document.team') },
      {
        kind: 'table',
        name: t('document.team'),
        columns: [
          { header: t('document.columns.name'), width: 45 },
          { header: t('document.columns.role'), width: 35 },
          { header: t('document.columns.days'), width: 20 },
        ],
        rows: c.team.map((m) => [m.name, t(`teamRole.${m.role}`), formatNumber(lang, m.plannedDays)]),
        empty: t('document.none'),
      },
      { kind: 'heading', text: t('document.schedule') },
      {
        kind: 'table',
        name: t('document.schedule'),
        columns: [
          { header: t('document.columns.day'), width: 14 },
          { header: t('document.columns.time'), width: 10 },
          { header: t('document.columns.site'), width: 14 },
          { header: t('document.columns.topic'), width: 22 },
          { header: t('document.columns.interviewees'), width: 20 },
          { header: t('document.columns.requirements'), width: 20 },
        ],
        rows: c.sessions.map((s) => [
          day(s.day),
          t('document.hours', { start: s.start, end: s.end }),
          s.siteId ? (siteName.get(s.siteId) ?? t('document.none')) : t('document.remote'),
          s.topic,
          s.interviewees.join(', ') || t('document.none'),
          s.requirements.join(', ') || t('document.none'),
        ]),
        empty: t('document.none'),
      },
      { kind: 'heading', text: t('document.sampled') },
      {
        kind: 'table',
        name: t('document.sampled'),
        columns: [
          { header: t('document.columns.system'), width: 25 },
          { header: t('document.columns.tier'), width: 15 },
          { header: t('document.columns.aiRole'), width: 15 },
          { header: t('document.columns.reason'), width: 45 },
        ],
        rows: c.sampledAiSystems.map((s) => [s.name, t(`tier.${s.tier}`), t(`aiRole.${s.role}`), s.reason]),
        empty: t('document.none'),
      },
      { kind: 'paragraph', text: t('document.notice'), style: 'notice' },
    ],
  };
}
