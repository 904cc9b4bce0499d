import type { TLocale } from '../../../shared/contracts/common.ts';
import type { TActionStatus, TRiskSource, TRiskStatus, TRiskTreatment } from '../../../shared/contracts/risks.ts';

/*
 * What the server writes about risks for a person (the XLSX register, the expiry reminder), in
 * both languages. The web has its own copy of the enum labels in its i18n files: these are
 * documents, not screens.
 */
export const RISK_LABELS = {
  en: {
    sheet: 'Risk register',
    columns: {
      title: 'Risk',
      description: 'Description',
      source: 'Source',
      owner: 'Risk owner',
      aiSystems: 'AI systems',
      status: 'Status',
      matrixVersion: 'Matrix version',
      inherentLikelihood: 'Inherent likelihood',
      inherentImpact: 'Inherent impact',
      inherentScore: 'Inherent score',
      inherentLevel: 'Inherent level',
      treatment: 'Treatment',
      residualLikelihood: 'Residual likelihood',
      residualImpact: 'Residual impact',
      residualScore: 'Residual score',
      residualLevel: 'Residual level',
      reviewDate: 'Review date',
      reviewOverdue: 'Review overdue',
      openActions: 'Open treatment actions',
      overdueActions: 'Overdue treatment actions',
      requirements: 'Requirements',
      acceptedBy: 'Accepted by',
      acceptedAt: 'Accepted on',
      acceptanceExpires: 'Acceptance expires on',
      acceptanceRationale: 'Acceptance rationale',
    },
    source: { ai_system: 'AI system', dataset: 'Dataset', supplier: 'Supplier', process: 'Process', organization: 'Organization' } satisfies Record<TRiskSource, string>,
    status: { open: 'Open', accepted: 'Accepted', closed: 'Closed' } satisfies Record<TRiskStatus, string>,
    treatment: { accept: 'Accept', mitigate: 'Mitigate', transfer: 'Transfer', avoid: 'Avoid' } satisfies Record<TRiskTreatment, string>,
    actionStatus: { planned: 'Planned', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' } satisfies Record<TActionStatus, string>,
    yes: 'Yes',
    no: 'No',
    reminderSubject: 'Risk acceptance expired: {risk}',
    reminderBody:
      'Hello {name},\n\nThe acceptance of the risk “{risk}” in {tenant} expired on {expires}. The risk is open again: review it, then treat it or accept it anew.\n\n{link}\n\n— Attest',
    reminderHtml:
      '<p>Hello {name},</p><p>The acceptance of the risk “{risk}” in {tenant} expired on {expires}. The risk is open again: review it, then treat it or accept it anew.</p><p><a href="{link}">Open the risk</a></p><p>— Attest</p>',
  },
  fr: {
    sheet: 'Registre des risques',
    columns: {
      title: 'Risque',
      description: 'Description',
      source: 'Origine',
      owner: 'Propriétaire du risque',
      aiSystems: 'Systèmes d’IA',
      status: 'Statut',
      matrixVersion: 'Version de la matrice',
      inherentLikelihood: 'Vraisemblance inhérente',
      inherentImpact: 'Impact inhérent',
      inherentScore: 'Score inhérent',
      inherentLevel: 'Niveau inhérent',
      treatment: 'Traitement',
      residualLikelihood: 'Vraisemblance résiduelle',
      residualImpact: 'Impact résiduel',
      residualScore: 'Score résiduel',
      residualLevel: 'Niveau résiduel',
      reviewDate: 'Date de revue',
      reviewOverdue: 'Revue en retard',
      openActions: 'Actions de traitement en cours',
      overdueActions: 'Actions de traitement en retard',
      requirements: 'Exigences',
      acceptedBy: 'Accepté par',
      acceptedAt: 'Accepté le',
      acceptanceExpires: 'Acceptation valable jusqu’au',
      acceptanceRationale: 'Justification de l’acceptation',
    },
    source: { ai_system: 'Système d’IA', dataset: 'Jeu de données', supplier: 'Fournisseur', process: 'Processus', organization: 'Organisation' },
    status: { open: 'Ouvert', accepted: 'Accepté', closed: 'Clos' },
    treatment: { accept: 'Accepter', mitigate: 'Réduire', transfer: 'Transférer', avoid: 'Éviter' },
    actionStatus: { planned: 'Prévue', in_progress: 'En cours', done: 'Terminée', cancelled: 'Annulée' },
    yes: 'Oui',
    no: 'Non',
    reminderSubject: 'Acceptation de risque expirée : {risk}',
    reminderBody:
      'Bonjour {name},\n\nL’acceptation du risque « {risk} » dans {tenant} a expiré le {expires}. Le risque est de nouveau ouvert : réexaminez-le, puis traitez-le ou acceptez-le à nouveau.\n\n{link}\n\n— Attest',
    reminderHtml:
      '<p>Bonjour {name},</p><p>L’acceptation du risque « {risk} » dans {tenant} a expiré le {expires}. Le risque est de nouveau ouvert : réexaminez-le, puis traitez-le ou acceptez-le à nouveau.</p><p><a href="{link}">Ouvrir le risque</a></p><p>— Attest</p>',
  },
} as const satisfies Record<TLocale, unknown>;
