import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../../shared/contracts/tenants.ts';
import * as S from '../../../../shared/contracts/cert-decisions.ts';
import { createDecisionsService } from './decisions-service.ts';

const BASE = '/api/tenants/:tenantId/decisions';

export function decisionsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createDecisionsService(p);
  const tags = ['certification-decisions'];
  app.get(BASE, { schema: { tags, params: ZTenantParams, querystring: S.ZDecisionListQuery, response: { 200: S.ZDecisionPage } } }, (req) => svc.list(req.actor, req.params.tenantId, req.query));
  app.get(`${BASE}/preview`, { schema: { tags, params: ZTenantParams, querystring: S.ZDecisionPreviewQuery, response: { 200: S.ZDecisionPreview } } }, (req) =>
    svc.preview(req.actor, req.params.tenantId, req.query),
  );
  app.post(BASE, { schema: { tags, params: ZTenantParams, body: S.ZCreateDecisionBody, response: { 201: S.ZDecision } } }, async (req, reply) =>
    reply.status(201).send(await svc.decide(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${BASE}/:decisionId`, { schema: { tags, params: S.ZDecisionParams, response: { 200: S.ZDecisionDetail } } }, (req) => svc.get(req.actor, req.params.tenantId, req.params.decisionId));
}
