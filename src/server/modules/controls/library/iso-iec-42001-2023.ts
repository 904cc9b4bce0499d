import type { TControlAutomation, TControlFrequency } from '../../../../shared/contracts/controls.ts';

/*
 * The starter control set for ISO/IEC 42001:2023 Annex A, keyed by the Annex A ref (a fact of the
 * catalog). Titles and descriptions are Attest's own wording of a control an organization could
 * run to meet the objective — they are not the standard's text. The key set must be exactly the
 * catalog's `control` refs of the framework's current version: library.test.ts checks it.
 */

export type TLibraryItem = {
  frequency: TControlFrequency;
  automation: TControlAutomation;
  en: { title: string; description: string };
  fr: { title: string; description: string };
};

export const ISO_42001_LIBRARY: Record<string, TLibraryItem> = {
  'A.2.2': {
    frequency: 'annually',
    automation: 'manual',
    en: { title: 'Approved AI policy', description: 'Top management approves a written AI policy, publishes it to staff and records who approved which version.' },
    fr: { title: 'Politique IA approuvée', description: 'La direction approuve une politique IA écrite, la diffuse au personnel et consigne qui a approuvé quelle version.' },
  },
  'A.2.3': {
    frequency: 'annually',
    automation: 'manual',
    en: { title: 'AI policy cross-check with other policies', description: 'Security, privacy, quality and procurement policies are compared with the AI policy; gaps and contradictions are logged and resolved.' },
    fr: { title: 'Contrôle de cohérence entre la politique IA et les autres politiques', description: 'Les politiques de sécurité, de protection des données, de qualité et d’achats sont comparées à la politique IA ; les écarts et contradictions sont consignés et traités.' },
  },
  'A.2.4': {
    frequency: 'annually',
    automation: 'manual',
    en: { title: 'Scheduled AI policy review', description: 'The AI policy owner reviews the policy at least yearly and after major changes, and records the outcome and any revision.' },
    fr: { title: 'Revue planifiée de la politique IA', description: 'Le responsable de la politique IA la revoit au moins une fois par an et après tout changement majeur, et consigne le résultat et les révisions.' },
  },
  'A.3.2': {
    frequency: 'annually',
    automation: 'manual',
    en: { title: 'AI responsibility matrix', description: 'A RACI names who decides, builds, validates, operates and oversees each AI system; it is kept current and known to the people named.' },
    fr: { title: 'Matrice des responsabilités IA', description: 'Une matrice RACI désigne qui décide, développe, valide, exploite et supervise chaque système d’IA ; elle est tenue à jour et connue des personnes désignées.' },
  },
  'A.3.3': {
    frequency: 'continuous',
    automation: 'manual',
    en: { title: 'Channel for raising AI concerns', description: 'Staff and contractors can raise concerns about AI systems, anonymously if they wish; each report is triaged, followed up and closed with a record.' },
    fr: { title: 'Canal de remontée des préoccupations liées à l’IA', description: 'Le personnel et les prestataires peuvent signaler, anonymement s’ils le souhaitent, une préoccupation sur un système d’IA ; chaque signalement est qualifié, suivi et clos avec une trace.' },
  },
  'A.4.2': {
    frequency: 'quarterly',
    automation: 'manual',
    en: { title: 'Inventory of resources per AI system', description: 'For each AI system, the data, tools, computing and people it relies on are listed and kept up to date with the system record.' },
    fr: { title: 'Inventaire des ressources par système d’IA', description: 'Pour chaque système d’IA, les données, outils, moyens de calcul et personnes dont il dépend sont recensés et tenus à jour avec la fiche du système.' },
  },
  'A.4.3': {
    frequency: 'quarterly',
    automation: 'manual',
    en: { title: 'Register of datasets', description: 'Every dataset used by an AI system is registered with its origin, content, intended use, legal basis and retention.' },
    fr: { title: 'Registre des jeux de données', description: 'Chaque jeu de données utilisé par un système d’IA est inscrit au registre avec son origine, son contenu, son usage prévu, sa base légale et sa durée de conservation.' },
  },
  'A.4.4': {
    frequency: 'quarterly',
    automation: 'automated',
    en: { title: 'Register of AI tooling and libraries', description: 'Frameworks, libraries, models and development tools used for AI systems are listed with their versions, generated from the build where possible.' },
    fr: { title: 'Registre des outils et bibliothèques IA', description: 'Les frameworks, bibliothèques, modèles et outils de développement utilisés pour les systèmes d’IA sont recensés avec leurs versions, générés depuis la chaîne de build quand c’est possible.' },
  },
  'A.4.5': {
    frequency: 'quarterly',
    automation: 'automated',
    en: { title: 'Register of computing environments', description: 'The hosting, compute and storage environments of each AI system are recorded, including cloud regions and providers.' },
    fr: { title: 'Registre des environnements de calcul', description: 'Les environnements d’hébergement, de calcul et de stockage de chaque système d’IA sont consignés, y compris les régions et fournisseurs cloud.' },
  },
  'A.4.6': {
    frequency: 'annually',
    automation: 'manual',
    en: { title: 'Skills map for AI roles', description: 'The competences each AI role needs are defined, compared with the people in post, and training is planned for the gaps.' },
    fr: { title: 'Cartographie des compétences pour les rôles IA', description: 'Les compétences requises par chaque rôle IA sont définies, comparées aux personnes en poste, et des formations sont planifiées pour combler les écarts.' },
  },
  'A.5.2': {
    frequency: 'on_event',
    automation: 'manual',
    en: { title: 'AI impact assessment procedure', description: 'A documented procedure says when an impact assessment is required, who performs and approves it, and which criteria trigger a new one.' },
    fr: { title: 'Procédure d’évaluation d’impact IA', description: 'Une procédure écrite précise quand une évaluation d’impact est requise, qui la réalise et l’approuve, et quels critères en déclenchent une nouvelle.' },
  },
  'A.5.3': {
    frequency: 'on_event',
    automation: 'manual',
    en: { title: 'Impact assessment records kept', description: 'Each impact assessment is stored with its version, approver and date, and kept for the retention period the organization has set.' },
    fr: { title: 'Conservation des évaluations d’impact', description: 'Chaque évaluation d’impact est archivée avec sa version, son approbateur et sa date, et conservée pendant la durée fixée par l’organisation.' },
  },
  'A.5.4': {
    frequency: 'on_event',
    automation: 'manual',
    en: { title: 'Assessment of effects on people', description: 'Impact assessments examine effects on the individuals and groups an AI system touches, including fairness, privacy and access to services.' },
    fr: { title: 'Évaluation des effets sur les personnes', description: 'Les évaluations d’impact examinent les effets sur les personnes et groupes concernés par un système d’IA, notamment l’équité, la vie privée et l’accès aux services.' },
  },
  'A.5.5': {
    frequency: 'on_event',
    automation: 'manual',
    en: { title: 'Assessment of wider societal effects', description: 'Impact assessments consider broader effects such as on the environment, employment, public trust or democratic processes, where relevant.' },
    fr: { title: 'Évaluation des effets sociétaux plus larges', description: 'Les évaluations d’impact prennent en compte, lorsque c’est pertinent, des effets plus larges comme l’environnement, l’emploi, la confiance du public ou les processus démocratiques.' },
  },
  'A.6.1.2': {
    frequency: 'annually',
    automation: 'manual',
    en: { title: 'Responsible AI development goals', description: 'Measurable goals for responsible development (e.g. fairness thresholds, explainability) are set, owned and reviewed each year.' },
    fr: { title: 'Objectifs de développement responsable de l’IA', description: 'Des objectifs mesurables de développement responsable (par exemple des seuils d’équité ou d’explicabilité) sont fixés, attribués et revus chaque année.' },
  },
  'A.6.1.3': {
    frequency: 'annually',
    automation: 'manual',
    en: { title: 'Defined AI development process', description: 'The AI development process is written down with its stages, gates and required approvals, and projects follow it.' },
    fr: { title: 'Processus de développement IA défini', description: 'Le processus de développement IA est formalisé avec ses étapes, ses jalons et les validations requises, et les projets le suivent.' },
  },
  'A.6.2.2': {
    frequency: 'on_event',
    automation: 'manual',
    en: { title: 'Documented requirements for each AI system', description: 'Functional, performance, safety and ethical requirements are written and approved before development of an AI system starts.' },
    fr: { title: 'Exigences documentées pour chaque système d’IA', description: 'Les exigences fonctionnelles, de performance, de sécurité et éthiques sont rédigées et approuvées avant le début du développement d’un système d’IA.' },
  },
  'A.6.2.3': {
    frequency: 'on_event',
    automation: 'manual',
    en: { title: 'Design records for AI systems', description: 'Design choices, model architecture and training approach are recorded for each AI system and updated when they change.' },
    fr: { title: 'Dossier de conception des systèmes d’IA', description: 'Les choix de conception, l’architecture du modèle et la méthode d’entraînement sont consignés pour chaque système d’IA et mis à jour en cas de changement.' },
  },
  'A.6.2.4': {
    frequency: 'on_event',
    automation: 'automated',
    en: { title: 'Pre-release testing of AI systems', description: 'Before each release, an AI system is tested against its requirements and acceptance criteria; results are recorded and a named person signs off.' },
    fr: { title: 'Tests avant mise en production des systèmes d’IA', description: 'Avant chaque mise en production, le système d’IA est testé au regard de ses exigences et critères d’acceptation ; les résultats sont consignés et une personne désignée donne son accord.' },
  },
  'A.6.2.5': {
    frequency: 'on_event',
    automation: 'manual',
    en: { title: 'Controlled release of AI systems', description: 'Releases follow a plan with a rollback path, and go live only after the required approvals are recorded.' },
    fr: { title: 'Mise en production maîtrisée des systèmes d’IA', description: 'Les mises en production suivent un plan prévoyant un retour arrière et n’ont lieu qu’une fois les validations requises consignées.' },
  },
  'A.6.2.6': {
    frequency: 'continuous',
    automation: 'automated',
    en: { title: 'Production monitoring of AI systems', description: 'Performance, drift, errors and misuse of AI systems in production are monitored with alert thresholds and a named responder.' },
    fr: { title: 'Surveillance en production des systèmes d’IA', description: 'La performance, la dérive, les erreurs et les usages abusifs des systèmes d’IA en production sont surveillés, avec des seuils d’alerte et un intervenant désigné.' },
  },
  'A.6.2.7': {
    frequency: 'on_event',
    automation: 'manual',
    en: { title: 'Technical file for each AI system', description: 'A technical file describes each AI system for the people who need it (users, auditors, regulators) and is updated at each significant change.' },
    fr: { title: 'Dossier technique de chaque système d’IA', description: 'Un dossier technique décrit chaque système d’IA pour ceux qui en ont besoin (utilisateurs, auditeurs, autorités) et il est mis à jour à chaque changement significatif.' },
  },
  'A.6.2.8': {
    frequency: 'continuous',
    automation: 'automated',
    en: { title: 'Event logging for AI systems', description: 'AI systems record the events needed to trace their outputs and operation; logs are protected and kept for the defined period.' },
    fr: { title: 'Journalisation des systèmes d’IA', description: 'Les systèmes d’IA enregistrent les événements nécessaires pour retracer leurs résultats et leur fonctionnement ; les journaux sont protégés et conservés pendant la durée définie.' },
  },
  'A.7.2': {
    frequency: 'on_event',
    automation: 'manual',
    en: { title: 'Data management process for AI', description: 'A process governs how data for training, validation and improvement of AI systems is selected, approved and managed.' },
    fr: { title: 'Processus de gestion des données pour l’IA', description: 'Un processus encadre la sélection, l’approbation et la gestion des données utilisées pour entraîner, valider et améliorer les systèmes d’IA.' },
  },
  'A.7.3': {
    frequency: 'on_event',
    automation: 'manual',
    en: { title: 'Checks on data sourcing', description: 'Before data is acquired, its source, licence, consent and legal basis are checked and the decision is recorded.' },
    fr: { title: 'Vérification de l’origine des données', description: 'Avant toute acquisition de données, leur source, leur licence, le consentement et la base légale sont vérifiés et la décision est consignée.' },
  },
  'A.7.4': {
    frequency: 'on_event',
    automation: 'automated',
    en: { title: 'Data quality checks', description: 'Datasets are checked against defined quality criteria (completeness, accuracy, representativeness, bias) before use, with results kept.' },
    fr: { title: 'Contrôles de qualité des données', description: 'Les jeux de données sont contrôlés au regard de critères de qualité définis (complétude, exactitude, représentativité, biais) avant usage, et les résultats sont conservés.' },
  },
  'A.7.5': {
    frequency: 'continuous',
    automation: 'automated',
    en: { title: 'Data lineage tracking', description: 'Where each dataset came from and how it was transformed is traceable from source to the model version that used it.' },
    fr: { title: 'Traçabilité du lignage des données', description: 'L’origine de chaque jeu de données et ses transformations sont traçables depuis la source jusqu’à la version du modèle qui l’a utilisé.' },
  },
  'A.7.6': {
    frequency: 'on_event',
    automation: 'automated',
    en: { title: 'Documented data preparation steps', description: 'Cleaning, labelling, anonymisation and other preparation steps are scripted or written down so they can be repeated and reviewed.' },
    fr: { title: 'Étapes de préparation des données documentées', description: 'Le nettoyage, l’annotation, l’anonymisation et les autres étapes de préparation sont scriptés ou décrits, afin de pouvoir être rejoués et revus.' },
  },
  'A.8.2': {
    frequency: 'on_event',
    automation: 'manual',
    en: { title: 'User information for AI systems', description: 'Users receive clear information on what each AI system does, its limits and how to use it correctly, updated with each release.' },
    fr: { title: 'Information des utilisateurs des systèmes d’IA', description: 'Les utilisateurs reçoivent une information claire sur ce que fait chaque système d’IA, ses limites et son bon usage, mise à jour à chaque version.' },
  },
  'A.8.3': {
    frequency: 'continuous',
    automation: 'manual',
    en: { title: 'External feedback channel', description: 'Customers and other outside parties can report adverse effects of an AI system; reports are logged, answered and fed into improvement.' },
    fr: { title: 'Canal de signalement externe', description: 'Les clients et autres tiers peuvent signaler les effets indésirables d’un système d’IA ; les signalements sont consignés, traités et alimentent l’amélioration.' },
  },
  'A.8.4': {
    frequency: 'on_event',
    automation: 'manual',
    en: { title: 'AI incident communication plan', description: 'A plan says who informs whom, how and how fast when an AI incident occurs, and each incident’s communications are recorded.' },
    fr: { title: 'Plan de communication des incidents IA', description: 'Un plan précise qui informe qui, comment et dans quels délais lorsqu’un incident IA survient, et les communications de chaque incident sont consignées.' },
  },
  'A.8.5': {
    frequency: 'quarterly',
    automation: 'manual',
    en: { title: 'Register of reporting obligations', description: 'Legal and contractual obligations to report on AI systems are listed with their recipients and deadlines, and each report sent is tracked.' },
    fr: { title: 'Registre des obligations d’information', description: 'Les obligations légales et contractuelles d’information sur les systèmes d’IA sont recensées avec leurs destinataires et échéances, et chaque envoi est suivi.' },
  },
  'A.9.2': {
    frequency: 'annually',
    automation: 'manual',
    en: { title: 'Rules for responsible use of AI', description: 'Written rules define how AI systems may and may not be used in the organization, and staff acknowledge them.' },
    fr: { title: 'Règles d’utilisation responsable de l’IA', description: 'Des règles écrites définissent comment les systèmes d’IA peuvent ou non être utilisés dans l’organisation, et le personnel en prend connaissance.' },
  },
  'A.9.3': {
    frequency: 'annually',
    automation: 'manual',
    en: { title: 'Goals for responsible AI use', description: 'Measurable goals for the responsible use of AI systems are set, owned and reviewed against results each year.' },
    fr: { title: 'Objectifs d’utilisation responsable de l’IA', description: 'Des objectifs mesurables d’utilisation responsable des systèmes d’IA sont fixés, attribués et comparés chaque année aux résultats.' },
  },
  'A.9.4': {
    frequency: 'quarterly',
    automation: 'manual',
    en: { title: 'Use within the intended purpose', description: 'Each AI system’s intended purpose is recorded and its actual use is checked against it; uses outside it are stopped or re-assessed.' },
    fr: { title: 'Usage conforme à la destination', description: 'La destination de chaque système d’IA est consignée et son usage réel est vérifié au regard de celle-ci ; tout usage hors destination est arrêté ou réévalué.' },
  },
  'A.10.2': {
    frequency: 'annually',
    automation: 'manual',
    en: { title: 'Split of responsibilities with third parties', description: 'For each AI system involving outside parties, who is responsible for what across its lifecycle is agreed in writing.' },
    fr: { title: 'Partage des responsabilités avec les tiers', description: 'Pour chaque système d’IA impliquant des tiers, la répartition des responsabilités sur l’ensemble de son cycle de vie est convenue par écrit.' },
  },
  'A.10.3': {
    frequency: 'annually',
    automation: 'manual',
    en: { title: 'Due diligence on AI suppliers', description: 'Suppliers of AI systems, models or data are assessed before contracting and reviewed periodically against the organization’s requirements.' },
    fr: { title: 'Diligence raisonnable envers les fournisseurs d’IA', description: 'Les fournisseurs de systèmes, de modèles ou de données d’IA sont évalués avant contractualisation puis revus périodiquement au regard des exigences de l’organisation.' },
  },
  'A.10.4': {
    frequency: 'annually',
    automation: 'manual',
    en: { title: 'Customer expectations for AI', description: 'Customers’ needs and expectations regarding AI systems are captured in contracts or specifications and reviewed when they change.' },
    fr: { title: 'Attentes des clients vis-à-vis de l’IA', description: 'Les besoins et attentes des clients concernant les systèmes d’IA sont formalisés dans les contrats ou spécifications et revus lorsqu’ils évoluent.' },
  },
};

/** The reference a library control gets: the Annex A ref behind a prefix the organization may rename later. */
export const libraryReference = (ref: string) => `AIMS-${ref}`;
