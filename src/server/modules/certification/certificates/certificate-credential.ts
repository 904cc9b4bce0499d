import type { KeyObject } from 'node:crypto';
import {
  EDDSA_JCS_2022,
  ed25519PublicKeyFromJwk,
  ed25519PublicKeyFromMultibase,
  signEddsaJcs2022,
  verifyEddsaJcs2022,
  type TJsonObject,
} from '../../../platform/signing/data-integrity.ts';

/*
 * The certificate as a W3C Verifiable Credential 2.0, secured with an `eddsa-jcs-2022` Data Integrity
 * proof. Pure (no database, no platform): the issue service, the public register and the offline
 * `attest verify` all build or read it here.
 *
 * Vocabulary: the UN/CEFACT UNTP Digital Conformity Credential — a DigitalConformityCredential whose
 * subject is a ConformityAttestation (attestationType 'certification', assessorLevel '3rdParty')
 * issued to a party, with a ConformityAssessment against a reference standard over the assessed
 * facilities (the sites). ISO/IEC 17021-1 §8.2 asks for more than UNTP names (revision, SoA version,
 * original certification date, scope per site in two languages): those are Attest's own terms in
 * `certificate`, so a UNTP reader finds what it knows and nothing is renamed.
 */

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const UNTP_DCC_CONTEXT = 'https://test.uncefact.org/vocabulary/untp/dcc/0.5.0/';
export const KEYS_PATH = '/.well-known/attest-keys.json';

export type TBilingual = { en: string; fr: string };

export type TCertificateSite = { id: string; name: string; address: string; central: boolean; scope: TBilingual };
export type TCertificateAiSystem = { id: string; name: string };

/** What a certificate states (17021-1 §8.2) — the signed fields, as the register shows them. */
export type TCertificateFacts = {
  certificateId: string;
  number: string;
  revision: number;
  standard: string;
  holder: { id: string; name: string; address: string };
  sites: TCertificateSite[];
  aiSystems: TCertificateAiSystem[];
  scope: TBilingual;
  soaVersion: string;
  /** `slug` is the body's public slug (its public page is `/quote/{slug}`). */
  body: { slug: string; name: string; address: string; accredited: boolean; accreditationBody: string; accreditationNumber: string };
  originalIssueDate: string;
  effectiveDate: string;
  expiryDate: string;
  decisionDate: string;
  /** The status when signed: a certificate is always issued 'valid'; the register says what it is now. */
  status: 'valid';
};

export const registerPageUrl = (publicUrl: string, number: string) => `${publicUrl}/register/${encodeURIComponent(number)}`;
export const registerApiUrl = (publicUrl: string, number: string) => `${publicUrl}/api/register/certificates/${encodeURIComponent(number)}`;
/** Resolvable: the JWKS at that address lists the key with this `kid` (and its Multikey form). */
export const verificationMethodFor = (publicUrl: string, kid: string) => `${publicUrl}${KEYS_PATH}#${kid}`;

/**
 * The identifiers a credential states are public addresses, never database ids: the certificate is
 * its register page (each revision a fragment of it), the holder, its sites and AI systems are
 * fragments of that page in the order the certificate lists them, and the body is its public page.
 * A public document thus names nothing a reader could not already see.
 */
export const bodyPublicUrl = (publicUrl: string, slug: string) => `${publicUrl}/quote/${encodeURIComponent(slug)}`;
export function publicIdsOf(facts: Pick<TCertificateFacts, 'number' | 'revision' | 'sites' | 'aiSystems' | 'body'>, publicUrl: string) {
  const page = registerPageUrl(publicUrl, facts.number);
  return {
    credential: `${page}#revision-${facts.revision}`,
    holder: `${page}#holder`,
    body: bodyPublicUrl(publicUrl, facts.body.slug),
    sites: facts.sites.map((_, i) => `${page}#site-${i + 1}`),
    aiSystems: facts.aiSystems.map((_, i) => `${page}#ai-system-${i + 1}`),
  };
}

