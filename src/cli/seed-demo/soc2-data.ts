import type { TControlFrequency } from '../../shared/contracts/controls.ts';
import type { TSoc2ControlFrequency, TSoc2TestMethod } from '../../shared/contracts/soc2.ts';
import type { TSoc2DescriptionSection } from '../../shared/contracts/soc2.ts';
import { formatLongDate } from '../../shared/format.ts';

/*
 * The words and figures of Lumière Crédit's SOC 2 Type II examination by Delorme & Associés: the
 * controls Lumière Crédit runs for its payment platform, the firm's test procedures on them, the
 * system description (DC 200 sections, written in our own words) and the populations the auditors
 * sample. Everything here is data; soc2*.ts drive it through the services.
 */

type TSoc2DemoControl = {
  reference: string;
  title: string;
  description: string;
  frequency: TControlFrequency;
  automation: 'manual' | 'automated';
  /** The Trust Services Criteria (letters and number prefixes) the firm maps to it. */
  criteria: (ref: string) => boolean;
  test: { methods: TSoc2TestMethod[]; procedure: string; evidenceRequested: string; frequency: TSoc2ControlFrequency; risk?: 'lower' | 'moderate' | 'higher' };
};

const under = (...prefixes: string[]) => (ref: string) => prefixes.some((x) => ref === x || ref.startsWith(`${x}.`) || (x.endsWith('.') && ref.startsWith(x)));

