import type { TAuditState, TAuditTeamRole } from '../../../../shared/contracts/certification.ts';
import type { TRole } from '../../../../shared/contracts/roles.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';

/**
 * The audit as the workspace's rules see it. `teamRole`: the actor's role on this audit's team
 * (null when not on it), read in the statement that loads the audit.
 */
export type TAuditWorkSubject = {
  teamRole: TAuditTeamRole | null;
  auditState: TAuditState;
  checklistGenerated: boolean;
  reportIssued: boolean;
};

/** The body's managers and the people who judge the audit afterwards read every audit's work. */
const BODY_READERS: readonly TRole[] = ['scheme_manager', 'technical_reviewer', 'decision_maker'];
/** Who records on the checklist: the auditors and technical experts of the team, not its observers. */
const RECORDERS: readonly TAuditTeamRole[] = ['lead_auditor', 'auditor', 'technical_expert'];

const onTeam = (_: unknown, s: TAuditWorkSubject) => s.teamRole !== null;
// An auditor sees only the audits they are on: any other audit answers as if it did not exist.
const notTheirs = () => notFound('Audit');
const notARecorder = () => new AppError(403, 'forbidden', 'Observers follow the audit: only its auditors and technical experts record on the checklist.');
const notTheLead = () => new AppError(403, 'forbidden', 'Only the lead auditor issues the audit report (ISO/IEC 17021-1 9.4.8).');

/** The checklist is worked while the audit is in progress; it is generated once the audit is confirmed. */
const stateRefused = (allowed: readonly TAuditState[], what: string) => (_: unknown, s: TAuditWorkSubject) => !allowed.includes(s.auditState);
const stateReason = (allowed: readonly TAuditState[], what: string) => (_: unknown, s: TAuditWorkSubject) =>
  new AppError(409, 'audit_work_state', `${what} is possible only while the audit is ${allowed.join(' or ')} (it is ${s.auditState}).`, { state: s.auditState, allowed });

const GENERATE_STATES: readonly TAuditState[] = ['confirmed', 'in_progress'];
const WORK_STATES: readonly TAuditState[] = ['in_progress'];

const checklist = rulesFor<TAuditWorkSubject>()('auditChecklist');
const report = rulesFor<TAuditWorkSubject>()('auditReport');

export const AUDIT_WORK_POLICIES = [
  checklist.allow(BODY_READERS, 'auditChecklist.read'),
  checklist.allow(['auditor'], 'auditChecklist.read', onTeam, notTheirs),
  checklist.allow(['auditor'], 'auditChecklist.generate', (_, s) => s.teamRole === 'lead_auditor' || s.teamRole === 'auditor', (_, s) => (s.teamRole ? notARecorder() : notTheirs())),
  checklist.deny('auditChecklist.generate', stateRefused(GENERATE_STATES, 'Generating the checklist'), stateReason(GENERATE_STATES, 'Generating the checklist')),
  checklist.deny(
    'auditChecklist.generate',
    (_, s) => s.checklistGenerated,
    () => new AppError(409, 'checklist_exists', 'This audit’s checklist is already generated: its items keep the verdicts recorded on them.'),
  ),
  checklist.allow(['auditor'], 'auditChecklist.record', (_, s) => s.teamRole !== null && RECORDERS.includes(s.teamRole), (_, s) => (s.teamRole ? notARecorder() : notTheirs())),
  checklist.deny('auditChecklist.record', stateRefused(WORK_STATES, 'Recording on the checklist'), stateReason(WORK_STATES, 'Recording on the checklist')),

  report.allow(BODY_READERS, 'auditReport.read'),
  report.allow(['auditor'], 'auditReport.read', onTeam, notTheirs),
  report.allow(['auditor'], 'auditReport.write', (_, s) => s.teamRole === 'lead_auditor' || s.teamRole === 'auditor', (_, s) => (s.teamRole ? notTheLead() : notTheirs())),
  report.deny('auditReport.write', (_, s) => s.reportIssued, () => new AppError(409, 'report_issued', 'This report is issued: it is kept as issued and never rewritten.')),
  report.deny('auditReport.write', stateRefused(WORK_STATES, 'Writing the report'), stateReason(WORK_STATES, 'Writing the report')),
  report.allow(['auditor'], 'auditReport.issue', (_, s) => s.teamRole === 'lead_auditor', (_, s) => (s.teamRole ? notTheLead() : notTheirs())),
  report.deny('auditReport.issue', (_, s) => s.reportIssued, () => new AppError(409, 'report_issued', 'This report is issued: it is kept as issued and never rewritten.')),
  report.deny('auditReport.issue', stateRefused(WORK_STATES, 'Issuing the report'), stateReason(WORK_STATES, 'Issuing the report')),
];
