import type { TClassificationAnswers } from '../../shared/contracts/ai-systems.ts';
import type { TAssessmentContentInput, TVariant } from '../../shared/contracts/impact-assessments.ts';

/*
 * The demo organization's AIMS content, in French (Lumière Crédit works in French). Identifiers
 * (Annex III points, clause numbers) are catalog refs; the text is ours.
 */

type TPerson = 'claire' | 'hugo' | 'ines';

export const DEMO_SYSTEMS: {
  key: 'scoring' | 'fraud' | 'chatbot';
  businessOwner: TPerson;
  technicalOwner: TPerson;
  fields: Record<string, unknown>;
  answers: Partial<TClassificationAnswers>;
}[] = [
  {
    key: 'scoring',
    businessOwner: 'claire',
    technicalOwner: 'hugo',
    fields: {
      name: 'Score d’octroi de crédit « Lumen »',
      purpose: 'Évalue la solvabilité des particuliers qui demandent un crédit à la consommation et propose une décision à l’analyste.',
      lifecycleStage: 'deployed',
      roles: ['provider', 'deployer'],
      modelType: 'Gradient boosting (XGBoost)',
      modelVersion: '3.2.0',
      supplier: '',
      dataCategories: ['Revenus et charges', 'Historique bancaire', 'Données d’identification'],
      personalData: true,
      specialCategoryData: false,
      affectedPeople: 'Demandeurs de crédit à la consommation en France (environ 40 000 dossiers par an).',
      humanOversight: 'Tout refus proposé par le modèle est revu par un analyste crédit, qui peut passer outre ; les seuils sont validés chaque trimestre par le comité des risques.',
      intendedUse: 'Aide à la décision d’octroi pour les prêts personnels de 1 000 € à 50 000 €.',
      knownLimitations: 'Moins fiable pour les travailleurs indépendants de moins de deux ans d’activité et pour les dossiers sans historique bancaire en France.',
      automatedDecisions: true,
      inAimsScope: true,
      bomRef: 'lumiere-credit/lumen-scoring@3.2.0',
    },
    answers: { annexIIIRef: 'Annex III(5)(b)', profiling: true },
  },
  {
    key: 'fraud',
    businessOwner: 'hugo',
    technicalOwner: 'ines',
    fields: {
      name: 'Détection de la fraude aux paiements',
      purpose: 'Repère en temps réel les virements et paiements par carte inhabituels et les met en attente pour contrôle.',
      lifecycleStage: 'deployed',
      roles: ['deployer'],
      modelType: 'Forêt d’isolement et règles métier',
      modelVersion: '2026.09',
      supplier: 'Sentinel Analytics SAS',
      dataCategories: ['Transactions', 'Appareils et adresses IP'],
      personalData: true,
      specialCategoryData: false,
      affectedPeople: 'Clients titulaires d’un compte ou d’une carte Lumière Crédit.',
      humanOversight: 'Une alerte bloque l’opération au plus 24 heures ; un opérateur décide de la libérer ou de la refuser.',
      intendedUse: 'Prévention de la fraude financière (exclue de l’annexe III, point 5, b, du règlement sur l’IA).',
      knownLimitations: 'Taux de faux positifs plus élevé pendant les périodes de soldes et à l’étranger.',
      automatedDecisions: false,
      inAimsScope: true,
    },
    answers: {},
  },
  {
    key: 'chatbot',
    businessOwner: 'claire',
    technicalOwner: 'ines',
    fields: {
      name: 'Assistant conversationnel « Clara »',
      purpose: 'Répond aux questions des clients sur leurs contrats et les oriente vers un conseiller.',
      lifecycleStage: 'validation',
      roles: ['deployer'],
      modelType: 'Grand modèle de langage avec recherche documentaire',
      modelVersion: 'pilote 0.9',
      supplier: 'Fournisseur de modèle d’IA à usage général (contrat cadre 2026)',
      dataCategories: ['Messages des clients', 'Conditions générales'],
      personalData: true,
      specialCategoryData: false,
      affectedPeople: 'Clients et prospects qui utilisent l’espace client ou l’application mobile.',
      humanOversight: 'Transfert vers un conseiller à la demande du client ou dès qu’une réclamation est détectée.',
      intendedUse: 'Information générale ; ne donne ni conseil en investissement ni décision de crédit.',
      knownLimitations: 'Peut formuler des réponses inexactes ; chaque réponse cite sa source documentaire.',
      automatedDecisions: false,
      inAimsScope: true,
    },
    answers: { interactsWithPeople: true, generatesSyntheticContent: true },
  },
];

