import type { TLocale } from '../../../../shared/contracts/common.ts';
import type { TSoc2OpinionKind, TSoc2ReportCriterion, TSoc2ReportModel } from './soc2-report-model.ts';

/*
 * A Type II report for « Lumière Crédit » (Security + Availability + Processing Integrity, as the
 * seed recommends for fintech), with as many controls as asked, spread over the criteria: the
 * documents' tests and the soc2ReportType2 bench render it. Two exceptions (CC6.2, CC8.1).
 */

const CRITERIA: readonly (readonly [string, string, string])[] = [
  ['CC1.1', 'Integrity and ethics', 'Intégrité et éthique'],
  ['CC1.2', 'Board independence and oversight', 'Indépendance et surveillance du conseil'],
  ['CC1.3', 'Structure and authority', 'Structure et pouvoirs'],
  ['CC1.4', 'Competence', 'Compétence'],
  ['CC1.5', 'Accountability', 'Responsabilité'],
  ['CC2.1', 'Quality information', 'Information de qualité'],
  ['CC2.2', 'Internal communication', 'Communication interne'],
  ['CC2.3', 'External communication', 'Communication externe'],
  ['CC3.1', 'Objectives', 'Objectifs'],
  ['CC3.2', 'Risk identification and analysis', 'Identification et analyse des risques'],
  ['CC3.3', 'Fraud', 'Fraude'],
  ['CC3.4', 'Significant change', 'Changements importants'],
  ['CC4.1', 'Evaluations', 'Évaluations'],
  ['CC4.2', 'Deficiency communication', 'Communication des déficiences'],
  ['CC5.1', 'Control selection', 'Choix des contrôles'],
  ['CC5.2', 'General IT controls', 'Contrôles généraux informatiques'],
  ['CC5.3', 'Policies and procedures', 'Politiques et procédures'],
  ['CC6.1', 'Access-security architecture', 'Architecture de sécurité des accès'],
  ['CC6.2', 'User registration and authorisation', 'Enregistrement et autorisation des utilisateurs'],
  ['CC6.3', 'Role-based access, least privilege, segregation of duties', 'Accès par rôle, moindre privilège, séparation des tâches'],
  ['CC6.4', 'Physical access', 'Accès physique'],
  ['CC6.5', 'Secure disposal of assets', 'Mise au rebut sécurisée des actifs'],
  ['CC6.6', 'External threats', 'Menaces externes'],
  ['CC6.7', 'Data transmission and removal', 'Transmission et retrait des données'],
  ['CC6.8', 'Malware', 'Logiciels malveillants'],
  ['CC7.1', 'Configuration and vulnerability detection', 'Configuration et détection des vulnérabilités'],
  ['CC7.2', 'Anomaly monitoring', 'Surveillance des anomalies'],
  ['CC7.3', 'Incident evaluation', 'Évaluation des incidents'],
  ['CC7.4', 'Incident response', 'Réponse aux incidents'],
  ['CC7.5', 'Recovery', 'Rétablissement'],
  ['CC8.1', 'Change management', 'Gestion des changements'],
  ['CC9.1', 'Business-disruption mitigation', 'Atténuation des interruptions d’activité'],
  ['CC9.2', 'Vendor and partner risk', 'Risques fournisseurs et partenaires'],
  ['A1.1', 'Capacity', 'Capacité'],
  ['A1.2', 'Environmental protection, backup and recovery infrastructure', 'Protection environnementale, sauvegarde et infrastructure de reprise'],
  ['A1.3', 'Recovery testing', 'Tests de reprise'],
  ['PI1.1', 'Processing specifications', 'Spécifications de traitement'],
  ['PI1.2', 'Inputs', 'Entrées'],
  ['PI1.3', 'Processing', 'Traitement'],
  ['PI1.4', 'Outputs', 'Sorties'],
  ['PI1.5', 'Storage', 'Stockage'],
];

const FREQUENCIES = [
  { sample: 25, population: 250 },
  { sample: 2, population: 12 },
  { sample: 5, population: 52 },
  { sample: 2, population: 4 },
  { sample: 1, population: null },
] as const;

