import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const F = '/api/tenants/{tenantId}/soc2/examinations/{examinationId}/readers';
const O = '/api/tenants/{tenantId}/soc2/org-examinations/{examinationId}/readers';
const NDA = '/api/tenants/{tenantId}/soc2/nda';
const R = '/api/soc2-readers/{token}';

const reader =
  'Each reader: e-mail, name, company, language, `state` (`invited`, `accepted`, `expired`, `revoked`), who invited them and when, when access ends, the NDA acceptance (version, SHA-256, the name typed, time, address), the number of downloads and every access (invited, nda_accepted, download with the watermark printed, refused_expired, revoked), oldest first.';
const refusals = 'An unknown link answers 404; an expired one 410 `soc2_reader_expired`, a revoked one 410 `soc2_reader_revoked`, and the refusal is logged. 60 requests per minute and address (429).';

export const soc2ReadersDocs: TApiDocs = {
  [`GET ${F}`]: {
    summary: 'The report’s readers, for the firm',
    description: `${reader} Newest invitation first, keyset pages (\`limit\`, \`cursor\`), \`state\` filter. \`report\` is null until the report is issued. Every member of the firm reads.`,
    returns: 'A page of readers.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${O}`]: {
    summary: 'The report’s readers, for the organization',
    description: `${reader} Newest invitation first, keyset pages (\`limit\`, \`cursor\`), \`state\` filter. Every member of the organization reads; \`abilities\` say whether the caller may invite and revoke.`,
    returns: 'A page of readers.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${O}`]: {
    summary: 'Invite a reader to the issued report',
    description:
      'By an owner or administrator. Access ends after the firm’s `soc2_reader_access_days` (body settings, 365 by default). The reader gets a personal link by e-mail in their language; only its SHA-256 is stored. 409 `soc2_report_not_issued` before the report is issued, `soc2_reader_exists` when the address already has an access that is not revoked. Both tenants’ logs record it.',
    returns: 'The reader.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: { email: 'rssi@banque-oree.example', name: 'Éloïse Durand', company: 'Banque Orée', locale: 'fr' },
  },
  [`POST ${O}/{readerId}/revoke`]: {
    summary: 'Revoke a reader’s access',
    description: 'By an owner or administrator: the link is refused from now on (410 `soc2_reader_revoked`). 409 `soc2_reader_revoked` when already revoked. Both tenants’ logs record it.',
    returns: 'The reader.',
    errors: [401, 403, 404, 409],
  },
  [`GET ${NDA}`]: {
    summary: 'The firm’s restricted-use terms (NDA)',
    description: 'Every version, newest first, in English and French with its SHA-256; the newest is the one new readers accept. Version 1, in Attest’s words, is written the first time it is needed.',
    returns: 'The versions of the terms.',
    errors: [401, 403, 404],
  },
  [`POST ${NDA}`]: {
    summary: 'Publish a new version of the restricted-use terms',
    description: 'By the scheme manager. Readers who accepted an earlier version keep it; readers who have not accepted yet see the new one. The firm’s log records the version and its SHA-256.',
    returns: 'The versions of the terms.',
    errors: [400, 401, 403, 404],
    body: { textEn: 'Restricted use — terms of access to this SOC 2 report…', textFr: 'Diffusion restreinte — conditions d’accès à ce rapport SOC 2…' },
  },
  [`GET ${R}`]: {
    summary: 'A reader’s link: the report and the terms',
    description: `No account: the link’s token is the authorisation. The report’s identity (organization, firm, type, period), the terms to accept in both languages (the version accepted, else the firm’s current one), and the acceptance once given. ${refusals}`,
    returns: 'What the reader’s page shows.',
    errors: [400, 404, 410, 429],
  },
  [`POST ${R}/accept`]: {
    summary: 'Accept the restricted-use terms',
    description: `The reader types their full name and sends the version and SHA-256 of the terms they read (409 \`soc2_nda_changed\` if the firm published another since). The version, its SHA-256, the name, the time and the address are recorded, in both tenants’ logs too; accepting again changes nothing. ${refusals}`,
    returns: 'What the reader’s page shows, with the acceptance.',
    errors: [400, 404, 409, 410, 429],
    body: { name: 'Éloïse Durand', ndaVersion: 1, ndaSha256: '3b1f…(64 hex digits)' },
  },
  [`GET ${R}/download`]: {
    summary: 'Download the reader’s copy of the report (PDF)',
    description: `Only after accepting the terms (409 \`soc2_nda_not_accepted\`) and before expiry. The issued PDF, byte for byte, followed by an incremental update stamping the reader’s name, company and the date on every page: the issued SHA-256 (header \`x-issued-sha256\`) verifies on the copy’s first bytes. A name outside the Latin-1 letters is drawn into a copy rendered again from the issued model. \`locale\` picks the language (the invitation’s by default). Every download is logged with the watermark, address and user agent. ${refusals}`,
    returns: 'The PDF.',
    errors: [400, 404, 409, 410, 429],
  },
};
