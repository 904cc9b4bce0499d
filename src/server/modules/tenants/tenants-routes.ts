import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../platform/platform.ts';
import { SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import { sessionCookieOptions } from '../../platform/http/auth-hook.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import { ZNoContent } from '../../../shared/contracts/common.ts';
import * as S from '../../../shared/contracts/tenants.ts';
import { createInvitationsService } from './invitations-service.ts';
import { createMembersService } from './members-service.ts';
import { createTenantsService } from './tenants-service.ts';

export function tenantsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const tenants = createTenantsService(p);
  const members = createMembersService(p);
  const invitations = createInvitationsService(p);
  const tags = ['tenants'];

  app.get('/api/tenants', { schema: { tags, response: { 200: S.ZTenantList } } }, async (req) => ({ items: await tenants.list(req.actor) }));
  app.post('/api/tenants', { schema: { tags, body: S.ZCreateTenantBody, response: { 201: S.ZCreatedTenant } } }, async (req, reply) =>
    reply.status(201).send({ tenant: await tenants.create(req.actor, req.body, requestContext(req)) }),
  );
  app.get('/api/tenants/:tenantId', { schema: { tags, params: S.ZTenantParams, response: { 200: S.ZTenantDetail } } }, (req) =>
    tenants.get(req.actor, req.params.tenantId),
  );
  app.patch('/api/tenants/:tenantId', { schema: { tags, params: S.ZTenantParams, body: S.ZUpdateTenantBody, response: { 200: S.ZTenantDetail } } }, (req) =>
    tenants.update(req.actor, req.params.tenantId, req.body, requestContext(req)),
  );

  app.get('/api/tenants/:tenantId/members', { schema: { tags, params: S.ZTenantParams, response: { 200: S.ZMemberList } } }, async (req) => ({
    items: await members.list(req.actor, req.params.tenantId),
  }));
  app.patch('/api/tenants/:tenantId/members/:userId', { schema: { tags, params: S.ZMemberParams, body: S.ZUpdateMemberBody, response: { 204: ZNoContent } } }, async (req, reply) => {
    await members.updateRole(req.actor, req.params.tenantId, req.params.userId, req.body.role, requestContext(req));
    return reply.status(204).send(null);
  });
  app.delete('/api/tenants/:tenantId/members/:userId', { schema: { tags, params: S.ZMemberParams, response: { 204: ZNoContent } } }, async (req, reply) => {
    await members.remove(req.actor, req.params.tenantId, req.params.userId, requestContext(req));
    return reply.status(204).send(null);
  });

  app.get('/api/tenants/:tenantId/invitations', { schema: { tags, params: S.ZTenantParams, response: { 200: S.ZInvitationList } } }, async (req) => ({
    items: await invitations.list(req.actor, req.params.tenantId),
  }));
  app.post(
    '/api/tenants/:tenantId/invitations',
    { schema: { tags, params: S.ZTenantParams, body: S.ZCreateInvitationBody, response: { 201: S.ZCreatedInvitation } } },
    async (req, reply) => reply.status(201).send({ invitation: await invitations.create(req.actor, req.params.tenantId, req.body, requestContext(req)) }),
  );
  app.delete('/api/tenants/:tenantId/invitations/:invitationId', { schema: { tags, params: S.ZInvitationParams, response: { 204: ZNoContent } } }, async (req, reply) => {
    await invitations.revoke(req.actor, req.params.tenantId, req.params.invitationId, requestContext(req));
    return reply.status(204).send(null);
  });

  app.get('/api/invitations/:token', { schema: { tags, params: S.ZInvitationTokenParams, response: { 200: S.ZInvitationPreview } } }, (req) =>
    invitations.preview(req.params.token),
  );
  app.post(
    '/api/invitations/:token/accept',
    { schema: { tags, params: S.ZInvitationTokenParams, body: S.ZAcceptInvitationBody, response: { 200: S.ZAcceptedInvitation } } },
    async (req, reply) => {
      const res = await invitations.accept(req.actor, req.params.token, req.body, requestContext(req));
      if (res.session) {
        reply.setCookie(SESSION_COOKIE, res.session.token, { ...sessionCookieOptions(p.config.secure), maxAge: p.config.SESSION_ABSOLUTE_HOURS * 3600 });
      }
      return { user: res.user, tenantId: res.tenantId };
    },
  );
}
