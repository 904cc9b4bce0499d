import type { TDocumentVersionStatus } from '../../../shared/contracts/documents.ts';
import { fourEyesRefuses } from '../../platform/authz/four-eyes.ts';
import { rulesFor, type TPolicyActor } from '../../platform/authz/policy.ts';
import { ORG_MEMBERS, ORG_WRITERS } from '../../platform/authz/role-sets.ts';
import type { TRole } from '../../../shared/contracts/roles.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { documentLifecycle } from './document-lifecycle.ts';

/**
 * A version as the rules see it. `authorIds`: who wrote it and who submitted it; `approverIds`:
 * who approved it already; `memberCount`: the organization's members (counted in the statement
 * that locked the document).
 */
export type TDocumentVersionSubject = {
  status: TDocumentVersionStatus;
  latest: boolean;
  authorIds: readonly string[];
  approverIds: readonly string[];
  memberCount: number;
};

const ORG_APPROVERS: readonly TRole[] = ['owner', 'admin'];

const document = rulesFor<Record<string, never>>()('document');
const version = rulesFor<TDocumentVersionSubject>()('documentVersion');

type TEvent = 'submit' | 'approve' | 'publish';
/** Approval is judged on the in-review state (record_approval and approve share it). */
const stateRule = (event: TEvent) => (_: unknown, v: TDocumentVersionSubject) => !v.latest || !documentLifecycle.eventsFrom(v.status).includes(event);
const stateReason = (event: TEvent) => (_: unknown, v: TDocumentVersionSubject) =>
  v.latest ? documentLifecycle.refusal(v.status, event) : new AppError(409, 'document_version_frozen', 'Only the latest version of a document can move.', { state: v.status, event });

/**
 * Four eyes: whoever wrote or submitted a version does not approve it (the platform's one rule).
 * The same person never approves a version twice.
 */
export const ownApproval = (actor: Pick<TPolicyActor, 'userId'>, v: TDocumentVersionSubject) => fourEyesRefuses(actor, v);
export const secondApproval = (actor: Pick<TPolicyActor, 'userId'>, v: TDocumentVersionSubject) => actor.userId !== null && v.approverIds.includes(actor.userId);

export const DOCUMENT_POLICIES = [
  document.allow(ORG_MEMBERS, 'document.read'),
  document.allow(ORG_WRITERS, 'document.create'),
  document.allow(ORG_WRITERS, 'document.update'),
  document.allow(ORG_WRITERS, 'document.addVersion'),
  version.allow(ORG_WRITERS, 'documentVersion.submit'),
  version.deny('documentVersion.submit', stateRule('submit'), stateReason('submit')),
  version.allow(ORG_APPROVERS, 'documentVersion.approve'),
  version.deny('documentVersion.approve', stateRule('approve'), stateReason('approve')),
  version.deny('documentVersion.approve', ownApproval, () => new AppError(403, 'document_own_approval', 'You wrote or submitted this version: another owner or administrator must approve it.')),
  version.deny('documentVersion.approve', secondApproval, () => new AppError(409, 'document_already_approved', 'You have already approved this version.')),
  version.allow(ORG_APPROVERS, 'documentVersion.publish'),
  version.deny('documentVersion.publish', stateRule('publish'), stateReason('publish')),
];
