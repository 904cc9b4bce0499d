import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const P = '/api/tenants/{tenantId}/audit-programmes';
const A = '/api/tenants/{tenantId}/internal-audits';

export const internalAuditsDocs: TApiDocs = {
  [`GET ${P}`]: { summary: 'Internal audit programmes (9.2.2)', description: 'Keyset-paginated, sorted by `period` or `updated`, with the count of audits per status. One SQL statement per page.', returns: 'A page of programmes.', errors: [400, 401, 403, 404] },
  [`POST ${P}`]: {
    summary: 'Create an internal audit programme',
    description: 'Contributor and above. A period (e.g. a year), the processes to cover, the criteria and the clauses (catalog references).',
    returns: 'The programme.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: { title: 'Internal audit programme 2027', periodStart: '2027-01-01', periodEnd: '2027-12-31', processes: 'AI development, data management, incident handling', requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '9.2' }] },
  },
  [`GET ${P}/{programmeId}`]: { summary: 'One audit programme', description: 'Another organization’s id answers 404.', returns: 'The programme and its abilities.', errors: [400, 401, 403, 404] },
  [`PATCH ${P}/{programmeId}`]: { summary: 'Change an audit programme', description: 'Contributor and above; only the fields sent change.', returns: 'The programme.', errors: [400, 401, 403, 404], body: { criteria: 'ISO/IEC 42001 clauses 4–10 and Annex A' } },
  [`GET ${A}`]: { summary: 'Internal audits', description: 'Keyset-paginated, sorted by `planned` or `updated`; filters `programmeId`, `status`, `auditorId`. One SQL statement per page.', returns: 'A page of audits with auditor and finding counts.', errors: [400, 401, 403, 404] },
  [`POST ${A}`]: {
    summary: 'Plan an internal audit',
    description:
      'Contributor and above. The auditor is a member (`auditorId`) or an external person (`auditorName`), exactly one. `auditeeIds` are the owners of the audited areas: a member who owns an audited area cannot audit it (409 `auditor_not_independent`; name another member or an external auditor).',
    returns: 'The audit (status `planned`).',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: { programmeId: '5f0c6f9e-3b1a-4c1e-9a53-2f3f3c9d7e10', title: 'AI development process', plannedOn: '2027-03-15', auditorName: 'Camille Durand (external)', auditeeIds: [], requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '8.1' }] },
  },
  [`GET ${A}/{auditId}`]: { summary: 'One internal audit', description: 'With auditees, criteria and findings (each with the nonconformity it raised). Another organization’s id answers 404.', returns: 'The audit and its abilities.', errors: [400, 401, 403, 404] },
  [`PATCH ${A}/{auditId}`]: { summary: 'Change an internal audit', description: 'Until it is completed (then frozen, 409). The independence rule is checked again.', returns: 'The audit.', errors: [400, 401, 403, 404, 409], body: { conclusion: 'The process conforms; one minor nonconformity on 8.1.' } },
  [`POST ${A}/{auditId}/transitions`]: { summary: 'Start or complete an internal audit', description: '`start` (planned → in_progress), `complete` (in_progress → completed; needs the conclusion).', returns: 'The audit in its new state.', errors: [400, 401, 403, 404, 409], body: { event: 'start' } },
  [`POST ${A}/{auditId}/findings`]: {
    summary: 'Record an audit finding',
    description:
      'While the audit is in progress. Types: `major_nonconformity`, `minor_nonconformity`, `observation`, `opportunity`. A nonconformity names its requirement and raises a nonconformity record (source `internal_audit`) linked back to the finding, in the same transaction.',
    returns: 'The audit with its findings.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: { type: 'minor_nonconformity', requirement: { frameworkId: 'iso-iec-42001-2023', ref: '8.1' }, description: 'Release checklist not signed for model v3.2', evidence: 'Release record 2027-02-10' },
  },
};
