import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../../shared/contracts/tenants.ts';
import { ZHistoryPage, ZHistoryQuery } from '../../../../shared/contracts/ai-systems.ts';
import * as S from '../../../../shared/contracts/aims-records-context.ts';
import { createCompetenceService } from './competence-service.ts';

export function competenceRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createCompetenceService(p);
  const tags = ['aims-records'];
  const base = '/api/tenants/:tenantId/competence-records';

  app.get(base, { schema: { tags, params: ZTenantParams, querystring: S.ZCompetenceListQuery, response: { 200: S.ZCompetencePage } } }, (req) =>
    svc.list(req.actor, req.params.tenantId, req.query),
  );
  app.post(base, { schema: { tags, params: ZTenantParams, body: S.ZCreateCompetenceBody, response: { 201: S.ZCompetenceRecord } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${base}/:recordId`, { schema: { tags, params: S.ZCompetenceParams, response: { 200: S.ZCompetenceRecord } } }, (req) =>
    svc.get(req.actor, req.params.tenantId, req.params.recordId),
  );
  app.patch(`${base}/:recordId`, { schema: { tags, params: S.ZCompetenceParams, body: S.ZUpdateCompetenceBody, response: { 200: S.ZCompetenceRecord } } }, (req) =>
    svc.update(req.actor, req.params.tenantId, req.params.recordId, req.body, requestContext(req)),
  );
  app.get(`${base}/:recordId/history`, { schema: { tags, params: S.ZCompetenceParams, querystring: ZHistoryQuery, response: { 200: ZHistoryPage } } }, (req) =>
    svc.history(req.actor, req.params.tenantId, req.params.recordId, req.query),
  );
}
