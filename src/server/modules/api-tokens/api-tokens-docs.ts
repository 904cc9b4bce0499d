import type { TApiDocs } from '../../platform/http/api-docs.ts';

export const apiTokensDocs: TApiDocs = {
  'GET /api/tenants/{tenantId}/api-tokens': {
    summary: 'List API tokens',
    description: 'The tenant’s tokens (never their secret), with role, creator, last use and expiry.',
    returns: 'The tokens.',
    errors: [400, 401, 403, 404],
  },
  'POST /api/tenants/{tenantId}/api-tokens': {
    summary: 'Create an API token',
    description: 'For machines: send it as `Authorization: Bearer <token>`. The secret is returned once. A token never outranks its creator and ends with their membership.',
    returns: 'The token, with its secret shown once.',
    errors: [400, 401, 403, 404],
    body: { name: 'CI evidence upload', role: 'contributor', expiresInDays: 90 },
  },
  'DELETE /api/tenants/{tenantId}/api-tokens/{tokenId}': {
    summary: 'Revoke an API token',
    description: 'The token stops working at once.',
    returns: 'Token revoked.',
    errors: [400, 401, 403, 404],
  },
};
