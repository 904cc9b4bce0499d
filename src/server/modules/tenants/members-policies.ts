import type { TRole } from '../../../shared/contracts/roles.ts';
import { rulesFor, type TPolicyActor } from '../../platform/authz/policy.ts';
import { EVERYONE, TENANT_ADMINS } from '../../platform/authz/role-sets.ts';
import { AppError } from '../../platform/errors/errors.ts';

/**
 * A membership as the rules see it. `lastFounder`: the member holds the tenant's founding role
 * (owner, scheme manager) and nobody else does — the repository computes it with the row.
 * `newRole`: the role asked for, when judging a change (absent when listing abilities).
 */
export type TMemberSubject = { userId: string; role: TRole; lastFounder: boolean; newRole?: TRole };

const member = rulesFor<TMemberSubject>()('member');

/** Only an owner may grant or take away ownership, so an admin cannot lock the owners out. */
const touchesOwnership = (a: TPolicyActor, m: TMemberSubject) => a.role !== 'owner' && (m.role === 'owner' || m.newRole === 'owner');
const founderLabel = (m: TMemberSubject) => m.role.replace('_', ' ');
const ownerReserved = (message: string) => () => new AppError(403, 'owner_role_reserved', message, { field: 'role', role: 'owner' });

export const MEMBER_POLICIES = [
  member.allow(EVERYONE, 'member.read'),

  member.allow(TENANT_ADMINS, 'member.update'),
  member.deny('member.update', touchesOwnership, ownerReserved('Only an owner can grant or remove the owner role.')),
  // A tenant always keeps someone who can administer it.
  member.deny(
    'member.update',
    (_, m) => m.lastFounder && m.newRole !== m.role,
    (_, m) => new AppError(409, 'last_owner_demoted', `This is the last ${founderLabel(m)}: give the role to someone else first.`, { role: m.role }),
  ),

  member.allow(TENANT_ADMINS, 'member.remove'),
  member.deny('member.remove', touchesOwnership, ownerReserved('Only an owner can remove an owner.')),
  member.deny('member.remove', (_, m) => m.lastFounder, (_, m) => new AppError(409, 'last_owner_removed', `The last ${founderLabel(m)} cannot be removed.`, { role: m.role })),
];
