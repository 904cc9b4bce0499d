import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const T = '/api/tenants/{tenantId}/nonconformities';

export const nonconformitiesDocs: TApiDocs = {
  [`GET ${T}`]: {
    summary: 'Nonconformities (10.2)',
    description:
      'Keyset-paginated (`limit`, `cursor` from `nextCursor`), sorted by `created`, `due` or `updated`; filters `status`, `source`, `ownerId`, `open` (not closed), `overdue` (due date passed and not closed), `aiIncidentId`. One SQL statement per page. Any member reads.',
    returns: 'A page of nonconformities with owner, source record, requirement refs and the overdue flag.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${T}`]: {
    summary: 'Record a nonconformity',
    description:
      'Contributor and above. Sources a person records directly: `management_review` (name the review), `external_audit`, `other`; an internal-audit finding and an AI incident raise theirs from their own record. Requirements are catalog references (`frameworkId`, `ref`) resolved to the framework’s current version.',
    returns: 'The nonconformity (status `open`) with its abilities.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: { title: 'Credit-model drift not escalated', source: 'external_audit', ownerId: null, dueOn: '2027-01-31', requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '9.1' }] },
  },
  [`GET ${T}/{nonconformityId}`]: {
    summary: 'One nonconformity',
    description: 'With correction, root cause, corrective action, effectiveness check, linked requirements and the record that raised it. Another organization’s id answers 404.',
    returns: 'The nonconformity and its abilities.',
    errors: [400, 401, 403, 404],
  },
  [`PATCH ${T}/{nonconformityId}`]: {
    summary: 'Change a nonconformity',
    description: 'Contributor and above, while it is not closed (a closed one is frozen: 409 `nonconformity_closed`). Only the fields sent change; the audit event records what changed.',
    returns: 'The nonconformity.',
    errors: [400, 401, 403, 404, 409],
    body: { rootCause: 'No drift alert per applicant segment', correctiveAction: 'Add a segment-level drift alert reviewed weekly' },
  },
  [`POST ${T}/{nonconformityId}/transitions`]: {
    summary: 'Move a nonconformity along its lifecycle',
    description:
      '`record_correction` (open → correction; needs the correction), `plan_action` (open or correction → action_planned; needs the root cause and the corrective action), `start_verification` (action_planned → verifying), `close` (verifying → closed; refused unless an effectiveness check found it effective: use the effectiveness-check route). A refused step answers 409 with a code naming what is missing.',
    returns: 'The nonconformity in its new state.',
    errors: [400, 401, 403, 404, 409],
    body: { event: 'plan_action' },
  },
  [`POST ${T}/{nonconformityId}/effectiveness-check`]: {
    summary: 'Record the effectiveness check',
    description: 'While verifying. `effective` closes the nonconformity; `not_effective` sends it back to `action_planned`, keeping the check on the record. Records who checked and when.',
    returns: 'The nonconformity in its new state.',
    errors: [400, 401, 403, 404, 409],
    body: { checkedOn: '2027-02-15', result: 'effective', notes: 'Two months of weekly drift reviews, alert fired once and was handled.' },
  },
};
