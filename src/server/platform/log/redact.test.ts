import { describe, expect, it } from 'vitest';
import { redactDeep, redactSecrets } from './redact.ts';

const TOKEN = 'eyJ0IjoiYWJjIiwiaSI6IjEyMyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWc';
const ID = '0b7d7c9e-2f39-4c8e-9d4a-5d8a3c1e2f40';

describe('log redaction', () => {
  it('scrubs token path segments and query parameters, keeps ids and ordinary paths', () => {
    expect(redactSecrets(`/api/invitations/${TOKEN}/accept`)).toBe('/api/invitations/[redacted]/accept');
    expect(redactSecrets(`Open https://attest.example/invite/${TOKEN} before 4 December`)).toBe('Open https://attest.example/invite/[redacted] before 4 December');
    expect(redactSecrets(`/reset-password/${TOKEN}`)).toBe('/reset-password/[redacted]');
    expect(redactSecrets(`/api/soc2-readers/${TOKEN}/download?locale=fr`)).toBe('/api/soc2-readers/[redacted]/download?locale=fr');
    expect(redactSecrets(`Open the report: https://attest.example/reader/${TOKEN}`)).toBe('Open the report: https://attest.example/reader/[redacted]');
    expect(redactSecrets(`Choose a new one: https://attest.example/reset-password#${TOKEN}`)).toBe('Choose a new one: https://attest.example/reset-password#[redacted]');
    expect(redactSecrets(`/api/auth/password-reset?token=${TOKEN}&x=1`)).toBe('/api/auth/password-reset?token=[redacted]&x=1');
    expect(redactSecrets(`/api/tenants/${ID}/invitations/${ID}`)).toBe(`/api/tenants/${ID}/invitations/${ID}`);
    expect(redactSecrets('/api/me/sessions')).toBe('/api/me/sessions');
  });
  it('walks a log record', () => {
    expect(redactDeep({ msg: 'x', req: { url: `/invite/${TOKEN}` }, list: [`?code=${TOKEN}`], n: 3 })).toEqual({
      msg: 'x',
      req: { url: '/invite/[redacted]' },
      list: ['?code=[redacted]'],
      n: 3,
    });
  });
});
