import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendAvailable, createTestApp, tenantWithOwner, type TTestApp } from '../support/test-app.ts';

describe.skipIf(!backendAvailable)('files: names that lie and content that runs', () => {
  let t: TTestApp;
  let owner: Awaited<ReturnType<typeof tenantWithOwner>>;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await tenantWithOwner(t);
  });
  afterAll(() => t?.close());

  const upload = (filename: string, contentType: string, body: string) =>
    owner.c.post(`/api/tenants/${owner.tenant.id}/files?filename=${encodeURIComponent(filename)}`, body, { 'content-type': contentType });

  it('refuses bidirectional control characters in a filename, naming the field, and stores nothing', async () => {
    for (const name of ['invoice\u202etxt.exe', 'a\u202bb.pdf', '\u2066x\u2069.pdf', 'r\u200fl.txt', 'arabic\u061cmark.txt']) {
      const res = await upload(name, 'text/plain', 'x');
      expect(res.statusCode, name).toBe(400);
      expect(res.json().message).toMatch(/filename: .*bidirectional/);
    }
    const rows = await t.p.db.selectFrom('files').select('id').where('tenant_id', '=', owner.tenant.id).execute();
    expect(rows).toHaveLength(0);
    expect((await upload('Politique « IA » — v2.pdf', 'application/pdf', '%PDF-1.7')).statusCode).toBe(201);
  });

  it('serves active content as opaque bytes, and every user file under a sandbox policy', async () => {
    const cases = [
      { type: 'text/html', body: '<script>fetch("/api/me")</script>', served: 'application/octet-stream' },
      { type: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', served: 'application/octet-stream' },
      { type: 'application/xhtml+xml', body: '<html xmlns="http://www.w3.org/1999/xhtml"/>', served: 'application/octet-stream' },
      { type: 'text/xml', body: '<x/>', served: 'application/octet-stream' },
      { type: 'text/javascript', body: 'alert(1)', served: 'application/octet-stream' },
      { type: 'text/plain; charset=utf-8', body: 'Politique IA', served: 'text/plain; charset=utf-8' },
      { type: 'application/pdf', body: '%PDF-1.7', served: 'application/pdf' },
    ];
    for (const c of cases) {
      const up = await upload(`file-${cases.indexOf(c)}`, c.type, c.body);
      expect(up.statusCode, up.body).toBe(201);
      expect(up.json().contentType).toBe(c.type);
      const res = await owner.c.get(`/api/tenants/${owner.tenant.id}/files/${up.json().id}/content`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type'], c.type).toBe(c.served);
      expect(res.headers['content-security-policy']).toMatch(/^sandbox;/);
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).toBe(c.body);
    }
  });
});
