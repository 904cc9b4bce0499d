import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationToken } from '../../src/server/modules/tenants/invitations-service.ts';
import { verifyAuditChain } from '../../src/server/platform/audit-log/audit-log.ts';
import { unknownAccountChainOf } from '../../src/server/modules/accounts/sign-in-chains.ts';
import { backendAvailable, createClient, createTestApp, createUser, tenantWithOwner, type TTestApp } from '../support/test-app.ts';

/*
 * A real trigger makes the audit insert fail midway for chosen e-mails (fail-audit-…): whatever
 * the transaction wrote before it must be gone.
 */
const FAIL_AUDIT = [
  `CREATE FUNCTION test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.action = 'user.login' AND NEW.actor_email LIKE 'fail-audit-%' THEN RAISE EXCEPTION 'audit insert failed (test)'; END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_fail_audit()`,
];

describe.skipIf(!backendAvailable)('sign-in and invitation acceptance write the session and its event in one transaction', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (const s of FAIL_AUDIT) await sql.raw(s).execute(t.p.db);
  });
  afterAll(() => t?.close());

  const loginEvents = (userId: string) =>
    t.p.db.selectFrom('audit_events').select(['subject_id', 'summary']).where('action', '=', 'user.login').where('actor_id', '=', userId).execute();
  const liveSessions = (userId: string) => t.p.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute();

  it('a sign-in whose audit event fails leaves no session behind', async () => {
    const u = await createUser(t.p, { email: `fail-audit-${Date.now()}@test.example` });
    const c = createClient(t.app);
    const res = await c.post('/api/auth/login', { email: u.email, password: u.password });
    expect(res.statusCode).toBe(500);
    expect(res.headers['set-cookie']?.toString() ?? '').not.toMatch(/attest_session=[^;]/);
    expect(await liveSessions(u.id)).toHaveLength(0);
    expect(await loginEvents(u.id)).toHaveLength(0);
    expect((await verifyAuditChain(t.p.db, u.id)).ok).toBe(true);
  });

  it('a successful sign-in has exactly one session and one event naming it', async () => {
    const u = await createUser(t.p);
    const c = createClient(t.app);
    expect((await c.post('/api/auth/login', { email: u.email, password: u.password })).statusCode).toBe(200);
    const sessions = await liveSessions(u.id);
    const events = await loginEvents(u.id);
    expect(sessions).toHaveLength(1);
    expect(events).toEqual([{ subject_id: sessions[0]!.id, summary: { before: null, after: { mfa: false, method: 'password' } } }]);
  });

  async function invite(email: string) {
    const { c, tenant } = await tenantWithOwner(t);
    const inv = (await c.post(`/api/tenants/${tenant.id}/invitations`, { email, role: 'viewer', locale: 'fr' })).json().invitation;
    const row = await t.p.db.selectFrom('invitations').select('expires_at').where('id', '=', inv.id).executeTakeFirstOrThrow();
    return { tenant, token: invitationToken(t.p.secretKey, tenant.id, inv.id, row.expires_at) };
  }

  it('sign-in events chain per user (no single platform row to queue on), failures for unknown addresses per day; each chain verifies', async () => {
    const u = await createUser(t.p);
    const c = createClient(t.app);
    expect((await c.post('/api/auth/login', { email: u.email, password: 'wrong-password-123' })).statusCode).toBe(401);
    expect((await c.post('/api/auth/login', { email: u.email, password: u.password })).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    const ghost = `ghost-${Date.now()}@test.example`;
    expect((await c.post('/api/auth/login', { email: ghost, password: 'wrong-password-123' })).statusCode).toBe(401);
    const chain = await t.p.db.selectFrom('audit_events').select(['seq', 'action']).where('tenant_id', '=', u.id).orderBy('seq').execute();
    expect(chain).toEqual([
      { seq: 1, action: 'user.login_failed' },
      { seq: 2, action: 'user.login' },
      { seq: 3, action: 'user.logout' },
    ]);
    expect(await verifyAuditChain(t.p.db, u.id)).toEqual({ ok: true, checked: 3, firstBrokenSeq: null });
    const day = unknownAccountChainOf(new Date());
    const ghostEvents = await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', day).where('actor_email', '=', ghost).execute();
    expect(ghostEvents).toEqual([{ action: 'user.login_failed' }]);
    expect((await verifyAuditChain(t.p.db, day)).ok).toBe(true);
  });

  it('accepting an invitation signs the new account in with an audited session', async () => {
    const email = `invitee-${Date.now()}@test.example`;
    const { token, tenant } = await invite(email);
    const c = createClient(t.app);
    const res = await c.post(`/api/invitations/${token}/accept`, { name: 'Inès Dubois', password: 'Une-Phrase-Solide-2026' });
    expect(res.statusCode).toBe(200);
    expect((await c.get('/api/me')).json().memberships.map((m: { tenantId: string }) => m.tenantId)).toEqual([tenant.id]);
    const user = await t.p.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const sessions = await liveSessions(user.id);
    expect(sessions).toHaveLength(1);
    expect(await loginEvents(user.id)).toEqual([{ subject_id: sessions[0]!.id, summary: { before: null, after: { mfa: false, method: 'invitation' } } }]);
  });

  it('an acceptance whose session event fails creates no account, membership or session, and the link still works', async () => {
    const email = `fail-audit-inv-${Date.now()}@test.example`;
    const { token } = await invite(email);
    const c = createClient(t.app);
    const res = await c.post(`/api/invitations/${token}/accept`, { name: 'Inès Dubois', password: 'Une-Phrase-Solide-2026' });
    expect(res.statusCode).toBe(500);
    expect(await t.p.db.selectFrom('users').select('id').where('email', '=', email).execute()).toHaveLength(0);
    const inv = await t.p.db.selectFrom('invitations').select(['accepted_at', 'accepted_by']).where('email', '=', email).executeTakeFirstOrThrow();
    expect(inv).toEqual({ accepted_at: null, accepted_by: null });
    expect((await c.get(`/api/invitations/${token}`)).statusCode).toBe(200);
  });
});
