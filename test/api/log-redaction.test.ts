import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationToken } from '../../src/server/modules/tenants/invitations-service.ts';
import { backendAvailable, createTestApp, tenantWithOwner, uniqueEmail, type TTestApp } from '../support/test-app.ts';

/** Every line the server logs, as written (debug level: one line per request too). */
function captureLog() {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) } };
}

describe.skipIf(!backendAvailable)('logs never carry invitation links or other tokens', () => {
  let t: TTestApp;
  const log = captureLog();
  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'debug', PUBLIC_URL: 'https://attest.example' }, { logStream: log.stream });
  });
  afterAll(() => t?.close());

  it('redacts the token in request lines and "request denied" lines, and keeps the mail body out of the log', async () => {
    const { c, tenant } = await tenantWithOwner(t);
    const invited = await c.post(`/api/tenants/${tenant.id}/invitations`, { email: uniqueEmail('invitee'), role: 'viewer' });
    expect(invited.statusCode, invited.body).toBe(201);
    const row = await t.p.db.selectFrom('invitations').select(['id', 'expires_at']).where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow();
    const token = invitationToken(t.p.secretKey, tenant.id, row.id, row.expires_at);
    const forged = `${token.slice(0, -6)}abcdef`;
    const signature = token.split('.')[2]!;

    expect((await c.get(`/api/invitations/${token}`)).statusCode).toBe(200);
    const denied = await c.get(`/api/invitations/${forged}`);
    expect(denied.statusCode).toBe(404);
    await t.app.inject({ method: 'GET', url: `/invite/${token}`, headers: { accept: 'text/html' } });
    await c.post(`/api/invitations/${forged}/accept`, { name: 'Eve', password: 'Correct-Pony-Battery-42' });
    const link = `https://attest.example/invite/${token}`;
    await t.p.mailer.send({ to: 'invitee@test.example', subject: 'Invitation à rejoindre Lumière', text: `Ouvrez ${link} avant le 4 décembre.` });

    const text = log.lines.join('');
    expect(text).not.toContain(signature);
    expect(text).not.toContain(forged.split('.')[2]!);
    const records = log.lines.map((l) => JSON.parse(l) as Record<string, any>);
    expect(records.some((r) => r.msg === 'incoming request' && r.req?.url === '/api/invitations/[redacted]')).toBe(true);
    expect(records.some((r) => r.msg === 'incoming request' && r.req?.url === '/invite/[redacted]')).toBe(true);
    expect(records.some((r) => r.msg === 'request denied' && r.url === '/api/invitations/[redacted]')).toBe(true);
    const mail = records.find((r) => r.mail);
    expect(mail?.mail).toMatchObject({ to: 'invitee@test.example', subject: 'Invitation à rejoindre Lumière' });
    expect(JSON.stringify(mail)).not.toMatch(/Ouvrez|invite\//);
    // The message itself is kept for whoever runs the server without SMTP, in a file only they can read.
    expect(fs.readFileSync(mail!.mail.file, 'utf8')).toContain(link);
    expect(fs.statSync(mail!.mail.file).mode & 0o777).toBe(0o600);
  });
});
