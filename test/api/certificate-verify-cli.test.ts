import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { buildBody, buildEngagement, buildIssuedCertificate } from '../support/certification-factories.ts';
import { buildTenant } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');

type TRun = { code: number; stdout: string; stderr: string };
const attest = (...args: string[]): Promise<TRun> =>
  run(NODE, ['src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, ATTEST_DATA_DIR: '/nonexistent-attest' } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

/*
 * `attest verify` as a person runs it, in a real process: a certificate issued on a decision, its
 * credential checked against the JWKS (file or URL) and refused when one byte changed, when the key
 * is another, when the file is not JSON or not there.
 */
describe.skipIf(!backendAvailable)('attest verify', { timeout: 240_000 }, () => {
  let t: TTestApp;
  let dir: string;
  let server: http.Server;
  let keysUrl: string;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://attest.example' });
    t.p.clock = createTestClock(new Date('2026-11-23T09:00:00Z'));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-verify-'));
    const jwks = (await t.app.inject('/.well-known/attest-keys.json')).body;
    server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    keysUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/attest-keys.json`;
    fs.writeFileSync(path.join(dir, 'keys.json'), jwks);
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => server?.close(r));
  });

  it('prints the fields as signed for a genuine credential, and refuses a changed byte, another key, bad JSON and a missing file', async () => {
    const body = await buildBody(t.p, { name: 'Vérité Certification' });
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const built = await buildEngagement(t.p, body, org);
    const { certificate: c } = await buildIssuedCertificate(t.p, body, built, { scope: { en: 'Credit scoring with AI', fr: 'Notation de crédit par IA' } });
    const file = path.join(dir, 'certificate.json');
    const text = JSON.stringify(c.credential, null, 2);
    fs.writeFileSync(file, text);

    const ok = await attest('verify', file, '--key', path.join(dir, 'keys.json'));
    expect(ok.code, ok.stderr).toBe(0);
    for (const s of ['Signature: VALID', c.number, built.client.legal_name, 'Scope: Credit scoring with AI', 'Sites:', 'Siège (head office)', 'Effective date: 2026-11-23', 'Expiry date: 2029-11-22', 'Status as signed: valid', 'ISO/IEC 42001:2023'])
      expect(ok.stdout, s).toContain(s);
    const byUrl = await attest('verify', file, '--key', keysUrl);
    expect(byUrl.code, byUrl.stderr).toBe(0);

    const at = text.indexOf('2029-11-22');
    fs.writeFileSync(path.join(dir, 'tampered.json'), text.slice(0, at + 3) + '8' + text.slice(at + 4));
    const tampered = await attest('verify', path.join(dir, 'tampered.json'), '--key', path.join(dir, 'keys.json'));
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/TAMPERED/);

    const otherPem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    fs.writeFileSync(path.join(dir, 'other.pem'), otherPem);
    const wrongKey = await attest('verify', file, '--key', path.join(dir, 'other.pem'));
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/INVALID/);
    const otherJwks = { keys: [{ ...(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }) as object), kid: 'another' }] };
    fs.writeFileSync(path.join(dir, 'other.json'), JSON.stringify(otherJwks));
    const unknown = await attest('verify', file, '--key', path.join(dir, 'other.json'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/not signed with the given key/);

    fs.writeFileSync(path.join(dir, 'broken.json'), text.slice(0, 100));
    const broken = await attest('verify', path.join(dir, 'broken.json'), '--key', path.join(dir, 'keys.json'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/not valid JSON/);
    const missing = await attest('verify', path.join(dir, 'nowhere.json'), '--key', path.join(dir, 'keys.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read/);
    const noKey = await attest('verify', file);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/No key to verify with/);
  });
});
