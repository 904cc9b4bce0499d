import type { TApiDocs } from '../../platform/http/api-docs.ts';

const TENANT = '3f2b8c1d-5e6a-4b7c-8d9e-0f1a2b3c4d5e';

export const tenantsDocs: TApiDocs = {
  'GET /api/tenants': {
    summary: 'List my tenants',
    description: 'The organizations and certification bodies the caller belongs to, with their role in each.',
    returns: 'My tenants.',
    errors: [401],
  },
  'POST /api/tenants': {
    summary: 'Create an organization or a certification body',
    description: '`kind` is `organization` (the auditee) or `certification_body` (the audit firm). The caller becomes its owner (or scheme manager).',
    returns: 'The new tenant.',
    errors: [400, 401],
    body: { name: 'Lumière Crédit SAS', kind: 'organization' },
  },
  'GET /api/tenants/{tenantId}': {
    summary: 'Read a tenant',
    description: 'Name, kind, settings and the caller’s abilities in it. A tenant the caller does not belong to answers 404.',
    returns: 'The tenant.',
    errors: [400, 401, 403, 404],
  },
  'PATCH /api/tenants/{tenantId}': {
    summary: 'Rename a tenant or require two-factor authentication',
    description: 'Owners and admins (scheme managers for a body). With `requireMfa`, members without two-factor authentication are refused until they enable it.',
    returns: 'The updated tenant.',
    errors: [400, 401, 403, 404],
    body: { name: 'Lumière Crédit SAS', requireMfa: true },
  },
  'GET /api/tenants/{tenantId}/members': {
    summary: 'List members',
    description: 'Every member with their role and whether they use two-factor authentication.',
    returns: 'The members.',
    errors: [400, 401, 403, 404],
  },
  'PATCH /api/tenants/{tenantId}/members/{userId}': {
    summary: 'Change a member’s role',
    description: 'The role must exist for the tenant’s kind. The last owner cannot be demoted (409). The member’s API tokens are lowered to the new role.',
    returns: 'Role changed.',
    errors: [400, 401, 403, 404, 409],
    body: { role: 'contributor' },
  },
  'DELETE /api/tenants/{tenantId}/members/{userId}': {
    summary: 'Remove a member',
    description: 'Ends the member’s access at once and revokes their API tokens. The last owner cannot be removed (409).',
    returns: 'Member removed.',
    errors: [400, 401, 403, 404, 409],
  },
  'GET /api/tenants/{tenantId}/invitations': {
    summary: 'List pending invitations',
    description: 'Invitations not yet accepted, revoked or expired.',
    returns: 'Pending invitations.',
    errors: [400, 401, 403, 404],
  },
  'POST /api/tenants/{tenantId}/invitations': {
    summary: 'Invite someone by e-mail',
    description: 'Sends a signed, expiring link in the chosen language. A new invitation to the same address replaces the pending one.',
    returns: 'The invitation.',
    errors: [400, 401, 403, 404, 409],
    body: { email: 'ines.dubois@lumiere-credit.example', role: 'contributor', locale: 'fr' },
  },
  'DELETE /api/tenants/{tenantId}/invitations/{invitationId}': {
    summary: 'Revoke an invitation',
    description: 'Its link stops working at once.',
    returns: 'Invitation revoked.',
    errors: [400, 401, 403, 404, 409],
  },
  'GET /api/invitations/{token}': {
    summary: 'Preview an invitation from its link',
    description: 'Public: the tenant, role and inviter behind a link, and whether the address already has an account. A tampered link answers 404; a used, replaced, revoked or expired one 410.',
    returns: 'What the link invites to.',
    errors: [400, 404, 410],
    example: { tenantName: 'Lumière Crédit SAS', tenantId: TENANT, role: 'contributor', email: 'ines.dubois@lumiere-credit.example', inviter: 'Claire Martin', hasAccount: false, expiresAt: '2026-12-04T09:00:00.000Z' },
  },
  'POST /api/invitations/{token}/accept': {
    summary: 'Accept an invitation',
    description: 'A new user sends a name and password and is signed in; an existing user accepts while signed in as the invited address.',
    returns: 'The member and their tenant.',
    errors: [400, 401, 403, 404, 409, 410],
    body: { name: 'Inès Dubois', password: 'Registre-IA-2026-Lyon' },
  },
};
