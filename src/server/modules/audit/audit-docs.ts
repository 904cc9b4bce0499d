import type { TApiDocs } from '../../platform/http/api-docs.ts';

export const auditDocs: TApiDocs = {
  'GET /api/me/security-events': {
    summary: 'My security history',
    description: 'The signed-in user’s own sign-ins, failed sign-ins, password and two-factor changes and ended sessions, newest first, paginated with `cursor` (the `nextCursor` of the previous page).',
    returns: 'A page of events.',
    errors: [400, 401],
  },
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
  'GET /api/tenants/{tenantId}/audit-checkpoints': {
    summary: 'List signed audit checkpoints',
    description: 'Checkpoints the platform signed with its Ed25519 key over `{ tenantId, seq, hash, time }`, newest first. Keep them outside Attest: a chain shorter than a signed checkpoint has been truncated.',
    returns: 'The checkpoints.',
    errors: [400, 401, 403, 404],
  },
  'POST /api/tenants/{tenantId}/audit-checkpoints': {
    summary: 'Sign a checkpoint now',
    description: 'Signs the current head of the tenant’s chain (also done periodically by a job) and stores it in the blob store.',
    returns: 'The signed checkpoint.',
    errors: [401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/audit-checkpoints/{seq}': {
    summary: 'Download one signed checkpoint',
    description: 'The checkpoint at sequence `seq` as a JSON attachment, verifiable offline with the key at `/.well-known/attest-keys.json`.',
    returns: 'The signed checkpoint.',
    errors: [400, 401, 403, 404],
  },
};
