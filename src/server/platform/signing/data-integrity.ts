import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';

/*
 * W3C Data Integrity, cryptosuite `eddsa-jcs-2022` (Data Integrity EdDSA Cryptosuites v1.0, §3.3):
 * Ed25519 over SHA-256(JCS(proof configuration)) ‖ SHA-256(JCS(document without proof)), the
 * signature written as a base58btc multibase string ('z…'). Pure: no platform, no I/O, so the
 * server, the public register and the offline `attest verify` share one implementation, and the
 * W3C test vectors check it byte for byte.
 */

export const EDDSA_JCS_2022 = 'eddsa-jcs-2022';

export type TJsonObject = { [k: string]: unknown };

export type TProofOptions = {
  type: 'DataIntegrityProof';
  cryptosuite: typeof EDDSA_JCS_2022;
  created?: string;
  verificationMethod: string;
  proofPurpose: string;
  '@context'?: unknown;
  [k: string]: unknown;
};

export type TDataIntegrityProof = TProofOptions & { proofValue: string };

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B58_INDEX = new Map([...B58].map((c, i) => [c, i]));

export function base58btcEncode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i]!;
    for (let j = 0; j < digits.length; j++) {
      carry += digits[j]! << 8;
      digits[j] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  return '1'.repeat(zeros) + digits.reverse().map((d) => B58[d]).join('');
}

/** Throws on a character outside the alphabet: a mangled proof value is an error, not a zero. */
export function base58btcDecode(text: string): Uint8Array {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  const bytes: number[] = [];
  for (let i = zeros; i < text.length; i++) {
    const v = B58_INDEX.get(text[i]!);
    if (v === undefined) throw new Error(`invalid base58btc character at ${i}`);
    let carry = v;
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j]! * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...bytes.reverse()]);
}

// Multicodec prefixes (varint): ed25519-pub 0xed, ed25519-priv 0x1300.
const ED25519_PUB_PREFIX = [0xed, 0x01];
const ED25519_PRIV_PREFIX = [0x80, 0x26];
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** `z` + base58btc(0xed01 ‖ raw public key): the Multikey form of an Ed25519 public key. */
export function ed25519PublicKeyToMultibase(raw: Uint8Array): string {
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return 'z' + base58btcEncode(Uint8Array.from([...ED25519_PUB_PREFIX, ...raw]));
}

function fromMultibase(mb: string, prefix: number[], what: string): Buffer {
  if (!mb.startsWith('z')) throw new Error(`${what}: only base58btc multibase ('z…') is supported`);
  const bytes = base58btcDecode(mb.slice(1));
  if (bytes.length !== 34 || bytes[0] !== prefix[0] || bytes[1] !== prefix[1]) throw new Error(`${what}: not an Ed25519 multikey`);
  return Buffer.from(bytes.subarray(2));
}

export function ed25519PublicKeyFromMultibase(mb: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: fromMultibase(mb, ED25519_PUB_PREFIX, 'public key').toString('base64url') }, format: 'jwk' });
}

