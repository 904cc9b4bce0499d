import { AppError } from '../../platform/errors/errors.ts';
import { defineLifecycle } from '../../platform/lifecycle/lifecycle.ts';
import { SOA_VERSION_STATUSES, type TSoaImplementationStatus, type TSoaVersionStatus } from '../../../shared/contracts/soa.ts';

/*
 * One version of the Statement of Applicability: draft → in review → approved → superseded.
 * Entries change only in draft; a reviewer rejects back to draft with a comment. Approval
 * freezes the version for good: the next change is a new draft (copied from it), and the approved
 * version stays in force until that draft is approved and supersedes it.
 */

export type TEntryDecision = { ref: string; applicable: boolean | null; justification: string; implementationStatus: TSoaImplementationStatus | null };

/** The refs not ready for review: undecided, unjustified, or applicable without an implementation status. */
export function incompleteRefs(entries: readonly TEntryDecision[]) {
  const undecided: string[] = [];
  const unjustified: string[] = [];
  const noStatus: string[] = [];
  for (const e of entries) {
    if (e.applicable === null) undecided.push(e.ref);
    if (!e.justification.trim()) unjustified.push(e.ref);
    if (e.applicable === true && e.implementationStatus === null) noStatus.push(e.ref);
  }
  return { undecided, unjustified, noStatus };
}

const MAX_LISTED = 12;
const list = (refs: string[]) => (refs.length > MAX_LISTED ? `${refs.slice(0, MAX_LISTED).join(', ')} and ${refs.length - MAX_LISTED} more` : refs.join(', '));

const complete = (entries: readonly TEntryDecision[]) => {
  const { undecided, unjustified, noStatus } = incompleteRefs(entries);
  if (undecided.length + unjustified.length + noStatus.length === 0) return null;
  const parts = [
    undecided.length ? `decide applicability of ${list(undecided)}` : null,
    unjustified.length ? `justify ${list(unjustified)}` : null,
    noStatus.length ? `give the implementation status of ${list(noStatus)}` : null,
  ].filter(Boolean);
  return new AppError(409, 'soa_incomplete', `This Statement of Applicability is not complete: ${parts.join('; ')}.`, {
    undecided,
    unjustified,
    noStatus,
    count: new Set([...undecided, ...unjustified, ...noStatus]).size,
  });
};

const REFUSAL: Record<TSoaVersionStatus, string> = {
  draft: 'This version is a draft: submit it for review first.',
  in_review: 'This version is in review and cannot be changed: reject it back to draft first.',
  approved: 'This version is approved and frozen: start a new draft to change the Statement of Applicability.',
  superseded: 'This version was superseded by a newer approved version: it is kept as history.',
};

export const soaLifecycle = defineLifecycle<TSoaVersionStatus, 'edit' | 'submit' | 'reject' | 'approve' | 'supersede', readonly TEntryDecision[]>({
  name: 'soaVersion',
  states: SOA_VERSION_STATUSES,
  transitions: {
    edit: { from: ['draft'], to: 'draft', audit: 'soa.entry_updated' },
    submit: { from: ['draft'], to: 'in_review', audit: 'soa.submitted', guards: [complete] },
    reject: { from: ['in_review'], to: 'draft', audit: 'soa.rejected' },
    // Checked again: entries cannot change in review, but a catalog change could add one.
    approve: { from: ['in_review'], to: 'approved', audit: 'soa.approved', guards: [complete] },
    // Recorded by the approval of the next version, not as an event of its own.
    supersede: { from: ['approved'], to: 'superseded', audit: null },
  },
  refusal: (state, event) => {
    const frozen = state === 'approved' || state === 'superseded' || (state === 'in_review' && event === 'edit');
    return new AppError(409, frozen ? 'soa_frozen' : 'conflict', REFUSAL[state], { state, event });
  },
});
export type TSoaEvent = keyof typeof soaLifecycle.transitions;
