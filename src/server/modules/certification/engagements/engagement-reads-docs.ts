import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const E = '/api/engagements/{engagementId}/aims';

const crossing =
  'Only for a member of the engagement’s certification body who is on the team of one of its audits that is not cancelled (for a SOC 2 engagement, a member of the firm whose role may write the examination programme), while the engagement is active; anyone else (another body, a colleague not on the team, a suspended or closed engagement, an API token) gets 404, as if it did not exist. Read-only: the answer is the organization’s own contract, with every change ability false. Each read is written to the audit logs of both tenants (`engagement.aims_read`).';

const read = (what: string, returns: string, id = false) => ({
  summary: `Read the client’s ${what} through the engagement`,
  description: `${crossing}${id ? ' A record of the organization that does not exist answers 404.' : ''}`,
  returns,
  errors: [400, 401, 403, 404] as const satisfies readonly (400 | 401 | 403 | 404)[],
});

export const engagementReadsDocs: TApiDocs = {
  [`GET ${E}/scope`]: { ...read('AIMS scope', 'The scope overview: the approved version and the latest.'), errors: [400, 401, 403, 404] },
  [`GET ${E}/scope/versions/{version}`]: { ...read('AIMS scope version', 'One scope version.', true), errors: [400, 401, 403, 404] },
  [`GET ${E}/soa`]: { ...read('Statement of Applicability', 'The SoA overview: the approved version in force and the versions.'), errors: [400, 401, 403, 404] },
  [`GET ${E}/soa/versions/{number}`]: { ...read('Statement of Applicability version', 'One numbered SoA version with its entries.', true), errors: [400, 401, 403, 404] },
  [`GET ${E}/documents`]: { ...read('documents', 'A page of documents, with the organization’s list filters.'), errors: [400, 401, 403, 404] },
  [`GET ${E}/documents/{documentId}`]: { ...read('document', 'The document with its versions.', true), errors: [400, 401, 403, 404] },
  [`GET ${E}/risks`]: { ...read('risk register', 'A page of risks, with the register’s filters.'), errors: [400, 401, 403, 404] },
  [`GET ${E}/risks/{riskId}`]: { ...read('risk', 'The risk with its assessment and treatment.', true), errors: [400, 401, 403, 404] },
  [`GET ${E}/impact-assessments`]: { ...read('impact assessments', 'A page of impact assessments.'), errors: [400, 401, 403, 404] },
  [`GET ${E}/impact-assessments/{assessmentId}`]: { ...read('impact assessment', 'The latest version of the assessment.', true), errors: [400, 401, 403, 404] },
  [`GET ${E}/ai-systems`]: { ...read('AI-system inventory', 'A page of AI systems.'), errors: [400, 401, 403, 404] },
  [`GET ${E}/ai-systems/{aiSystemId}`]: { ...read('AI system', 'The AI system’s record.', true), errors: [400, 401, 403, 404] },
  [`GET ${E}/controls`]: { ...read('controls', 'A page of the organization’s controls.'), errors: [400, 401, 403, 404] },
  [`GET ${E}/controls/{controlId}`]: { ...read('control', 'The control with its requirement links.', true), errors: [400, 401, 403, 404] },
  [`GET ${E}/evidence`]: { ...read('evidence', 'A page of evidence records.'), errors: [400, 401, 403, 404] },
  [`GET ${E}/evidence/{evidenceId}`]: { ...read('evidence record', 'The evidence record with its revisions and links.', true), errors: [400, 401, 403, 404] },
  [`GET ${E}/evidence/{evidenceId}/file`]: {
    ...read('evidence file', 'The file the evidence record holds, as an attachment (its SHA-256 in `x-content-sha256`).', true),
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/certification/engagement-reads': {
    summary: 'Who read what of our records',
    description:
      'The organization’s side of engagement reads: every read of its AIMS records by a certification body’s auditor, newest first, from its own audit log — who (name and e-mail), for which body and engagement, which kind of record and which one. Filters: `engagementId`, `resource`, `readerEmail` (one member of the body). Keyset-paginated (`cursor` is the `nextCursor` of the previous page). Every member of the organization may read it.',
    returns: 'A page of reads.',
    errors: [400, 401, 403, 404],
  },
};
