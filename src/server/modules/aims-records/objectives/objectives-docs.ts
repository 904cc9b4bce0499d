import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const B = '/api/tenants/{tenantId}/objectives';
const objective = {
  title: 'Keep the scoring model’s approval-rate gap between age groups low',
  measure: 'Largest difference in approval rate between age groups, monthly, on all decisions',
  targetDirection: 'at_most',
  targetValue: 3,
  targetUnit: 'points',
  dueOn: '2027-06-30',
  ownerId: null,
  requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '6.2' }],
};

export const objectivesDocs: TApiDocs = {
  [`GET ${B}`]: {
    summary: 'List AI objectives (ISO/IEC 42001 6.2)',
    description: 'By due date, keyset-paginated; filters: status, ownerId, `met` (the latest result meets the target or not). Each objective has its latest result and whether it meets the target: one SQL statement per page.',
    returns: 'One page of objectives.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${B}`]: {
    summary: 'Set an AI objective',
    description: 'Contributors and above. The target is a value, a unit, a direction (`at_least` or `at_most`) and a due date; the owner must be a member.',
    returns: 'The objective with its results (none yet).',
    status: 201,
    errors: [400, 401, 403, 404],
    body: objective,
  },
  [`GET ${B}/{objectiveId}`]: { summary: 'Read an AI objective', description: 'With every result, newest measurement first, each saying whether it meets the current target.', returns: 'The objective.', errors: [400, 401, 403, 404] },
  [`PATCH ${B}/{objectiveId}`]: {
    summary: 'Change an AI objective',
    description: 'Send only the fields to change (status: active, achieved, not_achieved, cancelled). The audit event records the fields that changed.',
    returns: 'The objective.',
    errors: [400, 401, 403, 404],
    body: { status: 'achieved' },
  },
  [`POST ${B}/{objectiveId}/results`]: {
    summary: 'Record a result',
    description: 'Appends a measurement (date, value, comment); results are never edited. A cancelled objective refuses results (409 `objective_cancelled`). The latest result by measurement date is compared with the target.',
    returns: 'The objective with its results.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: { measuredOn: '2026-11-30', value: 2.4, comment: 'November run, 18 412 decisions' },
  },
  [`GET ${B}/{objectiveId}/history`]: { summary: 'Read an AI objective’s history', description: 'Its recorded changes and results, newest first, from the audit log.', returns: 'One page of events.', errors: [400, 401, 403, 404] },
};
