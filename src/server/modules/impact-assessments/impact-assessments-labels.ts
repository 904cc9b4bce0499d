import type { TLocale } from '../../../shared/contracts/common.ts';

/*
 * What the server writes about impact assessments for a person (the review reminder), in both
 * languages. The web and the exports have their own labels in the i18n files: these are mails.
 */
export const IMPACT_ASSESSMENT_LABELS = {
  en: {
    reviewSubject: 'Impact assessment due for review: {title}',
    reviewBody:
      'Hello {name},\n\nThe impact assessment “{title}” (version {version}, AI system “{system}”) in {tenant} was due for review on {due}. You wrote or approved it: review it, then start a new version with its next review date and have it approved.\n\n{link}\n\n— Attest',
    reviewHtml:
      '<p>Hello {name},</p><p>The impact assessment “{title}” (version {version}, AI system “{system}”) in {tenant} was due for review on {due}. You wrote or approved it: review it, then start a new version with its next review date and have it approved.</p><p><a href="{link}">Open the impact assessment</a></p><p>— Attest</p>',
  },
  fr: {
    reviewSubject: 'Revue d’analyse d’impact à faire\u00a0: {title}',
    reviewBody:
      'Bonjour {name},\n\nL’analyse d’impact «\u00a0{title}\u00a0» (version {version}, système d’IA «\u00a0{system}\u00a0») de {tenant} devait être revue le {due}. Vous l’avez rédigée ou approuvée\u00a0: revoyez-la, puis commencez une nouvelle version avec sa prochaine date de revue et faites-la approuver.\n\n{link}\n\n— Attest',
    reviewHtml:
      '<p>Bonjour {name},</p><p>L’analyse d’impact «\u00a0{title}\u00a0» (version {version}, système d’IA «\u00a0{system}\u00a0») de {tenant} devait être revue le {due}. Vous l’avez rédigée ou approuvée\u00a0: revoyez-la, puis commencez une nouvelle version avec sa prochaine date de revue et faites-la approuver.</p><p><a href="{link}">Ouvrir l’analyse d’impact</a></p><p>— Attest</p>',
  },
} as const satisfies Record<TLocale, unknown>;
