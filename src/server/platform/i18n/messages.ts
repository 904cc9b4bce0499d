import type { TLocale } from '../../../shared/contracts/common.ts';
import { formatLongDate, formatLongDateTime } from '../../../shared/format.ts';

/** Every string the server puts in front of a person (e-mails, documents), in both languages. */
const messages = {
  en: {
    'role.owner': 'Owner',
    'role.admin': 'Administrator',
    'role.contributor': 'Contributor',
    'role.viewer': 'Viewer',
    'role.scheme_manager': 'Scheme manager',
    'role.auditor': 'Auditor',
    'role.technical_reviewer': 'Technical reviewer',
    'role.decision_maker': 'Certification decision maker',
    'reset.subject': 'Reset your Attest password',
    'reset.body':
      'Hello {name},\n\nSomeone (probably you) asked to reset the password of your Attest account {email}.\n\nChoose a new password: {link}\n\nThis link works once, until {expires} (Paris time). Resetting signs you out everywhere. If you did not ask for it, ignore this message: your password stays the same.\n\n— Attest',
    'reset.html':
      '<p>Hello {name},</p><p>Someone (probably you) asked to reset the password of your Attest account {email}.</p><p><a href="{link}">Choose a new password</a></p><p>This link works once, until {expires} (Paris time). Resetting signs you out everywhere. If you did not ask for it, ignore this message: your password stays the same.</p><p>— Attest</p>',
    'invite.subject': 'You are invited to join {tenant} on Attest',
    'invite.body':
      'Hello,\n\n{inviter} invites you to join “{tenant}” on Attest as {role}.\n\nAccept the invitation: {link}\n\nThis link expires on {expires}. If you did not expect this message, ignore it.\n\n— Attest',
    'invite.html':
      '<p>Hello,</p><p>{inviter} invites you to join “{tenant}” on Attest as <strong>{role}</strong>.</p><p><a href="{link}">Accept the invitation</a></p><p>This link expires on {expires}. If you did not expect this message, ignore it.</p><p>— Attest</p>',
  },
  fr: {
    'role.owner': 'Propriétaire',
    'role.admin': 'Administrateur',
    'role.contributor': 'Contributeur',
    'role.viewer': 'Lecteur',
    'role.scheme_manager': 'Responsable de programme',
    'role.auditor': 'Auditeur',
    'role.technical_reviewer': 'Examinateur technique',
    'role.decision_maker': 'Décisionnaire de la certification',
    'reset.subject': 'Réinitialiser votre mot de passe Attest',
    'reset.body':
      'Bonjour {name},\n\nQuelqu’un (probablement vous) a demandé à réinitialiser le mot de passe de votre compte Attest {email}.\n\nChoisir un nouveau mot de passe : {link}\n\nCe lien ne sert qu’une fois, jusqu’au {expires} (heure de Paris). La réinitialisation vous déconnecte partout. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.\n\n— Attest',
    'reset.html':
      '<p>Bonjour {name},</p><p>Quelqu’un (probablement vous) a demandé à réinitialiser le mot de passe de votre compte Attest {email}.</p><p><a href="{link}">Choisir un nouveau mot de passe</a></p><p>Ce lien ne sert qu’une fois, jusqu’au {expires} (heure de Paris). La réinitialisation vous déconnecte partout. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.</p><p>— Attest</p>',
    'invite.subject': 'Invitation à rejoindre {tenant} sur Attest',
    'invite.body':
      'Bonjour,\n\n{inviter} vous invite à rejoindre « {tenant} » sur Attest en tant que {role}.\n\nAccepter l’invitation : {link}\n\nCe lien expire le {expires}. Si vous n’attendiez pas ce message, ignorez-le.\n\n— Attest',
    'invite.html':
      '<p>Bonjour,</p><p>{inviter} vous invite à rejoindre « {tenant} » sur Attest en tant que <strong>{role}</strong>.</p><p><a href="{link}">Accepter l’invitation</a></p><p>Ce lien expire le {expires}. Si vous n’attendiez pas ce message, ignorez-le.</p><p>— Attest</p>',
  },
} as const satisfies Record<TLocale, Record<string, string>>;

export type TMessageKey = keyof (typeof messages)['en'];

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function t(locale: TLocale, key: TMessageKey, vars: Record<string, string> = {}, html = false): string {
  return messages[locale][key].replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = vars[k] ?? '';
    return html ? escapeHtml(v) : v;
  });
}

/** 23 November 2026 / 23 novembre 2026, in Europe/Paris unless told otherwise. */
export const formatDate = (locale: TLocale, d: Date, timeZone = 'Europe/Paris') => formatLongDate(locale, d, timeZone);

/** 27 November 2026, 14:05 / 27 novembre 2026 à 14:05 */
export const formatDateTime = (locale: TLocale, d: Date, timeZone = 'Europe/Paris') => formatLongDateTime(locale, d, timeZone);

export const messageKeys = (locale: TLocale) => Object.keys(messages[locale]);
