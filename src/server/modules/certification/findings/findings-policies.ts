import type { TAuditState, TAuditTeamRole } from '../../../../shared/contracts/certification.ts';
import type { TRole } from '../../../../shared/contracts/roles.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import { ORG_MEMBERS, ORG_WRITERS } from '../../../platform/authz/role-sets.ts';

/**
 * The finding's audit as the rules see it. `teamRole`: the actor's role on that audit's team (null
 * when not on it), read in the statement that loads the finding.
 */
export type TFindingSubject = { teamRole: TAuditTeamRole | null; auditState: TAuditState };

/** The audits findings are raised in: while the team is at work, and until the report is closed out. */
export const RAISE_AUDIT_STATES: readonly TAuditState[] = ['in_progress', 'reported'];

/** The scheme manager and those who judge the file afterwards read every finding. */
const BODY_READERS: readonly TRole[] = ['scheme_manager', 'technical_reviewer', 'decision_maker'];
/** Team members who raise findings and judge answers: auditors, not technical experts or observers. */
const AUDITING: readonly (TAuditTeamRole | null)[] = ['lead_auditor', 'auditor'];

const onTeam = (_: unknown, s: TFindingSubject) => s.teamRole !== null;
const auditing = (_: unknown, s: TFindingSubject) => AUDITING.includes(s.teamRole);
const notTheirs = () => notFound('Audit');
const notAuditing = (_: unknown, s: TFindingSubject) =>
  s.teamRole ? new AppError(403, 'forbidden', 'Findings are raised and judged by the audit’s auditors; technical experts and observers read them.') : notTheirs();

const finding = rulesFor<TFindingSubject>()('finding');
const orgFinding = rulesFor<Record<string, never>>()('orgFinding');

export const FINDINGS_POLICIES = [
  finding.allow(BODY_READERS, 'finding.read'),
  finding.allow(['auditor'], 'finding.read', onTeam, notTheirs),
  finding.allow(['scheme_manager'], 'finding.write'),
  finding.allow(['auditor'], 'finding.write', auditing, notAuditing),
  finding.deny(
    'finding.write',
    (_, s) => !RAISE_AUDIT_STATES.includes(s.auditState),
    (_, s) => new AppError(409, 'finding_audit_state', `Findings are raised while the audit is in progress or reported (it is ${s.auditState}).`, { state: s.auditState, allowed: RAISE_AUDIT_STATES }),
  ),
  finding.allow(['scheme_manager'], 'finding.judge'),
  finding.allow(['auditor'], 'finding.judge', auditing, notAuditing),

  orgFinding.allow(ORG_MEMBERS, 'orgFinding.read'),
  orgFinding.allow(ORG_WRITERS, 'orgFinding.respond'),
];
