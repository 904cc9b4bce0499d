import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  base58btcDecode,
  base58btcEncode,
  ed25519PrivateKeyFromMultibase,
  ed25519PublicKeyFromMultibase,
  ed25519PublicKeyToMultibase,
  ed25519RawPublicKey,
  eddsaJcsHashData,
  resolveDidKey,
  signEddsaJcs2022,
  verifyEddsaJcs2022,
  type TJsonObject,
  type TProofOptions,
} from './data-integrity.ts';

// The W3C vectors of Data Integrity EdDSA Cryptosuites v1.0 (TestVectors/, eddsa-jcs-2022).
const DIR = path.join(import.meta.dirname, 'test-vectors', 'eddsa-jcs-2022');
const json = (f: string) => JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as TJsonObject;
const text = (f: string) => fs.readFileSync(path.join(DIR, f), 'utf8').trim();


describe('eddsa-jcs-2022 against the W3C test vectors', () => {
  const keyPair = json('keyPair.json') as { publicKeyMultibase: string; privateKeyMultibase: string };
  const unsigned = json('unsigned.json');
  const proofConfig = (json('proofConfigJCS.json') as TProofOptions);

  it('reads the multikey pair: the private key derives the published public key', () => {
    const priv = ed25519PrivateKeyFromMultibase(keyPair.privateKeyMultibase);
    const pub = ed25519PublicKeyFromMultibase(keyPair.publicKeyMultibase);
    expect(ed25519PublicKeyToMultibase(ed25519RawPublicKey(pub))).toBe(keyPair.publicKeyMultibase);
    expect(priv.asymmetricKeyType).toBe('ed25519');
  });

  it('computes every intermediate value of the vectors', () => {
    const { '@context': _c, ...options } = proofConfig;
    const proof = { ...options, '@context': unsigned['@context'] };
    const h = eddsaJcsHashData(unsigned, proof);
    expect(h.canonDoc).toBe(text('canonDocJCS.txt'));
    expect(h.docHash.toString('hex')).toBe(text('docHashJCS.txt'));
    expect(h.proofCanon).toBe(text('proofCanonJCS.txt'));
    expect(h.proofHash.toString('hex')).toBe(text('proofHashJCS.txt'));
    expect(h.combinedHash.toString('hex')).toBe(text('combinedHashJCS.txt'));
  });

  it('signs unsigned.json into exactly signedJCS.json (signature in hex and base58btc)', () => {
    const signed = signEddsaJcs2022(unsigned, proofConfig, ed25519PrivateKeyFromMultibase(keyPair.privateKeyMultibase));
    const expected = json('signedJCS.json');
    expect(signed).toEqual(expected);
    // Same bytes, same key order.
    expect(JSON.stringify(signed, null, 2)).toBe(JSON.stringify(expected, null, 2));
    const proofValue = (signed.proof as { proofValue: string }).proofValue;
    expect(proofValue).toBe(text('sigBTC58JCS.txt'));
    expect(Buffer.from(base58btcDecode(proofValue.slice(1))).toString('hex')).toBe(text('sigHexJCS.txt'));
  });

  it('verifies signedJCS.json with the did:key it names', () => {
    const r = verifyEddsaJcs2022(json('signedJCS.json'), resolveDidKey);
    expect(r.verified).toBe(true);
  });

  it('refuses the credential after any one changed byte of its text', () => {
    const raw = fs.readFileSync(path.join(DIR, 'signedJCS.json'), 'utf8');
    let refused = 0;
    let tried = 0;
    for (let i = 0; i < raw.length; i++) {
      const ch = raw[i]!;
      // Change a letter or digit inside the JSON (changing whitespace is not a change of the credential).
      if (!/[A-Za-z0-9]/.test(ch)) continue;
      const mutated = raw.slice(0, i) + (ch === 'a' ? 'b' : ch === '0' ? '1' : ch === 'z' ? 'y' : 'a') + raw.slice(i + 1);
      let doc: unknown;
      try {
        doc = JSON.parse(mutated);
      } catch {
        continue;
      }
      tried++;
      if (!verifyEddsaJcs2022(doc, resolveDidKey).verified) refused++;
    }
    expect(tried).toBeGreaterThan(500);
    expect(refused).toBe(tried);
  });

  it('refuses a key the caller does not trust and a context that does not match', () => {
    const signed = json('signedJCS.json');
    expect(verifyEddsaJcs2022(signed, () => null)).toMatchObject({ verified: false, reason: 'unknown_key' });
    const other = { ...signed, '@context': ['https://www.w3.org/ns/credentials/v2'] };
    expect(verifyEddsaJcs2022(other, resolveDidKey)).toMatchObject({ verified: false, reason: 'context_mismatch' });
    expect(verifyEddsaJcs2022({ ...signed, proof: undefined }, resolveDidKey)).toMatchObject({ verified: false, reason: 'no_proof' });
    const badValue = { ...signed, proof: { ...(signed.proof as TJsonObject), proofValue: 'z0OIl' } };
    expect(verifyEddsaJcs2022(badValue, resolveDidKey)).toMatchObject({ verified: false, reason: 'malformed_proof_value' });
  });
});

describe('base58btc', () => {
  it('round-trips, keeps leading zeros, and rejects characters outside the alphabet', () => {
    for (const bytes of [[], [0], [0, 0, 1], [255, 254, 0, 7], [...Array(64).keys()]]) {
      const u = Uint8Array.from(bytes);
      expect([...base58btcDecode(base58btcEncode(u))]).toEqual(bytes);
    }
    expect(base58btcEncode(Buffer.from('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
    expect(() => base58btcDecode('0OIl')).toThrow();
  });
});
