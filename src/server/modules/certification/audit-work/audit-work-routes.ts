import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import * as S from '../../../../shared/contracts/audit-work.ts';
import { createChecklistService } from './checklist-service.ts';
import { createReportService } from './report-service.ts';

export function auditWorkRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const checklist = createChecklistService(p);
  const report = createReportService(p);
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

  app.get(`${A}/report`, { schema: { tags, params: S.ZAuditWorkParams, response: { 200: S.ZReport } } }, (req) => report.get(req.actor, req.params.tenantId, req.params.auditId));
  app.patch(`${A}/report`, { schema: { tags, params: S.ZAuditWorkParams, body: S.ZUpdateReportBody, response: { 200: S.ZReport } } }, (req) =>
    report.update(req.actor, req.params.tenantId, req.params.auditId, req.body, requestContext(req)),
  );
  app.post(`${A}/report/issue`, { schema: { tags, params: S.ZAuditWorkParams, response: { 200: S.ZReport } } }, (req) =>
    report.issue(req.actor, req.params.tenantId, req.params.auditId, requestContext(req)),
  );
  app.get(`${A}/report/files/:locale/:format`, { schema: { tags, params: S.ZReportFileParams } }, async (req, reply) => {
    const f = await report.file(req.actor, req.params.tenantId, req.params.auditId, req.params.locale, req.params.format);
    return reply
      .header('content-type', f.contentType)
      .header('content-length', String(f.size))
      .header('content-disposition', `attachment; filename="${f.filename}"`)
      .header('x-content-sha256', f.sha256)
      .header('cache-control', 'private, no-store')
      .send(f.body);
  });
}
