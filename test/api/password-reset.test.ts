import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { PLATFORM_TENANT_ID, verifyAuditChain } from '../../src/server/platform/audit-log/audit-log.ts';
import { backendAvailable, createClient, createTestApp, createUser, signIn, uniqueEmail, type TTestApp } from '../support/test-app.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';

const NEW_PASSWORD = 'Nouvelle-Phrase-Solide-2026';

describe.skipIf(!backendAvailable)('forgot password: reset by e-mail', () => {
  let t: TTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, JOBS_ENABLED: 'true', PUBLIC_URL: 'https://attest.example', LOGIN_MAX_FAILURES: '5' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const linkToken = (text: string) => /https:\/\/attest\.example\/reset-password#([A-Za-z0-9_-]{43})/.exec(text)?.[1];

  it('mails a single-use link in the user’s language; the reset ends every session', async () => {
    const u = await createUser(t.p, { locale: 'fr', name: 'Inès' });
    const a = await signIn(t.app, u);
    const b = await signIn(t.app, u);
    const c = createClient(t.app);
    const res = await c.post('/api/auth/password-reset', { email: u.email.toUpperCase() });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'requested', expiresInMinutes: 60 });

    const text = mailText((await smtp.waitFor(u.email)).raw);
    expect(text).toContain('Choisir un nouveau mot de passe : https://attest.example/reset-password#');
    expect(text).toContain('Bonjour Inès');
    expect(text).toMatch(/jusqu’au \d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4} à \d{2}:\d{2}/);
    const token = linkToken(text)!;
    expect(token).toBeDefined();
    // Only a keyed hash is stored.
    const stored = await t.p.db.selectFrom('password_resets').select('token_hash').where('user_id', '=', u.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);

    expect((await c.post('/api/auth/password-reset/verify', { token })).json()).toMatchObject({ email: u.email });
    const weak = await c.post('/api/auth/password-reset/complete', { token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect((await c.post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD })).statusCode).toBe(204);

    expect((await a.get('/api/me')).statusCode).toBe(401);
    expect((await b.get('/api/me')).statusCode).toBe(401);
    expect((await createClient(t.app).post('/api/auth/login', { email: u.email, password: u.password })).statusCode).toBe(401);
    expect((await createClient(t.app).post('/api/auth/login', { email: u.email, password: NEW_PASSWORD })).statusCode).toBe(200);

    const again = await c.post('/api/auth/password-reset/complete', { token, password: 'Encore-Une-Autre-Phrase-9' });
    expect(again.statusCode).toBe(410);
    expect(again.json().details).toEqual({ reason: 'reset_link_used' });

    const events = await t.p.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('tenant_id', '=', PLATFORM_TENANT_ID)
      .where('subject_id', '=', u.id)
      .where('action', 'in', ['user.password_reset_requested', 'user.password_reset'])
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['user.password_reset_requested', 'user.password_reset']);
    expect(events[1]!.summary).toEqual({ before: null, after: { sessionsEnded: 2 } });
    expect((await verifyAuditChain(t.p.db, PLATFORM_TENANT_ID)).ok).toBe(true);
  });

  it('answers the same whether or not the address has an account, and mails only real accounts', async () => {
    const known = await createUser(t.p, { locale: 'en', name: 'Claire' });
    const unknown = uniqueEmail('nobody');
    const c = createClient(t.app);
    const r1 = await c.post('/api/auth/password-reset', { email: unknown });
    const r2 = await c.post('/api/auth/password-reset', { email: known.email });
    expect([r1.statusCode, r1.json()]).toEqual([r2.statusCode, r2.json()]);
    const text = mailText((await smtp.waitFor(known.email)).raw);
    expect(text).toContain('Choose a new password: https://attest.example/reset-password#');
    expect(text).toMatch(/until \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} at \d{2}:\d{2}/);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.mails.filter((m) => m.to === unknown)).toHaveLength(0);
    expect(await t.p.db.selectFrom('audit_events').select('id').where('actor_email', '=', unknown).execute()).toHaveLength(0);
  });

  it('a newer link replaces the older one, and an expired link is refused', async () => {
    const u = await createUser(t.p);
    const c = createClient(t.app);
    await c.post('/api/auth/password-reset', { email: u.email });
    const first = linkToken(mailText((await smtp.waitFor(u.email)).raw))!;
    await c.post('/api/auth/password-reset', { email: u.email });
    const second = linkToken(mailText((await smtp.waitFor(u.email, 20_000, 2)).raw))!;
    expect(second).not.toBe(first);
    expect((await c.post('/api/auth/password-reset/verify', { token: first })).statusCode).toBe(410);
    await t.p.db.updateTable('password_resets').set({ expires_at: sql`now() - interval '1 second'` }).where('user_id', '=', u.id).execute();
    const expired = await c.post('/api/auth/password-reset/complete', { token: second, password: NEW_PASSWORD });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().details).toEqual({ reason: 'reset_link_expired' });
    expect((await c.post('/api/auth/password-reset/verify', { token: 'x'.repeat(43) })).statusCode).toBe(404);
  });

  it('is rate limited per address, for unknown addresses alike', async () => {
    for (const email of [(await createUser(t.p)).email, uniqueEmail('ghost')]) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await createClient(t.app).post('/api/auth/password-reset', { email })).statusCode);
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    }
  });
});
