import en from '../../../../../web/i18n/modules/certificates.en.json' with { type: 'json' };
import fr from '../../../../../web/i18n/modules/certificates.fr.json' with { type: 'json' };
import type { TLocale } from '../../../../../shared/contracts/common.ts';
import { formatLongDate } from '../../../../../shared/format.ts';
import { labelsOf, type TLabels } from '../../../../documents/labels.ts';
import type { TCertificateFacts } from '../certificate-credential.ts';

/*
 * A certificate as a document in one language: every word from the certificates i18n files, every
 * date already written out (« 23 novembre 2026 »), the QR code's picture already drawn. Plain data:
 * the renderer decides the layout only, and rendering the same model twice gives the same text.
 */

export type TCertificateDocModel = {
  lang: TLocale;
  meta: { title: string; author: string; createdAt: Date; pageHeader: string; pageFooter: string; pageLabel: string };
  title: string;
  subtitle: string;
  certifies: string;
  holderName: string;
  holderAddress: string;
  conforms: string;
  standard: string;
  forScope: string;
  scope: string;
  facts: [string, string][];
  sitesHeading: string;
  siteColumns: { header: string; width: number }[];
  siteRows: string[][];
  aiSystemsHeading: string;
  aiSystems: string[];
  aiSystemsNone: string;
  revisionNotice: string | null;
  registerTitle: string;
  registerNotice: string;
  credentialNotice: string;
  /** PNG of the QR code to the register page. */
  qrPng: Uint8Array;
};

const LABELS: Record<TLocale, TLabels> = { en, fr };

export const longDay = (lang: TLocale, iso: string) => formatLongDate(lang, new Date(`${iso}T12:00:00Z`), 'UTC');

export function buildCertificateModel(facts: TCertificateFacts, src: { lang: TLocale; registerUrl: string; keysUrl: string; issuedAt: Date; qrPng: Uint8Array }): TCertificateDocModel {
  const { lang } = src;
  const t = labelsOf(LABELS, lang);
  const day = (iso: string) => longDay(lang, iso);
  const vars = { body: facts.body.name, number: facts.number, revision: String(facts.revision), standard: facts.standard };
  return {
    lang,
    meta: {
      title: `${t('document.title')} ${facts.number}`,
      author: facts.body.name,
      createdAt: src.issuedAt,
      pageHeader: t('document.pageHeader', vars),
      pageFooter: t('document.pageFooter', vars),
      pageLabel: t('document.page'),
    },
    title: t('document.title'),
    subtitle: t('document.subtitle'),
    certifies: t('document.certifies', vars),
    holderName: facts.holder.name,
    holderAddress: facts.holder.address,
    conforms: t('document.conforms'),
    standard: facts.standard,
    forScope: t('document.forScope'),
    scope: facts.scope[lang],
    facts: [
      [t('document.number'), facts.number],
      [t('document.revision'), String(facts.revision)],
      [t('document.originalDate'), day(facts.originalIssueDate)],
      [t('document.effectiveDate'), day(facts.effectiveDate)],
      [t('document.expiryDate'), day(facts.expiryDate)],
      [t('document.decisionDate'), day(facts.decisionDate)],
      [t('document.standard'), facts.standard],
      [t('document.soaVersion'), facts.soaVersion ? t('document.soaVersionValue', { version: facts.soaVersion }) : t('document.soaNone')],
      [t('document.holder'), [facts.holder.name, facts.holder.address].filter(Boolean).join(' — ')],
      [t('document.body'), [facts.body.name, facts.body.address].filter(Boolean).join(' — ')],
      [
        t('document.accreditation'),
        facts.body.accredited ? t('document.accreditationValue', { body: facts.body.accreditationBody, number: facts.body.accreditationNumber }) : t('document.notAccredited'),
      ],
    ],
    sitesHeading: t('document.sites'),
    siteColumns: [
      { header: t('document.site'), width: 3 },
      { header: t('document.address'), width: 4 },
      { header: t('document.siteScope'), width: 5 },
    ],
    siteRows: facts.sites.map((s) => [s.central ? t('document.central', { name: s.name }) : s.name, s.address, s.scope[lang]]),
    aiSystemsHeading: t('document.aiSystems'),
    aiSystems: facts.aiSystems.map((a) => a.name),
    aiSystemsNone: t('document.aiSystemsNone'),
    revisionNotice: facts.revision > 0 ? t('document.revisionNotice', { ...vars, previous: String(facts.revision - 1) }) : null,
    registerTitle: t('document.registerTitle'),
    registerNotice: t('document.registerNotice', { url: src.registerUrl }),
    credentialNotice: t('document.credentialNotice', { keysUrl: src.keysUrl }),
    qrPng: src.qrPng,
  };
}
