import type { TRole } from '../../../shared/contracts/roles.ts';
import type { TSoaVersionStatus } from '../../../shared/contracts/soa.ts';
import { fourEyesRefuses } from '../../platform/authz/four-eyes.ts';
import { rulesFor, type TPolicyActor } from '../../platform/authz/policy.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { soaLifecycle, type TSoaEvent } from './soa-lifecycle.ts';

/**
 * The SoA as the rules see it. `status` is the version's (null when the question is about the
 * SoA as a whole, e.g. starting a draft); `openVersion`: a draft or review is already under way;
 * `authorIds`: who drafted and who submitted the version; `memberCount`: the organization's
 * members, counted in the statement that locked the version.
 */
export type TSoaSubject = { status: TSoaVersionStatus | null; openVersion: boolean; authorIds: readonly string[]; memberCount: number };

const ORG_READERS: readonly TRole[] = ['owner', 'admin', 'contributor', 'viewer'];
const ORG_WRITERS: readonly TRole[] = ['owner', 'admin', 'contributor'];
const ORG_APPROVERS: readonly TRole[] = ['owner', 'admin'];

const soa = rulesFor<TSoaSubject>()('soa');

/** Four eyes: who drafted or submitted a version does not approve it (the platform's one rule). */
export const ownApprovalRefused = (actor: Pick<TPolicyActor, 'userId'>, s: Pick<TSoaSubject, 'authorIds' | 'memberCount'>) => fourEyesRefuses(actor, s);

const stateRule = (event: TSoaEvent) => (_: unknown, s: TSoaSubject) => s.status === null || !soaLifecycle.eventsFrom(s.status).includes(event);
const stateReason = (event: TSoaEvent) => (_: unknown, s: TSoaSubject) =>
  s.status === null ? new AppError(404, 'not_found', 'No Statement of Applicability version is open.') : soaLifecycle.refusal(s.status, event);

export const SOA_POLICIES = [
  soa.allow(ORG_READERS, 'soa.read'),
  soa.allow(ORG_WRITERS, 'soa.create'),
  soa.deny(
    'soa.create',
    (_, s) => s.openVersion,
    () => new AppError(409, 'soa_open_version', 'A version of the Statement of Applicability is already being drafted or reviewed: finish it first.'),
  ),
  soa.allow(ORG_WRITERS, 'soa.update'),
  soa.deny('soa.update', stateRule('edit'), stateReason('edit')),
  soa.allow(ORG_WRITERS, 'soa.submit'),
  soa.deny('soa.submit', stateRule('submit'), stateReason('submit')),
  // The reviewer sends it back with a comment, or the author withdraws it to change it.
  soa.allow(ORG_WRITERS, 'soa.reject'),
  soa.deny('soa.reject', stateRule('reject'), stateReason('reject')),
  soa.allow(ORG_APPROVERS, 'soa.approve'),
  soa.deny('soa.approve', stateRule('approve'), stateReason('approve')),
  soa.deny(
    'soa.approve',
    (actor, s) => ownApprovalRefused(actor, s),
    () => new AppError(403, 'soa_own_approval', 'You drafted or submitted this version: another owner or administrator must approve it.'),
  ),
];
