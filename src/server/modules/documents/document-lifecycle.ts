import { AppError } from '../../platform/errors/errors.ts';
import { defineLifecycle } from '../../platform/lifecycle/lifecycle.ts';
import { VERSION_STATUSES, type TDocumentVersionStatus } from '../../../shared/contracts/documents.ts';

/*
 * One version of a document: draft → in review → approved → published → superseded. A version's
 * content and hash are written when it is added and never change, so an approval always stands
 * for the bytes it names; an edit is a new version, which replaces the version on its way (draft,
 * in review or approved: it becomes superseded, its approvals kept as history). Approval needs
 * the document's quorum of distinct approvers: each one before the last is recorded without
 * moving the version. Publishing supersedes the version published before.
 */

export type TApprovalContext = {
  /** Distinct approvals the version has, this one included. */
  approvals: number;
  quorum: number;
};

/** Whether this approval completes the quorum (approve) or only counts towards it (record_approval). */
export const approvalEvent = (ctx: TApprovalContext): 'approve' | 'record_approval' => (ctx.approvals >= ctx.quorum ? 'approve' : 'record_approval');

const quorumReached = (ctx: TApprovalContext | undefined) =>
  !ctx || ctx.approvals >= ctx.quorum ? null : new AppError(409, 'conflict', `This version has ${ctx.approvals} of the ${ctx.quorum} approvals it needs.`, { approvals: ctx.approvals, quorum: ctx.quorum });
const quorumNotReached = (ctx: TApprovalContext | undefined) =>
  !ctx || ctx.approvals < ctx.quorum ? null : new AppError(409, 'conflict', 'This approval completes the quorum: approve the version.', { approvals: ctx.approvals, quorum: ctx.quorum });

const REFUSAL: Record<TDocumentVersionStatus, string> = {
  draft: 'This version is a draft: submit it for review first.',
  in_review: 'This version is in review: it needs its approvals before it can be published.',
  approved: 'This version is approved: publish it, or add a new version to change it.',
  published: 'This version is published: add a new version to change it.',
  superseded: 'This version was superseded by a newer one: it is kept as history.',
};

export const documentLifecycle = defineLifecycle<TDocumentVersionStatus, 'submit' | 'record_approval' | 'approve' | 'publish' | 'replace' | 'supersede', TApprovalContext | undefined>({
  name: 'documentVersion',
  states: VERSION_STATUSES,
  transitions: {
    submit: { from: ['draft'], to: 'in_review', audit: 'document.submitted' },
    record_approval: { from: ['in_review'], to: 'in_review', audit: 'document.approved', guards: [quorumNotReached] },
    approve: { from: ['in_review'], to: 'approved', audit: 'document.approved', guards: [quorumReached] },
    publish: { from: ['approved'], to: 'published', audit: 'document.published' },
    // A new version replaces the one on its way; recorded by the new version's event.
    replace: { from: ['draft', 'in_review', 'approved'], to: 'superseded', audit: null },
    // Publishing the next version; recorded by that publication's event.
    supersede: { from: ['published'], to: 'superseded', audit: null },
  },
  refusal: (state, event) =>
    new AppError(409, state === 'published' || state === 'superseded' || (state === 'in_review' && event === 'submit') ? 'document_version_frozen' : 'conflict', REFUSAL[state], { state, event }),
});
export type TDocumentEvent = keyof typeof documentLifecycle.transitions;
