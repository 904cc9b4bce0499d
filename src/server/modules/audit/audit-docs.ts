import type { TApiDocs } from '../../platform/http/api-docs.ts';

export const auditDocs: TApiDocs = {
  'GET /api/tenants/{tenantId}/audit-events': {
    summary: 'List audit events',
    description: 'Newest first, filtered by action, subject or actor, paginated with `cursor` (the `nextCursor` of the previous page).',
    returns: 'A page of events.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/audit-events/verify': {
    summary: 'Verify the audit chain',
    description: 'Recomputes the tenant’s hash chain and reports whether it is intact, or the first event that breaks it.',
    returns: 'The verification result.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/audit-events/{eventId}': {
    summary: 'Read one audit event',
    description: 'The event with its before/after payload and its place in the chain (sequence and hash).',
    returns: 'The event.',
    errors: [400, 401, 403, 404],
  },
};
