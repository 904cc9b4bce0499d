import type { TApiDocs } from '../../platform/http/api-docs.ts';

const B = '/api/tenants/{tenantId}/evidence';
const meta = {
  title: 'Access review Q3',
  description: 'Quarterly review of production access.',
  effectiveDate: '2026-09-30',
  periodFrom: '2026-07-01',
  periodTo: '2026-09-30',
  validUntil: '2027-09-30',
  controlIds: ['5f0c3a52-8d1e-4c8e-9a4f-2b9b7d1e6c10'],
  requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '9.1' }],
};

const uploadFields =
  'Metadata: `title`, `description`, `effectiveDate` (YYYY-MM-DD, the day the control operated), `periodFrom`, `periodTo`, `validUntil`, `controlIds` (comma-separated), `requirements` (comma-separated `frameworkId:ref`), `ownerId`, `status` (`submitted` by default, or `draft`). ' +
  'Send either `multipart/form-data` with these fields **before** the file part, or the file itself as the body (any other Content-Type) with these fields and `filename` in the query string. ' +
  'The file streams to content-addressed storage while hashed; over `EVIDENCE_MAX_MB` answers 413 and stores nothing; an aborted body stores nothing.';

export const evidenceDocs: TApiDocs = {
  [`GET ${B}`]: {
    summary: 'List evidence',
    description:
      'Current revisions only, newest effective date first by default. Filters: `status`, `kind`, `controlId`, `frameworkId` (+ `ref`: linked to the requirement or through a control mapped to it), `notContemporaneous`, `expiringWithinDays`, `q` (title). Keyset pagination (`nextCursor`); one SQL statement per page.',
    returns: 'A page of evidence, each with its flags and the caller’s abilities.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${B}`]: {
    summary: 'Add a link or a structured record as evidence',
    description:
      'A link (`kind: link`, http or https only) or a record (`kind: record`, up to 50 key/value facts). Its SHA-256 is that of the URL or of the record canonicalised (RFC 8785). Received more than the organization’s contemporaneity window after `effectiveDate`, it is flagged `notContemporaneous`, for good.',
    returns: 'The evidence.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: { kind: 'record', record: { fields: [{ key: 'Restore test', value: 'passed' }, { key: 'Records restored', value: 1200 }] }, ...meta },
  },
  [`POST ${B}/files`]: {
    summary: 'Upload or push a file as evidence (web or CI)',
    description: `${uploadFields} Idempotent on (control, effective date, SHA-256): pushing the same file for the same control and date again answers 200 with the existing evidence and \`created: false\`, never a second one. Works with an API token of role contributor (\`Authorization: Bearer …\`, no CSRF header).`,
    returns: 'The evidence, its id and `sha256`; 201 when created, 200 when it had already been pushed.',
    status: 201,
    responses: { 200: 'The same file was already pushed for that control and effective date: the existing evidence.' },
    errors: [400, 401, 403, 404, 413],
  },
  [`GET ${B}/settings`]: {
    summary: 'Read the evidence settings',
    description: 'The contemporaneity window: evidence received more than this many days after its effective date is flagged not contemporaneous (30 by default).',
    returns: 'The settings.',
    errors: [400, 401, 403, 404],
  },
  [`PATCH ${B}/settings`]: {
    summary: 'Change the contemporaneity window',
    description: 'Owners and administrators. Applies to evidence received from now on: each evidence keeps the flag and the window it was judged with.',
    returns: 'The settings.',
    errors: [400, 401, 403, 404],
    body: { contemporaneityDays: 45 },
  },
  [`GET ${B}/export.xlsx`]: {
    summary: 'Export the evidence register (XLSX, EN or FR)',
    description: 'Every current evidence with its controls, effective and received dates, the “not contemporaneous” flag with the days late and the window applied, status, validity, revision and SHA-256; labels in `locale` (en or fr).',
    returns: 'The spreadsheet.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${B}/control-choices`]: {
    summary: 'Controls evidence can be linked to',
    description: 'The organization’s controls that are not retired (reference, title), for an upload form; up to 1,000, by reference.',
    returns: 'The controls.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${B}/{evidenceId}`]: {
    summary: 'Read one evidence',
    description: 'Any revision, current or corrected: its content, links, flags, review, and every revision of its series.',
    returns: 'The evidence.',
    errors: [400, 401, 403, 404],
  },
  [`PATCH ${B}/{evidenceId}`]: {
    summary: 'Edit a draft',
    description: 'Only a draft changes in place; submitted evidence answers 409 `evidence_immutable` (correct it with a revision). A new link, record or effective date is judged for contemporaneity again.',
    returns: 'The evidence.',
    errors: [400, 401, 403, 404, 409],
    body: meta,
  },
  [`GET ${B}/{evidenceId}/history`]: {
    summary: 'History of an evidence',
    description: 'The audit events of every revision of the series, newest first (no IP address or user agent).',
    returns: 'A page of events.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${B}/{evidenceId}/submit`]: {
    summary: 'Submit a draft',
    description: 'From now on the evidence is immutable.',
    returns: 'The evidence, submitted.',
    errors: [400, 401, 403, 404, 409],
  },
  [`POST ${B}/{evidenceId}/accept`]: {
    summary: 'Accept submitted evidence',
    description: 'Owners and administrators, never on evidence they uploaded or submitted themselves (403 `evidence_own_review`) unless they are the organization’s only member.',
    returns: 'The evidence, accepted.',
    errors: [400, 401, 403, 404, 409],
    body: { comment: 'Matches the access list.' },
  },
  [`POST ${B}/{evidenceId}/reject`]: {
    summary: 'Reject submitted evidence',
    description: 'As accepting, with a comment saying why.',
    returns: 'The evidence, rejected.',
    errors: [400, 401, 403, 404, 409],
    body: { comment: 'The export is of the wrong quarter.' },
  },
  [`POST ${B}/{evidenceId}/revisions`]: {
    summary: 'Correct evidence with a new revision',
    description: 'Submitted, accepted, rejected or expired evidence is corrected by a new revision (same series, revision n+1); a file keeps its file (send a new one to `…/revisions/files`). The corrected revision stays readable and its file downloadable.',
    returns: 'The new revision.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: meta,
  },
  [`POST ${B}/{evidenceId}/revisions/files`]: {
    summary: 'Correct file evidence with a new file',
    description: `A new revision with a new file. ${uploadFields}`,
    returns: 'The new revision.',
    status: 201,
    errors: [400, 401, 403, 404, 409, 413],
  },
  [`GET ${B}/{evidenceId}/file`]: {
    summary: 'Download the file of an evidence',
    description: 'The file of any revision, as stored; `x-content-sha256` carries its hash. Another tenant’s evidence answers 404.',
    returns: 'The file.',
    errors: [400, 401, 403, 404],
  },
};