/** The certificate's fields as signed: `TCertificateFacts` with every id replaced by its public identifier. */
export type TSignedCertificate = Omit<TCertificateFacts, 'body'> & { body: Omit<TCertificateFacts['body'], 'slug'> & { id: string } };

export function signedCertificateOf(facts: TCertificateFacts, publicUrl: string): TSignedCertificate {
  const ids = publicIdsOf(facts, publicUrl);
  const { slug: _slug, ...body } = facts.body;
  return {
    ...facts,
    certificateId: ids.credential,
    holder: { ...facts.holder, id: ids.holder },
    sites: facts.sites.map((s, i) => ({ ...s, id: ids.sites[i]! })),
    aiSystems: facts.aiSystems.map((a, i) => ({ ...a, id: ids.aiSystems[i]! })),
    body: { id: ids.body, ...body },
  };
}

export function buildCertificateCredential(input: TCertificateFacts, publicUrl: string): TJsonObject {
  const registerUrl = registerPageUrl(publicUrl, input.number);
  const facts = signedCertificateOf(input, publicUrl);
  return {
    '@context': [VC_V2_CONTEXT, UNTP_DCC_CONTEXT],
    id: facts.certificateId,
    type: ['VerifiableCredential', 'DigitalConformityCredential'],
    name: `${facts.standard} — ${facts.number} rev. ${facts.revision}`,
    issuer: { type: ['CredentialIssuer'], id: facts.body.id, name: facts.body.name },
    validFrom: `${facts.effectiveDate}T00:00:00Z`,
    validUntil: `${facts.expiryDate}T23:59:59Z`,
    credentialStatus: { id: registerApiUrl(publicUrl, facts.number), type: 'CertificationRegisterEntry' },
    credentialSubject: {
      type: ['ConformityAttestation'],
      id: registerUrl,
      name: `${facts.standard} certificate ${facts.number}`,
      assessorLevel: '3rdParty',
      assessmentLevel: facts.body.accredited ? 'accredited' : 'unspecified',
      attestationType: 'certification',
      description: facts.scope.en,
      issuedToParty: { type: ['Party'], id: facts.holder.id, name: facts.holder.name, address: facts.holder.address },
      authorisation: facts.body.accredited
        ? [{ type: ['Endorsement'], name: 'Accreditation', issuingAuthority: { type: ['Party'], name: facts.body.accreditationBody }, identifier: facts.body.accreditationNumber }]
        : [],
      conformityCertificate: { linkURL: registerUrl, linkName: facts.number, linkType: 'text/html' },
      assessment: [
        {
          type: ['ConformityAssessment'],
          referenceStandard: { type: ['Standard'], name: facts.standard },
          assessedFacility: facts.sites.map((s) => ({ type: ['Facility'], id: s.id, name: s.name, address: s.address })),
          assessedProduct: facts.aiSystems.map((a) => ({ type: ['Product'], id: a.id, name: a.name })),
          conformance: true,
        },
      ],
      certificate: {
        number: facts.number,
        revision: facts.revision,
        status: facts.status,
        standard: facts.standard,
        scope: facts.scope,
        sites: facts.sites,
        aiSystems: facts.aiSystems,
        soaVersion: facts.soaVersion,
        holder: facts.holder,
        body: facts.body,
        originalIssueDate: facts.originalIssueDate,
        effectiveDate: facts.effectiveDate,
        expiryDate: facts.expiryDate,
        decisionDate: facts.decisionDate,
      },
    },
  };
}

export type TCredentialSigner = { kid: string; signBytes(data: Uint8Array): Buffer };

export function signCertificateCredential(facts: TCertificateFacts, signer: TCredentialSigner, opts: { publicUrl: string; created: Date }): TJsonObject {
  return signEddsaJcs2022(
    buildCertificateCredential(facts, opts.publicUrl),
    {
      type: 'DataIntegrityProof',
      cryptosuite: EDDSA_JCS_2022,
      created: opts.created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      verificationMethod: verificationMethodFor(opts.publicUrl, signer.kid),
      proofPurpose: 'assertionMethod',
    },
    (data) => signer.signBytes(data),
  );
}