/** Lumière Crédit's own controls for its « Lumière Pay » platform, each with the test the firm performs on it. */
export const SOC2_CONTROLS: TSoc2DemoControl[] = [
  {
    reference: 'LC-GOV-01',
    title: 'Comité sécurité et conformité trimestriel',
    description: 'La direction générale, la DSI et la conformité revoient chaque trimestre les risques, les incidents et les indicateurs de sécurité ; le compte rendu est diffusé aux équipes.',
    frequency: 'quarterly',
    automation: 'manual',
    criteria: under('CC1', 'CC2'),
    test: { methods: ['inquiry', 'inspection'], procedure: 'Inspecté les comptes rendus des deux comités de la période, leur ordre du jour et la diffusion des décisions aux équipes.', evidenceRequested: 'Comptes rendus des comités sécurité et conformité de la période et liste de diffusion.', frequency: 'quarterly', risk: 'lower' },
  },
  {
    reference: 'LC-RSK-01',
    title: 'Appréciation annuelle des risques de sécurité',
    description: 'Les risques pesant sur la plateforme (fraude, indisponibilité, altération des échéanciers) sont appréciés chaque année et à chaque changement majeur ; le plan de traitement est approuvé par la direction.',
    frequency: 'annually',
    automation: 'manual',
    criteria: under('CC3'),
    test: { methods: ['inquiry', 'inspection'], procedure: 'Inspecté l’appréciation des risques de l’année, son approbation par la direction et le suivi du plan de traitement.', evidenceRequested: 'Registre des risques de sécurité et plan de traitement approuvé.', frequency: 'annual', risk: 'lower' },
  },
  {
    reference: 'LC-POL-01',
    title: 'Politiques de sécurité revues et surveillance des contrôles',
    description: 'Les politiques de sécurité sont revues chaque année ; l’audit interne teste les contrôles clés et suit les écarts jusqu’à leur correction.',
    frequency: 'annually',
    automation: 'manual',
    criteria: under('CC4', 'CC5'),
    test: { methods: ['inspection'], procedure: 'Inspecté la revue annuelle des politiques et le rapport d’audit interne, ainsi que le suivi des écarts relevés.', evidenceRequested: 'Politiques approuvées, rapport d’audit interne et tableau de suivi des écarts.', frequency: 'annual', risk: 'lower' },
  },
  {
    reference: 'LC-ACC-01',
    title: 'Accès accordés sur approbation enregistrée du responsable',
    description: 'Tout accès à la production est demandé dans l’outil de gestion des accès et accordé après l’approbation du responsable hiérarchique ; les accès sont retirés au départ.',
    frequency: 'on_event',
    automation: 'automated',
    criteria: under('CC6.1', 'CC6.2', 'CC6.3'),
    test: { methods: ['inquiry', 'inspection'], procedure: 'Pour un échantillon d’accès accordés, inspecté l’approbation du responsable enregistrée avant l’attribution.', evidenceRequested: 'Extraction des accès accordés sur la période (identifiant, date, bénéficiaire).', frequency: 'daily' },
  },
  {
    reference: 'LC-NET-01',
    title: 'Revue trimestrielle des accès et protection du périmètre',
    description: 'Les droits sur la production sont revus chaque trimestre ; les flux sont chiffrés, le périmètre filtré et les postes protégés contre les logiciels malveillants.',
    frequency: 'quarterly',
    automation: 'automated',
    criteria: under('CC6.4', 'CC6.5', 'CC6.6', 'CC6.7', 'CC6.8'),
    test: { methods: ['inspection', 'observation'], procedure: 'Inspecté les revues d’accès de la période ; observé la configuration du chiffrement, du pare-feu applicatif et de l’antivirus.', evidenceRequested: 'Revues d’accès trimestrielles signées ; configuration TLS et règles de filtrage.', frequency: 'quarterly' },
  },
  {
    reference: 'LC-OPS-01',
    title: 'Détection des événements de sécurité',
    description: 'Les journaux de la plateforme sont centralisés ; les alertes de sécurité et de capacité sont qualifiées par l’astreinte.',
    frequency: 'daily',
    automation: 'automated',
    criteria: under('CC7.1', 'CC7.2'),
    test: { methods: ['inspection', 'reperformance'], procedure: 'Inspecté la configuration des règles d’alerte et reproduit le déclenchement d’une alerte de test jusqu’à sa qualification.', evidenceRequested: 'Règles d’alerte en vigueur et journal de l’astreinte.', frequency: 'automated', risk: 'lower' },
  },
  {
    reference: 'LC-IR-02',
    title: 'Gestion des incidents de sécurité',
    description: 'Chaque incident est qualifié, escaladé, résolu puis analysé ; les actions correctives sont suivies jusqu’à leur clôture.',
    frequency: 'on_event',
    automation: 'manual',
    criteria: under('CC7.3', 'CC7.4', 'CC7.5'),
    test: { methods: ['inquiry', 'inspection'], procedure: 'Inspecté le dossier des incidents de la période, leur analyse des causes et la clôture des actions correctives.', evidenceRequested: 'Registre des incidents et analyses post-incident.', frequency: 'monthly' },
  },
  {
    reference: 'LC-CHG-01',
    title: 'Changements approuvés et testés avant déploiement',
    description: 'Tout changement en production passe par une demande revue par un pair, testée et approuvée par le responsable produit avant son déploiement.',
    frequency: 'on_event',
    automation: 'automated',
    criteria: under('CC8'),
    test: { methods: ['inspection'], procedure: 'Pour un échantillon de changements déployés, inspecté la revue, les tests et l’approbation enregistrés avant le déploiement.', evidenceRequested: 'Extraction des changements déployés en production sur la période.', frequency: 'daily' },
  },
  {
    reference: 'LC-VND-01',
    title: 'Suivi des fournisseurs critiques et plan de continuité',
    description: 'Les fournisseurs critiques sont évalués chaque année (rapports SOC, clauses de sécurité) ; le plan de continuité est testé.',
    frequency: 'annually',
    automation: 'manual',
    criteria: under('CC9'),
    test: { methods: ['inspection'], procedure: 'Inspecté l’évaluation annuelle des fournisseurs critiques, dont le rapport SOC 2 de l’hébergeur, et le dernier test du plan de continuité.', evidenceRequested: 'Évaluations des fournisseurs et compte rendu du test de continuité.', frequency: 'annual', risk: 'lower' },
  },
  {
    reference: 'LC-BCK-01',
    title: 'Sauvegardes restaurées et vérifiées chaque mois',
    description: 'Une restauration complète de la base des échéanciers est réalisée chaque mois dans un environnement isolé et vérifiée ; la capacité est suivie.',
    frequency: 'monthly',
    automation: 'automated',
    criteria: under('A1'),
    test: { methods: ['inspection', 'reperformance'], procedure: 'Pour les mois échantillonnés, inspecté le procès-verbal de restauration et reproduit le contrôle d’intégrité.', evidenceRequested: 'Procès-verbaux mensuels de restauration.', frequency: 'monthly' },
  },
  {
    reference: 'LC-PI-01',
    title: 'Contrôles de saisie et rapprochement quotidien des échéanciers',
    description: 'Les demandes de crédit sont contrôlées à la saisie ; les échéanciers émis sont rapprochés chaque jour des ordres de paiement et les écarts traités.',
    frequency: 'daily',
    automation: 'automated',
    criteria: under('PI1'),
    test: { methods: ['inspection', 'reperformance'], procedure: 'Reproduit les contrôles de saisie sur des cas de test et inspecté le rapprochement quotidien de deux journées et le traitement de ses écarts.', evidenceRequested: 'Spécification des contrôles de saisie et rapports de rapprochement.', frequency: 'automated', risk: 'lower' },
  },
];

