import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import * as S from '../../../../shared/contracts/audit-work.ts';
import { createChecklistService } from './checklist-service.ts';

export function auditWorkRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const checklist = createChecklistService(p);
  const tags = ['audit-work'];
  const A = '/api/tenants/:tenantId/audits/:auditId';

  app.get(`${A}/checklist`, { schema: { tags, params: S.ZAuditWorkParams, querystring: S.ZChecklistQuery, response: { 200: S.ZChecklist } } }, (req) =>
    checklist.get(req.actor, req.params.tenantId, req.params.auditId, req.query),
  );
  app.post(`${A}/checklist`, { schema: { tags, params: S.ZAuditWorkParams, body: S.ZGenerateChecklistBody, response: { 201: S.ZChecklist } } }, async (req, reply) =>
    reply.status(201).send(await checklist.generate(req.actor, req.params.tenantId, req.params.auditId, req.body, requestContext(req))),
  );
  app.patch(`${A}/checklist/items/:itemId`, { schema: { tags, params: S.ZChecklistItemParams, body: S.ZUpdateChecklistItemBody, response: { 200: S.ZChecklistItem } } }, (req) =>
    checklist.recordItem(req.actor, req.params.tenantId, req.params.auditId, req.params.itemId, req.body, requestContext(req)),
  );

}
