import type { FastifyInstance } from 'fastify';
import type { TApiDocs } from '../../platform/http/api-docs.ts';
import type { TPlatform } from '../../platform/platform.ts';
import { auditTimeDocs } from './audit-time/audit-time-docs.ts';
import { auditTimeRoutes } from './audit-time/audit-time-routes.ts';
import { auditWorkDocs } from './audit-work/audit-work-docs.ts';
import { auditWorkRoutes } from './audit-work/audit-work-routes.ts';
import { auditPlanDocs } from './audit-plan/audit-plan-docs.ts';
import { auditPlanRoutes } from './audit-plan/audit-plan-routes.ts';
import { auditorsDocs } from './auditors/auditors-docs.ts';
import { auditorsRoutes } from './auditors/auditors-routes.ts';
import { decisionsDocs, technicalReviewsDocs } from './decisions/decisions-docs.ts';
import { decisionsRoutes } from './decisions/decisions-routes.ts';
import { technicalReviewsRoutes } from './decisions/technical-reviews-routes.ts';
import { cycleDocs } from './cycle/cycle-docs.ts';
import { cycleRoutes } from './cycle/cycle-routes.ts';
import { auditsDocs } from './audits/audits-docs.ts';
import { auditsRoutes } from './audits/audits-routes.ts';
import { engagementReadsDocs } from './engagements/engagement-reads-docs.ts';
import { engagementReadsRoutes } from './engagements/engagement-reads-routes.ts';
import { findingsDocs } from './findings/findings-docs.ts';
import { findingsRoutes } from './findings/findings-routes.ts';
import { proposalsDocs } from './proposals/proposals-docs.ts';
import { proposalsRoutes } from './proposals/proposals-routes.ts';
import { intakeDocs } from './intake/intake-docs.ts';
import { intakeRoutes } from './intake/intake-routes.ts';
import { certificatesDocs } from './certificates/certificates-docs.ts';
import { certificatesRoutes } from './certificates/certificates-routes.ts';
import { registerDocs } from './register/register-docs.ts';
import { registerRoutes } from './register/register-routes.ts';

/*
 * The certification body's side (ISO/IEC 17021-1): one sub-folder per record type — clients and
 * enquiries, audit time, proposals, engagements, audits and their workspace — each with its own
 * repo, service, policies, audit actions, routes and docs, wired here so that the platform's
 * registration lists name the domain once.
 */

export { CERTIFICATION_AUDIT, CERTIFICATION_POLICIES } from './certification-registry.ts';
export { createProposalsService } from './proposals/proposals-service.ts';
export { createProposalLinkService } from './proposals/proposal-link-service.ts';
export { proposalToken } from './proposals/proposal-common.ts';
export { openEngagement, createOrgEngagementsService } from './engagements/engagements-service.ts';

export const certificationDocs: TApiDocs = {
  ...certificatesDocs,
  ...auditWorkDocs,
  ...proposalsDocs,
  ...auditTimeDocs,
  ...intakeDocs,
  ...engagementReadsDocs,
  ...auditsDocs,
  ...auditPlanDocs,
  ...auditorsDocs,
  ...technicalReviewsDocs,
  ...decisionsDocs,
  ...cycleDocs,
  ...findingsDocs,
  ...registerDocs,
};

/** The certification routes; app.ts calls this once. */
export function certificationRoutes(app: FastifyInstance, p: TPlatform) {
  certificatesRoutes(app, p);
  auditWorkRoutes(app, p);
  proposalsRoutes(app, p);
  auditTimeRoutes(app, p);
  intakeRoutes(app, p);
  engagementReadsRoutes(app, p);
  auditsRoutes(app, p);
  auditPlanRoutes(app, p);
  auditorsRoutes(app, p);
  technicalReviewsRoutes(app, p);
  decisionsRoutes(app, p);
  cycleRoutes(app, p);
  findingsRoutes(app, p);
  registerRoutes(app, p);
}

