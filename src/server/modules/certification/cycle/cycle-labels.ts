/*
 * What the server writes about surveillance and recertification for a person (alert mails), in
 * both languages. The web has its own labels (i18n namespace `cycle`).
 */
export const CYCLE_LABELS = {
  en: {
    recertification_reminder: {
      subject: 'Recertification due: {client} — certificate expires on {due}',
      body: 'Hello {name},\n\nThe ISO/IEC 42001 certificate of {client} ({reference}) issued by {body} expires on {due}. The recertification audit must be completed — and the decision taken — before that date, so the certificate’s validity can be chained. Agree the audit dates with the certification body now.\n\n{link}\n\n— Attest',
    },
    recertification_not_started: {
      subject: 'Recertification not started: {client} — certificate expires on {due}',
      body: 'Hello {name},\n\nThe certificate of {client} ({reference}) issued by {body} expires on {due}, in less than three months, and the recertification audit is not yet confirmed (dates agreed, team named). If the recertification is not completed before expiry, the certificate lapses; it can be restored only within six months, after which a new stage 2 audit is needed.\n\n{link}\n\n— Attest',
    },
    surveillance_overdue: {
      subject: 'Surveillance audit overdue: {client} — due by {due}',
      body: 'Hello {name},\n\nSurveillance audit {audit} of {client} ({reference}) with {body} was due by {due} and has not been reported. An overdue surveillance can lead to the suspension of the certificate (ISO/IEC 17021-1 9.6.5). Schedule it without delay.\n\n{link}\n\n— Attest',
    },
  },
  fr: {
    recertification_reminder: {
      subject: 'Renouvellement à prévoir\u00a0: {client} — certificat valable jusqu’au {due}',
      body: 'Bonjour {name},\n\nLe certificat ISO/IEC 42001 de {client} ({reference}) délivré par {body} expire le {due}. L’audit de renouvellement doit être réalisé — et la décision prise — avant cette date pour que la validité du certificat soit prolongée sans interruption. Convenez dès maintenant des dates de l’audit avec l’organisme de certification.\n\n{link}\n\n— Attest',
    },
    recertification_not_started: {
      subject: 'Renouvellement non engagé\u00a0: {client} — certificat valable jusqu’au {due}',
      body: 'Bonjour {name},\n\nLe certificat de {client} ({reference}) délivré par {body} expire le {due}, dans moins de trois mois, et l’audit de renouvellement n’est pas encore confirmé (dates convenues, équipe désignée). Si le renouvellement n’est pas achevé avant l’expiration, le certificat cesse d’être valable\u00a0; il ne peut être rétabli que dans les six mois, après quoi un nouvel audit d’étape 2 est nécessaire.\n\n{link}\n\n— Attest',
    },
    surveillance_overdue: {
      subject: 'Audit de surveillance en retard\u00a0: {client} — à réaliser avant le {due}',
      body: 'Bonjour {name},\n\nL’audit de surveillance {audit} de {client} ({reference}) avec {body} devait être réalisé au plus tard le {due} et son rapport n’est pas émis. Un audit de surveillance en retard peut conduire à la suspension du certificat (ISO/IEC 17021-1 9.6.5). Planifiez-le sans attendre.\n\n{link}\n\n— Attest',
    },
  },
} as const;
