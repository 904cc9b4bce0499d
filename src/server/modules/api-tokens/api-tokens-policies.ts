import type { TRole } from '../../../shared/contracts/roles.ts';
import { rulesFor } from '../../platform/authz/policy.ts';
import { TENANT_ADMINS } from '../../platform/authz/role-sets.ts';
import { AppError } from '../../platform/errors/errors.ts';

/** A token as the rules see it. */
export type TApiTokenSubject = { role: TRole; state: 'active' | 'revoked' | 'expired' };

export const apiTokenState = (row: { revoked_at: Date | string | null; expires_at: Date | string | null }, now: Date): TApiTokenSubject['state'] =>
  row.revoked_at ? 'revoked' : row.expires_at && new Date(row.expires_at).getTime() <= now.getTime() ? 'expired' : 'active';

const apiToken = rulesFor<TApiTokenSubject>()('apiToken');

export const API_TOKEN_POLICIES = [
  apiToken.allow(TENANT_ADMINS, 'apiToken.read'),
  apiToken.allow(TENANT_ADMINS, 'apiToken.create'),
  // A token never outranks its creator.
  apiToken.deny('apiToken.create', (a, k) => k.role === 'owner' && a.role !== 'owner', () => new AppError(403, 'owner_role_reserved', 'Only an owner can create a token with the owner role.', { field: 'role', role: 'owner' })),
  apiToken.allow(TENANT_ADMINS, 'apiToken.revoke'),
  apiToken.deny('apiToken.revoke', (_, k) => k.state === 'revoked', () => new AppError(409, 'api_token_revoked', 'This token is already revoked.')),
  apiToken.deny('apiToken.revoke', (_, k) => k.state === 'expired', () => new AppError(409, 'api_token_expired', 'This token has expired: it no longer works.')),
];