// Service factories and pure rules (the demo seed and the proposals build on them).
export { createChecklistService } from './audit-work/checklist-service.ts';
export { createReportService } from './audit-work/report-service.ts';
export { createAuditTimeService, SHIPPED_DEFAULT_TABLE } from './audit-time/audit-time-service.ts';
export { calculateAuditTime } from './audit-time/audit-time-rules.ts';
export { DEFAULT_AUDIT_TIME_TABLE } from './audit-time/default-table.ts';
export { latestCalculationForClient } from './audit-time/audit-time-repo.ts';
export { createBodySettingsService } from './intake/body-settings-service.ts';
export { createClientsService } from './intake/clients-service.ts';
export { createEnquiriesService } from './intake/enquiries-service.ts';
export { createQuoteRequestsService } from './intake/quote-requests-service.ts';
export { createAuditsService } from './audits/audits-service.ts';
export { createAuditPlanService } from './audit-plan/audit-plan-service.ts';
export { createOrgAuditPlansService } from './audit-plan/org-audit-plans-service.ts';
export { engagementAccess, engagementReader, readThroughEngagement, recordEngagementRead, type TEngagementAccess } from './engagements/engagement-access.ts';
export { createTeamService } from './audits/team-service.ts';
export { createAuditorsService } from './auditors/auditors-service.ts';
export {
  verifyCertificateCredential,
  signCertificateCredential,
  buildCertificateCredential,
  type TCertificateFacts,
  type TCertificateVerification,
  type TPublicKeys,
} from './certificates/certificate-credential.ts';
export { decisionBlockers, type TDecisionBlocker } from './findings/findings-gate.ts';
export {
  DEFAULT_FINDING_DEADLINES,
  findingDeadlines,
  overdueItems,
  decisionBlockerOf,
  verificationDueOn,
  type TFindingDeadlineSettings,
  type TOverdueItem,
} from './findings/findings-rules.ts';
export { findingLifecycle } from './findings/finding-lifecycle.ts';
export { renewalOutcome, chainedExpiry, restorationDeadline, nextCycleDueDates, RESTORATION_MONTHS, type TRenewalOutcome, type TOutstandingActivities } from './cycle/recertification-rules.ts';
export { openNextCycle, assessRenewal, assertRenewable, NEXT_CYCLE_SLOTS, type TRenewalAssessment, type TOpenNextCycleInput } from './cycle/next-cycle.ts';
export { createTechnicalReviewsService } from './decisions/technical-reviews-service.ts';
export { createDecisionsService } from './decisions/decisions-service.ts';
export { buildCertificationFile, fileHash } from './decisions/certification-file.ts';
export { reviewFacts, teamSeatsOf } from './decisions/review-facts.ts';
export { createOscalExportService } from './cycle/oscal/oscal-service.ts';
export { toAssessmentResults } from './cycle/oscal/assessment-results.ts';
export { toPoam } from './cycle/oscal/poam.ts';
export { createFindingsService } from './findings/findings-service.ts';
export { createFindingVerdictService } from './findings/finding-verdict-service.ts';
export { createOrgFindingsService } from './findings/org-findings-service.ts';
export { createRegisterService } from './register/register-service.ts';
export { issueCertificate, type TIssueCertificateInput, type TCertificateDeps } from './certificates/certificate-issue.ts';
export { changeCertificateStatus, expireCertificate, type TChangeCertificateStatusInput } from './certificates/certificate-status.ts';
export { certificateLifecycle } from './certificates/certificate-lifecycle.ts';
export { produceCertificateArtifacts } from './certificates/certificate-artifacts.ts';
export { createCycleDashboardService } from './cycle/dashboard-service.ts';
export { raiseCycleAlerts } from './cycle/jobs/raise-cycle-alerts.ts';
export { dueAlerts, RECERTIFICATION_REMINDER_MONTHS, NOT_STARTED_MONTHS } from './cycle/cycle-alert-rules.ts';
export { createCertificatesService } from './certificates/certificates-service.ts';
