/*
 * What the server writes about documents for a person (the review reminder), in both languages.
 * The web has its own labels in its i18n files: these are mails, not screens.
 */
export const DOCUMENT_LABELS = {
  en: {
    reviewSubject: 'Document review overdue: {document}',
    reviewBody:
      'Hello {name},\n\nThe document “{document}” (version {version}) in {tenant} was due for review on {due}. You are its owner: review it, then publish a new version or set the next review date.\n\n{link}\n\n— Attest',
    reviewHtml:
      '<p>Hello {name},</p><p>The document “{document}” (version {version}) in {tenant} was due for review on {due}. You are its owner: review it, then publish a new version or set the next review date.</p><p><a href="{link}">Open the document</a></p><p>— Attest</p>',
  },
  fr: {
    reviewSubject: 'Revue de document en retard\u00a0: {document}',
    reviewBody:
      'Bonjour {name},\n\nLe document «\u00a0{document}\u00a0» (version {version}) de {tenant} devait être revu le {due}. Vous en êtes le propriétaire\u00a0: revoyez-le, puis publiez une nouvelle version ou fixez la prochaine date de revue.\n\n{link}\n\n— Attest',
    reviewHtml:
      '<p>Bonjour {name},</p><p>Le document «\u00a0{document}\u00a0» (version {version}) de {tenant} devait être revu le {due}. Vous en êtes le propriétaire\u00a0: revoyez-le, puis publiez une nouvelle version ou fixez la prochaine date de revue.</p><p><a href="{link}">Ouvrir le document</a></p><p>— Attest</p>',
  },
} as const;
