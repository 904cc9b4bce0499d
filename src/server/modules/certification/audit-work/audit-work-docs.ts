import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const A = '/api/tenants/{tenantId}/audits/{auditId}';

export const auditWorkDocs: TApiDocs = {
  [`GET ${A}/checklist`]: {
    summary: 'An audit’s checklist',
    description:
      'The items in working order with their requirement, verdict (`conforming`, `nonconforming`, `observation`, `not_audited`, or null while open), notes and the client evidence cited; `generated: false` before it is generated. Filters `section` and `verdict` (`open`: nothing recorded yet). The scheme manager, technical reviewers and decision makers read every audit’s checklist; an auditor only on an audit they are on (else 404).',
    returns: 'The checklist, its totals per verdict and its abilities.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${A}/checklist`]: {
    summary: 'Generate an audit’s checklist',
    description:
      'Once per audit, by its lead auditor or an auditor of its team, while the audit is confirmed or in progress. Stage 1 (and pre-audit): the ISO/IEC 42001 requirements that call for documented information, each with the status the organization’s readiness view gives it (the view’s totals and blockers are kept with the checklist). Stage 2 and recertification: every clause 4–10 and every Annex A control applicable in the client’s approved SoA (409 `checklist_soa_missing` without one). Surveillance, special and follow-up: the requirements an earlier audit of the engagement found nonconforming, then `sample` (default: 6.2, 6.3, 8.1, 9.2, 9.3, 10.1, 10.2). The client’s records are read through the active engagement (409 `audit_work_engagement_inactive` otherwise), and the read is written to the organization’s audit log too. A second call answers 409 `checklist_exists`.',
    returns: 'The checklist.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: { sample: [{ frameworkId: 'iso-iec-42001-2023', ref: '9.2.2' }, { frameworkId: 'iso-iec-42001-2023', ref: 'A.6.2.4' }] },
  },
  [`PATCH ${A}/checklist/items/{itemId}`]: {
    summary: 'Record on a checklist item',
    description:
      'While the audit is in progress, by an auditor or technical expert of its team (observers read). Only the fields sent change. A `nonconforming` or `observation` verdict needs notes (400 `checklist_notes_required`). `evidenceIds` replaces the item’s references: each must be evidence the client has submitted (400 `checklist_evidence_unknown`), read through the active engagement.',
    returns: 'The item.',
    errors: [400, 401, 403, 404, 409],
    body: { verdict: 'nonconforming', notes: 'The impact assessment of the credit-scoring model was not updated after the retraining of March 2026.', evidenceIds: ['5f0c6f9e-3b1a-4c1e-9a53-2f3f3c9d7e10'] },
  },

  [`GET ${A}/report`]: {
    summary: 'An audit’s report',
    description:
      'The draft or the issued report. `kind` follows the audit type: `stage1` (stage 1 and pre-audit: conformities, observations, areas to clarify, readiness for stage 2 `yes` or `not_yet`) or `audit` (stage 2, surveillance, recertification, special, follow-up: conclusions, closing meeting date and attendees, and the recommendation to the certification decision, from the list of the audit type: stage 2 `grant`, `grant_after_corrections`, `not_recommended`; surveillance `maintain`, `maintain_after_corrections`, `suspend`, `reduce_scope`; recertification `renew`, `renew_after_corrections`, `not_renewed`; special `maintain`, `maintain_after_corrections`, `extend_scope`, `reduce_scope`, `suspend`; follow-up those of stage 2, surveillance and recertification — another answers 400 on `recommendation`). Same readers as the checklist.',
    returns: 'The report, its issued files and its abilities.',
    errors: [400, 401, 403, 404],
  },
  [`PATCH ${A}/report`]: {
    summary: 'Write the audit report',
    description: 'The lead auditor or an auditor of the team, while the audit is in progress and the report not issued (409 `report_issued`). Only the fields sent change; a field of the other kind of report is refused (400).',
    returns: 'The report.',
    errors: [400, 401, 403, 404, 409],
    body: {
      summary: 'The AIMS is implemented and effective for the credit-scoring and fraud-detection systems.',
      conclusions: 'One minor nonconformity on 6.1.2 (risk criteria); the controls of Annex A declared applicable are in place.',
      closingMeetingDate: '2026-12-04',
      attendees: [{ name: 'Claire Martin', organization: 'Lumière Crédit', role: 'Directrice conformité' }],
      recommendation: 'grant_after_corrections',
    },
  },
  [`POST ${A}/report/issue`]: {
    summary: 'Issue the audit report',
    description:
      'The lead auditor only, while the audit is in progress. Needs a summary, every checklist item with a verdict, and for stage 1 the readiness for stage 2 (and the areas to clarify when `not_yet`), otherwise the conclusions, closing meeting date, attendees and recommendation (409 `report_incomplete` with `details.missing`). Renders the report in English and French as PDF and DOCX, stores the four files with their SHA-256 and freezes the report: the files are served as issued, never rendered again.',
    returns: 'The issued report with its files.',
    errors: [400, 401, 403, 404, 409],
  },
  [`GET ${A}/report/files/{locale}/{format}`]: {
    summary: 'Download an issued audit report',
    description: '`locale` `en` or `fr`, `format` `pdf` or `docx`: the file stored when the report was issued, with its SHA-256 in `X-Content-SHA256`. 404 before issue.',
    returns: 'The file.',
    errors: [400, 401, 403, 404],
  },
};
