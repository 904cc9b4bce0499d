import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const T = '/api/tenants/{tenantId}/ai-incidents';

export const aiIncidentsDocs: TApiDocs = {
  [`GET ${T}`]: {
    summary: 'AI incidents',
    description: 'Keyset-paginated, sorted by `detected`, `severity` or `updated`; filters `aiSystemId`, `type`, `severity`, `status`, `serious`. One SQL statement per page. Any member reads.',
    returns: 'A page of incidents with their AI system, reporting dates and the nonconformity raised, if any.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${T}`]: {
    summary: 'Record an AI incident',
    description:
      'Contributor and above. On one of the organization’s AI systems (another organization’s id answers 404 `ai_system_unknown`). `serious` flags a serious incident in the sense of EU AI Act art. 73: its reporting date is the detection day plus the organization’s reporting time (`ai-incident-settings`), left empty while none is set.',
    returns: 'The incident and its abilities.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: {
      aiSystemId: '5f0c6f9e-3b1a-4c1e-9a53-2f3f3c9d7e10',
      title: 'Scores drift for applicants under 25',
      type: 'bias',
      severity: 'high',
      occurredAt: '2026-11-20T08:00:00Z',
      detectedAt: '2026-11-21T14:30:00Z',
      immediateAction: 'Manual review of every refusal for the segment',
    },
  },
  [`GET ${T}/{incidentId}`]: { summary: 'One AI incident', description: 'Another organization’s id answers 404.', returns: 'The incident and its abilities.', errors: [400, 401, 403, 404] },
  [`PATCH ${T}/{incidentId}`]: {
    summary: 'Change an AI incident',
    description: 'Contributor and above, in any state (facts learnt late are still recorded). Changing `serious` or `detectedAt` recomputes the reporting date with the current setting.',
    returns: 'The incident.',
    errors: [400, 401, 403, 404],
    body: { reportedOn: '2026-11-28' },
  },
  [`POST ${T}/{incidentId}/transitions`]: {
    summary: 'Move an AI incident along its lifecycle',
    description: '`investigate` (open → investigating), `resolve` (open or investigating → resolved), `reopen` (resolved → open).',
    returns: 'The incident in its new state.',
    errors: [400, 401, 403, 404, 409],
    body: { event: 'investigate' },
  },
  [`POST ${T}/{incidentId}/nonconformity`]: {
    summary: 'Raise a nonconformity from an AI incident',
    description:
      'Contributor and above. Creates a nonconformity with source `ai_incident`, linked back to the incident, its correction pre-filled from the incident’s immediate action; title and description default to the incident’s. One per incident (409 `nonconformity_already_raised`).',
    returns: 'The new nonconformity.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: { ownerId: null, dueOn: '2027-01-15', requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: 'A.6.2.6' }] },
  },
  'GET /api/tenants/{tenantId}/ai-incident-settings': {
    summary: 'Reporting time of serious AI incidents',
    description: 'Days after detection within which the organization reports a serious incident (its own reading of EU AI Act art. 73); null until set.',
    returns: 'The setting and whether you may change it.',
    errors: [400, 401, 403, 404],
  },
  'PUT /api/tenants/{tenantId}/ai-incident-settings': {
    summary: 'Set the reporting time of serious AI incidents',
    description: 'Owner or admin. Incidents already recorded keep their reporting date until their detection time or serious flag changes.',
    returns: 'The setting.',
    errors: [400, 401, 403, 404],
    body: { seriousReportDays: 15 },
  },
};
