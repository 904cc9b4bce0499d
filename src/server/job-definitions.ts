import type { TAnyJobDefinition } from './platform/jobs/define-job.ts';
import { checkpointAuditChains } from './modules/audit/jobs/checkpoint-audit-chains.ts';
import { sendInvitationMail } from './modules/tenants/jobs/send-invitation-mail.ts';
import { sendPasswordResetMail } from './modules/accounts/jobs/send-password-reset-mail.ts';
import { expireRiskAcceptances } from './modules/risks/jobs/expire-risk-acceptances.ts';
import { remindOverdueFindings } from './modules/certification/findings/jobs/remind-overdue-findings.ts';
import { sendOverdueFindingMail } from './modules/certification/findings/jobs/send-overdue-finding-mail.ts';
import { expireEvidence } from './modules/evidence/jobs/expire-evidence.ts';
import { sendEvidenceExpiredMail } from './modules/evidence/jobs/send-evidence-expired-mail.ts';
import { sendRiskAcceptanceExpiredMail } from './modules/risks/jobs/send-risk-acceptance-expired-mail.ts';
import { remindDocumentReviews } from './modules/documents/jobs/remind-document-reviews.ts';
import { sendDocumentReviewMail } from './modules/documents/jobs/send-document-review-mail.ts';
import { sendProposalMail } from './modules/certification/proposals/jobs/send-proposal-mail.ts';
import { sendAuditPlanMail } from './modules/certification/audit-plan/jobs/send-audit-plan-mail.ts';
import { raiseCycleAlerts } from './modules/certification/cycle/jobs/raise-cycle-alerts.ts';
import { sendCycleAlertMail } from './modules/certification/cycle/jobs/send-cycle-alert-mail.ts';
import { remindAssessmentReviews } from './modules/impact-assessments/jobs/remind-assessment-reviews.ts';
import { sendAssessmentReviewMail } from './modules/impact-assessments/jobs/send-assessment-review-mail.ts';
import { expireCertificates } from './modules/certification/certificates/jobs/expire-certificates.ts';
import { remindSoc2Requests } from './modules/soc2/requests/jobs/remind-requests.ts';
import { sendRequestReminderMail } from './modules/soc2/requests/jobs/send-request-reminder-mail.ts';
import { sendExceptionsRaisedMail } from './modules/soc2/exceptions/jobs/send-exceptions-raised-mail.ts';
import { sendSoc2ReaderMail } from './modules/soc2/readers/jobs/send-reader-mail.ts';
import { sendCertificateStatusMail } from './modules/certification/certificates/jobs/send-certificate-status-mail.ts';

/**
 * Every job the platform runs, registered by every instance at start-up (server, worker, CLI),
 * so a worker-only instance can run what a web-only instance queues. A new job is added here.
 */
export const JOB_DEFINITIONS: readonly TAnyJobDefinition[] = [sendInvitationMail, sendPasswordResetMail, checkpointAuditChains, expireRiskAcceptances, sendRiskAcceptanceExpiredMail, remindDocumentReviews, sendDocumentReviewMail, expireEvidence, sendEvidenceExpiredMail, remindAssessmentReviews, sendAssessmentReviewMail, sendProposalMail, sendAuditPlanMail, raiseCycleAlerts, sendCycleAlertMail, expireCertificates, sendCertificateStatusMail, remindOverdueFindings, sendOverdueFindingMail, remindSoc2Requests, sendRequestReminderMail, sendExceptionsRaisedMail, sendSoc2ReaderMail];
