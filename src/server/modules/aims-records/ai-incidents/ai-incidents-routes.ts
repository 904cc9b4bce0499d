import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import * as S from '../../../../shared/contracts/ai-incidents.ts';
import { ZNonconformity, ZRaiseNonconformityBody } from '../../../../shared/contracts/nonconformities.ts';
import { createAiIncidentsService } from './ai-incidents-service.ts';

export function aiIncidentsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const incidents = createAiIncidentsService(p);
  const tags = ['ai-incidents'];
  const T = '/api/tenants/:tenantId/ai-incidents';
  const params = S.ZIncidentsParams;
  const one = S.ZIncidentParams;

  app.get(T, { schema: { tags, params, querystring: S.ZIncidentListQuery, response: { 200: S.ZIncidentList } } }, (req) => incidents.list(req.actor, req.params.tenantId, req.query));
  app.post(T, { schema: { tags, params, body: S.ZCreateIncidentBody, response: { 201: S.ZIncident } } }, async (req, reply) =>
    reply.status(201).send(await incidents.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get('/api/tenants/:tenantId/ai-incident-settings', { schema: { tags, params, response: { 200: S.ZIncidentSettings } } }, (req) => incidents.settings(req.actor, req.params.tenantId));
  app.put('/api/tenants/:tenantId/ai-incident-settings', { schema: { tags, params, body: S.ZUpdateIncidentSettingsBody, response: { 200: S.ZIncidentSettings } } }, (req) =>
    incidents.updateSettings(req.actor, req.params.tenantId, req.body, requestContext(req)),
  );
  app.get(`${T}/:incidentId`, { schema: { tags, params: one, response: { 200: S.ZIncident } } }, (req) => incidents.get(req.actor, req.params.tenantId, req.params.incidentId));
  app.patch(`${T}/:incidentId`, { schema: { tags, params: one, body: S.ZUpdateIncidentBody, response: { 200: S.ZIncident } } }, (req) =>
    incidents.update(req.actor, req.params.tenantId, req.params.incidentId, req.body, requestContext(req)),
  );
  app.post(`${T}/:incidentId/transitions`, { schema: { tags, params: one, body: S.ZIncidentTransitionBody, response: { 200: S.ZIncident } } }, (req) =>
    incidents.transition(req.actor, req.params.tenantId, req.params.incidentId, req.body.event, requestContext(req)),
  );
  app.post(`${T}/:incidentId/nonconformity`, { schema: { tags, params: one, body: ZRaiseNonconformityBody, response: { 201: ZNonconformity } } }, async (req, reply) =>
    reply.status(201).send(await incidents.raiseNonconformity(req.actor, req.params.tenantId, req.params.incidentId, req.body, requestContext(req))),
  );
}
