import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { verifyCertificateCredential, type TPublicKeys } from '../server/modules/certification/certificates/certificate-credential.ts';

/*
 * `attest verify FILE [--key FILE|URL]`: checks a certificate credential offline against a key set —
 * a JWKS file (as /.well-known/attest-keys.json serves it), a PEM public key, or a URL to fetch the
 * JWKS from — or, with no --key, this installation's own signing key. Prints the fields as signed;
 * exit 0 when the signature holds, 1 when it does not, 2 when the input cannot be read.
 */

type TOut = { out: (s: string) => void; err: (s: string) => void };

async function readKeys(key: string | undefined, env: NodeJS.ProcessEnv): Promise<TPublicKeys> {
  if (key && /^https?:\/\//.test(key)) {
    const res = await fetch(key, { signal: AbortSignal.timeout(10_000), headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`Could not fetch the key set from ${key}: HTTP ${res.status}.`);
    return (await res.json()) as TPublicKeys;
  }
  if (key) {
    const text = fs.readFileSync(key, 'utf8');
    if (text.includes('-----BEGIN')) {
      // A PEM key (public, or a private key whose public half is used): one key, whatever the kid.
      const pub = createPublicKey(text);
      const jwk = pub.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
      return { keys: [{ ...jwk, kid: '*' }] };
    }
    return JSON.parse(text) as TPublicKeys;
  }
  // No --key: this installation's own key, when this machine holds it.
  const pem = env.SIGNING_PRIVATE_KEY?.replace(/\\n/g, '\n') ?? readIfExists(path.join(path.resolve(env.ATTEST_DATA_DIR ?? './data'), 'signing-key.pem'));
  if (!pem) throw new Error('No key to verify with: give --key with the issuer’s key set (a JWKS file, a PEM file, or its /.well-known/attest-keys.json URL).');
  const jwk = createPublicKey(pem).export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  return { keys: [{ ...jwk, kid: '*' }] };
}

function readIfExists(file: string) {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

const REASONS: Record<string, string> = {
  not_a_certificate: 'This file is not an Attest certificate credential.',
  no_proof: 'The credential carries no proof: it is not signed.',
  unsupported_proof: 'The proof is not an eddsa-jcs-2022 Data Integrity proof.',
  context_mismatch: 'The proof’s @context does not match the credential’s: it was altered.',
  malformed_proof_value: 'The signature value is malformed: the credential was altered.',
  unknown_key: 'The credential was not signed with the given key (wrong key, or another issuer).',
  bad_signature: 'The signature does not match the content: the credential was TAMPERED WITH after signing.',
};

export async function verifyCertificateFile(file: string | undefined, key: string | undefined, io: TOut, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (!file) {
    io.err('Give the credential file: attest verify FILE [--key FILE|URL]');
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    io.err(`Cannot read ${file}: no such file, or not readable.`);
    return 2;
  }
  let vc: unknown;
  try {
    vc = JSON.parse(text);
  } catch (e) {
    io.err(`${file} is not valid JSON (${(e as Error).message}).`);
    return 2;
  }
  let keys: TPublicKeys;
  try {
    keys = await readKeys(key, env);
  } catch (e) {
    io.err((e as Error).message);
    return 2;
  }
  // A single key given as a file or found locally answers for whatever kid the proof names.
  const list = Array.isArray(keys) ? keys : [...(keys.keys ?? []), ...(keys.verificationMethod ?? [])];
  if (list.length === 1 && list[0]!.kid === '*') {
    const vm = (vc as { proof?: { verificationMethod?: unknown } })?.proof?.verificationMethod;
    const kid = typeof vm === 'string' ? vm.slice(vm.lastIndexOf('#') + 1) : '';
    keys = { keys: [{ ...list[0]!, kid }] };
  }
  const r = verifyCertificateCredential(vc, keys);
  const c = r.certificate;
  if (r.signature !== 'valid' || !c) {
    io.err(`INVALID: ${REASONS[r.reason ?? 'bad_signature']}`);
    return 1;
  }
  const lines = [
    `Signature: VALID (eddsa-jcs-2022, key ${r.verificationMethod ?? ''})`,
    `Certificate: ${c.number} revision ${c.revision}`,
    `Standard: ${c.standard}`,
    `Holder: ${c.holder.name}${c.holder.address ? `, ${c.holder.address}` : ''}`,
    `Scope: ${c.scope.en}`,
    `Scope (FR): ${c.scope.fr}`,
    'Sites:',
    ...c.sites.map((s) => `  - ${s.name}${s.central ? ' (head office)' : ''}, ${s.address}: ${s.scope.en}`),
    `AI systems: ${c.aiSystems.map((a) => a.name).join(', ') || '—'}`,
    `Certification body: ${c.body.name}${c.body.accredited ? ` (accredited by ${c.body.accreditationBody}, no. ${c.body.accreditationNumber})` : ''}`,
    `SoA version: ${c.soaVersion || '—'}`,
    `Original certification date: ${c.originalIssueDate}`,
    `Effective date: ${c.effectiveDate}`,
    `Expiry date: ${c.expiryDate}`,
    `Status as signed: ${c.status} (signed ${r.issuedAt ?? ''})`,
    `Current status: see the public register — ${(vc as { credentialStatus?: { id?: string } }).credentialStatus?.id ?? ''}`,
  ];
  io.out(lines.join('\n'));
  return 0;
}
