import type { TApiDocs } from '../../platform/http/api-docs.ts';

const B = '/api/tenants/{tenantId}/soa';

export const soaDocs: TApiDocs = {
  [`GET ${B}`]: {
    summary: 'Read the Statement of Applicability’s state',
    description:
      'The version being drafted or reviewed (if any), the approved version in force (if any), every numbered version newest first, and the frameworks a new draft covers: ISO/IEC 42001 always, ISO/IEC 27001 once adopted (`tenant_frameworks`), with their count of Annex A controls.',
    returns: 'The overview, with the caller’s abilities.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${B}/draft`]: {
    summary: 'Start a draft',
    description:
      'One entry per Annex A control of the frameworks in scope. `from: in_force` (default) copies each decision, justification, status and implementing control from the approved version in force; `blank` starts undecided. Only one version is open at a time: 409 `soa_open_version`. Needs a signed-in person (the drafter).',
    returns: 'The draft with its entries.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: { from: 'in_force' },
  },
  [`GET ${B}/draft`]: {
    summary: 'Read the open version',
    description: 'The version being drafted or reviewed, with every entry and its implementing controls (as they are now). 404 when none is open.',
    returns: 'The open version.',
    errors: [400, 401, 403, 404],
  },
  [`PATCH ${B}/draft/entries/{frameworkId}/{ref}`]: {
    summary: 'Decide one Annex A control',
    description:
      'Applicable or not, justification (required both ways before submission), implementation status (`not_started`, `in_progress`, `implemented`; cleared when the control does not apply) and the implementing controls, which must be this organization’s (404 `soa_control_unknown` with `details.controlIds` otherwise). Only while the version is a draft: 409 `soa_frozen` in review or once approved.',
    returns: 'The entry.',
    errors: [400, 401, 403, 404, 409],
    body: { applicable: true, justification: 'Credit scoring models are developed in-house.', implementationStatus: 'implemented', controlIds: ['5f0c3a52-8d1e-4c8e-9a4f-2b9b7d1e6c10'] },
  },
  [`POST ${B}/draft/submit`]: {
    summary: 'Submit the draft for approval',
    description: 'Every entry must be decided and justified, and an applicable one must have an implementation status: otherwise 409 `soa_incomplete`, with the refs in `details.undecided`, `details.unjustified` and `details.noStatus`.',
    returns: 'The version, in review.',
    errors: [400, 401, 403, 404, 409],
  },
  [`POST ${B}/draft/reject`]: {
    summary: 'Reject the version back to draft',
    description: 'A version in review goes back to draft with a comment saying what must change.',
    returns: 'The version, in draft.',
    errors: [400, 401, 403, 404, 409],
    body: { comment: 'A.6.2.6 needs the monitoring procedure as justification.' },
  },
  [`POST ${B}/draft/approve`]: {
    summary: 'Approve the version',
    description:
      'Owners and administrators. Four eyes: whoever drafted or submitted the version cannot approve it (403 `soa_own_approval`), unless the organization has exactly one member. Approval freezes the version, gives it the next number (1, 2, …) that certificates cite, and supersedes the version in force.',
    returns: 'The approved version.',
    errors: [400, 401, 403, 404, 409],
    body: { comment: 'Reviewed at the management review of 23 November 2026.' },
  },
  [`GET ${B}/versions/{number}`]: {
    summary: 'Read a numbered version',
    description: 'An approved or superseded version as it was approved, implementing controls included.',
    returns: 'The version.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${B}/versions/{number}/export`]: {
    summary: 'Export a numbered version',
    description:
      '`format=xlsx|docx|pdf`, `locale=en|fr`. Every page (and every printed sheet) is headed with the organization, the version number, the approval date and the approver; labels and dates are in the language asked for. Drafts are not exported: they have no number yet. `X-Content-SHA256` carries the SHA-256 of the bytes.',
    returns: 'The document (attachment `SoA-v{number}-{locale}.{format}`).',
    errors: [400, 401, 403, 404],
  },
};