/** A published key: a JWK (as in /.well-known/attest-keys.json) or a Multikey. */
export type TPublicKeyInput = { kid?: string; kty?: string; crv?: string; x?: string; id?: string; publicKeyMultibase?: string };
export type TPublicKeys = TPublicKeyInput[] | { keys?: TPublicKeyInput[]; verificationMethod?: TPublicKeyInput[] };

export type TCertificateVerification = {
  signature: 'valid' | 'invalid';
  /** Why not valid: a stable code the CLI and the register translate. */
  reason?: 'not_a_certificate' | 'no_proof' | 'unsupported_proof' | 'context_mismatch' | 'malformed_proof_value' | 'unknown_key' | 'bad_signature';
  verificationMethod?: string;
  /** The fields as the file states them; signed only when `signature` is 'valid'. */
  certificate: TSignedCertificate | null;
  issuedAt?: string;
};

function keyIdOf(vm: string): string {
  const hash = vm.lastIndexOf('#');
  return hash >= 0 ? vm.slice(hash + 1) : vm;
}

function keyTable(publicKeys: TPublicKeys): Map<string, KeyObject> {
  const list = Array.isArray(publicKeys) ? publicKeys : [...(publicKeys.keys ?? []), ...(publicKeys.verificationMethod ?? [])];
  const out = new Map<string, KeyObject>();
  for (const k of list) {
    try {
      const key = k.publicKeyMultibase ? ed25519PublicKeyFromMultibase(k.publicKeyMultibase) : ed25519PublicKeyFromJwk(k);
      const id = k.kid ?? (k.id ? keyIdOf(k.id) : undefined);
      if (id) out.set(id, key);
    } catch {
      // A key of another type is not ours to use; it is skipped, not an error.
    }
  }
  return out;
}

function readFacts(vc: unknown): TSignedCertificate | null {
  if (typeof vc !== 'object' || vc === null) return null;
  const subject = (vc as { credentialSubject?: { certificate?: unknown } }).credentialSubject;
  const c = subject?.certificate as Partial<TSignedCertificate> | undefined;
  const types = (vc as { type?: unknown }).type;
  if (!Array.isArray(types) || !types.includes('DigitalConformityCredential') || !c || typeof c !== 'object') return null;
  if (typeof c.number !== 'string' || typeof c.effectiveDate !== 'string' || typeof c.expiryDate !== 'string' || !c.holder || !Array.isArray(c.sites)) return null;
  return { ...(c as TSignedCertificate), certificateId: String((vc as { id?: unknown }).id ?? '') };
}

/**
 * Verifies a certificate credential against the given public keys (the JWKS the installation
 * publishes, or keys the verifier already holds): the verification method's fragment names the key.
 * The answer is about the signature only — a suspended certificate still verifies as signed; its
 * current status is the register's.
 */
export function verifyCertificateCredential(vc: unknown, publicKeys: TPublicKeys): TCertificateVerification {
  const certificate = readFacts(vc);
  if (!certificate) return { signature: 'invalid', reason: 'not_a_certificate', certificate: null };
  const keys = keyTable(publicKeys);
  const result = verifyEddsaJcs2022(vc, (vm) => keys.get(keyIdOf(vm)) ?? null);
  const proof = (vc as { proof?: { verificationMethod?: unknown; created?: unknown } }).proof;
  const verificationMethod = typeof proof?.verificationMethod === 'string' ? proof.verificationMethod : undefined;
  const issuedAt = typeof proof?.created === 'string' ? proof.created : undefined;
  if (!result.verified) return { signature: 'invalid', reason: result.reason, certificate, ...(verificationMethod ? { verificationMethod } : {}), ...(issuedAt ? { issuedAt } : {}) };
  return { signature: 'valid', certificate, ...(verificationMethod ? { verificationMethod } : {}), ...(issuedAt ? { issuedAt } : {}) };
}
