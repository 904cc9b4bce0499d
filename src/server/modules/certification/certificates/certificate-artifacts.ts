import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import canonicalize from 'canonicalize';
import type { TBlobStore } from '../../../platform/blob-store/blob-store.ts';
import type { TJsonObject } from '../../../platform/signing/data-integrity.ts';
import { KEYS_PATH, registerPageUrl, signCertificateCredential, type TCertificateFacts, type TCredentialSigner } from './certificate-credential.ts';
import { buildCertificateModel } from './documents/build-certificate-model.ts';
import { qrPngOf, renderCertificatePdf } from './documents/render-certificate-pdf.ts';

/*
 * What issuing produces from the facts, outside the database: the signed credential and the two
 * PDFs (English and French), stored in the blob store by SHA-256. Stored once, never regenerated:
 * a certificate's paper is the paper it was issued as.
 */

export type TCertificateDocuments = { en: { sha256: string; size: number }; fr: { sha256: string; size: number } };
export type TCertificateArtifacts = { credential: TJsonObject; credentialSha256: string; documents: TCertificateDocuments };

/** SHA-256 of the credential's RFC 8785 form: the same credential has the same hash whoever serialized it. */
export const credentialHash = (vc: unknown) => createHash('sha256').update(canonicalize(vc) ?? '').digest('hex');

export async function produceCertificateArtifacts(
  facts: TCertificateFacts,
  deps: { signer: TCredentialSigner; blobs: Pick<TBlobStore, 'put'> },
  opts: { publicUrl: string; issuedAt: Date },
): Promise<TCertificateArtifacts> {
  const credential = signCertificateCredential(facts, deps.signer, { publicUrl: opts.publicUrl, created: opts.issuedAt });
  const registerUrl = registerPageUrl(opts.publicUrl, facts.number);
  const qrPng = await qrPngOf(registerUrl);
  const src = { registerUrl, keysUrl: `${opts.publicUrl}${KEYS_PATH}`, issuedAt: opts.issuedAt, qrPng };
  const [en, fr] = await Promise.all(
    (['en', 'fr'] as const).map(async (lang) => {
      const pdf = await renderCertificatePdf(buildCertificateModel(facts, { ...src, lang }));
      return deps.blobs.put(Readable.from([pdf]));
    }),
  );
  return { credential, credentialSha256: credentialHash(credential), documents: { en: en!, fr: fr! } };
}
