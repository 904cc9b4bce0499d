import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../../shared/contracts/tenants.ts';
import { ZHistoryPage, ZHistoryQuery } from '../../../../shared/contracts/ai-systems.ts';
import * as S from '../../../../shared/contracts/aims-records-context.ts';
import { createObjectivesService } from './objectives-service.ts';

export function objectivesRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createObjectivesService(p);
  const tags = ['aims-records'];
  const base = '/api/tenants/:tenantId/objectives';

  app.get(base, { schema: { tags, params: ZTenantParams, querystring: S.ZObjectiveListQuery, response: { 200: S.ZObjectivePage } } }, (req) =>
    svc.list(req.actor, req.params.tenantId, req.query),
  );
  app.post(base, { schema: { tags, params: ZTenantParams, body: S.ZCreateObjectiveBody, response: { 201: S.ZObjectiveDetail } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${base}/:objectiveId`, { schema: { tags, params: S.ZObjectiveParams, response: { 200: S.ZObjectiveDetail } } }, (req) =>
    svc.get(req.actor, req.params.tenantId, req.params.objectiveId),
  );
  app.patch(`${base}/:objectiveId`, { schema: { tags, params: S.ZObjectiveParams, body: S.ZUpdateObjectiveBody, response: { 200: S.ZObjectiveDetail } } }, (req) =>
    svc.update(req.actor, req.params.tenantId, req.params.objectiveId, req.body, requestContext(req)),
  );
  app.post(`${base}/:objectiveId/results`, { schema: { tags, params: S.ZObjectiveParams, body: S.ZRecordResultBody, response: { 201: S.ZObjectiveDetail } } }, async (req, reply) =>
    reply.status(201).send(await svc.recordResult(req.actor, req.params.tenantId, req.params.objectiveId, req.body, requestContext(req))),
  );
  app.get(`${base}/:objectiveId/history`, { schema: { tags, params: S.ZObjectiveParams, querystring: ZHistoryQuery, response: { 200: ZHistoryPage } } }, (req) =>
    svc.history(req.actor, req.params.tenantId, req.params.objectiveId, req.query),
  );
}
