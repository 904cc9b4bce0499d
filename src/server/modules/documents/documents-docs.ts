import type { TApiDocs } from '../../platform/http/api-docs.ts';

const document = {
  title: 'AI policy',
  type: 'policy',
  kind: 'maintained',
  description: 'The organization’s commitments on the responsible development and use of AI.',
  ownerId: '5f0c6f9e-3b1a-4c1e-9a53-2f3f3c9d7e10',
  nextReviewOn: '2027-11-30',
  mandatoryItem: 'ai-policy-5.2',
  approvalQuorum: 2,
  requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '5.2' }],
  text: '# AI policy\n\nLumière Crédit develops and uses AI systems …',
};

const P = '/api/tenants/{tenantId}/documents';

export const documentsDocs: TApiDocs = {
  [`GET ${P}`]: {
    summary: 'The document register',
    description:
      'Filters: `type`, `kind` (maintained or retained), `status` (of the latest version), `ownerId`, `mandatoryItem`, `reviewOverdue` (published and past its review date), `q` (in the title). Sort by `updated`, `title` or `review`; keyset pagination with `cursor`. One SQL statement per page.',
    returns: 'A page of documents and the cursor of the next one.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${P}`]: {
    summary: 'Create a document',
    description: 'Policy, procedure, record or other; maintained or retained (ISO/IEC 42001 7.5). With `text`, its first version is written as a draft; a file version is uploaded afterwards. The owner must be a member; requirement refs must be in the catalog.',
    returns: 'The document.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: document,
  },
  [`GET ${P}/mandatory`]: {
    summary: 'Mandatory documented information checklist',
    description:
      'Each item of ISO/IEC 42001’s mandatory documented information: current (a published document, or the record kept in the product, whose review date has not passed), overdue (review date passed) or missing. Items kept as records are read from their module (risk register, impact assessments so far). One SQL statement.',
    returns: 'The items with their state, documents and record counts, and totals.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${P}/{documentId}`]: {
    summary: 'One document with its versions',
    description: 'Every version (newest first) with its status, SHA-256, who wrote, submitted and published it, and each approval with who, when and the hash approved; abilities on the document and on each version.',
    returns: 'The document.',
    errors: [400, 401, 403, 404],
  },
  [`PATCH ${P}/{documentId}`]: {
    summary: 'Change a document’s details',
    description: 'Title, type, kind, description, owner, next review date, mandatory item, approval quorum, requirement links. The content changes only through a new version.',
    returns: 'The document.',
    errors: [400, 401, 403, 404],
    body: { nextReviewOn: '2027-06-30', approvalQuorum: 1 },
  },
  [`POST ${P}/{documentId}/versions`]: {
    summary: 'Add a text version',
    description: 'Markdown or plain text, kept as written and never rendered as HTML; hashed (SHA-256 of its UTF-8 bytes). The version on its way (draft, in review or approved) is replaced: it becomes superseded with its approvals kept.',
    returns: 'The document with the new draft version.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: { text: '# AI policy\n\nVersion 2 …', changeNote: 'Section 4 rewritten after the management review.' },
  },
  [`POST ${P}/{documentId}/versions/file`]: {
    summary: 'Upload a file version',
    description: 'The request body is the file (any Content-Type), streamed to the blob store while hashed; `filename` in the query string. Over `UPLOAD_MAX_MB` answers 413; a refused or broken upload leaves no version, no file row and no object. Replaces the version on its way like a text version.',
    returns: 'The document with the new draft version.',
    status: 201,
    errors: [400, 401, 403, 404, 413],
  },
  [`POST ${P}/{documentId}/versions/{version}/submit`]: {
    summary: 'Submit a version for approval',
    description: 'The latest version, a draft, goes to review. Its content is frozen from the start: a change is a new version.',
    returns: 'The document.',
    errors: [400, 401, 403, 404, 409],
  },
  [`POST ${P}/{documentId}/versions/{version}/approve`]: {
    summary: 'Approve a version',
    description:
      'Owner or admin, not the version’s author or submitter (unless the organization has exactly one member), once per person. `sha256` must be the version’s hash (409 `document_hash_mismatch` otherwise). The version is approved when the document’s quorum of distinct approvers is reached; until then it stays in review with the approvals recorded.',
    returns: 'The document.',
    errors: [400, 401, 403, 404, 409],
    body: { sha256: 'a3f1c2…(64 hex)', comment: 'Reviewed with the DPO.' },
  },
  [`POST ${P}/{documentId}/versions/{version}/publish`]: {
    summary: 'Publish an approved version',
    description: 'Owner or admin. The previously published version becomes superseded in the same transaction.',
    returns: 'The document.',
    errors: [400, 401, 403, 404, 409],
  },
  [`GET ${P}/{documentId}/versions/{version}/text`]: {
    summary: 'A text version’s text',
    description: 'The Markdown source as written, with its SHA-256 (empty text for a file version).',
    returns: 'The text and its hash.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${P}/{documentId}/versions/{version}/content`]: {
    summary: 'Download a version',
    description: 'The file (as an attachment, active types sent as `application/octet-stream`, under `Content-Security-Policy: sandbox`) or the text as `text/markdown`; `x-content-sha256` gives the hash to check.',
    returns: 'The version’s bytes.',
    errors: [400, 401, 403, 404],
  },
};
