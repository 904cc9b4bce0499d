import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/server/platform/auth/totp.ts';
import { backendAvailable, createClient, createTestApp, createUser, signIn, STRONG_PASSWORD, uniqueEmail, type TTestApp } from '../support/test-app.ts';

describe.skipIf(!backendAvailable)('accounts and sessions', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3', SESSION_IDLE_MINUTES: '30' });
  });
  afterAll(() => t?.close());

  it('first run creates the administrator once, then refuses a second set-up', async () => {
    const c = createClient(t.app);
    expect((await c.get('/api/setup/status')).json()).toEqual({ needsSetup: true });
    const weak = await c.post('/api/setup', { email: uniqueEmail('admin'), name: 'Admin', password: 'short', locale: 'fr' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toMatch(/at least 12 characters/);
    const common = await c.post('/api/setup', { email: uniqueEmail('admin'), name: 'Admin', password: 'Password1234!', locale: 'fr' });
    expect(common.statusCode).toBe(400);
    expect(common.json().message).toMatch(/too common/);
    const res = await c.post('/api/setup', { email: uniqueEmail('admin'), name: 'Admin', password: STRONG_PASSWORD, locale: 'fr' });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ isPlatformAdmin: true, locale: 'fr', mfaEnabled: false });
    expect((await c.get('/api/me')).statusCode).toBe(200);
    const again = await createClient(t.app).post('/api/setup', { email: uniqueEmail('x'), name: 'X', password: STRONG_PASSWORD, locale: 'en' });
    expect(again.statusCode).toBe(409);
    expect((await c.get('/api/setup/status')).json()).toEqual({ needsSetup: false });
  });

  it('stores only an argon2id hash and sets an HttpOnly SameSite=Lax session cookie', async () => {
    const u = await createUser(t.p);
    const row = await t.p.db.selectFrom('users').select('password_hash').where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const c = createClient(t.app);
    const res = await c.post('/api/auth/login', { email: u.email.toUpperCase(), password: u.password });
    expect(res.statusCode).toBe(200);
    const cookie = res.headers['set-cookie'];
    const line = (Array.isArray(cookie) ? cookie : [cookie]).find((l) => l?.startsWith('attest_session='))!;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    const token = line.split(';')[0]!.split('=')[1]!;
    const stored = await t.p.db.selectFrom('sessions').select('token_hash').where('user_id', '=', u.id).execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
  });

  it('log out ends the session', async () => {
    const u = await createUser(t.p);
    const c = await signIn(t.app, u);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token (cross-site POST)', async () => {
    const u = await createUser(t.p);
    const c = await signIn(t.app, u);
    const cookie = [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const forged = await t.app.inject({ method: 'POST', url: '/api/tenants', headers: { cookie, origin: 'https://evil.example' }, payload: { name: 'Evil Corp', kind: 'organization' } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/tenants', headers: { cookie, 'x-csrf-token': 'x'.repeat(32) }, payload: { name: 'Evil Corp', kind: 'organization' } });
    expect(wrong.statusCode).toBe(403);
    expect((await c.get('/api/tenants')).json().items).toHaveLength(0);
  });

  it('answers repeated failures with 429 and Retry-After, and lets the owner in again after the window', async () => {
    const u = await createUser(t.p);
    const c = createClient(t.app);
    for (let i = 0; i < 3; i++) expect((await c.post('/api/auth/login', { email: u.email, password: 'wrong-password-123' })).statusCode).toBe(401);
    const blocked = await c.post('/api/auth/login', { email: u.email, password: u.password });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // The window slides on (simulated by ageing the failures): the real owner signs in.
    await t.p.db.updateTable('login_failures').set({ occurred_at: sql`now() - interval '16 minutes'` }).where('key', '=', `account:${u.email}`).execute();
    expect((await c.post('/api/auth/login', { email: u.email, password: u.password })).statusCode).toBe(200);
  });

  it('expires idle sessions and sessions past their absolute lifetime', async () => {
    const u = await createUser(t.p);
    const c = await signIn(t.app, u);
    await t.p.db.updateTable('sessions').set({ last_seen_at: sql`now() - interval '31 minutes'` }).where('user_id', '=', u.id).execute();
    expect((await c.get('/api/me')).statusCode).toBe(401);
    const c2 = await signIn(t.app, u);
    await t.p.db.updateTable('sessions').set({ expires_at: sql`now() - interval '1 second'` }).where('user_id', '=', u.id).where('revoked_at', 'is', null).execute();
    expect((await c2.get('/api/me')).statusCode).toBe(401);
  });

  it('lists sessions and revokes one, or all the others', async () => {
    const u = await createUser(t.p);
    const a = await signIn(t.app, u);
    const b = await signIn(t.app, u);
    const c = await signIn(t.app, u);
    const list = (await a.get('/api/me/sessions')).json().items as { id: string; current: boolean }[];
    expect(list).toHaveLength(3);
    const bId = list.find((s) => !s.current)!.id;
    expect((await a.delete(`/api/me/sessions/${bId}`)).statusCode).toBe(204);
    const stillIn = [(await b.get('/api/me')).statusCode, (await c.get('/api/me')).statusCode];
    expect(stillIn.filter((s) => s === 401)).toHaveLength(1);
    expect((await a.post('/api/me/sessions/revoke-others')).statusCode).toBe(204);
    expect((await b.get('/api/me')).statusCode).toBe(401);
    expect((await c.get('/api/me')).statusCode).toBe(401);
    expect((await a.get('/api/me')).statusCode).toBe(200);
    const other = await createUser(t.p);
    const o = await signIn(t.app, other);
    const oid = ((await o.get('/api/me/sessions')).json().items as { id: string }[])[0]!.id;
    expect((await a.delete(`/api/me/sessions/${oid}`)).statusCode).toBe(404);
  });

  it('changing the password signs out the other sessions', async () => {
    const u = await createUser(t.p);
    const a = await signIn(t.app, u);
    const b = await signIn(t.app, u);
    const bad = await a.post('/api/me/password', { currentPassword: 'not-the-password!', newPassword: 'Another-Strong-Phrase-77' });
    expect(bad.statusCode).toBe(400);
    expect((await a.post('/api/me/password', { currentPassword: u.password, newPassword: 'Another-Strong-Phrase-77' })).statusCode).toBe(204);
    expect((await b.get('/api/me')).statusCode).toBe(401);
    expect((await a.get('/api/me')).statusCode).toBe(200);
    expect((await createClient(t.app).post('/api/auth/login', { email: u.email, password: 'Another-Strong-Phrase-77' })).statusCode).toBe(200);
  });

  it('remembers the language per user', async () => {
    const u = await createUser(t.p);
    const c = await signIn(t.app, u);
    expect((await c.patch('/api/me', { locale: 'fr' })).json().user.locale).toBe('fr');
    const again = await signIn(t.app, u);
    expect((await again.get('/api/me')).json().user.locale).toBe('fr');
    expect((await c.patch('/api/me', { locale: 'de' })).statusCode).toBe(400);
  });

  it('TOTP: enrol, confirm, then sign-in needs a code; a recovery code works once', async () => {
    const u = await createUser(t.p);
    const c = await signIn(t.app, u);
    const enrol = (await c.post('/api/me/mfa/enrol')).json();
    expect(enrol.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrol.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Attest/);
    expect((await c.post('/api/me/mfa/confirm', { code: '000000' })).statusCode).toBe(400);
    const confirm = await c.post('/api/me/mfa/confirm', { code: currentTotp(enrol.secret) });
    expect(confirm.statusCode).toBe(200);
    const codes = confirm.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    const stored = await t.p.db.selectFrom('users').select('mfa_secret').where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(stored.mfa_secret).not.toContain(enrol.secret);

    const d = createClient(t.app);
    expect((await d.post('/api/auth/login', { email: u.email, password: u.password })).json()).toEqual({ status: 'mfa_required' });
    expect((await d.get('/api/me')).statusCode).toBe(401);
    expect((await d.post('/api/auth/login', { email: u.email, password: u.password, mfaCode: '123456' })).statusCode).toBe(401);
    expect((await d.post('/api/auth/login', { email: u.email, password: u.password, mfaCode: codes[0] })).json().status).toBe('ok');
    expect((await d.get('/api/me')).json().user.mfaEnabled).toBe(true);
    const reuse = await createClient(t.app).post('/api/auth/login', { email: u.email, password: u.password, mfaCode: codes[0] });
    expect(reuse.statusCode).toBe(401);
  });

  it('a tenant that requires MFA refuses members without it', async () => {
    const owner = await createUser(t.p);
    const c = await signIn(t.app, owner);
    const tenant = (await c.post('/api/tenants', { name: 'Strict Org', kind: 'organization' })).json().tenant;
    expect((await c.patch(`/api/tenants/${tenant.id}`, { requireMfa: true })).statusCode).toBe(200);
    const me = (await c.get('/api/me')).json();
    expect(me.mfaSetupRequired).toBe(true);
    const members = await c.get(`/api/tenants/${tenant.id}/members`);
    expect(members.statusCode).toBe(403);
    expect(members.json().code).toBe('mfa_required');
  });
});
