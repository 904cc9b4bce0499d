import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const R = '/api/register/certificates';

const certificate = {
  number: 'AIMS-2026-00001',
  revision: 0,
  status: 'valid',
  suspendedUntil: null,
  standard: 'ISO/IEC 42001:2023',
  holder: { name: 'Lumière Crédit SAS', address: '12 rue de la Paix, 75002 Paris, France' },
  scope: { en: 'Design, development and operation of AI credit-scoring systems', fr: 'Conception, développement et exploitation de systèmes d’IA de notation de crédit' },
  sites: [{ name: 'Siège', address: '12 rue de la Paix, 75002 Paris, France', scope: null }],
  aiSystems: [{ name: 'Credit scoring model' }],
  soaVersion: '3',
  originalIssueDate: '2026-11-20',
  effectiveDate: '2026-11-20',
  expiryDate: '2029-11-19',
  decisionDate: '2026-11-20',
  body: { name: 'Vérité Certification SAS', address: '8 avenue de l’Opéra, 75001 Paris, France', accreditation: { body: 'COFRAC', number: '4-0123' } },
  revisions: [{ revision: 0, status: 'valid', effectiveDate: '2026-11-20', expiryDate: '2029-11-19', decisionDate: '2026-11-20' }],
  history: [{ kind: 'issued', effectiveOn: '2026-11-20', revision: 0, reason: { en: '', fr: '' } }],
};

const publicNote =
  'Public, no account, read-only. Limited per network address (`REGISTER_REQUESTS_PER_MINUTE`, default 300 a minute per server process: 429 with `Retry-After`).';
const caching =
  'Cacheable: `Cache-Control: public, max-age=30` and a strong `ETag`; send it back in `If-None-Match` to get 304 without a body while nothing changed (a status change changes the tag).';

export const registerDocs: TApiDocs = {
  [`GET ${R}`]: {
    summary: 'Search the public register of certificates',
    description: `${publicNote} \`q\` (2 to 100 characters) matches the beginning of a certificate number (an exact number included) or of the certified organization’s name, case-insensitively; number matches come first. Filters: \`status\` (valid, suspended, withdrawn, expired) and \`standard\`. At most 20 results a page; \`nextCursor\` asks for the next. Superseded revisions never appear: a number stands for its current revision.`,
    returns: 'A page of certificates: number, organization, status, standard, dates and certification body.',
    errors: [400, 429],
    example: { items: [{ number: 'AIMS-2026-00001', holderName: 'Lumière Crédit SAS', status: 'valid', standard: 'ISO/IEC 42001:2023', effectiveDate: '2026-11-20', expiryDate: '2029-11-19', bodyName: 'Vérité Certification SAS' }], nextCursor: null },
  },
  [`GET ${R}/{number}`]: {
    summary: 'Read a certificate in the public register',
    description: `${publicNote} ${caching} The current revision of the number: status, scope in English and French, sites, AI systems covered, standard, dates, the certification body, every revision of the number and the history of status changes with their reasons. Only what the certificate states. An unknown number answers 404.`,
    returns: 'The certificate as the register shows it.',
    errors: [400, 404, 429],
    responses: { 304: 'Not modified: the copy named in `If-None-Match` is current.' },
    example: certificate,
  },
  [`GET ${R}/{number}/verification`]: {
    summary: 'Verify a certificate’s signature',
    description: `${publicNote} ${caching} The stored credential’s \`eddsa-jcs-2022\` proof checked against this installation’s published key (\`/.well-known/attest-keys.json\`), and whether the signed number, revision, holder, standard and dates are the register’s. \`status\` is the register’s current status: a suspended or withdrawn certificate still verifies as signed. The same check runs offline with \`attest verify FILE\`.`,
    returns: 'The verification result.',
    errors: [400, 404, 429],
    responses: { 304: 'Not modified: the copy named in `If-None-Match` is current.' },
    example: { signature: 'valid', reason: null, verificationMethod: 'https://attest.example/.well-known/attest-keys.json#k1', signedAt: '2026-11-20T10:00:00Z', matchesRegister: true, status: 'valid' },
  },
  [`GET ${R}/{number}/credential`]: {
    summary: 'Download a certificate’s signed credential',
    description: `${publicNote} ${caching} The W3C Verifiable Credential of the current revision exactly as it was signed (Data Integrity proof, \`eddsa-jcs-2022\`); verify it offline with \`attest verify FILE\` or any conforming verifier against the body’s key at \`/.well-known/attest-keys.json\`. A suspended or withdrawn certificate’s credential still verifies as signed: its current status is the register’s.`,
    returns: 'The signed credential (JSON).',
    errors: [400, 404, 429],
    responses: { 304: 'Not modified: the copy named in `If-None-Match` is current.' },
  },
  ['GET /api/tenants/{tenantId}/register-export']: {
    summary: 'Export the body’s certificates for IAF CertSearch',
    description:
      'Scheme managers. One row per current certificate (superseded revisions left out) with IAF CertSearch’s mandatory fields (IAF MD 28): certification identity number and certificate number, status as Active / Suspended / Withdrawn / Expired, Accredited / Unaccredited (from the body’s settings, with the accreditation body and number), certification type, issue and expiry dates as YYYYMMDD, the certified entity’s name and address, the standard and the site addresses; plus the revision, the scope in English and French and the original issue date. `format=csv` (default): RFC 4180, UTF-8 with a byte-order mark, CRLF, a cell that would start a formula (= + - @) begins with an apostrophe. `format=xlsx`: one sheet, written as a stream. `locale` sets the column headings; values stay CertSearch’s own terms.',
    returns: 'The file, as an attachment.',
    errors: [400, 401, 403, 404],
  },
};
