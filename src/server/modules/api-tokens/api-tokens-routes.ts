import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../platform/platform.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../shared/contracts/tenants.ts';
import { ZNoContent } from '../../../shared/contracts/common.ts';
import * as S from '../../../shared/contracts/api-tokens.ts';
import { createApiTokensService } from './api-tokens-service.ts';

export function apiTokensRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createApiTokensService(p);
  const tags = ['api-tokens'];
  app.get('/api/tenants/:tenantId/api-tokens', { schema: { tags, params: ZTenantParams, response: { 200: S.ZApiTokenList } } }, async (req) => ({
    items: await svc.list(req.actor, req.params.tenantId),
  }));
  app.post(
    '/api/tenants/:tenantId/api-tokens',
    { schema: { tags, params: ZTenantParams, body: S.ZCreateApiTokenBody, response: { 201: S.ZCreatedApiToken } } },
    async (req, reply) => reply.status(201).send(await svc.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.delete('/api/tenants/:tenantId/api-tokens/:tokenId', { schema: { tags, params: S.ZApiTokenParams, response: { 204: ZNoContent } } }, async (req, reply) => {
    await svc.revoke(req.actor, req.params.tenantId, req.params.tokenId, requestContext(req));
    return reply.status(204).send(null);
  });
}
