import type { TRole } from '../../../shared/contracts/roles.ts';
import { rulesFor } from '../../platform/authz/policy.ts';
import { TENANT_ADMINS } from '../../platform/authz/role-sets.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { invitationLifecycle, type TInvitationState } from './invitation-lifecycle.ts';

/** An invitation as the rules see it; `state` comes from the lifecycle (expiry is a state too). */
export type TInvitationSubject = { role: TRole; state: TInvitationState };

const invitation = rulesFor<TInvitationSubject>()('invitation');

export const INVITATION_POLICIES = [
  invitation.allow(TENANT_ADMINS, 'member.invite'),
  invitation.deny('member.invite', (a, i) => i.role === 'owner' && a.role !== 'owner', () => new AppError(403, 'owner_role_reserved', 'Only an owner can invite another owner.', { field: 'role', role: 'owner' })),
  invitation.allow(TENANT_ADMINS, 'invitation.revoke'),
  // Only a pending invitation can be withdrawn; the lifecycle says why another cannot.
  invitation.deny(
    'invitation.revoke',
    (_, i) => !invitationLifecycle.can(i.state, 'revoke'),
    (_, i) => invitationLifecycle.whyNot(i.state, 'revoke')!,
  ),
];
