import type { TApiDocs } from '../../platform/http/api-docs.ts';

export const readinessDocs: TApiDocs = {
  'GET /api/tenants/{tenantId}/readiness/{frameworkId}': {
    summary: 'How ready the organization is, requirement by requirement, for one framework',
    description:
      'For each clause, control or criterion of the framework (the adopted version, else the current one): the linked controls by status, the evidence through those controls or linked directly (fresh, stale, expired; not contemporaneous counted apart), the decision of the Statement of Applicability in force, the linked documents (current, overdue for review, unpublished) and the open nonconformities; a status per requirement (covered, partial, planned, missing, not applicable) with parents rolled up from their leaves; totals per top-level clause or objective; and what blocks a stage 1 audit (missing or overdue mandatory documented information, no approved SoA, high AI risks without treatment). Evidence counts for every framework its controls map to. One SQL statement.',
    returns: 'The framework, the date (UTC) the judgement was made on, the requirements in catalog order, the groups, the totals and the blockers.',
    errors: [401, 403, 404],
  },
};
