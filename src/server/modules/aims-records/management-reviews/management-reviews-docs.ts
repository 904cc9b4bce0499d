import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const T = '/api/tenants/{tenantId}/management-reviews';

export const managementReviewsDocs: TApiDocs = {
  [`GET ${T}`]: { summary: 'Management reviews (9.3)', description: 'Keyset-paginated, sorted by `held` or `updated`; filter `status`. Each row lists the 9.3.2 inputs still without notes. One SQL statement per page.', returns: 'A page of reviews.', errors: [400, 401, 403, 404] },
  [`POST ${T}`]: {
    summary: 'Record a management review',
    description: 'Contributor and above. Inputs are keyed (`previous_actions`, `issues_changes`, `interested_parties_changes`, `aims_performance`, `monitoring_results`, `audit_results`, `improvement_opportunities`), each with notes; decisions have an owner (a member) and a due date.',
    returns: 'The review (status `draft`).',
    status: 201,
    errors: [400, 401, 403, 404],
    body: { title: 'Management review Q1 2027', heldOn: '2027-03-30', attendees: ['Claire Martin', 'Hugo Petit'], inputs: { audit_results: 'One minor nonconformity, closed.' }, decisions: [{ decision: 'Extend drift monitoring to the chatbot', ownerId: null, dueOn: '2027-06-30' }] },
  },
  [`GET ${T}/{reviewId}`]: { summary: 'One management review', description: 'Every input with its notes (empty when not addressed) and the decisions. Another organization’s id answers 404.', returns: 'The review and its abilities.', errors: [400, 401, 403, 404] },
  [`PATCH ${T}/{reviewId}`]: { summary: 'Change a management review', description: 'While a draft. `inputs` are merged key by key; `decisions` replace the list (send the ids of those kept).', returns: 'The review.', errors: [400, 401, 403, 404, 409], body: { inputs: { monitoring_results: 'Drift within bounds all quarter.' } } },
  [`POST ${T}/{reviewId}/complete`]: { summary: 'Complete a management review', description: 'Refused (409 `review_inputs_missing`, with the missing keys) until every input has notes; then frozen.', returns: 'The completed review.', errors: [400, 401, 403, 404, 409] },
};
