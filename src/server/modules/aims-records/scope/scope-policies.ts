import type { TScopeStatus } from '../../../../shared/contracts/aims-records-context.ts';
import { fourEyesRefuses } from '../../../platform/authz/four-eyes.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { ORG_MEMBERS, ORG_WRITERS } from '../../../platform/authz/role-sets.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import { scopeLifecycle } from './scope-lifecycle.ts';

/**
 * A scope version as the rules see it. `status` is null when the organization has no version yet
 * (then only `aimsScope.draft` is meaningful). `authorIds`: who created it and who last edited it.
 * `memberCount`: the organization's members, read with the row.
 */
export type TScopeSubject = { status: TScopeStatus | null; latest: boolean; authorIds: readonly string[]; memberCount: number };

const ORG_APPROVERS = ['owner', 'admin'] as const;
const scope = rulesFor<TScopeSubject>()('aimsScope');

const notLatest = () => new AppError(409, 'conflict', 'Only the latest version of the scope can change.');
const blocked = (event: 'edit' | 'approve') => (_: unknown, s: TScopeSubject) => s.status === null || !s.latest || !scopeLifecycle.can(s.status, event, undefined);
const why = (event: 'edit' | 'approve') => (_: unknown, s: TScopeSubject) =>
  s.status === null ? new AppError(409, 'conflict', 'Start a scope version first.') : s.latest ? scopeLifecycle.whyNot(s.status, event, undefined)! : notLatest();

export const SCOPE_POLICIES = [
  scope.allow(ORG_MEMBERS, 'aimsScope.read'),
  // A new version: the first one, or the next one after an approval (never a second draft).
  scope.allow(ORG_WRITERS, 'aimsScope.draft'),
  scope.deny(
    'aimsScope.draft',
    (_, s) => s.status !== null && (!s.latest || !scopeLifecycle.can(s.status, 'revise', undefined)),
    (_, s) => (s.latest && s.status ? scopeLifecycle.whyNot(s.status, 'revise', undefined)! : notLatest()),
  ),
  scope.allow(ORG_WRITERS, 'aimsScope.update'),
  scope.deny('aimsScope.update', blocked('edit'), why('edit')),
  scope.allow(ORG_APPROVERS, 'aimsScope.approve'),
  scope.deny('aimsScope.approve', blocked('approve'), why('approve')),
  scope.deny(
    'aimsScope.approve',
    // Four eyes: whoever wrote the version does not approve it (the platform's one rule).
    (actor, s) => fourEyesRefuses(actor, s),
    () => new AppError(403, 'scope_own_approval', 'You wrote or last edited this version: another owner or administrator must approve it.'),
  ),
];
