import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const B = '/api/tenants/{tenantId}/interested-parties';
const party = {
  name: 'Autorité de contrôle prudentiel et de résolution (ACPR)',
  category: 'regulator',
  needs: [
    { description: 'Explainable credit decisions and a documented model risk framework', addressed: true, how: 'Model cards and the impact assessment of the scoring model' },
    { description: 'Notification of major ICT incidents', addressed: false, how: 'Handled by the ISMS, outside the AIMS' },
  ],
  requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '4.2' }],
};

export const partiesDocs: TApiDocs = {
  [`GET ${B}`]: {
    summary: 'List interested parties (ISO/IEC 42001 4.2)',
    description: 'By name, keyset-paginated; filters: category, `unaddressed=true` (parties with a requirement the AIMS does not address), `q` (name contains). Each party comes with its requirements and catalog links: one SQL statement per page.',
    returns: 'One page of parties.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${B}`]: {
    summary: 'Record an interested party',
    description: 'Contributors and above. Category is one of regulator, customer, affected_people, employees, supplier, investor, other. Each of the party’s requirements says whether the AIMS addresses it, and how.',
    returns: 'The party.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: party,
  },
  [`GET ${B}/{partyId}`]: { summary: 'Read an interested party', description: 'With its requirements and links.', returns: 'The party.', errors: [400, 401, 403, 404] },
  [`PATCH ${B}/{partyId}`]: {
    summary: 'Change an interested party',
    description: 'Send only the fields to change; `needs` and `requirements` replace the lists (a need keeps its `key`). The audit event records the fields that changed.',
    returns: 'The party.',
    errors: [400, 401, 403, 404],
    body: { needs: party.needs },
  },
  [`GET ${B}/{partyId}/history`]: {
    summary: 'Read an interested party’s history',
    description: 'Its recorded changes, newest first, from the audit log.',
    returns: 'One page of events.',
    errors: [400, 401, 403, 404],
  },
};
