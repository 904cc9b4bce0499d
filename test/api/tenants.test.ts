import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, utf8 } from '../support/smtp.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { backendAvailable, createClient, createTestApp, createUser, signIn, tenantWithOwner, uniqueEmail, type TTestApp } from '../support/test-app.ts';

describe.skipIf(!backendAvailable)('tenants, members, invitations', () => {
  let t: TTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, JOBS_ENABLED: 'true', PUBLIC_URL: 'https://attest.example' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('the creator of an organization is its owner; of a certification body, its scheme manager', async () => {
    const { c } = await tenantWithOwner(t);
    const cb = (await c.post('/api/tenants', { name: 'Vérité Certification', kind: 'certification_body' })).json().tenant;
    expect(cb.role).toBe('scheme_manager');
    expect(cb.abilities['member.invite']).toBe(true);
    const mine = (await c.get('/api/tenants')).json().items;
    expect(mine.map((x: { role: string }) => x.role).sort()).toEqual(['owner', 'scheme_manager']);
    expect((await c.post('/api/tenants', { name: 'x', kind: 'organization' })).statusCode).toBe(400);
    expect((await c.post('/api/tenants', { name: 'Acme', kind: 'consultancy' })).statusCode).toBe(400);
  });

  it('invites by e-mail in the invitee\'s language; the signed link creates the account and the membership', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const email = uniqueEmail('invitee');
    const res = await c.post(`/api/tenants/${tenant.id}/invitations`, { email, role: 'contributor', locale: 'fr' });
    expect(res.statusCode).toBe(201);
    const mail = await smtp.waitFor(email);
    const body = utf8(mail.raw);
    expect(body).toMatch(/Subject: =\?UTF-8\?|Subject: Invitation/);
    expect(body).toContain('vous invite à rejoindre « ');
    expect(body).toContain('Contributeur');
    const link = body.match(/https:\/\/attest\.example\/invite\/([0-9a-f-]{36}\.[0-9a-f-]{36}\.[0-9a-f]{64})/);
    expect(link).not.toBeNull();
    const token = link![1]!;

    const invitee = createClient(t.app);
    const preview = (await invitee.get(`/api/invitations/${token}`)).json();
    expect(preview).toMatchObject({ tenantName: tenant.name, email, role: 'contributor', userExists: false });
    const tampered = token.slice(0, -4) + (token.endsWith('aaaa') ? 'bbbb' : 'aaaa');
    expect((await invitee.get(`/api/invitations/${tampered}`)).statusCode).toBe(404);
    expect((await invitee.post(`/api/invitations/${token}/accept`, { name: 'Inès', password: 'short' })).statusCode).toBe(400);
    const accepted = await invitee.post(`/api/invitations/${token}/accept`, { name: 'Inès Dubois', password: 'Une-Phrase-Solide-2026' });
    expect(accepted.statusCode).toBe(200);
    const me = (await invitee.get('/api/me')).json();
    expect(me.user.locale).toBe('fr');
    expect(me.memberships).toEqual([expect.objectContaining({ tenantId: tenant.id, role: 'contributor' })]);
    expect((await createClient(t.app).post(`/api/invitations/${token}/accept`, { name: 'X', password: 'Une-Phrase-Solide-2026' })).statusCode).toBe(410);
    const members = (await c.get(`/api/tenants/${tenant.id}/members`)).json().items;
    expect(members.map((m: { email: string }) => m.email)).toContain(email);
  });

  it('an existing user accepts while signed in as the invited address', async () => {
    const { c, tenant } = await tenantWithOwner(t, 'certification_body');
    const existing = await createUser(t.p);
    expect((await c.post(`/api/tenants/${tenant.id}/invitations`, { email: existing.email, role: 'owner', locale: 'en' })).statusCode).toBe(400);
    await c.post(`/api/tenants/${tenant.id}/invitations`, { email: existing.email, role: 'auditor', locale: 'en' });
    const body = utf8((await smtp.waitFor(existing.email)).raw);
    expect(body).toContain('invites you to join');
    const token = body.match(/\/invite\/([0-9a-f.-]+)/)![1]!;
    expect((await createClient(t.app).post(`/api/invitations/${token}/accept`, {})).statusCode).toBe(401);
    const s = await signIn(t.app, existing);
    expect((await s.post(`/api/invitations/${token}/accept`, {})).statusCode).toBe(200);
    expect((await s.get(`/api/tenants/${tenant.id}`)).json().role).toBe('auditor');
  });

  it('changes roles, protects the last owner, removes members; a viewer cannot manage', async () => {
    const tenant = await buildTenant(t.p);
    const owner = tenant.owner;
    const c = await as(t.app, owner);
    const v = await buildMembership(t.p, tenant, 'viewer');
    const viewer = await as(t.app, v);
    expect((await viewer.get(`/api/tenants/${tenant.id}/members`)).statusCode).toBe(200);
    expect((await viewer.post(`/api/tenants/${tenant.id}/invitations`, { email: uniqueEmail(), role: 'viewer', locale: 'en' })).statusCode).toBe(403);
    expect((await viewer.get(`/api/tenants/${tenant.id}`)).json().abilities['member.invite']).toBe(false);
    expect((await c.patch(`/api/tenants/${tenant.id}/members/${owner.id}`, { role: 'admin' })).statusCode).toBe(409);
    expect((await c.patch(`/api/tenants/${tenant.id}/members/${v.id}`, { role: 'auditor' })).statusCode).toBe(400);
    expect((await c.patch(`/api/tenants/${tenant.id}/members/${v.id}`, { role: 'admin' })).statusCode).toBe(204);
    const admin = viewer;
    expect((await admin.patch(`/api/tenants/${tenant.id}/members/${owner.id}`, { role: 'viewer' })).statusCode).toBe(403);
    expect((await c.delete(`/api/tenants/${tenant.id}/members/${v.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/tenants/${tenant.id}/members`)).statusCode).toBe(404);
  });

  it('isolation: another tenant\'s members, invitations, tokens and audit events answer 404', async () => {
    const a = await tenantWithOwner(t);
    const b = await tenantWithOwner(t);
    const inv = (await b.c.post(`/api/tenants/${b.tenant.id}/invitations`, { email: uniqueEmail(), role: 'viewer', locale: 'en' })).json().invitation;
    const tok = (await b.c.post(`/api/tenants/${b.tenant.id}/api-tokens`, { name: 'ci', role: 'viewer' })).json().apiToken;
    const ev = (await b.c.get(`/api/tenants/${b.tenant.id}/audit-events`)).json().items[0];
    const B = `/api/tenants/${b.tenant.id}`;
    for (const url of [B, `${B}/members`, `${B}/invitations`, `${B}/api-tokens`, `${B}/audit-events`, `${B}/audit-events/verify`, `${B}/audit-events/${ev.id}`]) {
      const res = await a.c.get(url);
      expect(res.statusCode, url).toBe(404);
    }
    expect((await a.c.delete(`${B}/invitations/${inv.id}`)).statusCode).toBe(404);
    expect((await a.c.delete(`${B}/api-tokens/${tok.id}`)).statusCode).toBe(404);
    expect((await a.c.patch(`${B}/members/${b.user.id}`, { role: 'viewer' })).statusCode).toBe(404);
    // B's ids under A's own tenant: still nothing.
    const A = `/api/tenants/${a.tenant.id}`;
    expect((await a.c.get(`${A}/audit-events/${ev.id}`)).statusCode).toBe(404);
    expect((await a.c.delete(`${A}/api-tokens/${tok.id}`)).statusCode).toBe(404);
    expect((await a.c.delete(`${A}/invitations/${inv.id}`)).statusCode).toBe(404);
    expect((await a.c.get('/api/tenants/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await a.c.get('/api/tenants/not-a-uuid')).statusCode).toBe(400);
  });

  it('API tokens: shown once, hashed, scoped to one tenant and role, revocable', async () => {
    const a = await tenantWithOwner(t);
    const b = await tenantWithOwner(t);
    const created = await a.c.post(`/api/tenants/${a.tenant.id}/api-tokens`, { name: 'Evidence pusher', role: 'contributor', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json();
    expect(token).toMatch(/^att_[A-Za-z0-9]{8}_/);
    const listed = (await a.c.get(`/api/tenants/${a.tenant.id}/api-tokens`)).json().items;
    expect(JSON.stringify(listed)).not.toContain(token);
    const stored = await t.p.db.selectFrom('api_tokens').select('token_hash').where('id', '=', apiToken.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(13));
    const bearer = { authorization: `Bearer ${token}` };
    const own = await t.app.inject({ method: 'GET', url: `/api/tenants/${a.tenant.id}/members`, headers: bearer });
    expect(own.statusCode).toBe(200);
    const noCsrfNeeded = await t.app.inject({ method: 'POST', url: `/api/tenants/${a.tenant.id}/files?filename=x.txt`, headers: { ...bearer, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(noCsrfNeeded.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: `/api/tenants/${a.tenant.id}/api-tokens`, headers: bearer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/tenants/${b.tenant.id}/members`, headers: bearer })).statusCode).toBe(404);
    expect((await a.c.delete(`/api/tenants/${a.tenant.id}/api-tokens/${apiToken.id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/tenants/${a.tenant.id}/members`, headers: bearer })).statusCode).toBe(401);
  });
});
