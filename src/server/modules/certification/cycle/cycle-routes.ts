import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import * as S from '../../../../shared/contracts/cycle.ts';
import { createOscalExportService } from './oscal/oscal-service.ts';
import { createCycleDashboardService } from './dashboard-service.ts';

const attachment = (filename: string) => `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`;

export function cycleRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const oscal = createOscalExportService(p);
  const tags = ['certification-cycle'];
  const json = 'application/json; charset=utf-8';
  const dashboard = createCycleDashboardService(p);

  app.get('/api/tenants/:tenantId/surveillance', { schema: { tags, params: S.ZCycleTenantParams, querystring: S.ZCycleDashboardQuery, response: { 200: S.ZCycleDashboard } } }, (req) =>
    dashboard.body(req.actor, req.params.tenantId, req.query),
  );
  app.get('/api/tenants/:tenantId/certification/cycle', { schema: { tags, params: S.ZCycleTenantParams, querystring: S.ZCycleDashboardQuery, response: { 200: S.ZCycleDashboard } } }, (req) =>
    dashboard.organization(req.actor, req.params.tenantId, req.query),
  );

  app.get('/api/tenants/:tenantId/audits/:auditId/oscal/assessment-results', { schema: { tags, params: S.ZCycleAuditParams, querystring: S.ZOscalLangQuery } }, async (req, reply) => {
    const { filename, document } = await oscal.assessmentResults(req.actor, req.params.tenantId, req.params.auditId, req.query.lang);
    return reply.header('content-type', json).header('content-disposition', attachment(filename)).header('cache-control', 'private, no-store').send(JSON.stringify(document, null, 2));
  });
  app.get('/api/tenants/:tenantId/programmes/:programmeId/oscal/poam', { schema: { tags, params: S.ZCycleProgrammeParams, querystring: S.ZOscalLangQuery } }, async (req, reply) => {
    const { filename, document } = await oscal.poam(req.actor, req.params.tenantId, req.params.programmeId, req.query.lang);
    return reply.header('content-type', json).header('content-disposition', attachment(filename)).header('cache-control', 'private, no-store').send(JSON.stringify(document, null, 2));
  });
}
