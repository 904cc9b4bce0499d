import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const R = '/api/tenants/{tenantId}/soc2/examinations/{examinationId}/requests';
const O = '/api/tenants/{tenantId}/soc2/requests';
const firm = 'The firm’s members read; the scheme manager and auditors write (403 for the others). Another firm’s examination answers 404. The list changes during planning and fieldwork (409 `soc2_examination_state`).';
const orgWho = 'Every member of the organization reads; owners, administrators and contributors answer (a viewer gets 403). Another organization’s request answers 404.';
const item = 'Each request carries its due date and `overdue` (still with the organization after it), the answer, the titles of the evidence linked and, once returned, the reason.';

export const soc2RequestsDocs: TApiDocs = {
  [`GET ${R}`]: { summary: 'The information request list', description: `The examination’s requests (“PBC list”) by due date, in one statement. ${item} ${firm}`, returns: 'The requests.', errors: [400, 401, 403, 404] },
  [`POST ${R}/generate`]: {
    summary: 'Generate requests from the tests',
    description: `One request per test procedure that has none yet: its title names the test and the evidence requested, due on \`dueOn\`; numbered \`PBC-001\`, \`PBC-002\`… per examination. Written in both tenants’ logs. ${firm}`,
    returns: 'The number added and the new requests.',
    errors: [400, 401, 403, 404, 409],
    body: { dueOn: '2026-12-15' },
  },
  [`POST ${R}`]: {
    summary: 'Add a request',
    description: `A request not tied to a test (e.g. the organization chart, the list of employees who left). ${firm}`,
    returns: 'The request (201).',
    errors: [400, 401, 403, 404, 409],
    body: { title: 'Organization chart in force during the period', detail: '', dueOn: '2026-12-15' },
  },
  [`PATCH ${R}/{requestId}`]: {
    summary: 'Edit a request',
    description: `While the organization holds it (open or returned; 409 \`soc2_request_state\`). Moving the due date makes its reminders due again. ${firm}`,
    returns: 'The request.',
    errors: [400, 401, 403, 404, 409],
    body: { dueOn: '2026-12-22' },
  },
  [`POST ${R}/{requestId}/accept`]: { summary: 'Accept an answer', description: `A submitted request becomes accepted (409 \`soc2_request_state\` otherwise). ${firm}`, returns: 'The request.', errors: [400, 401, 403, 404, 409] },
  [`POST ${R}/{requestId}/return`]: {
    summary: 'Return an answer',
    description: `A submitted request goes back to the organization with the reason (409 \`soc2_request_state\` otherwise). ${firm}`,
    returns: 'The request.',
    errors: [400, 401, 403, 404, 409],
    body: { reason: 'The export covers only January; the whole quarter is needed.' },
  },
  [`GET ${O}`]: { summary: 'Our information requests', description: `The requests of the organization’s SOC 2 examinations (optionally one: \`examinationId\`), by due date. ${item} ${orgWho}`, returns: 'The requests.', errors: [400, 401, 403, 404] },
  [`GET ${O}/{requestId}`]: { summary: 'One of our information requests', description: `${item} ${orgWho}`, returns: 'The request.', errors: [400, 401, 403, 404] },
  [`PUT ${O}/{requestId}/answer`]: {
    summary: 'Answer a request',
    description: `Saves the answer text and the links to the organization’s evidence records (not drafts; 400 \`soc2_evidence_unknown\`), while the organization holds the request (open or returned; 409 \`soc2_request_state\`) and the examination is in planning or fieldwork. ${orgWho}`,
    returns: 'The request.',
    errors: [400, 401, 403, 404, 409],
    body: { answer: 'The Q1 access review and its tickets are attached.', evidenceIds: [] },
  },
  [`POST ${O}/{requestId}/submit`]: {
    summary: 'Submit an answer to the firm',
    description: `The request goes to the firm for review; an empty answer (no text and no evidence) is refused (400). Written in both tenants’ logs. ${orgWho}`,
    returns: 'The request.',
    errors: [400, 401, 403, 404, 409],
  },
  'GET /api/tenants/{tenantId}/soc2/examinations/{examinationId}/requests.xlsx': {
    summary: 'Export the information request list (XLSX, firm)',
    description:
      'One sheet, one row per request: reference, control, test, what is requested, due date (a date cell), state, overdue, the titles of the evidence the organization provided, the last return reason. `locale=en|fr` sets the headers, the states and the date format. Written by a streaming writer. Every member of the firm reads; another firm’s examination answers 404.',
    returns: 'The workbook.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/soc2/org-examinations/{examinationId}/requests.xlsx': {
    summary: 'Export the information request list (XLSX, organization)',
    description: 'The same workbook for every member of the organization, through its engagement (another organization’s examination answers 404).',
    returns: 'The workbook.',
    errors: [400, 401, 403, 404],
  },
};
