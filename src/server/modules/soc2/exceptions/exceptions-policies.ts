import type { TSoc2ExaminationState } from '../../../../shared/contracts/soc2.ts';
import type { TSoc2ExceptionState } from '../../../../shared/contracts/soc2-exceptions.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { ORG_WRITERS } from '../../../platform/authz/role-sets.ts';
import { AppError, forbidden } from '../../../platform/errors/errors.ts';
import { examinationLifecycle } from '../examinations/examination-lifecycle.ts';
import { EXCEPTION_STATES } from './exception-rules.ts';

/*
 * Exceptions, fieldwork → reporting, the partner and the opinion. The scheme manager and the auditors
 * raise, edit and conclude exceptions; the organization's writers respond (a viewer reads only).
 * The opinion is the engagement partner's alone, whatever their role at the firm; naming the partner
 * is the scheme manager's.
 */

export type TSoc2ExceptionSubject = { examinationState: TSoc2ExaminationState; state: TSoc2ExceptionState };
export type TSoc2OpinionSubject = { state: TSoc2ExaminationState; partnerUserId: string | null };

const FIRM_AUDITORS = ['scheme_manager', 'auditor'] as const;
const FIRM_MEMBERS = ['scheme_manager', 'auditor', 'technical_reviewer', 'decision_maker'] as const;

const exc = rulesFor<TSoc2ExceptionSubject>()('soc2Exception');
const orgExc = rulesFor<TSoc2ExceptionSubject>()('orgSoc2Exception');
const exam = rulesFor<{ state: TSoc2ExaminationState }>()('soc2Examination');
const opinion = rulesFor<TSoc2OpinionSubject>()('soc2Opinion');

const notFieldwork = (_: unknown, s: TSoc2ExceptionSubject) => !(EXCEPTION_STATES as readonly string[]).includes(s.examinationState);
const examState = (_: unknown, s: TSoc2ExceptionSubject) =>
  new AppError(409, 'soc2_examination_state', `Exceptions are raised, answered and concluded during fieldwork (the examination is ${s.examinationState}).`, {
    state: s.examinationState,
    allowed: EXCEPTION_STATES,
  });
const exceptionState = (allowed: readonly TSoc2ExceptionState[], why: string) => (_: unknown, s: TSoc2ExceptionSubject) =>
  new AppError(409, 'soc2_exception_state', `The exception is ${s.state}: ${why}`, { state: s.state, allowed });

export const SOC2_EXCEPTION_POLICIES = [
  exc.allow(FIRM_AUDITORS, 'soc2Exception.raise'),
  exc.deny('soc2Exception.raise', notFieldwork, examState),
  exc.allow(FIRM_AUDITORS, 'soc2Exception.edit'),
  exc.deny('soc2Exception.edit', notFieldwork, examState),
  exc.deny('soc2Exception.edit', (_, s) => s.state !== 'open', exceptionState(['open'], 'its description is edited only until management responds.')),
  exc.allow(FIRM_AUDITORS, 'soc2Exception.conclude'),
  exc.deny('soc2Exception.conclude', notFieldwork, examState),
  exc.deny('soc2Exception.conclude', (_, s) => s.state === 'concluded', exceptionState(['open', 'responded'], 'it is already concluded.')),

  orgExc.allow(ORG_WRITERS, 'orgSoc2Exception.respond'),
  orgExc.deny('orgSoc2Exception.respond', (_, s) => s.state === 'concluded', (_, s) =>
    new AppError(409, 'soc2_exception_concluded', 'The auditor has concluded on this exception: it can no longer be answered.', { state: s.state }),
  ),
  orgExc.deny('orgSoc2Exception.respond', notFieldwork, examState),

  exam.allow(FIRM_AUDITORS, 'soc2Examination.reporting'),
  exam.deny('soc2Examination.reporting', (_, s) => !examinationLifecycle.can(s.state, 'startReporting'), (_, s) =>
    new AppError(409, 'soc2_examination_state', `Reporting starts at the end of fieldwork (the examination is ${s.state}).`, { state: s.state, allowed: ['fieldwork'] }),
  ),
  exam.allow(['scheme_manager'], 'soc2Examination.partner'),
  exam.deny('soc2Examination.partner', (_, s) => s.state === 'issued' || s.state === 'cancelled', (_, s) =>
    new AppError(409, 'soc2_examination_state', `The partner is named before the report is issued (the examination is ${s.state}).`, {
      state: s.state,
      allowed: ['scoping', 'planning', 'fieldwork', 'reporting'],
    }),
  ),

  // Only the engagement partner; with none named, the refusal says to name one.
  opinion.allow(
    FIRM_MEMBERS,
    'soc2Opinion.record',
    (actor, s) => s.partnerUserId !== null && s.partnerUserId === actor.userId,
    (_, s) =>
      s.partnerUserId === null
        ? new AppError(409, 'soc2_partner_required', 'No engagement partner is named for this examination: the scheme manager names one first.')
        : forbidden('Only the engagement partner records the opinion.'),
  ),
  opinion.deny('soc2Opinion.record', (_, s) => s.state !== 'reporting', (_, s) =>
    new AppError(409, 'soc2_examination_state', `The opinion is recorded during reporting, until the report is issued (the examination is ${s.state}).`, {
      state: s.state,
      allowed: ['reporting'],
    }),
  ),
];
