import { AppError } from '../../../platform/errors/errors.ts';
import { defineLifecycle } from '../../../platform/lifecycle/lifecycle.ts';
import { SCOPE_STATUSES, type TScopeStatus } from '../../../../shared/contracts/aims-records-context.ts';

/*
 * One version of the AIMS scope statement: draft → approved (frozen). `revise` starts the next
 * version as a draft copied from the approved one, which stays in force until the new draft is
 * approved; it then becomes superseded. Only the latest version moves.
 */

const REFUSAL: Record<TScopeStatus, string> = {
  draft: 'This version is a draft: approve it first.',
  approved: 'This scope version is approved and frozen: start a new version to change it.',
  superseded: 'This scope version was superseded by a newer approved version: it is kept as history.',
};

export const scopeLifecycle = defineLifecycle({
  name: 'aimsScopeVersion',
  states: SCOPE_STATUSES,
  transitions: {
    edit: { from: ['draft'], to: 'draft', audit: 'aims_scope.updated' },
    approve: { from: ['draft'], to: 'approved', audit: 'aims_scope.approved' },
    // The approved version stays as it is; the service writes the next version as a new draft.
    revise: { from: ['approved'], to: 'approved', audit: 'aims_scope.version_started' },
    // Recorded by the approval of the next version, not as an event of its own.
    supersede: { from: ['approved'], to: 'superseded', audit: null },
  },
  refusal: (state, event) => {
    if (event === 'revise') {
      return state === 'draft'
        ? new AppError(409, 'scope_draft_exists', 'A draft of the scope is already open: edit it or approve it.', { state, event })
        : new AppError(409, 'conflict', 'Only the latest approved version can start a new version.', { state, event });
    }
    return new AppError(409, state === 'draft' ? 'conflict' : 'scope_frozen', REFUSAL[state], { state, event });
  },
});
export type TScopeEvent = keyof typeof scopeLifecycle.transitions;
