import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TPlatform } from '../../platform/platform.ts';
import { fastSerializer } from '../../platform/http/fast-serializer.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import * as S from '../../../shared/contracts/risks.ts';
import { createRiskAcceptanceService } from './risk-acceptance-service.ts';
import { createRiskMatrixService } from './risk-matrix-service.ts';
import { createRiskViewsService } from './risk-views-service.ts';
import { createRisksService } from './risks-service.ts';
import { XLSX_MIME } from './risks-xlsx.ts';

export function risksRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const risks = createRisksService(p);
  const acceptance = createRiskAcceptanceService(p);
  const matrix = createRiskMatrixService(p);
  const views = createRiskViewsService(p);
  const tags = ['risks'];
  const T = '/api/tenants/:tenantId';
  const params = S.ZRisksParams;
  const riskParams = S.ZRiskParams;

  app.get(`${T}/risk-matrix`, { schema: { tags, params, response: { 200: S.ZRiskMatrix } } }, (req) => matrix.get(req.actor, req.params.tenantId));
  app.put(`${T}/risk-matrix`, { schema: { tags, params, body: S.ZRiskMatrixConfig, response: { 200: S.ZRiskMatrix } } }, (req) =>
    matrix.update(req.actor, req.params.tenantId, req.body, requestContext(req)),
  );
  app.get(`${T}/risk-matrix/versions`, { schema: { tags, params, response: { 200: S.ZRiskMatrixVersions } } }, async (req) => ({
    items: await matrix.versions(req.actor, req.params.tenantId),
  }));

  app.get(`${T}/risks`, { schema: { tags, params, querystring: S.ZRiskListQuery.extend({ matrixVersion: z.coerce.number().int().min(1).max(100000).optional() }), response: { 200: S.ZRiskList } }, serializerCompiler: fastSerializer }, (req) =>
    views.list(req.actor, req.params.tenantId, req.query),
  );
  app.post(`${T}/risks`, { schema: { tags, params, body: S.ZCreateRiskBody, response: { 201: S.ZRiskDetail } } }, async (req, reply) =>
    reply.status(201).send(await risks.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${T}/risks/heat-map`, { schema: { tags, params, response: { 200: S.ZRiskHeatMap } } }, (req) => views.heatMap(req.actor, req.params.tenantId));
  app.get(`${T}/risks/overdue`, { schema: { tags, params, response: { 200: S.ZOverdue } } }, (req) => views.overdue(req.actor, req.params.tenantId));
  app.get(`${T}/risks/export.xlsx`, { schema: { tags, params, querystring: S.ZRiskExportQuery } }, async (req, reply) => {
    const body = await views.exportXlsx(req.actor, req.params.tenantId, req.query.locale);
    const name = req.query.locale === 'fr' ? 'registre-des-risques.xlsx' : 'risk-register.xlsx';
    return reply.header('content-type', XLSX_MIME).header('content-disposition', `attachment; filename="${name}"`).send(body);
  });
  app.get(`${T}/risks/:riskId`, { schema: { tags, params: riskParams, response: { 200: S.ZRiskDetail } } }, (req) => risks.get(req.actor, req.params.tenantId, req.params.riskId));
  app.patch(`${T}/risks/:riskId`, { schema: { tags, params: riskParams, body: S.ZUpdateRiskBody, response: { 200: S.ZRiskDetail } } }, (req) =>
    risks.update(req.actor, req.params.tenantId, req.params.riskId, req.body, requestContext(req)),
  );
  app.post(`${T}/risks/:riskId/accept`, { schema: { tags, params: riskParams, body: S.ZAcceptRiskBody, response: { 200: S.ZRiskDetail } } }, (req) =>
    acceptance.accept(req.actor, req.params.tenantId, req.params.riskId, req.body, requestContext(req)),
  );
  app.post(`${T}/risks/:riskId/reopen`, { schema: { tags, params: riskParams, body: S.ZReopenRiskBody, response: { 200: S.ZRiskDetail } } }, (req) =>
    acceptance.reopen(req.actor, req.params.tenantId, req.params.riskId, req.body.reason, requestContext(req)),
  );
  app.post(`${T}/risks/:riskId/close`, { schema: { tags, params: riskParams, body: S.ZCloseRiskBody, response: { 200: S.ZRiskDetail } } }, (req) =>
    acceptance.close(req.actor, req.params.tenantId, req.params.riskId, req.body.reason, requestContext(req)),
  );
}
