import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationToken } from '../../src/server/modules/tenants/invitations-service.ts';
import { backendAvailable, createTestApp, createUser, signIn, tenantWithOwner, type TClient, type TTestApp } from '../support/test-app.ts';

describe.skipIf(!backendAvailable)('API tokens follow their creator’s membership', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  /** An owner, and an admin who joined through an invitation. */
  async function tenantWithAdmin() {
    const owner = await tenantWithOwner(t);
    const admin = await createUser(t.p);
    const inv = (await owner.c.post(`/api/tenants/${owner.tenant.id}/invitations`, { email: admin.email, role: 'admin', locale: 'en' })).json().invitation;
    const row = await t.p.db.selectFrom('invitations').select('expires_at').where('id', '=', inv.id).executeTakeFirstOrThrow();
    const a = await signIn(t.app, admin);
    expect((await a.post(`/api/invitations/${invitationToken(t.p.secretKey, owner.tenant.id, inv.id, row.expires_at)}/accept`, {})).statusCode).toBe(200);
    return { ...owner, admin: { ...admin, c: a } };
  }

  const createToken = async (c: TClient, tenantId: string, role: string, name = `ci-${role}`) => {
    const res = await c.post(`/api/tenants/${tenantId}/api-tokens`, { name, role, expiresInDays: 30 });
    expect(res.statusCode).toBe(201);
    return res.json() as { token: string; apiToken: { id: string } };
  };

  const bearer = (token: string, method: 'GET' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

  it('removing a member revokes their tokens in the same change: the token answers 401 everywhere', async () => {
    const { c, tenant, user: owner, admin } = await tenantWithAdmin();
    const { token, apiToken } = await createToken(admin.c, tenant.id, 'admin');
    const victim = await createToken(c, tenant.id, 'viewer', 'owner-viewer');
    const T = `/api/tenants/${tenant.id}`;
    expect((await bearer(token, 'GET', `${T}/api-tokens`)).statusCode).toBe(200);

    expect((await c.delete(`${T}/members/${admin.id}`)).statusCode).toBe(204);

    expect((await bearer(token, 'GET', `${T}/api-tokens`)).statusCode).toBe(401);
    expect((await bearer(token, 'PATCH', `${T}/members/${owner.id}`, { role: 'viewer' })).statusCode).toBe(401);
    expect((await bearer(token, 'DELETE', `${T}/api-tokens/${victim.apiToken.id}`)).statusCode).toBe(401);
    const list = (await c.get(`${T}/api-tokens`)).json().items as { id: string; revokedAt: string | null }[];
    expect(list.find((k) => k.id === apiToken.id)!.revokedAt).not.toBeNull();
    expect(list.find((k) => k.id === victim.apiToken.id)!.revokedAt).toBeNull();
    const events = (await c.get(`${T}/audit-events?action=api_token.revoked`)).json().items as { subjectId: string; summary: unknown }[];
    expect(events.find((e) => e.subjectId === apiToken.id)?.summary).toEqual({
      before: { name: 'ci-admin', role: 'admin' },
      after: { reason: 'member_removed', memberId: admin.id },
    });
    expect((await c.get(`${T}/audit-events/verify`)).json().ok).toBe(true);
  });

  it('lowering a member’s role lowers the tokens that would outrank it, and leaves the others', async () => {
    const { c, tenant, admin } = await tenantWithAdmin();
    const T = `/api/tenants/${tenant.id}`;
    const high = await createToken(admin.c, tenant.id, 'admin');
    const low = await createToken(admin.c, tenant.id, 'viewer');
    expect((await c.patch(`${T}/members/${admin.id}`, { role: 'contributor' })).statusCode).toBe(204);
    const roles = Object.fromEntries(((await c.get(`${T}/api-tokens`)).json().items as { id: string; role: string }[]).map((k) => [k.id, k.role]));
    expect(roles[high.apiToken.id]).toBe('contributor');
    expect(roles[low.apiToken.id]).toBe('viewer');
    // A contributor's token can no longer administer tokens or members.
    expect((await bearer(high.token, 'GET', `${T}/api-tokens`)).statusCode).toBe(403);
    expect((await bearer(high.token, 'GET', `${T}/members`)).statusCode).toBe(200);
    const events = (await c.get(`${T}/audit-events?action=api_token.role_lowered`)).json().items as { subjectId: string; summary: unknown }[];
    expect(events.map((e) => [e.subjectId, e.summary])).toEqual([
      [high.apiToken.id, { before: { name: 'ci-admin', role: 'admin' }, after: { role: 'contributor', reason: 'member_role_changed', memberId: admin.id } }],
    ]);
  });

  it('at use, a token never outranks its creator’s current membership, even if it was changed behind the service', async () => {
    const { tenant, admin } = await tenantWithAdmin();
    const T = `/api/tenants/${tenant.id}`;
    const { token } = await createToken(admin.c, tenant.id, 'admin');
    await t.p.db.updateTable('memberships').set({ role: 'viewer' }).where('tenant_id', '=', tenant.id).where('user_id', '=', admin.id).execute();
    expect((await bearer(token, 'GET', `${T}/members`)).statusCode).toBe(401);
    await t.p.db.updateTable('memberships').set({ role: 'admin' }).where('tenant_id', '=', tenant.id).where('user_id', '=', admin.id).execute();
    expect((await bearer(token, 'GET', `${T}/members`)).statusCode).toBe(200);
    await t.p.db.deleteFrom('memberships').where('tenant_id', '=', tenant.id).where('user_id', '=', admin.id).execute();
    expect((await bearer(token, 'GET', `${T}/members`)).statusCode).toBe(401);
  });

  it('records the last use at most once a minute, and refuses a token past its expiry', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const T = `/api/tenants/${tenant.id}`;
    const { token, apiToken } = await createToken(c, tenant.id, 'admin');
    const lastUsed = async () => ((await c.get(`${T}/api-tokens`)).json().items as { id: string; lastUsedAt: string | null; expiresAt: string }[]).find((k) => k.id === apiToken.id)!;
    const created = await lastUsed();
    expect(created.lastUsedAt).toBeNull();
    expect(Date.parse(created.expiresAt) - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    expect((await bearer(token, 'GET', `${T}/members`)).statusCode).toBe(200);
    const first = (await lastUsed()).lastUsedAt;
    expect(first).not.toBeNull();
    expect((await bearer(token, 'GET', `${T}/members`)).statusCode).toBe(200);
    expect((await lastUsed()).lastUsedAt).toBe(first);
    await t.p.db.updateTable('api_tokens').set({ expires_at: sql`now() - interval '1 second'` }).where('id', '=', apiToken.id).execute();
    expect((await bearer(token, 'GET', `${T}/members`)).statusCode).toBe(401);
  });
});
