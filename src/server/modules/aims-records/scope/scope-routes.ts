import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../../shared/contracts/tenants.ts';
import * as S from '../../../../shared/contracts/aims-records-context.ts';
import { createScopeService } from './scope-service.ts';

export function scopeRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createScopeService(p);
  const tags = ['aims-records'];
  const base = '/api/tenants/:tenantId/aims-scope';

  app.get(base, { schema: { tags, params: ZTenantParams, response: { 200: S.ZScopeOverview } } }, (req) => svc.overview(req.actor, req.params.tenantId));
  app.get(`${base}/versions`, { schema: { tags, params: ZTenantParams, querystring: S.ZScopeVersionListQuery, response: { 200: S.ZScopeVersionPage } } }, (req) =>
    svc.listVersions(req.actor, req.params.tenantId, req.query),
  );
  app.post(`${base}/versions`, { schema: { tags, params: ZTenantParams, body: S.ZUpdateScopeBody, response: { 201: S.ZScopeVersion } } }, async (req, reply) =>
    reply.status(201).send(await svc.startVersion(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${base}/versions/:version`, { schema: { tags, params: S.ZScopeVersionParams, response: { 200: S.ZScopeVersion } } }, (req) =>
    svc.getVersion(req.actor, req.params.tenantId, req.params.version),
  );
  app.patch(`${base}/versions/:version`, { schema: { tags, params: S.ZScopeVersionParams, body: S.ZUpdateScopeBody, response: { 200: S.ZScopeVersion } } }, (req) =>
    svc.updateVersion(req.actor, req.params.tenantId, req.params.version, req.body, requestContext(req)),
  );
  app.post(`${base}/versions/:version/approve`, { schema: { tags, params: S.ZScopeVersionParams, body: S.ZApproveScopeBody, response: { 200: S.ZScopeVersion } } }, (req) =>
    svc.approve(req.actor, req.params.tenantId, req.params.version, req.body.comment, requestContext(req)),
  );
}
