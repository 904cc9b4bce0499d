import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const B = '/api/tenants/{tenantId}/auditors';

export const auditorsDocs: TApiDocs = {
  [`GET ${B}/competences`]: {
    summary: 'List auditor competence records',
    description:
      'Per person and scheme: qualification, when they were trained on ISO/IEC 42001, AI-domain areas, audits done, whether lead-qualified, the validity window, and `expired` / `expiresSoon` (within 90 days) on the platform clock. Filter: `userId`. Scheme managers, technical reviewers and decision makers read every record; an auditor reads only their own (another person’s filter answers an empty list).',
    returns: 'The records, people in name order.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${B}/competences`]: {
    summary: 'Record an auditor’s competence',
    description: 'For a member of the body (400 `cert_team_not_member` otherwise). Team assignment checks these records on the audit’s first day. Scheme managers only.',
    returns: 'The record.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: {
      userId: '5f0c3a52-8d1e-4c8e-9a4f-2b9b7d1e6c10',
      scheme: 'iso42001',
      qualification: 'ISO/IEC 42001 Lead Auditor',
      iso42001TrainedOn: '2025-06-20',
      aiDomainAreas: ['Credit scoring models'],
      auditsDone: 12,
      leadQualified: true,
      validFrom: '2026-01-01',
      validUntil: '2028-12-31',
    },
  },
  [`PATCH ${B}/competences/{competenceId}`]: {
    summary: 'Change a competence record',
    description: 'Any field but the person and the scheme (record a new one for another scheme). Scheme managers only; another body’s record answers 404.',
    returns: 'The record.',
    errors: [400, 401, 403, 404],
    body: { validUntil: '2029-12-31', auditsDone: 14 },
  },
  [`DELETE ${B}/competences/{competenceId}`]: {
    summary: 'Delete a competence record',
    description: 'Assignments already made stay; later assignments no longer find it. Scheme managers only.',
    returns: 'No content.',
    status: 204,
    errors: [400, 401, 403, 404],
  },
  [`GET ${B}/conflicts`]: {
    summary: 'List declared conflicts',
    description:
      'Consultancy for, employment by, or another interest in a client, per person — or the body’s own consultancy (`userId` null). Filters: `clientId`, `userId`. An auditor reads only their own declarations.',
    returns: 'The declarations, latest first.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${B}/conflicts`]: {
    summary: 'Declare a conflict with a client',
    description:
      'A person’s consultancy or employment (with when it ended: ongoing or within the body’s cooling-off period counted back from an audit’s first day, it bars them from the client’s audits), another interest (bars them while it lasts), or the body’s own consultancy (`userId` null, kind `consultancy` only), which bars every audit of the client (ISO/IEC 17021-1 5.2). Another body’s client answers 404. Scheme managers only.',
    returns: 'The declaration.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: { clientId: '5f0c3a52-8d1e-4c8e-9a4f-2b9b7d1e6c10', userId: '0b4e7d0a-2f53-4f3a-9c1e-7a8d5e2f6b11', kind: 'consultancy', description: 'AI policy drafting', startedOn: '2025-03-01', endedOn: '2025-09-30' },
  },
  [`DELETE ${B}/conflicts/{conflictId}`]: {
    summary: 'Withdraw a declared conflict',
    description: 'For a declaration made in error; the audit log keeps it. Scheme managers only.',
    returns: 'No content.',
    status: 204,
    errors: [400, 401, 403, 404],
  },
};
