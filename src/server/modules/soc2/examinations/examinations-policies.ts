import type { TSoc2ExaminationState } from '../../../../shared/contracts/soc2.ts';
import type { TRole } from '../../../../shared/contracts/roles.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import { ORG_MEMBERS, ORG_WRITERS } from '../../../platform/authz/role-sets.ts';

/** The examination as the rules see it. */
export type TSoc2ExaminationSubject = { state: TSoc2ExaminationState };

/** Everyone at the firm reads its examinations: the partner, the engagement team, the reviewers. */
const FIRM_READERS: readonly TRole[] = ['scheme_manager', 'auditor', 'technical_reviewer', 'decision_maker'];

const exam = rulesFor<TSoc2ExaminationSubject>()('soc2Examination');
const orgExam = rulesFor<TSoc2ExaminationSubject>()('orgSoc2Examination');

const notScoping = (_: unknown, s: TSoc2ExaminationSubject) => s.state !== 'scoping';
const scopeClosed = (_: unknown, s: TSoc2ExaminationSubject) =>
  new AppError(409, 'soc2_examination_state', `The scope is edited while the examination is being scoped (it is ${s.state}).`, { state: s.state, allowed: ['scoping'] });
const descriptionClosed = (_: unknown, s: TSoc2ExaminationSubject) =>
  new AppError(409, 'soc2_examination_state', `The system description is written before the report is issued (the examination is ${s.state}).`, { state: s.state, allowed: ['scoping', 'planning', 'fieldwork', 'reporting'] });
export const SCOPE_PART_STATES: readonly TSoc2ExaminationState[] = ['scoping', 'planning'];
const scopePartsClosed = (_: unknown, s: TSoc2ExaminationSubject) =>
  new AppError(409, 'soc2_examination_state', `Subservice organizations and complementary controls change while the examination is scoping or planning (it is ${s.state}).`, {
    state: s.state,
    allowed: SCOPE_PART_STATES,
  });
const notIssued = (_: unknown, s: TSoc2ExaminationSubject) =>
  new AppError(409, 'soc2_renewal_not_issued', `A renewal opens from an examination whose report has been issued (this one is ${s.state}).`, { state: s.state });
const closedToManagement = (s: TSoc2ExaminationSubject) => s.state === 'issued' || s.state === 'cancelled';

export const SOC2_EXAMINATION_POLICIES = [
  exam.allow(FIRM_READERS, 'soc2Examination.read'),
  exam.allow(['scheme_manager'], 'soc2Examination.create'),
  exam.allow(['scheme_manager', 'auditor'], 'soc2Examination.scope'),
  exam.deny('soc2Examination.scope', notScoping, scopeClosed),
  // Subservice organizations and complementary controls may still be refined while planning.
  exam.allow(['scheme_manager', 'auditor'], 'soc2Examination.scopeParts'),
  exam.deny('soc2Examination.scopeParts', (_, s) => !SCOPE_PART_STATES.includes(s.state), scopePartsClosed),
  // The next period opens from an issued report, by the scheme manager who opens examinations.
  exam.allow(['scheme_manager'], 'soc2Examination.renew'),
  exam.deny('soc2Examination.renew', (_, s) => s.state !== 'issued', notIssued),

  orgExam.allow(ORG_MEMBERS, 'orgSoc2Examination.read'),
  // Management writes its description; an owner or administrator signs it off for management.
  orgExam.allow(ORG_WRITERS, 'soc2Description.write'),
  orgExam.deny('soc2Description.write', (_, s) => closedToManagement(s), descriptionClosed),
  orgExam.allow(['owner', 'admin'], 'soc2Description.signOff'),
  orgExam.deny('soc2Description.signOff', (_, s) => closedToManagement(s), descriptionClosed),
];
