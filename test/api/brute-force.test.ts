import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendAvailable, createClient, createTestApp, createUser, type TTestApp } from '../support/test-app.ts';

describe.skipIf(!backendAvailable)('brute-force guard under concurrency', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_WINDOW_MINUTES: '15' });
  });
  afterAll(() => t?.close());

  it('evaluates at most the limit of 25 concurrent wrong passwords; the rest get 429 with the wait in minutes', async () => {
    const u = await createUser(t.p);
    const c = createClient(t.app);
    await c.get('/api/auth/csrf');
    const answers = await Promise.all(Array.from({ length: 25 }, () => c.post('/api/auth/login', { email: u.email, password: 'wrong-password-123' })));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    const blocked = answers.find((a) => a.statusCode === 429)!;
    expect(blocked.json().code).toBe('too_many_requests');
    expect(blocked.json().details).toEqual({ retryAfterMinutes: 15 });
    expect(blocked.json().message).toBe('Too many attempts. Try again in 15 minutes.');
    const seconds = Number(blocked.headers['retry-after']);
    expect(seconds).toBeGreaterThan(14 * 60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
    // The right password is refused too until the window slides on: the guesses are spent.
    expect((await c.post('/api/auth/login', { email: u.email, password: u.password })).statusCode).toBe(429);
  });

  it('right passwords do not use up attempts, even when sign-ins run concurrently', async () => {
    const u = await createUser(t.p);
    const burst = () => Promise.all(Array.from({ length: 5 }, () => createClient(t.app).post('/api/auth/login', { email: u.email, password: u.password })));
    expect((await burst()).map((a) => a.statusCode)).toEqual(Array(5).fill(200));
    expect((await burst()).map((a) => a.statusCode)).toEqual(Array(5).fill(200));
    const left = await t.p.db.selectFrom('login_failures').select('key').where('key', '=', `account:${u.email}`).execute();
    expect(left).toHaveLength(0);
  });
});
