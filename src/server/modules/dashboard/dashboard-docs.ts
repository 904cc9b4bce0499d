import type { TApiDocs } from '../../platform/http/api-docs.ts';

export const dashboardDocs: TApiDocs = {
  'GET /api/tenants/{tenantId}/dashboard': {
    summary: 'The organization’s AIMS at a glance',
    description:
      'AI systems in use by EU AI Act tier (retired ones left out), open and accepted risks by level of the matrix in force (inherent and residual), overdue risk reviews and treatment actions, acceptances expiring within 30 days, and impact assessments open, in review and approved, with their overdue reviews (count and the five most overdue) counted beside the risks’. Sections the caller’s role cannot read are null. One SQL statement.',
    returns: 'Counts per section, with `today` (UTC) as the date overdue is judged against.',
    errors: [401, 403, 404],
  },
};
