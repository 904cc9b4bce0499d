import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { founderRole, type TRole, type TTenantKind } from '../../src/shared/contracts/roles.ts';
import { type TLocale } from '../../src/shared/contracts/common.ts';
import type { TPlatform } from '../../src/server/platform/platform.ts';
import { newApiTokenSecret } from '../../src/server/platform/auth/api-token-auth.ts';
import { insertApiToken } from '../../src/server/modules/api-tokens/api-tokens-repo.ts';
import { insertInvitation } from '../../src/server/modules/tenants/invitations-repo.ts';
import { invitationToken } from '../../src/server/modules/tenants/invitations-service.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { insertTenant, updateTenant } from '../../src/server/modules/tenants/tenants-repo.ts';
import { createUser, signIn, type TClient } from './test-app.ts';

/*
 * Records for a test's own tenant in one line each, through the same repositories the services
 * use (no SQL of their own). `as` signs the person in and hands back their client.
 */

type TUser = Awaited<ReturnType<typeof createUser>>;

export const buildUser = (p: TPlatform, o: { email?: string; name?: string; locale?: TLocale } = {}): Promise<TUser> => createUser(p, o);

export async function buildTenant(p: TPlatform, o: { kind?: TTenantKind; name?: string; owner?: TUser; requireMfa?: boolean } = {}) {
  const kind = o.kind ?? 'organization';
  const owner = o.owner ?? (await buildUser(p));
  const tenant = await insertTenant(p.db, { name: o.name ?? `Tenant ${randomUUID().slice(0, 6)}`, kind });
  await insertMembership(p.db, tenant.id, owner.id, founderRole(kind));
  if (o.requireMfa) await updateTenant(p.db, tenant.id, { require_mfa: true });
  return { id: tenant.id, name: tenant.name, kind, owner };
}
export type TBuiltTenant = Awaited<ReturnType<typeof buildTenant>>;

/** A member with `role` (a new user unless one is given). */
export async function buildMembership(p: TPlatform, tenant: { id: string }, role: TRole, user?: TUser) {
  const u = user ?? (await buildUser(p));
  await insertMembership(p.db, tenant.id, u.id, role);
  return u;
}

/** A pending invitation and the link token its e-mail would carry. */
export async function buildInvitation(
  p: TPlatform,
  tenant: TBuiltTenant,
  o: { email?: string; role?: TRole; locale?: TLocale; expiresAt?: Date } = {},
) {
  const row = await insertInvitation(p.db, tenant.id, {
    email: o.email ?? `invitee-${randomUUID().slice(0, 8)}@test.example`,
    role: o.role ?? (tenant.kind === 'organization' ? 'contributor' : 'auditor'),
    locale: o.locale ?? 'en',
    invited_by: tenant.owner.id,
    expires_at: o.expiresAt ?? new Date(Date.now() + 72 * 3600_000),
  });
  return { ...row, token: invitationToken(p.secretKey, tenant.id, row.id, row.expires_at) };
}

/** An API token and its secret (the bearer header a machine would send). */
export async function buildApiToken(p: TPlatform, tenant: TBuiltTenant, o: { role?: TRole; name?: string } = {}) {
  const secret = newApiTokenSecret();
  const row = await insertApiToken(p.db, tenant.id, {
    name: o.name ?? 'ci',
    role: o.role ?? 'viewer',
    prefix: secret.prefix,
    token_hash: secret.hash,
    created_by: tenant.owner.id,
    expires_at: null,
  });
  return { id: row.id, token: secret.token, bearer: { authorization: `Bearer ${secret.token}` } };
}

export const as = (app: FastifyInstance, user: TUser): Promise<TClient> => signIn(app, user);
