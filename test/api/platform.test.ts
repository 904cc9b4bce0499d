import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, verify, createPublicKey } from 'node:crypto';
import canonicalize from 'canonicalize';
import { backendAvailable, createTestApp, tenantWithOwner, type TTestApp } from '../support/test-app.ts';

describe.skipIf(!backendAvailable)('platform endpoints and hardening', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_MAX_MB: '2' });
  });
  afterAll(() => t?.close());

  it('liveness and readiness', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', migrations: 'applied', database: process.env.ATTEST_TEST_DB ?? 'pglite' });
  });

  it('an authenticated GET /api/me is one SQL statement: the session, its user and memberships together', async () => {
    const { c } = await tenantWithOwner(t);
    const sql = await t.queriesDuring(() => c.get('/api/me'));
    expect(sql).toHaveLength(1);
    expect(sql[0]).toMatch(/FROM sessions/);
  });

  it('serves OpenAPI 3.1 generated from the route schemas, and its browsable page', async () => {
    const doc = (await t.app.inject('/api/docs/json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/tenants/{tenantId}/audit-events/verify', '/api/tenants/{tenantId}/members']));
    // The body's schema is a shared component: follow the reference as a reader would.
    const ref: string = doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.$ref;
    expect(doc.components.schemas[ref.split('/').at(-1)!].properties.email).toBeDefined();
    const page = await t.app.inject('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/swagger/i);
  });

  it('publishes the Ed25519 public key that verifies what the platform signs', async () => {
    const jwks = (await t.app.inject('/.well-known/attest-keys.json')).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: t.p.signer.kid });
    const payload = { certificate: 'ATT-2026-0001', holder: 'Lumière Crédit', standard: 'ISO/IEC 42001:2023' };
    const sig = t.p.signer.signJson(payload);
    const key = createPublicKey({ key: jwks.keys[0], format: 'jwk' });
    expect(verify(null, Buffer.from(canonicalize(payload)!), key, Buffer.from(sig, 'base64url'))).toBe(true);
    expect(t.p.signer.verifyJson({ ...payload, holder: 'Someone else' }, sig)).toBe(false);
    expect(fs.statSync(path.join(t.dataDir, 'signing-key.pem')).mode & 0o777).toBe(0o600);
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject('/api/setup/status');
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const https = await createTestApp({ PUBLIC_URL: 'https://attest.example' });
    const secure = await https.app.inject('/api/auth/csrf');
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(String(secure.headers['set-cookie'])).toMatch(/Secure/);
    await https.close();
  });

  it('answers bad input with a 4xx and a message a person can act on', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const csrf = c.jar.get('attest_csrf')!;
    const cookie = [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const h = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
    const malformed = await t.app.inject({ method: 'POST', url: '/api/tenants', headers: h, payload: '{"name": "Acme",' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/not valid JSON/) });
    expect(malformed.json().requestId).toBe(malformed.headers['x-request-id']);
    const huge = await t.app.inject({ method: 'POST', url: '/api/tenants', headers: h, payload: JSON.stringify({ name: 'x'.repeat(2_000_000), kind: 'organization' }) });
    expect(huge.statusCode).toBe(413);
    const invalid = await c.post(`/api/tenants/${tenant.id}/invitations`, { email: 'not-an-email', role: 'viewer' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().message).toMatch(/email/);
    const proto = await t.app.inject({ method: 'POST', url: '/api/tenants', headers: h, payload: '{"__proto__": {"admin": true}, "name": "Acme", "kind": "organization"}' });
    expect(proto.statusCode).toBe(400);
    const unknown = await c.get('/api/nothing-here');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('not_found');
    const asset = await t.app.inject('/assets/missing.js');
    expect(asset.statusCode).toBe(404);
    expect(JSON.stringify(unknown.json())).not.toMatch(/stack|at \//);
  });

  it('streams an upload into the content-addressed store and reads it back', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const content = Buffer.from('Politique IA — version 3\n'.repeat(5000));
    const cookie = [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/tenants/${tenant.id}/files?filename=${encodeURIComponent('politique-IA v3.txt')}`,
      headers: { cookie, 'x-csrf-token': c.jar.get('attest_csrf')!, 'content-type': 'text/plain; charset=utf-8' },
      payload: Readable.from([content.subarray(0, 50_000), content.subarray(50_000)]),
    });
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(file.size).toBe(content.length);
    expect(fs.existsSync(path.join(t.dataDir, 'blobs/objects', file.sha256.slice(0, 2), file.sha256.slice(2, 4), file.sha256))).toBe(true);
    const back = await c.get(`/api/tenants/${tenant.id}/files/${file.id}/content`);
    expect(back.rawPayload.equals(content)).toBe(true);
    expect(back.headers['content-disposition']).toContain("filename*=UTF-8''politique-IA%20v3.txt");
    const events = (await c.get(`/api/tenants/${tenant.id}/audit-events?action=file.uploaded`)).json().items;
    expect(events[0].summary.after.sha256).toBe(file.sha256);
  });

  it('refuses an upload over the limit and leaves no row, no object, no temp file', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const cookie = [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/tenants/${tenant.id}/files?filename=big.bin`,
      headers: { cookie, 'x-csrf-token': c.jar.get('attest_csrf')!, 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
      payload: Readable.from([big.subarray(0, 1_500_000), big.subarray(1_500_000)]),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/limit of 2 MB/);
    const rows = await t.p.db.selectFrom('files').select('id').where('tenant_id', '=', tenant.id).execute();
    expect(rows).toHaveLength(0);
    const sha = createHash('sha256').update(big).digest('hex');
    expect(await t.p.blobs.has(sha)).toBe(false);
    expect(fs.readdirSync(path.join(t.dataDir, 'blobs/tmp'))).toEqual([]);
    const bad = await c.post(`/api/tenants/${tenant.id}/files?filename=${encodeURIComponent('../../etc/passwd')}`, 'x');
    expect(bad.statusCode).toBe(400);
  });
});
