import en from '../../../../web/i18n/modules/soa.en.json' with { type: 'json' };
import fr from '../../../../web/i18n/modules/soa.fr.json' with { type: 'json' };
import type { TLocale } from '../../../../shared/contracts/common.ts';
import type { TSoaVersion } from '../../../../shared/contracts/soa.ts';
import { formatLongDate } from '../../../../shared/format.ts';
import { labelsOf, type TLabels } from '../../../documents/labels.ts';
import type { TDocBlock, TDocument } from '../../../documents/layout.ts';

/*
 * A numbered SoA version as a document in one language: the shared layout vocabulary filled with
 * words from the soa i18n files and dates in the reader's style. One table per framework, one row
 * per Annex A control, in catalog order.
 */

export type TSoaDocSource = {
  organizationName: string;
  version: TSoaVersion & { number: number; approvedAt: string; approvedBy: { id: string; name: string } };
  /** How each framework is named on paper, e.g. "ISO/IEC 42001:2023". */
  editions: Record<string, { en: string; fr: string }>;
  generatedAt: Date;
  timeZone: string;
};

const LABELS: Record<TLocale, TLabels> = { en, fr };

export function buildSoaModel(src: TSoaDocSource, lang: TLocale): TDocument {
  const t = labelsOf(LABELS, lang);
  const v = src.version;
  const date = (iso: string | Date) => formatLongDate(lang, new Date(iso), src.timeZone);
  const edition = (id: string) => src.editions[id]?.[lang] ?? id;
  const frameworks = v.frameworks.map((f) => edition(f.id)).join(', ');
  const approvedOn = date(v.approvedAt);
  const applicable = v.entries.filter((e) => e.applicable === true).length;
  const notApplicable = v.entries.filter((e) => e.applicable === false).length;

  const facts: [string, string][] = [
    [t('document.organization'), src.organizationName],
    [t('document.version'), String(v.number)],
    [t('document.status'), t(`status.${v.status}`)],
    [t('document.approvedOn'), approvedOn],
    [t('document.approvedBy'), v.approvedBy.name],
    [t('document.draftedBy'), `${v.createdBy.name} (${date(v.createdAt)})`],
    ...(v.submittedBy && v.submittedAt ? [[t('document.submittedBy'), `${v.submittedBy.name} (${date(v.submittedAt)})`] as [string, string]] : []),
    ...(v.approvalComment ? [[t('document.approvalComment'), v.approvalComment] as [string, string]] : []),
    [t('document.frameworks'), frameworks],
    [t('document.generatedOn'), date(src.generatedAt)],
  ];

  const columns = [
    { header: t('document.columns.ref'), width: 8 },
    { header: t('document.columns.control'), width: 20 },
    { header: t('document.columns.applicable'), width: 9 },
    { header: t('document.columns.justification'), width: 35 },
    { header: t('document.columns.implementation'), width: 12 },
    { header: t('document.columns.controls'), width: 16 },
  ];
  const tables: TDocBlock[] = v.frameworks.flatMap((f) => {
    const rows = v.entries
      .filter((e) => e.frameworkId === f.id)
      .map((e) => [
        e.ref,
        e.title[lang],
        e.applicable === null ? t('document.none') : e.applicable ? t('document.yes') : t('document.no'),
        e.justification,
        e.implementationStatus ? t(`implementation.${e.implementationStatus}`) : t('document.none'),
        e.controls.map((c) => `${c.reference} ${c.title}`).join('\n') || t('document.none'),
      ]);
    return [
      { kind: 'heading', text: t('document.tableName', { framework: edition(f.id) }) },
      { kind: 'table', name: t('document.tableName', { framework: edition(f.id) }), columns, rows },
    ];
  });

  return {
    lang,
    title: `${t('document.title')} — ${src.organizationName} — v${v.number}`,
    author: src.organizationName,
    createdAt: src.generatedAt,
    orientation: 'landscape',
    pageHeader: t('document.pageHeader', { organization: src.organizationName, number: v.number, date: approvedOn, approver: v.approvedBy.name }),
    pageFooter: t('document.pageFooter', { number: v.number, date: date(src.generatedAt) }),
    pageLabel: t('document.pageLabel'),
    coverSheetName: t('document.cover'),
    blocks: [
      { kind: 'title', text: t('document.title'), subtitle: t('document.subtitle', { frameworks }) },
      { kind: 'keyValue', rows: facts },
      ...(v.status === 'superseded' ? [{ kind: 'paragraph', text: t('document.supersededNotice'), style: 'notice' } as const] : []),
      { kind: 'paragraph', text: t('document.summary', { total: v.entries.length, applicable, notApplicable }) },
      ...tables,
    ],
  };
}
