import type { TLocale } from '../../../shared/contracts/common.ts';

/* What the server writes about evidence to a person (the expiry mail), in both languages. */
export const EVIDENCE_LABELS = {
  en: {
    expiredSubject: 'Evidence expired: {title}',
    expiredBody:
      'Hello {name},\n\nThe evidence “{title}” in {tenant} was valid until {validUntil}: it has expired and no longer counts towards its controls. Upload a new revision to keep them covered.\n\n{link}\n\n— Attest',
    expiredHtml:
      '<p>Hello {name},</p><p>The evidence “{title}” in {tenant} was valid until {validUntil}: it has expired and no longer counts towards its controls. Upload a new revision to keep them covered.</p><p><a href="{link}">Open the evidence</a></p><p>— Attest</p>',
  },
  fr: {
    expiredSubject: 'Preuve expirée : {title}',
    expiredBody:
      'Bonjour {name},\n\nLa preuve « {title} » dans {tenant} était valide jusqu’au {validUntil} : elle a expiré et ne compte plus pour ses contrôles. Déposez une nouvelle révision pour qu’ils restent couverts.\n\n{link}\n\n— Attest',
    expiredHtml:
      '<p>Bonjour {name},</p><p>La preuve « {title} » dans {tenant} était valide jusqu’au {validUntil} : elle a expiré et ne compte plus pour ses contrôles. Déposez une nouvelle révision pour qu’ils restent couverts.</p><p><a href="{link}">Ouvrir la preuve</a></p><p>— Attest</p>',
  },
} as const satisfies Record<TLocale, unknown>;
