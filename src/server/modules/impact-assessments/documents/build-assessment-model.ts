import en from '../../../../web/i18n/modules/impactAssessments.en.json' with { type: 'json' };
import fr from '../../../../web/i18n/modules/impactAssessments.fr.json' with { type: 'json' };
import type { TLocale } from '../../../../shared/contracts/common.ts';
import type { TAssessmentVersion, TVariant } from '../../../../shared/contracts/impact-assessments.ts';
import { formatLongDate } from '../../../../shared/format.ts';
import { labelsOf, type TLabels } from '../../../documents/labels.ts';

/*
 * An impact assessment version as a document, in one language: every label and every enum value
 * is already words, every date already formatted. The PDF and JSON renderers only lay it out.
 */

export type TAssessmentDocSource = {
  organizationName: string;
  aiSystem: { id: string; name: string; annexIIIPoint: string | null };
  assessment: { id: string; title: string; variant: TVariant };
  version: TAssessmentVersion;
  significantSeverity: number;
  generatedAt: Date;
};

export type TDocField = { key: string; label: string; value: string };
export type TDocImpact = {
  key: string;
  heading: string;
  significant: boolean;
  fields: TDocField[];
  codes: { category: string; severity: number; likelihood: number; reversibility: string; riskId: string | null };
};

export type TAssessmentDocModel = {
  lang: TLocale;
  title: string;
  legalBasis: string;
  reference: string;
  approved: boolean;
  /** Shown in place of an approval when the version is not approved. */
  draftNotice: string | null;
  facts: TDocField[];
  summary: TDocField;
  fria: { heading: string; sections: { key: string; heading: string; fields: TDocField[] }[] } | null;
  affected: { heading: string; items: { scope: string; scopeLabel: string; name: string; description: string }[]; none: string };
  impacts: { heading: string; items: TDocImpact[]; none: string; significantLabel: string };
  conclusion: TDocField;
  emptyValue: string;
  pageLabel: (page: number, pages: number) => string;
  footer: string;
  author: string;
  createdAt: Date;
};

const LABELS: Record<TLocale, TLabels> = { en, fr };
const date = (lang: TLocale, iso: string | null) => (iso ? formatLongDate(lang, new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso), 'Europe/Paris') : '');

/** The document's reference: stable for a version, short enough to quote in a letter. */
export const assessmentReference = (assessmentId: string, version: number) => `IA-${assessmentId.slice(0, 8).toUpperCase()}-v${version}`;

export function buildAssessmentModel(src: TAssessmentDocSource, lang: TLocale): TAssessmentDocModel {
  const t = labelsOf(LABELS, lang);
  const v = src.version;
  const c = v.content;
  const isFria = src.assessment.variant === 'fria';
  const approved = v.status === 'approved' || v.status === 'superseded';
  const reference = assessmentReference(src.assessment.id, v.version);
  const field = (key: string, label: string, value: string): TDocField => ({ key, label, value });
  const level = (n: number) => t(`level.${n}`);

  const facts: TDocField[] = [
    field('organization', t('document.organization'), src.organizationName),
    field('aiSystem', t('document.aiSystem'), src.aiSystem.name),
    ...(src.aiSystem.annexIIIPoint ? [field('annexIII', t('document.annexIII'), src.aiSystem.annexIIIPoint)] : []),
    field('assessment', t('document.assessment'), src.assessment.title),
    field('reference', t('document.reference'), reference),
    field('version', t('document.version'), String(v.version)),
    field('status', t('document.status'), t(`status.${v.status}`)),
    field('author', t('document.author'), v.createdBy.name),
    field('approvedBy', t('document.approvedBy'), v.approvedBy?.name ?? ''),
    field('approvedOn', t('document.approvedOn'), date(lang, v.approvedAt)),
    field('nextReview', t('document.nextReview'), date(lang, c.nextReviewOn)),
    field('generatedOn', t('document.generatedOn'), date(lang, src.generatedAt.toISOString())),
  ];

  const f = c.fria;
  const fria =
    isFria && f
      ? {
          heading: t('document.friaSection'),
          sections: [
            { key: 'a', heading: t('document.friaA'), fields: [field('processes', t('document.friaA'), f.processes)] },
            {
              key: 'b',
              heading: t('document.friaB'),
              fields: [
                field(
                  'period',
                  t('document.friaB'),
                  f.useFrom ? (f.useUntil ? t('document.period', { from: date(lang, f.useFrom), until: date(lang, f.useUntil) }) : t('document.periodOpen', { from: date(lang, f.useFrom) })) : '',
                ),
                field('useFrequency', t('document.frequency'), f.useFrequency),
              ],
            },
            { key: 'c', heading: t('document.friaC'), fields: [field('affectedCategories', t('document.friaC'), f.affectedCategories)] },
            { key: 'd', heading: t('document.friaD'), fields: [field('risksOfHarm', t('document.friaD'), f.risksOfHarm)] },
            { key: 'e', heading: t('document.friaE'), fields: [field('humanOversight', t('document.friaE'), f.humanOversight)] },
            {
              key: 'f',
              heading: t('document.friaF'),
              fields: [
                field('mitigationMeasures', t('document.mitigation'), f.mitigationMeasures),
                field('governanceArrangements', t('document.governance'), f.governanceArrangements),
                field('complaintMechanism', t('document.complaints'), f.complaintMechanism),
              ],
            },
          ],
        }
      : null;

  const impacts: TDocImpact[] = c.impacts.map((i) => ({
    key: i.key,
    heading: t('document.impactTitle', { category: t(`category.${i.category}`), severity: level(i.severity), likelihood: level(i.likelihood) }),
    significant: i.severity >= src.significantSeverity,
    fields: [
      field('description', t('editor.impactDescription'), i.description),
      field('affected', t('document.affectedBy'), i.affected),
      field('reversibility', t('document.reversibility'), t(`reversibility.${i.reversibility}`)),
      field('mitigations', t('document.mitigations'), i.mitigations),
    ],
    codes: { category: i.category, severity: i.severity, likelihood: i.likelihood, reversibility: i.reversibility, riskId: i.riskId },
  }));

  const title = t(isFria ? 'document.titleFria' : 'document.titleStandard');
  return {
    lang,
    title,
    legalBasis: t(isFria ? 'document.legalBasisFria' : 'document.legalBasisStandard'),
    reference,
    approved,
    draftNotice: approved ? null : t('document.notApproved'),
    facts,
    summary: field('summary', t('document.summary'), c.summary),
    fria,
    affected: {
      heading: t('document.affected'),
      items: c.affected.map((a) => ({ scope: a.scope, scopeLabel: t(`scope.${a.scope}`), name: a.name, description: a.description })),
      none: t('document.none'),
    },
    impacts: { heading: t('document.impacts'), items: impacts, none: t('document.none'), significantLabel: t('document.significant') },
    conclusion: field('conclusion', t('document.conclusion'), c.conclusion),
    emptyValue: t('document.empty'),
    pageLabel: (page, pages) => t('document.page', { page, pages }),
    footer: `${src.organizationName} · ${title} · ${reference}`,
    author: src.organizationName,
    createdAt: src.generatedAt,
  };
}
