import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadSigner } from '../../../platform/signing/signing.ts';
import { signCertificateCredential, verifyCertificateCredential, type TCertificateFacts } from './certificate-credential.ts';

const pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const signer = loadSigner({ dataDir: '/nonexistent', privateKeyPem: pem() });
const other = loadSigner({ dataDir: '/nonexistent', privateKeyPem: pem() });
const jwks = (s: typeof signer) => ({ keys: [s.publicJwk] });

const sampleFacts: TCertificateFacts = {
  certificateId: '0b9f1c1e-2f7a-4a43-9d55-6f8b1a2c3d4e',
  number: 'AIMS-2026-00001',
  revision: 0,
  standard: 'ISO/IEC 42001:2023',
  holder: { id: '7e1d2c3b-4a59-4f68-8776-a5b4c3d2e1f0', name: 'Lumière Crédit SA', address: '12 rue de la Paix, 75002 Paris' },
  sites: [{ id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', name: 'Siège', address: '12 rue de la Paix, 75002 Paris', central: true, scope: { en: 'Credit scoring models', fr: 'Modèles de notation de crédit' } }],
  aiSystems: [{ id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', name: 'ScoreCrédit' }],
  scope: { en: 'Design and operation of credit scoring AI systems', fr: 'Conception et exploitation de systèmes d’IA de notation de crédit' },
  soaVersion: '3',
  body: { slug: 'verite-certification', name: 'Vérité Certification', address: '1 place Bellecour, 69002 Lyon', accredited: true, accreditationBody: 'COFRAC', accreditationNumber: '4-0001' },
  originalIssueDate: '2026-11-23',
  effectiveDate: '2026-11-23',
  expiryDate: '2029-11-22',
  decisionDate: '2026-11-23',
  status: 'valid',
};

describe('certificate credential', () => {
  const vc = signCertificateCredential(sampleFacts, signer, { publicUrl: 'https://attest.example', created: new Date('2026-11-23T10:00:00.123Z') });

  it('is a VC 2.0 DigitalConformityCredential whose verificationMethod names the published key', () => {
    expect(vc['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://test.uncefact.org/vocabulary/untp/dcc/0.5.0/']);
    expect(vc.type).toEqual(['VerifiableCredential', 'DigitalConformityCredential']);
    expect(vc.proof).toMatchObject({ cryptosuite: 'eddsa-jcs-2022', verificationMethod: `https://attest.example/.well-known/attest-keys.json#${signer.kid}`, created: '2026-11-23T10:00:00Z' });
    expect(vc.credentialSubject).toMatchObject({ type: ['ConformityAttestation'], attestationType: 'certification', assessorLevel: '3rdParty', id: 'https://attest.example/register/AIMS-2026-00001' });
  });

  it('verifies with the JWKS and returns the signed fields', () => {
    const r = verifyCertificateCredential(JSON.parse(JSON.stringify(vc)), jwks(signer));
    expect(r.signature).toBe('valid');
    const page = 'https://attest.example/register/AIMS-2026-00001';
    expect(r.certificate).toEqual({
      ...sampleFacts,
      certificateId: `${page}#revision-0`,
      holder: { ...sampleFacts.holder, id: `${page}#holder` },
      sites: [{ ...sampleFacts.sites[0], id: `${page}#site-1` }],
      aiSystems: [{ ...sampleFacts.aiSystems[0], id: `${page}#ai-system-1` }],
      body: { id: 'https://attest.example/quote/verite-certification', name: 'Vérité Certification', address: '1 place Bellecour, 69002 Lyon', accredited: true, accreditationBody: 'COFRAC', accreditationNumber: '4-0001' },
    });
  });

  it('states public identifiers only: no database id of the holder, body, sites or AI systems', () => {
    const text = JSON.stringify(vc);
    expect(text).not.toContain('urn:uuid:');
    for (const internal of [sampleFacts.certificateId, sampleFacts.holder.id, sampleFacts.sites[0]!.id, sampleFacts.aiSystems[0]!.id]) expect(text).not.toContain(internal);
    expect(vc.issuer).toEqual({ type: ['CredentialIssuer'], id: 'https://attest.example/quote/verite-certification', name: 'Vérité Certification' });
  });

  it('verifies with the Multikey form too', () => {
    const r = verifyCertificateCredential(vc, { verificationMethod: [{ id: `https://attest.example/.well-known/attest-keys.json#${signer.kid}`, publicKeyMultibase: signer.publicKeyMultibase }] });
    expect(r.signature).toBe('valid');
  });

  it('refuses a changed byte, a wrong key, and something that is not a certificate', () => {
    const text = JSON.stringify(vc);
    const i = text.indexOf('2029-11-22');
    const tampered = JSON.parse(text.slice(0, i) + '2039' + text.slice(i + 4));
    expect(verifyCertificateCredential(tampered, jwks(signer))).toMatchObject({ signature: 'invalid', reason: 'bad_signature' });
    expect(verifyCertificateCredential(vc, jwks(other))).toMatchObject({ signature: 'invalid', reason: 'unknown_key' });
    // The right kid with another key's material is a bad signature, not an unknown key.
    expect(verifyCertificateCredential(vc, { keys: [{ ...other.publicJwk, kid: signer.kid }] })).toMatchObject({ signature: 'invalid', reason: 'bad_signature' });
    expect(verifyCertificateCredential({ hello: 'world' }, jwks(signer))).toMatchObject({ signature: 'invalid', reason: 'not_a_certificate' });
  });
});
