import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../../shared/contracts/tenants.ts';
import { ZHistoryPage, ZHistoryQuery } from '../../../../shared/contracts/ai-systems.ts';
import * as S from '../../../../shared/contracts/aims-records-context.ts';
import { createPartiesService } from './parties-service.ts';

export function partiesRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createPartiesService(p);
  const tags = ['aims-records'];
  const base = '/api/tenants/:tenantId/interested-parties';

  app.get(base, { schema: { tags, params: ZTenantParams, querystring: S.ZPartyListQuery, response: { 200: S.ZPartyPage } } }, (req) => svc.list(req.actor, req.params.tenantId, req.query));
  app.post(base, { schema: { tags, params: ZTenantParams, body: S.ZCreatePartyBody, response: { 201: S.ZParty } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${base}/:partyId`, { schema: { tags, params: S.ZPartyParams, response: { 200: S.ZParty } } }, (req) => svc.get(req.actor, req.params.tenantId, req.params.partyId));
  app.patch(`${base}/:partyId`, { schema: { tags, params: S.ZPartyParams, body: S.ZUpdatePartyBody, response: { 200: S.ZParty } } }, (req) =>
    svc.update(req.actor, req.params.tenantId, req.params.partyId, req.body, requestContext(req)),
  );
  app.get(`${base}/:partyId/history`, { schema: { tags, params: S.ZPartyParams, querystring: ZHistoryQuery, response: { 200: ZHistoryPage } } }, (req) =>
    svc.history(req.actor, req.params.tenantId, req.params.partyId, req.query),
  );
}