export function ed25519PrivateKeyFromMultibase(mb: string): KeyObject {
  const seed = fromMultibase(mb, ED25519_PRIV_PREFIX, 'private key');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function ed25519PublicKeyFromJwk(jwk: { kty?: unknown; crv?: unknown; x?: unknown }): KeyObject {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 JWK');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
}

export function ed25519RawPublicKey(key: KeyObject): Buffer {
  return Buffer.from((key.export({ format: 'jwk' }) as { x: string }).x, 'base64url');
}

function jcs(value: unknown): string {
  const out = canonicalize(value);
  if (out === undefined) throw new Error('value cannot be canonicalized');
  return out;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The suite's intermediate values, exposed so the tests compare each with the W3C vectors. */
export function eddsaJcsHashData(document: TJsonObject, proofConfig: TJsonObject) {
  const canonDoc = jcs(document);
  const proofCanon = jcs(proofConfig);
  const docHash = sha256(canonDoc);
  const proofHash = sha256(proofCanon);
  return { canonDoc, proofCanon, docHash, proofHash, combinedHash: Buffer.concat([proofHash, docHash]) };
}

function withoutKey<T extends TJsonObject>(o: T, key: string): TJsonObject {
  const { [key]: _dropped, ...rest } = o;
  return rest;
}

function isObject(v: unknown): v is TJsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const XSD_DATETIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Adds an `eddsa-jcs-2022` proof to `document` (which must not carry one). `signBytes` signs with
 * Ed25519: a KeyObject here for the tests, the platform signer in production, so the private key
 * never leaves it. The proof keeps the options' key order, then `proofValue`.
 */
export function signEddsaJcs2022(document: TJsonObject, options: TProofOptions, signBytes: KeyObject | ((data: Buffer) => Buffer)): TJsonObject {
  if ('proof' in document) throw new Error('the document already has a proof');
  if (options.type !== 'DataIntegrityProof' || options.cryptosuite !== EDDSA_JCS_2022) throw new Error('proof options must name DataIntegrityProof / eddsa-jcs-2022');
  if (options.created !== undefined && !XSD_DATETIME.test(options.created)) throw new Error('proof options: created is not an XML Schema dateTime');
  const proofConfig: TJsonObject = { ...options };
  // §3.3.1: a proof over a document with a context carries the same context.
  if (document['@context'] !== undefined) proofConfig['@context'] = document['@context'];
  const { combinedHash } = eddsaJcsHashData(document, proofConfig);
  const signature = typeof signBytes === 'function' ? signBytes(combinedHash) : sign(null, combinedHash, signBytes);
  return { ...document, proof: { ...proofConfig, proofValue: 'z' + base58btcEncode(signature) } };
}

export type TDataIntegrityResult =
  | { verified: true; proof: TDataIntegrityProof; document: TJsonObject }
  | { verified: false; reason: 'no_proof' | 'unsupported_proof' | 'context_mismatch' | 'malformed_proof_value' | 'unknown_key' | 'bad_signature'; detail?: string };

/**
 * Verifies an `eddsa-jcs-2022` proof. `resolveKey` maps the proof's verificationMethod to the
 * Ed25519 public key it names, or null for a method the caller does not trust: which keys are
 * trusted is the caller's choice, never the document's.
 */
export function verifyEddsaJcs2022(secured: unknown, resolveKey: (verificationMethod: string) => KeyObject | null): TDataIntegrityResult {
  if (!isObject(secured) || !isObject(secured.proof)) return { verified: false, reason: 'no_proof' };
  const proof = secured.proof;
  if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== EDDSA_JCS_2022) return { verified: false, reason: 'unsupported_proof' };
  if (typeof proof.verificationMethod !== 'string' || typeof proof.proofPurpose !== 'string' || typeof proof.proofValue !== 'string') {
    return { verified: false, reason: 'unsupported_proof', detail: 'verificationMethod, proofPurpose and proofValue are required' };
  }
  if (proof.created !== undefined && (typeof proof.created !== 'string' || !XSD_DATETIME.test(proof.created))) {
    return { verified: false, reason: 'unsupported_proof', detail: 'created is not an XML Schema dateTime' };
  }
  const document = withoutKey(secured, 'proof');
  const proofConfig = withoutKey(proof, 'proofValue');
  if (proofConfig['@context'] !== undefined) {
    // §3.3.2: the document's context must start with the proof's, in order; then the proof's is used.
    const docCtx = ([] as unknown[]).concat(document['@context'] ?? []);
    const proofCtx = ([] as unknown[]).concat(proofConfig['@context']);
    if (proofCtx.some((c, i) => jcs(c) !== jcs(docCtx[i] ?? null))) return { verified: false, reason: 'context_mismatch' };
    document['@context'] = proofConfig['@context'];
  }
  let signature: Uint8Array;
  try {
    if (!proof.proofValue.startsWith('z')) throw new Error('not base58btc');
    signature = base58btcDecode(proof.proofValue.slice(1));
  } catch (e) {
    return { verified: false, reason: 'malformed_proof_value', detail: (e as Error).message };
  }
  if (signature.length !== 64) return { verified: false, reason: 'malformed_proof_value', detail: 'an Ed25519 signature is 64 bytes' };
  const key = resolveKey(proof.verificationMethod);
  if (!key) return { verified: false, reason: 'unknown_key', detail: proof.verificationMethod };
  const { combinedHash } = eddsaJcsHashData(document, proofConfig);
  if (!verify(null, combinedHash, key, signature)) return { verified: false, reason: 'bad_signature' };
  return { verified: true, proof: proof as TDataIntegrityProof, document };
}

/** A did:key verification method (`did:key:z6Mk…#z6Mk…`) names its own key; anything else is null. */
export function resolveDidKey(verificationMethod: string): KeyObject | null {
  const m = /^did:key:(z6Mk[1-9A-HJ-NP-Za-km-z]+)#(z6Mk[1-9A-HJ-NP-Za-km-z]+)$/.exec(verificationMethod);
  if (!m || m[1] !== m[2]) return null;
  try {
    return ed25519PublicKeyFromMultibase(m[1]!);
  } catch {
    return null;
  }
}
