import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const B = '/api/tenants/{tenantId}/competence-records';
const record = {
  userId: '5f0c6f9e-3b1a-4c1e-9a53-2f3f3c9d7e10',
  role: 'Model risk officer',
  requiredCompetence: 'Validation of credit-scoring models, fairness metrics, ISO/IEC 42001 internal audit basics',
  evidence: 'MSc statistics; internal auditor training (3 days, October 2026)',
  evidenceFileId: null,
  achievedOn: '2026-10-17',
  renewalOn: '2028-10-17',
  policyAcknowledgedOn: '2026-11-02',
};

export const competenceDocs: TApiDocs = {
  [`GET ${B}`]: {
    summary: 'List competence and awareness records (ISO/IEC 42001 7.2, 7.3)',
    description: 'By person, keyset-paginated; filters: userId, `renewalDue` (renewal date passed), `acknowledged` (AI policy acknowledged). One SQL statement per page.',
    returns: 'One page of records.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${B}`]: {
    summary: 'Record a member’s competence',
    description: 'Contributors and above. The person must be a member; the evidence is words and/or a file uploaded first through `POST /api/tenants/{tenantId}/files` (another organization’s file is refused: 400 `record_file_unknown`).',
    returns: 'The record.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: record,
  },
  [`GET ${B}/{recordId}`]: { summary: 'Read a competence record', description: 'With the evidence file’s name, size and SHA-256.', returns: 'The record.', errors: [400, 401, 403, 404] },
  [`PATCH ${B}/{recordId}`]: {
    summary: 'Change a competence record',
    description: 'Send only the fields to change (the person stays). The audit event records the fields that changed.',
    returns: 'The record.',
    errors: [400, 401, 403, 404],
    body: { renewalOn: '2029-01-31' },
  },
  [`GET ${B}/{recordId}/history`]: { summary: 'Read a competence record’s history', description: 'Its recorded changes, newest first, from the audit log.', returns: 'One page of events.', errors: [400, 401, 403, 404] },
};