type TDemoRisk = {
  fields: { title: string; description: string; source: string; inherentLikelihood: number; inherentImpact: number; treatment: string; residualLikelihood?: number; residualImpact?: number; requirements: { frameworkId: string; ref: string }[] };
  systems: ('scoring' | 'fraud' | 'chatbot')[];
  owner: TPerson;
  reviewInDays: number;
  plan: { title: string; owner: TPerson; dueInDays: number; status: 'planned' | 'in_progress' | 'done' }[];
  acceptedBy?: string;
  acceptanceRationale?: string;
  acceptanceDays?: number;
};

const ISO = 'iso-iec-42001-2023';
const ACT = 'eu-ai-act-2024';

export const DEMO_RISKS: TDemoRisk[] = [
  {
    fields: { title: 'Dérive du score sur les jeunes emprunteurs', description: 'Le taux d’acceptation des moins de 25 ans baisse depuis le lancement de l’offre étudiante, sans changement de leur profil de remboursement.', source: 'ai_system', inherentLikelihood: 4, inherentImpact: 4, treatment: 'mitigate', residualLikelihood: 2, residualImpact: 4, requirements: [{ frameworkId: ISO, ref: '6.1.2' }, { frameworkId: ACT, ref: 'Art. 9' }] },
    systems: ['scoring'], owner: 'hugo', reviewInDays: 45,
    plan: [{ title: 'Rapport mensuel de dérive par tranche d’âge', owner: 'hugo', dueInDays: 20, status: 'in_progress' }, { title: 'Réentraînement avec les données 2026', owner: 'ines', dueInDays: 75, status: 'planned' }],
  },
  {
    fields: { title: 'Biais indirect lié au code postal', description: 'Le code postal peut servir de variable de substitution à l’origine ethnique et produire une discrimination indirecte.', source: 'dataset', inherentLikelihood: 3, inherentImpact: 5, treatment: 'mitigate', residualLikelihood: 2, residualImpact: 3, requirements: [{ frameworkId: ISO, ref: 'A.7.4' }, { frameworkId: ACT, ref: 'Art. 10' }] },
    systems: ['scoring'], owner: 'ines', reviewInDays: 90,
    plan: [{ title: 'Retirer le code postal et mesurer l’écart de performance', owner: 'ines', dueInDays: -10, status: 'in_progress' }],
  },
  {
    fields: { title: 'Explications insuffisantes en cas de refus', description: 'Les motifs de refus communiqués aux demandeurs restent génériques et ne permettent pas de contester la décision.', source: 'process', inherentLikelihood: 3, inherentImpact: 4, treatment: 'mitigate', residualLikelihood: 2, residualImpact: 2, requirements: [{ frameworkId: ISO, ref: 'A.8.2' }, { frameworkId: ACT, ref: 'Art. 13' }] },
    systems: ['scoring'], owner: 'claire', reviewInDays: 60,
    plan: [{ title: 'Lettre de refus avec les trois facteurs principaux', owner: 'claire', dueInDays: 30, status: 'planned' }],
  },
  {
    fields: { title: 'Contournement de la revue humaine par habitude', description: 'Les analystes valident presque toutes les propositions du modèle : la revue humaine risque de devenir formelle.', source: 'process', inherentLikelihood: 4, inherentImpact: 3, treatment: 'mitigate', residualLikelihood: 2, residualImpact: 3, requirements: [{ frameworkId: ACT, ref: 'Art. 14' }] },
    systems: ['scoring'], owner: 'hugo', reviewInDays: 120,
    plan: [{ title: 'Échantillon mensuel de dossiers revus en double aveugle', owner: 'hugo', dueInDays: 15, status: 'planned' }],
  },
  {
    fields: { title: 'Faux positifs pendant les soldes', description: 'Les paiements légitimes bloqués pendant les soldes génèrent des réclamations et des départs de clients.', source: 'ai_system', inherentLikelihood: 4, inherentImpact: 2, treatment: 'accept', residualLikelihood: 3, residualImpact: 2, requirements: [{ frameworkId: ISO, ref: '8.2' }] },
    systems: ['fraud'], owner: 'hugo', reviewInDays: 150,
    plan: [],
    acceptedBy: 'hugo.bernard@lumiere-credit.example', acceptanceRationale: 'Coût des faux positifs inférieur aux pertes évitées ; file de contrôle renforcée en janvier et juillet.', acceptanceDays: 180,
  },
  {
    fields: { title: 'Dépendance au fournisseur Sentinel Analytics', description: 'Une interruption du service ou un changement de modèle non annoncé laisserait les paiements sans contrôle automatique.', source: 'supplier', inherentLikelihood: 2, inherentImpact: 4, treatment: 'transfer', residualLikelihood: 2, residualImpact: 3, requirements: [{ frameworkId: ISO, ref: 'A.10.3' }] },
    systems: ['fraud'], owner: 'claire', reviewInDays: -12,
    plan: [{ title: 'Clause de préavis de 90 jours sur les changements de modèle', owner: 'claire', dueInDays: -5, status: 'in_progress' }],
  },
  {
    fields: { title: 'Réponse inexacte de l’assistant sur un taux', description: 'L’assistant pourrait citer un taux ou une pénalité erronés, que le client prendrait pour un engagement.', source: 'ai_system', inherentLikelihood: 4, inherentImpact: 3, treatment: 'mitigate', residualLikelihood: 2, residualImpact: 3, requirements: [{ frameworkId: ISO, ref: 'A.6.2.4' }] },
    systems: ['chatbot'], owner: 'ines', reviewInDays: 30,
    plan: [{ title: 'Réponses chiffrées tirées uniquement des grilles tarifaires', owner: 'ines', dueInDays: 25, status: 'in_progress' }],
  },
  {
    fields: { title: 'Client non informé qu’il échange avec une IA', description: 'Sans mention claire, l’assistant ne respecterait pas l’obligation d’information de l’article 50.', source: 'ai_system', inherentLikelihood: 2, inherentImpact: 3, treatment: 'mitigate', residualLikelihood: 1, residualImpact: 3, requirements: [{ frameworkId: ACT, ref: 'Art. 50' }] },
    systems: ['chatbot'], owner: 'claire', reviewInDays: 200,
    plan: [{ title: 'Bandeau « Vous échangez avec un assistant automatisé »', owner: 'ines', dueInDays: -20, status: 'done' }],
  },
  {
    fields: { title: 'Injection d’instructions dans les messages clients', description: 'Un message forgé pourrait faire divulguer à l’assistant des informations d’un autre contrat.', source: 'ai_system', inherentLikelihood: 3, inherentImpact: 5, treatment: 'mitigate', residualLikelihood: 2, residualImpact: 4, requirements: [{ frameworkId: ISO, ref: 'A.6.2.6' }] },
    systems: ['chatbot'], owner: 'hugo', reviewInDays: 40,
    plan: [{ title: 'Tests d’intrusion sur les invites avant la mise en service', owner: 'hugo', dueInDays: 35, status: 'planned' }],
  },
  {
    fields: { title: 'Compétences IA insuffisantes des analystes crédit', description: 'Les analystes ne connaissent pas les limites du score et ne savent pas quand s’en écarter.', source: 'organization', inherentLikelihood: 3, inherentImpact: 3, treatment: 'mitigate', residualLikelihood: 2, residualImpact: 2, requirements: [{ frameworkId: ACT, ref: 'Art. 4' }, { frameworkId: ISO, ref: '7.2' }] },
    systems: [], owner: 'claire', reviewInDays: 100,
    plan: [{ title: 'Formation « Maîtrise de l’IA » pour les 35 analystes', owner: 'claire', dueInDays: 60, status: 'planned' }],
  },
  {
    fields: { title: 'Conservation excessive des journaux d’inférence', description: 'Les journaux du score contiennent des données personnelles conservées sans durée définie.', source: 'process', inherentLikelihood: 2, inherentImpact: 2, treatment: 'accept', residualLikelihood: 2, residualImpact: 2, requirements: [{ frameworkId: ACT, ref: 'Art. 12' }] },
    systems: ['scoring'], owner: 'ines', reviewInDays: 300,
    plan: [],
    acceptedBy: 'claire.martin@lumiere-credit.example', acceptanceRationale: 'Durée de dix ans imposée par la réglementation bancaire ; accès restreint à l’équipe conformité.', acceptanceDays: 365,
  },
  {
    fields: { title: 'Documentation technique incomplète pour l’évaluation de conformité', description: 'Le dossier technique du score ne couvre pas encore toutes les rubriques attendues d’un fournisseur de système à haut risque.', source: 'organization', inherentLikelihood: 3, inherentImpact: 4, treatment: 'mitigate', requirements: [{ frameworkId: ACT, ref: 'Art. 11' }] },
    systems: ['scoring'], owner: 'hugo', reviewInDays: 20,
    plan: [{ title: 'Compléter le dossier technique (données, métriques, journalisation)', owner: 'hugo', dueInDays: 90, status: 'in_progress' }],
  },
  {
    fields: { title: 'Usage non déclaré d’outils d’IA générative', description: 'Des collaborateurs utilisent des assistants grand public pour rédiger des courriers clients.', source: 'organization', inherentLikelihood: 5, inherentImpact: 2, treatment: 'avoid', residualLikelihood: 2, residualImpact: 2, requirements: [{ frameworkId: ISO, ref: 'A.9.2' }] },
    systems: [], owner: 'claire', reviewInDays: 75,
    plan: [{ title: 'Politique d’usage et outil interne approuvé', owner: 'claire', dueInDays: 40, status: 'in_progress' }],
  },
];

