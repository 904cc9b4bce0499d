import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import canonicalize from 'canonicalize';
import { ed25519PublicKeyToMultibase } from './data-integrity.ts';

export type TSigner = {
  kid: string;
  publicJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; use: 'sig'; alg: 'EdDSA' };
  /** Ed25519 over the RFC 8785 canonical JSON of the payload, base64url. */
  signJson(payload: unknown): string;
  verifyJson(payload: unknown, signature: string): boolean;
  /** Ed25519 over the given bytes (a Data Integrity proof signs its own hash data). */
  signBytes(data: Uint8Array): Buffer;
  /** The public key as a Multikey (`z6Mk…`), as Data Integrity verification methods publish it. */
  publicKeyMultibase: string;
};

/**
 * The key comes from SIGNING_PRIVATE_KEY (PKCS#8 PEM) or from <dataDir>/signing-key.pem, created
 * on first start with owner-only permissions.
 */
export function loadSigner(opts: { dataDir: string; privateKeyPem?: string | undefined }): TSigner {
  let privateKey: KeyObject;
  if (opts.privateKeyPem) {
    privateKey = createPrivateKey(opts.privateKeyPem.replace(/\\n/g, '\n'));
  } else {
    const file = path.join(opts.dataDir, 'signing-key.pem');
    if (fs.existsSync(file)) {
      privateKey = createPrivateKey(fs.readFileSync(file));
    } else {
      fs.mkdirSync(opts.dataDir, { recursive: true });
      privateKey = generateKeyPairSync('ed25519').privateKey;
      fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    }
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('SIGNING_PRIVATE_KEY must be an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' }) as { x: string };
  const kid = createHash('sha256').update(jwk.x).digest('hex').slice(0, 16);
  return {
    kid,
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid, use: 'sig', alg: 'EdDSA' },
    signJson: (payload) => sign(null, Buffer.from(canonicalize(payload) ?? ''), privateKey).toString('base64url'),
    verifyJson: (payload, signature) =>
      verify(null, Buffer.from(canonicalize(payload) ?? ''), publicKey, Buffer.from(signature, 'base64url')),
    signBytes: (data) => sign(null, data, privateKey),
    publicKeyMultibase: ed25519PublicKeyToMultibase(Buffer.from(jwk.x, 'base64url')),
  };
}