const TEXT = {
  en: {
    control: (i: number, ref: string) => `Control ${i} for ${ref}: the owner performs the activity and keeps the record in the ticketing tool.`,
    inspect: 'Inspected the records of the sampled occurrences for approval and timeliness.',
    inquire: 'Inquired of the control owner about how the control is performed and exceptions handled.',
    reperform: 'Re-performed the comparison for the sampled items.',
    dev62: 'For 2 of 25 new joiners sampled, access was granted before the manager’s approval was recorded.',
    resp62: 'Both accesses were reviewed and found appropriate; since 1 May 2026 the tool blocks a grant without approval.',
    dev81: 'For 1 of 25 changes sampled, the peer review was recorded after deployment.',
    resp81: 'The change was reviewed after the fact; branch protection now requires the review before merge.',
    basis: 'Our tests of the user registration control (CC6.2) and of the change management control (CC8.1) found exceptions described in section 4. As a result, controls did not operate effectively throughout the period to meet criteria CC6.2 and CC8.1.',
    services: 'Lumière Pay is a consumer-credit platform: online applications, scoring, contract signature, payment schedules and collections for partner retailers.',
    commitments: 'Availability of 99.9 % a month for the application service; processing of payment instructions the same business day; protection of customer data under the contracts and the GDPR.',
    infra: 'Hosted on a French cloud provider (two availability zones, Paris); managed PostgreSQL; no own data centre.',
    software: 'Application in TypeScript; scoring service; payment gateway integration; ticketing and CI/CD tools.',
    people: '42 employees: engineering, operations, risk, security (CISO), customer service.',
    procedures: 'Access management, change management, incident response, backup and restore, vendor management.',
    data: 'Credit applications, identity documents, contracts, payment schedules and transaction logs.',
    boundaries: 'The system covers the Lumière Pay application and its production environment; partner retailers’ own systems and the card schemes are outside it.',
    incidents: 'One availability incident on 12 March 2026 (47 minutes); commitments met for the month.',
    changes: 'Migration of the scoring service to a new cluster in April 2026.',
    cuec1: 'User entities review their users’ access to the partner portal every quarter.',
    cuec2: 'User entities protect the API credentials issued to them.',
    sub: 'Nébuleuse Cloud SAS',
    subServices: 'Infrastructure hosting (IaaS)',
    csoc: 'Physical access to the data centres is restricted to authorised personnel.',
    otherTitle: 'Management’s plans',
    other: 'Management plans to add the Confidentiality category in the next period.',
  },
  fr: {
    control: (i: number, ref: string) => `Contrôle ${i} pour ${ref} : le responsable exécute l’activité et en garde la trace dans l’outil de tickets.`,
    inspect: 'Inspection des enregistrements des occurrences échantillonnées (approbation et délai).',
    inquire: 'Entretien avec le responsable du contrôle sur son exécution et le traitement des exceptions.',
    reperform: 'Réexécution du rapprochement pour les éléments échantillonnés.',
    dev62: 'Pour 2 des 25 arrivées échantillonnées, l’accès a été accordé avant l’enregistrement de l’approbation du responsable.',
    resp62: 'Les deux accès ont été revus et jugés appropriés ; depuis le 1er mai 2026, l’outil bloque tout accès sans approbation.',
    dev81: 'Pour 1 des 25 changements échantillonnés, la revue par un pair a été enregistrée après le déploiement.',
    resp81: 'Le changement a été revu a posteriori ; la protection de branche exige désormais la revue avant fusion.',
    basis: 'Nos tests du contrôle d’enregistrement des utilisateurs (CC6.2) et du contrôle de gestion des changements (CC8.1) ont relevé les exceptions décrites en section 4. En conséquence, les contrôles n’ont pas fonctionné efficacement pendant toute la période pour respecter les critères CC6.2 et CC8.1.',
    services: 'Lumière Pay est une plateforme de crédit à la consommation : demandes en ligne, score, signature des contrats, échéanciers et recouvrement pour des commerçants partenaires.',
    commitments: 'Disponibilité de 99,9 % par mois du service de demande ; traitement des ordres de paiement le jour ouvré même ; protection des données des clients selon les contrats et le RGPD.',
    infra: 'Hébergement chez un fournisseur cloud français (deux zones de disponibilité, Paris) ; PostgreSQL managé ; aucun centre de données propre.',
    software: 'Application en TypeScript ; service de score ; intégration de la passerelle de paiement ; outils de tickets et d’intégration continue.',
    people: '42 salariés : ingénierie, exploitation, risques, sécurité (RSSI), service client.',
    procedures: 'Gestion des accès, gestion des changements, réponse aux incidents, sauvegarde et restauration, gestion des fournisseurs.',
    data: 'Demandes de crédit, pièces d’identité, contrats, échéanciers et journaux de transactions.',
    boundaries: 'Le système couvre l’application Lumière Pay et son environnement de production ; les systèmes des commerçants partenaires et les réseaux de cartes en sont exclus.',
    incidents: 'Un incident de disponibilité le 12 mars 2026 (47 minutes) ; engagements tenus pour le mois.',
    changes: 'Migration du service de score vers un nouveau cluster en avril 2026.',
    cuec1: 'Les entités utilisatrices revoient chaque trimestre les accès de leurs utilisateurs au portail partenaires.',
    cuec2: 'Les entités utilisatrices protègent les identifiants d’API qui leur sont remis.',
    sub: 'Nébuleuse Cloud SAS',
    subServices: 'Hébergement de l’infrastructure (IaaS)',
    csoc: 'L’accès physique aux centres de données est réservé au personnel autorisé.',
    otherTitle: 'Projets de la direction',
    other: 'La direction prévoit d’ajouter la catégorie Confidentialité à la prochaine période.',
  },
} as const;

