import en from './en.json';
import fr from './fr.json';
import aiSystemsEn from './modules/aiSystems.en.json';
import aiSystemsFr from './modules/aiSystems.fr.json';
import dashboardEn from './modules/dashboard.en.json';
import dashboardFr from './modules/dashboard.fr.json';
import impactAssessmentsEn from './modules/impactAssessments.en.json';
import impactAssessmentsFr from './modules/impactAssessments.fr.json';
import risksEn from './modules/risks.en.json';
import risksFr from './modules/risks.fr.json';
import controlsEn from './modules/controls.en.json';
import controlsFr from './modules/controls.fr.json';
import soaEn from './modules/soa.en.json';
import soaFr from './modules/soa.fr.json';
import documentsEn from './modules/documents.en.json';
import documentsFr from './modules/documents.fr.json';
import evidenceEn from './modules/evidence.en.json';
import evidenceFr from './modules/evidence.fr.json';
import recordsEn from './modules/records.en.json';
import recordsFr from './modules/records.fr.json';
import readinessEn from './modules/readiness.en.json';
import readinessFr from './modules/readiness.fr.json';
import intakeEn from './modules/intake.en.json';
import intakeFr from './modules/intake.fr.json';
import auditTimeEn from './modules/auditTime.en.json';
import auditTimeFr from './modules/auditTime.fr.json';
import proposalsEn from './modules/proposals.en.json';
import proposalsFr from './modules/proposals.fr.json';
import auditsEn from './modules/audits.en.json';
import auditsFr from './modules/audits.fr.json';
import auditWorkEn from './modules/auditWork.en.json';
import auditWorkFr from './modules/auditWork.fr.json';
import auditPlanEn from './modules/auditPlan.en.json';
import auditPlanFr from './modules/auditPlan.fr.json';
import auditorsEn from './modules/auditors.en.json';
import auditorsFr from './modules/auditors.fr.json';
import findingsEn from './modules/findings.en.json';
import findingsFr from './modules/findings.fr.json';
import decisionsEn from './modules/decisions.en.json';
import decisionsFr from './modules/decisions.fr.json';
import certificatesEn from './modules/certificates.en.json';
import certificatesFr from './modules/certificates.fr.json';
import registerEn from './modules/register.en.json';
import registerFr from './modules/register.fr.json';
import cycleEn from './modules/cycle.en.json';
import cycleFr from './modules/cycle.fr.json';
import soc2DocumentsEn from './modules/soc2Documents.en.json';
import soc2DocumentsFr from './modules/soc2Documents.fr.json';
import soc2EngagementsEn from './modules/soc2Engagements.en.json';
import soc2EngagementsFr from './modules/soc2Engagements.fr.json';
import soc2TestingEn from './modules/soc2Testing.en.json';
import soc2TestingFr from './modules/soc2Testing.fr.json';
import soc2ProgrammeEn from './modules/soc2Programme.en.json';
import soc2ProgrammeFr from './modules/soc2Programme.fr.json';
import soc2ReadersEn from './modules/soc2Readers.en.json';
import soc2ReadersFr from './modules/soc2Readers.fr.json';
import soc2ReportEn from './modules/soc2Report.en.json';
import soc2ReportFr from './modules/soc2Report.fr.json';

/*
 * Domain modules keep their strings in `modules/<namespace>.<lang>.json`, one file per module, so
 * that modules built side by side never edit the same file; each becomes a top-level key
 * (`t('risks.register.title')`). The shell's strings stay in en.json / fr.json.
 */
export const resources = {
  en: { ...en, aiSystems: aiSystemsEn, risks: risksEn, impactAssessments: impactAssessmentsEn, dashboard: dashboardEn, controls: controlsEn, soa: soaEn, documents: documentsEn, evidence: evidenceEn, records: recordsEn, readiness: readinessEn, intake: intakeEn, auditTime: auditTimeEn, proposals: proposalsEn, audits: auditsEn, auditWork: auditWorkEn, auditPlan: auditPlanEn, auditors: auditorsEn, findings: findingsEn, decisions: decisionsEn, certificates: certificatesEn, register: registerEn, cycle: cycleEn, soc2Documents: soc2DocumentsEn, soc2Engagements: soc2EngagementsEn, soc2Testing: soc2TestingEn, soc2Programme: soc2ProgrammeEn, soc2Readers: soc2ReadersEn, soc2Report: soc2ReportEn },
  fr: { ...fr, aiSystems: aiSystemsFr, risks: risksFr, impactAssessments: impactAssessmentsFr, dashboard: dashboardFr, controls: controlsFr, soa: soaFr, documents: documentsFr, evidence: evidenceFr, records: recordsFr, readiness: readinessFr, intake: intakeFr, auditTime: auditTimeFr, proposals: proposalsFr, audits: auditsFr, auditWork: auditWorkFr, auditPlan: auditPlanFr, auditors: auditorsFr, findings: findingsFr, decisions: decisionsFr, certificates: certificatesFr, register: registerFr, cycle: cycleFr, soc2Documents: soc2DocumentsFr, soc2Engagements: soc2EngagementsFr, soc2Testing: soc2TestingFr, soc2Programme: soc2ProgrammeFr, soc2Readers: soc2ReadersFr, soc2Report: soc2ReportFr },
};

export type TTranslation = (typeof resources)['en'];
