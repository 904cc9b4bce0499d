import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import * as S from '../../../../shared/contracts/nonconformities.ts';
import { createNonconformitiesService } from './nonconformities-service.ts';

export function nonconformitiesRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const ncs = createNonconformitiesService(p);
  const tags = ['nonconformities'];
  const T = '/api/tenants/:tenantId/nonconformities';
  const params = S.ZNcsParams;
  const one = S.ZNcParams;

  app.get(T, { schema: { tags, params, querystring: S.ZNcListQuery, response: { 200: S.ZNonconformityList } } }, (req) => ncs.list(req.actor, req.params.tenantId, req.query));
  app.post(T, { schema: { tags, params, body: S.ZCreateNonconformityBody, response: { 201: S.ZNonconformity } } }, async (req, reply) =>
    reply.status(201).send(await ncs.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${T}/:nonconformityId`, { schema: { tags, params: one, response: { 200: S.ZNonconformity } } }, (req) => ncs.get(req.actor, req.params.tenantId, req.params.nonconformityId));
  app.patch(`${T}/:nonconformityId`, { schema: { tags, params: one, body: S.ZUpdateNonconformityBody, response: { 200: S.ZNonconformity } } }, (req) =>
    ncs.update(req.actor, req.params.tenantId, req.params.nonconformityId, req.body, requestContext(req)),
  );
  app.post(`${T}/:nonconformityId/transitions`, { schema: { tags, params: one, body: S.ZNcTransitionBody, response: { 200: S.ZNonconformity } } }, (req) =>
    ncs.transition(req.actor, req.params.tenantId, req.params.nonconformityId, req.body.event, requestContext(req)),
  );
  app.post(`${T}/:nonconformityId/effectiveness-check`, { schema: { tags, params: one, body: S.ZEffectivenessCheckBody, response: { 200: S.ZNonconformity } } }, (req) =>
    ncs.checkEffectiveness(req.actor, req.params.tenantId, req.params.nonconformityId, req.body, requestContext(req)),
  );
}