type TDemoAssessment = {
  system: 'scoring';
  variant: TVariant;
  title: string;
  approve: boolean;
  approvalComment?: string;
  content: (day: (offset: number) => string) => Partial<TAssessmentContentInput>;
};

export const DEMO_ASSESSMENTS: TDemoAssessment[] = [
  {
    system: 'scoring',
    variant: 'standard',
    title: 'Étude d’impact du score « Lumen »',
    approve: true,
    approvalComment: 'Approuvée en comité des risques du mois.',
    content: (day) => ({
      summary: 'Effets du score d’octroi sur les demandeurs, leurs groupes et la société, et mesures qui les réduisent.',
      affected: [
        { scope: 'individuals', name: 'Demandeurs de crédit', description: 'Personnes dont la demande est acceptée, refusée ou renvoyée vers un analyste.' },
        { scope: 'groups', name: 'Jeunes emprunteurs et indépendants', description: 'Groupes pour lesquels le modèle est moins fiable.' },
        { scope: 'society', name: 'Accès au crédit', description: 'Inclusion financière des ménages modestes.' },
      ],
      impacts: [
        { category: 'discrimination_fairness', description: 'Refus plus fréquents pour des groupes protégés par effet de variables de substitution.', affected: 'Jeunes emprunteurs', severity: 3, likelihood: 3, reversibility: 'partly_reversible', mitigations: 'Suivi mensuel des écarts d’acceptation ; retrait du code postal.' },
        { category: 'economic', description: 'Un refus injustifié prive le demandeur d’un financement et l’oriente vers des offres plus chères.', affected: 'Demandeurs refusés', severity: 3, likelihood: 2, reversibility: 'reversible', mitigations: 'Revue humaine de tout refus ; droit de recours.' },
        { category: 'privacy', description: 'Traitement de données bancaires détaillées.', affected: 'Tous les demandeurs', severity: 2, likelihood: 2, reversibility: 'reversible', mitigations: 'Minimisation, chiffrement, accès restreint.' },
      ],
      conclusion: 'Impacts acceptables au regard des mesures en place ; priorité au suivi des écarts entre groupes.',
      nextReviewOn: day(180),
      fria: null,
    }),
  },
  {
    system: 'scoring',
    variant: 'fria',
    title: 'Analyse d’impact sur les droits fondamentaux — score « Lumen »',
    approve: false,
    content: (day) => ({
      summary: 'Analyse menée en tant que déployeur d’un système de l’annexe III, point 5, b (évaluation de la solvabilité).',
      affected: [{ scope: 'individuals', name: 'Demandeurs de crédit', description: 'Particuliers résidant en France.' }],
      impacts: [
        { category: 'fundamental_rights', description: 'Atteinte possible au droit à la non-discrimination dans l’accès au crédit.', affected: 'Demandeurs de crédit', severity: 3, likelihood: 2, reversibility: 'partly_reversible', mitigations: 'Tests d’équité trimestriels, revue humaine des refus.' },
      ],
      conclusion: 'Le déploiement peut se poursuivre sous réserve des mesures décrites.',
      nextReviewOn: day(365),
      fria: {
        processes: 'Instruction des demandes de prêt personnel en agence et en ligne ; le score propose, l’analyste décide.',
        useFrom: day(-200),
        useUntil: null,
        useFrequency: 'En continu, environ 160 demandes par jour ouvré.',
        affectedCategories: 'Demandeurs de crédit à la consommation, dont les jeunes emprunteurs et les travailleurs indépendants.',
        risksOfHarm: 'Refus injustifié, discrimination indirecte, explication insuffisante de la décision.',
        humanOversight: 'Revue par un analyste de tout refus proposé ; seuils validés par le comité des risques.',
        mitigationMeasures: 'Suivi mensuel de la dérive et des écarts entre groupes ; retrait des variables de substitution.',
        governanceArrangements: 'Comité des risques trimestriel présidé par la direction de la conformité.',
        complaintMechanism: 'Réclamation par l’espace client ou par courrier ; réponse sous 10 jours ouvrés ; recours au médiateur.',
      },
    }),
  },
];