export function lumiereReportModel(lang: TLocale, o: { controls?: number; opinion?: TSoc2OpinionKind; reportType?: 'type1' | 'type2' } = {}): TSoc2ReportModel {
  const x = TEXT[lang];
  const count = o.controls ?? 45;
  const type2 = (o.reportType ?? 'type2') === 'type2';
  const opinion = o.opinion ?? 'qualified';
  const criteria: TSoc2ReportCriterion[] = CRITERIA.map(([ref, en, fr]) => ({ ref, title: lang === 'fr' ? fr : en, controls: [] }));
  for (let i = 0; i < count; i++) {
    const cr = criteria[i % criteria.length]!;
    const f = FREQUENCIES[i % FREQUENCIES.length]!;
    const exception = type2 && (cr.ref === 'CC6.2' || cr.ref === 'CC8.1') && cr.controls.length === 0;
    (cr.controls as TSoc2ReportCriterion['controls'][number][]).push({
      ref: `LC-${String(i + 1).padStart(3, '0')}`,
      description: x.control(i + 1, cr.ref),
      tests: [
        { methods: ['inquiry'], procedure: x.inquire },
        { methods: [i % 2 ? 'reperformance' : 'inspection'], procedure: i % 2 ? x.reperform : x.inspect },
      ],
      result: !type2
        ? null
        : exception
          ? cr.ref === 'CC6.2'
            ? { sampleSize: 25, populationSize: 118, exceptions: 2, deviation: x.dev62, managementResponse: x.resp62 }
            : { sampleSize: 25, populationSize: 412, exceptions: 1, deviation: x.dev81, managementResponse: x.resp81 }
          : { sampleSize: f.sample, populationSize: f.population, exceptions: 0, deviation: null, managementResponse: null },
    });
  }
  return {
    reference: 'SOC2-2026-LC-01',
    firm: {
      name: 'Vérité & Associés CPA',
      address: '14 rue du Louvre, 75001 Paris',
      licence: { authority: 'New York State Board of Public Accountancy', number: 'CPA-0123456', jurisdiction: 'New York' },
      city: 'Paris',
      partnerName: 'Hélène Marchand',
    },
    organization: { name: 'Lumière Crédit', address: '8 avenue de l’Opéra, 75001 Paris' },
    systemName: 'Lumière Pay',
    reportType: type2 ? 'type2' : 'type1',
    asOfDate: type2 ? null : '2026-06-30',
    period: type2 ? { start: '2026-01-01', end: '2026-06-30' } : null,
    reportDate: '2026-08-14',
    categories: ['processing_integrity', 'availability'],
    opinion: { kind: opinion, basis: opinion === 'unmodified' ? [] : [x.basis] },
    assertionFirst: false,
    assertion: { paragraphs: [], signatory: { name: 'Camille Roussel', title: lang === 'fr' ? 'Directrice générale' : 'Chief Executive Officer' }, date: '2026-08-14' },
    description: {
      services: x.services,
      commitments: x.commitments,
      components: { infrastructure: x.infra, software: x.software, people: x.people, procedures: x.procedures, data: x.data },
      boundaries: x.boundaries,
      incidents: x.incidents,
      significantChanges: x.changes,
      cuecs: [
        { ref: 'CUEC-1', text: x.cuec1 },
        { ref: 'CUEC-2', text: x.cuec2 },
      ],
      subserviceOrganizations: [{ name: x.sub, services: x.subServices, treatment: 'carve_out', csocs: [{ ref: 'CSOC-1', text: x.csoc }] }],
    },
    criteria: criteria.filter((c) => c.controls.length > 0),
    otherInformation: { title: x.otherTitle, paragraphs: [x.other] },
    generatedAt: new Date('2026-08-14T09:00:00Z'),
  };
}
