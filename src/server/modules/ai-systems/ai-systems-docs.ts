import type { TApiDocs } from '../../platform/http/api-docs.ts';

export const aiSystemsDocs: TApiDocs = {
  'GET /api/tenants/{tenantId}/ai-systems': {
    summary: 'List AI systems',
    description:
      'The organization’s AI-system inventory with each system’s current EU AI Act classification. Filters: `stage`, `tier` (or `unclassified`), `role`, `inScope`, `ownerId` (business or technical owner), `q` (name, purpose, supplier, model type). Sorted by `sort` and `direction`; keyset-paginated with `limit` and the `nextCursor` of the previous page.',
    returns: 'One page of AI systems.',
    errors: [400, 401, 403, 404],
  },
  'POST /api/tenants/{tenantId}/ai-systems': {
    summary: 'Record an AI system',
    description: 'Only `name` and `lifecycleStage` are required. Owners must be members of the organization; a `bomRef` is unique within it.',
    returns: 'The AI system.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: {
      name: 'Credit scoring',
      purpose: 'Scores consumer credit applications.',
      lifecycleStage: 'deployed',
      roles: ['provider', 'deployer'],
      modelType: 'Gradient-boosted trees',
      personalData: true,
      automatedDecisions: true,
    },
  },
  'GET /api/tenants/{tenantId}/ai-systems/{aiSystemId}': {
    summary: 'Read an AI system',
    description: 'Every field, the owners’ names, the current classification and what the caller may do with it (`abilities`).',
    returns: 'The AI system.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/ai-systems/{aiSystemId}/history': {
    summary: 'Read an AI system’s history',
    description: 'Every recorded change of the system (creation, field changes with their before and after values, classifications), newest first, from the hash-chained audit log. Readable by whoever may read the system; IP addresses and user agents are left out.',
    returns: 'One page of events.',
    errors: [400, 401, 403, 404],
  },
  'PATCH /api/tenants/{tenantId}/ai-systems/{aiSystemId}': {
    summary: 'Change an AI system',
    description:
      'Send only the fields to change. The lifecycle stage follows design → development → validation → deployed (a bought-in system may be deployed from design; a deployed one returns to validation); retired is final. The audit event records the fields that changed.',
    returns: 'The AI system.',
    errors: [400, 401, 403, 404, 409],
    body: { lifecycleStage: 'retired' },
  },
};
