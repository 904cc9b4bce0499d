import type { TRole } from '../../../shared/contracts/roles.ts';
import type { TVariant, TVersionStatus } from '../../../shared/contracts/impact-assessments.ts';
import { rulesFor } from '../../platform/authz/policy.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { impactAssessmentLifecycle } from './impact-assessment-lifecycle.ts';

/**
 * An assessment's latest version as the rules see it. `authorIds` are the people who wrote it
 * (its creator) and who vouched for it (its submitter): neither may approve it.
 */
export type TAssessmentSubject = { status: TVersionStatus; variant: TVariant; latest: boolean; authorIds: readonly string[] };

const ORG_READERS: readonly TRole[] = ['owner', 'admin', 'contributor', 'viewer'];
const ORG_WRITERS: readonly TRole[] = ['owner', 'admin', 'contributor'];
const ORG_APPROVERS: readonly TRole[] = ['owner', 'admin'];

const assessment = rulesFor<TAssessmentSubject>()('impactAssessment');
const settings = rulesFor<Record<string, never>>()('impactAssessmentSettings');

/** A rule about the version's state says what the lifecycle says. */
const stateRule = (event: 'edit' | 'submit' | 'return' | 'approve' | 'revise') => (_: unknown, a: TAssessmentSubject) =>
  !a.latest || !impactAssessmentLifecycle.eventsFrom(a.status).includes(event);
const stateReason = (event: 'edit' | 'submit' | 'return' | 'approve' | 'revise') => (_: unknown, a: TAssessmentSubject) =>
  a.latest
    ? impactAssessmentLifecycle.refusal(a.status, event)
    : new AppError(409, 'conflict', 'Only the latest version of an assessment can change.', { state: a.status, event });

export const IMPACT_ASSESSMENT_POLICIES = [
  assessment.allow(ORG_READERS, 'impactAssessment.read'),
  assessment.allow(ORG_WRITERS, 'impactAssessment.create'),
  assessment.allow(ORG_WRITERS, 'impactAssessment.update'),
  assessment.deny('impactAssessment.update', stateRule('edit'), stateReason('edit')),
  assessment.allow(ORG_WRITERS, 'impactAssessment.submit'),
  assessment.deny('impactAssessment.submit', stateRule('submit'), stateReason('submit')),
  // The author withdraws a submission, or the reviewer sends it back with a comment.
  assessment.allow(ORG_WRITERS, 'impactAssessment.return'),
  assessment.deny('impactAssessment.return', stateRule('return'), stateReason('return')),
  assessment.allow(ORG_APPROVERS, 'impactAssessment.approve'),
  assessment.deny('impactAssessment.approve', stateRule('approve'), stateReason('approve')),
  // Four eyes: whoever wrote or submitted a version does not approve it (README).
  assessment.deny(
    'impactAssessment.approve',
    (actor, a) => actor.userId !== null && a.authorIds.includes(actor.userId),
    () => new AppError(403, 'assessment_own_approval', 'You wrote or submitted this version: another owner or administrator must approve it.'),
  ),
  assessment.allow(ORG_WRITERS, 'impactAssessment.revise'),
  assessment.deny('impactAssessment.revise', stateRule('revise'), stateReason('revise')),
  settings.allow(ORG_APPROVERS, 'impactAssessment.configure'),
];
