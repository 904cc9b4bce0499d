import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { backendAvailable, createClient, createTestApp, tenantWithOwner, type TTestApp } from '../support/test-app.ts';

/** NUL and lone surrogates (issue 7 §4) are refused by the shared bounded-string schema: 400 naming the field, never a 500. */
function expectRefused(res: LightMyRequestResponse, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json()).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ field, issue: 'invalid_characters' })] });
}

describe.skipIf(!backendAvailable)('NUL bytes and lone surrogates', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('are refused in bodies, queries and paths with 400 naming the field', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    expectRefused(await c.patch('/api/me', { name: 'a\u0000b' }), 'name');
    expectRefused(await c.post('/api/tenants', { name: 'Lumière\u0000 SAS', kind: 'organization' }), 'name');
    expectRefused(await c.patch(`/api/tenants/${tenant.id}`, { name: 'x\u0000y' }), 'name');
    expectRefused(await c.post(`/api/tenants/${tenant.id}/api-tokens`, { name: 'ci\u0000', role: 'viewer' }), 'name');
    expectRefused(await c.post(`/api/tenants/${tenant.id}/api-tokens`, { name: 'ci \ud800 runner', role: 'viewer' }), 'name');
    expectRefused(await c.get(`/api/tenants/${tenant.id}/audit-events?subjectId=%00`), 'subjectId');
    expectRefused(await c.get('/api/catalog/search?q=risk%00'), 'q');
    expectRefused(await c.get('/api/catalog/frameworks/iso-iec-42001-2023/requirements/6.1%00'), 'ref');
    expectRefused(await c.get('/api/catalog/frameworks/iso-iec-42001-2023?version=%00'), 'version');
    const guest = createClient(t.app);
    const invited = await guest.post(`/api/invitations/${'a'.repeat(20)}.${'b'.repeat(20)}/accept`, { name: 'In\u0000ès', password: 'Correct-Pony-Battery-42' });
    expectRefused(invited, 'name');
    // Nothing was written: the name is unchanged and no token exists.
    expect((await c.get('/api/me')).json().user.name).not.toContain('\u0000');
    expect((await c.get(`/api/tenants/${tenant.id}/api-tokens`)).json().items).toEqual([]);
  });
});
