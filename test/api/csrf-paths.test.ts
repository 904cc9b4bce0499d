import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendAvailable, createTestApp, tenantWithOwner, type TTestApp } from '../support/test-app.ts';

/*
 * The router decodes and matches the path; the CSRF check must not decide on a different reading
 * of it. Each variant below rides on a valid session cookie with NO CSRF header.
 */
const VARIANTS = ['/%61pi', '/%2Fapi', '/%2fapi', '//api', '/./api', '/API', '/Api', '/%41PI', '/api/.', '/x/../api', '/%2e/api'];

describe.skipIf(!backendAvailable)('CSRF: whatever the spelling of the path', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  async function cookieOnly() {
    const owner = await tenantWithOwner(t);
    const cookie = [...owner.c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    return { ...owner, cookie };
  }
  // Refused before any handler runs: 400 for a disguised /api, 403 csrf_failed for the rest.
  const refused = (res: { statusCode: number; json(): { code: string } }) =>
    expect([`400 bad_request`, `403 csrf_failed`]).toContain(`${res.statusCode} ${res.json().code}`);

  it('refuses a cookie-borne upload without a CSRF token, and stores nothing', async () => {
    const { tenant, cookie } = await cookieOnly();
    for (const prefix of VARIANTS) {
      const res = await t.app.inject({
        method: 'POST',
        url: `${prefix}/tenants/${tenant.id}/files?filename=planted.txt`,
        headers: { cookie, 'content-type': 'text/plain' },
        payload: 'planted by a same-site page',
      });
      refused(res);
    }
    const plain = await t.app.inject({
      method: 'POST',
      url: `/api/tenants/${tenant.id}/files?filename=planted.txt`,
      headers: { cookie, 'content-type': 'text/plain' },
      payload: 'planted',
    });
    expect(plain.statusCode).toBe(403);
    expect(plain.json().code).toBe('csrf_failed');
    const rows = await t.p.db.selectFrom('files').select('id').where('tenant_id', '=', tenant.id).execute();
    expect(rows).toHaveLength(0);
  });

  it('refuses logout and revoke-others under every spelling: the sessions survive', async () => {
    const { c, cookie } = await cookieOnly();
    const other = await c.get('/api/me/sessions');
    for (const prefix of VARIANTS) {
      for (const path of ['/auth/logout', '/me/sessions/revoke-others']) {
        const res = await t.app.inject({ method: 'POST', url: `${prefix}${path}`, headers: { cookie, 'content-type': 'application/json' }, payload: '{}' });
        refused(res);
      }
    }
    const after = await c.get('/api/me/sessions');
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual(other.json());
  });

  it('answers an ambiguous spelling of /api with 400, not with the route', async () => {
    const { tenant, cookie } = await cookieOnly();
    const res = await t.app.inject({ method: 'GET', url: `/%61pi/tenants/${tenant.id}`, headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'bad_request', details: { reason: 'ambiguous_path' } });
  });
});
