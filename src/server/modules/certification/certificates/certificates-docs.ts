import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const B = '/api/tenants/{tenantId}/certificates';
const O = '/api/tenants/{tenantId}/certification/certificates';
const side = (org: boolean) =>
  org
    ? 'The organization’s own certificates (those of its engagements with certification bodies); every member reads them.'
    : 'The certification body’s certificates; its scheme managers, auditors, technical reviewers and decision makers read them.';

function docsFor(base: string, org: boolean): TApiDocs {
  return {
    [`GET ${base}`]: {
      summary: org ? 'List my certificates' : 'List the body’s certificates',
      description: `${side(org)} Newest first, keyset-paginated (\`cursor\`, \`limit\` ≤ 100), filter \`status\` (valid, suspended, withdrawn, expired, superseded). One SQL statement per page.`,
      returns: 'A page of certificates and the next cursor.',
      errors: [400, 401, 403, 404],
    },
    [`GET ${base}/{certificateId}`]: {
      summary: 'A certificate with its history',
      description: `${side(org)} The fields of ISO/IEC 17021-1 8.2 as issued (number, revision, holder and all sites with the scope per site, AI systems covered, standard, SoA version, body, original, effective and expiry dates), the current status with its reason, the public history (events with reasons in English and French), the register page's address, and — for a decision maker — the changes a decision could make now. Another tenant's certificate answers 404.`,
      returns: 'The certificate.',
      errors: [401, 403, 404],
    },
    [`GET ${base}/{certificateId}/pdf/{lang}`]: {
      summary: 'Download the certificate PDF (en or fr)',
      description: `${side(org)} The PDF exactly as issued (stored once by SHA-256, never regenerated), with the QR code to the public register page. \`X-Content-SHA256\` carries its hash.`,
      returns: 'application/pdf',
      errors: [401, 403, 404],
    },
    [`GET ${base}/{certificateId}/credential`]: {
      summary: 'Download the signed credential',
      description: `${side(org)} The certificate as a W3C Verifiable Credential 2.0 (UNTP DigitalConformityCredential) with its eddsa-jcs-2022 Data Integrity proof, verifiable offline with the key at \`/.well-known/attest-keys.json\` (\`attest verify FILE --key URL\`). A suspended or withdrawn certificate's credential still verifies as signed; the register says the current status.`,
      returns: 'application/vc+json',
      errors: [401, 403, 404],
    },
  };
}

export const certificatesDocs: TApiDocs = { ...docsFor(B, false), ...docsFor(O, true) };