/** The control mapped to a criterion: the first whose criteria take it. */
export const controlForCriterion = (ref: string) => SOC2_CONTROLS.find((c) => c.criteria(ref));

/** The day `months` months after the period's first day (YYYY-MM-DD). */
export const monthAfter = (start: string, months: number, day = 1) => {
  const d = new Date(`${start}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, day)).toISOString().slice(0, 10);
};
const frDay = (d: string) => formatLongDate('fr', new Date(`${d}T12:00:00Z`), 'UTC');
const frMonth = (d: string) => frDay(d).replace(/^\S+ /, '');

/**
 * Management's description of « Lumière Pay » (DC 200 sections), in Lumière Crédit's words. Its
 * events fall inside the period whatever day the seed runs: the incident in the second month, the
 * migration in the third, the access tool fixed at the start of the fourth.
 */
export function soc2Description(period: { start: string; end: string }): Record<TSoc2DescriptionSection, string> {
  return {
    services:
      'Lumière Pay permet aux enseignes partenaires de proposer à leurs clients un paiement en plusieurs fois : saisie de la demande de crédit, décision d’octroi, émission de l’échéancier et encaissement des échéances.',
    commitments:
      'Nous nous engageons envers les enseignes sur une disponibilité mensuelle de 99,9 % de l’API, sur le traitement des ordres de paiement le jour ouvré même et sur l’exactitude des échéanciers émis.',
    infrastructure:
      'La plateforme est hébergée par Nébuleuse Cloud SAS dans deux zones de disponibilité de la région de Paris ; les bases de données sont répliquées et sauvegardées chaque nuit.',
    software:
      'Application TypeScript (API et back-office), service de décision d’octroi, passerelle de paiement, outil de gestion des accès et chaîne d’intégration et de déploiement continus.',
    people:
      'La direction générale, la direction des systèmes d’information (développement, exploitation, sécurité), la direction des risques et la conformité, soit 46 personnes sur les 152 de l’entreprise.',
    procedures:
      'Gestion des accès, gestion des changements, surveillance et gestion des incidents, sauvegarde et restauration, rapprochement des échéanciers, évaluation des fournisseurs.',
    data: 'Demandes de crédit, contrats, échéanciers, ordres et journaux de paiement ; les données des clients finaux sont chiffrées au repos et en transit.',
    boundaries:
      'Le système comprend l’application Lumière Pay et son environnement de production. Les centres de données de Nébuleuse Cloud SAS en sont exclus (méthode d’exclusion) ; les contrôles attendus de cet hébergeur et des enseignes utilisatrices sont décrits à part.',
    incidents: `Un incident de disponibilité le ${frDay(monthAfter(period.start, 1, 14))} (52 minutes d’interruption de l’API, sans perte de données) ; analyse des causes réalisée et actions correctives closes le mois suivant.`,
    changes: `Le service de décision d’octroi a migré vers une nouvelle grappe en ${frMonth(monthAfter(period.start, 2))} ; depuis le ${frDay(accessToolFixedOn(period))}, l’outil de gestion des accès bloque toute attribution sans approbation enregistrée.`,
  };
}

/** The day the access tool stopped letting administrators skip the approval (the access exception's remediation). */
export const accessToolFixedOn = (period: { start: string }) => monthAfter(period.start, 3);
export { frDay };

export const SOC2_ASSERTION =
  'Nous avons préparé la description du système Lumière Pay ci-jointe. Nous confirmons, à notre connaissance, qu’elle présente fidèlement le système tel que conçu et mis en œuvre sur toute la période, et que les contrôles décrits étaient conçus et ont fonctionné efficacement pour atteindre nos engagements de service et exigences système selon les critères retenus.';
