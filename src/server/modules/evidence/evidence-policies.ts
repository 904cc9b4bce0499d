import type { TEvidenceStatus } from '../../../shared/contracts/evidence.ts';
import { ORG_MEMBERS, ORG_WRITERS } from '../../platform/authz/role-sets.ts';
import type { TRole } from '../../../shared/contracts/roles.ts';
import { fourEyesRefuses } from '../../platform/authz/four-eyes.ts';
import { rulesFor } from '../../platform/authz/policy.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { evidenceLifecycle, type TEvidenceEvent } from './evidence-lifecycle.ts';

/**
 * One revision as the rules see it. `current`: no later revision corrected it. `authorIds`: the
 * people who uploaded or submitted it (an API token is nobody). `members`: how many people the
 * organization has, counted in the statement that read the row.
 */
export type TEvidenceSubject = { status: TEvidenceStatus; current: boolean; authorIds: readonly string[]; members: number };

const ORG_ADMINS: readonly TRole[] = ['owner', 'admin'];

const evidence = rulesFor<TEvidenceSubject>()('evidence');
const settings = rulesFor<Record<string, never>>()('evidenceSettings');

const stateRule = (event: TEvidenceEvent) => (_: unknown, e: TEvidenceSubject) => !e.current || !evidenceLifecycle.eventsFrom(e.status).includes(event);
const stateReason = (event: TEvidenceEvent) => (_: unknown, e: TEvidenceSubject) =>
  e.current
    ? evidenceLifecycle.refusal(e.status, event)
    : new AppError(409, 'evidence_superseded', 'A later revision corrected this evidence: act on the current revision.', { status: e.status, event });

/*
 * Contributors (people and CI tokens) upload, submit and correct. Accepting or rejecting is a
 * review of someone else's work: owners and administrators only, never on a revision they uploaded
 * or submitted themselves, unless they are the organization's only member (nobody else could).
 */
export const EVIDENCE_POLICIES = [
  evidence.allow(ORG_MEMBERS, 'evidence.read'),
  evidence.allow(ORG_WRITERS, 'evidence.create'),
  evidence.allow(ORG_WRITERS, 'evidence.update'),
  evidence.deny('evidence.update', stateRule('edit'), stateReason('edit')),
  evidence.allow(ORG_WRITERS, 'evidence.submit'),
  evidence.deny('evidence.submit', stateRule('submit'), stateReason('submit')),
  evidence.allow(ORG_ADMINS, 'evidence.review'),
  evidence.deny('evidence.review', stateRule('accept'), stateReason('accept')),
  evidence.deny(
    'evidence.review',
    (actor, e) => fourEyesRefuses(actor, { authorIds: e.authorIds, memberCount: e.members }),
    () => new AppError(403, 'evidence_own_review', 'You uploaded or submitted this evidence: another owner or administrator must review it.'),
  ),
  evidence.allow(ORG_WRITERS, 'evidence.revise'),
  evidence.deny('evidence.revise', stateRule('revise'), stateReason('revise')),
  settings.allow(ORG_ADMINS, 'evidence.configure'),
];
