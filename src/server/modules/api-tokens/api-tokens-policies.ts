import type { TRole } from '../../../shared/roles.ts';
import { rulesFor } from '../../platform/authz/policy.ts';
import { TENANT_ADMINS } from '../../platform/authz/role-sets.ts';
import { conflict, forbidden } from '../../platform/errors/errors.ts';

/** A token as the rules see it; `revoked` once revoked_at is set. */
export type TApiTokenSubject = { role: TRole; revoked: boolean };

const apiToken = rulesFor<TApiTokenSubject>()('apiToken');

export const API_TOKEN_POLICIES = [
  apiToken.allow(TENANT_ADMINS, 'apiToken.read'),
  apiToken.allow(TENANT_ADMINS, 'apiToken.create'),
  // A token never outranks its creator.
  apiToken.deny('apiToken.create', (a, k) => k.role === 'owner' && a.role !== 'owner', () => forbidden('Only an owner can create a token with the owner role.')),
  apiToken.allow(TENANT_ADMINS, 'apiToken.revoke'),
  apiToken.deny('apiToken.revoke', (_, k) => k.revoked, () => conflict('This token is already revoked.')),
];
