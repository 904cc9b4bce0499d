import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/server/platform/auth/totp.ts';
import { backendAvailable, createClient, createTestApp, createUser, signIn, tenantWithOwner, type TTestApp } from '../support/test-app.ts';

describe.skipIf(!backendAvailable)('typed audit events and the security history', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('switching on required two-factor records that change only, not the unchanged name', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    expect((await c.patch(`/api/tenants/${tenant.id}`, { name: tenant.name, requireMfa: true })).statusCode).toBe(200);
    // The owner has no second factor yet, so the tenant now refuses them: read the log directly.
    const event = await t.p.db.selectFrom('audit_events').select('summary').where('tenant_id', '=', tenant.id).where('action', '=', 'tenant.updated').executeTakeFirstOrThrow();
    expect(event.summary).toEqual({ before: { requireMfa: false }, after: { requireMfa: true } });
  });

  it('events carry the actor\'s name; the action filter takes only known actions', async () => {
    const { c, tenant, user } = await tenantWithOwner(t);
    const [created] = (await c.get(`/api/tenants/${tenant.id}/audit-events?action=tenant.created`)).json().items;
    expect(created).toMatchObject({ actorId: user.id, actorName: user.email.split('@')[0] });
    const unknown = await c.get(`/api/tenants/${tenant.id}/audit-events?action=member.invite`);
    expect(unknown.statusCode).toBe(400);
  });

  it('a user sees their own sign-ins, failed sign-ins, password and two-factor changes — and nobody else\'s', async () => {
    const u = await createUser(t.p);
    const other = await createUser(t.p);
    await signIn(t.app, other);
    expect((await createClient(t.app).post('/api/auth/login', { email: u.email, password: 'not-the-password-1' })).statusCode).toBe(401);
    const c = await signIn(t.app, u);
    const newPassword = 'Another-Strong-Phrase-77';
    expect((await c.post('/api/me/password', { currentPassword: u.password, newPassword })).statusCode).toBe(204);
    const enrol = (await c.post('/api/me/mfa/enrol')).json();
    expect((await c.post('/api/me/mfa/confirm', { code: currentTotp(enrol.secret) })).statusCode).toBe(200);

    const all = (await c.get('/api/me/security-events?limit=100')).json();
    expect(all.items.map((e: { action: string }) => e.action)).toEqual(['user.mfa_enabled', 'user.password_changed', 'user.login', 'user.login_failed']);
    expect(all.items.every((e: { actorId: string | null; subjectId: string | null }) => e.actorId === u.id || e.subjectId === u.id)).toBe(true);

    const first = (await c.get('/api/me/security-events?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await c.get(`/api/me/security-events?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)).json();
    expect([...first.items, ...second.items].map((e: { id: string }) => e.id)).toEqual(all.items.map((e: { id: string }) => e.id));
    expect((await createClient(t.app).get('/api/me/security-events')).statusCode).toBe(401);
  });
});
