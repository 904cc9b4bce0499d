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

};
