import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../../shared/contracts/tenants.ts';
import * as S from '../../../../shared/contracts/audit-time.ts';
import { createAuditTimeService } from './audit-time-service.ts';

export function auditTimeRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createAuditTimeService(p);
  const tags = ['audit-time'];
  const base = '/api/tenants/:tenantId/audit-time';

  app.get(base, { schema: { tags, params: ZTenantParams, response: { 200: S.ZAuditTimeOverview } } }, (req) => svc.overview(req.actor, req.params.tenantId));
  app.get(`${base}/tables`, { schema: { tags, params: ZTenantParams, querystring: S.ZAuditTimeTableListQuery, response: { 200: S.ZAuditTimeTablePage } } }, (req) =>
    svc.listTables(req.actor, req.params.tenantId, req.query),
  );
  app.post(`${base}/tables`, { schema: { tags, params: ZTenantParams, body: S.ZCreateAuditTimeTableBody, response: { 201: S.ZAuditTimeTable } } }, async (req, reply) =>
    reply.status(201).send(await svc.createTableVersion(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${base}/tables/:version`, { schema: { tags, params: S.ZAuditTimeTableVersionParams, response: { 200: S.ZAuditTimeTable } } }, (req) =>
    svc.getTable(req.actor, req.params.tenantId, req.params.version),
  );
  app.post(`${base}/calculate`, { schema: { tags, params: ZTenantParams, body: S.ZCalculateAuditTimeBody, response: { 200: S.ZCalculateAuditTimeResponse } } }, (req) =>
    svc.calculate(req.actor, req.params.tenantId, req.body, requestContext(req)),
  );
  app.get(`${base}/calculations`, { schema: { tags, params: ZTenantParams, querystring: S.ZAuditTimeCalculationListQuery, response: { 200: S.ZAuditTimeCalculationPage } } }, (req) =>
    svc.listCalculations(req.actor, req.params.tenantId, req.query),
  );
  app.get(`${base}/calculations/:calculationId`, { schema: { tags, params: S.ZAuditTimeCalculationParams, response: { 200: S.ZAuditTimeCalculation } } }, (req) =>
    svc.getCalculation(req.actor, req.params.tenantId, req.params.calculationId),
  );
  app.get(`${base}/clients/:clientId/inputs`, { schema: { tags, params: S.ZAuditTimeClientParams, response: { 200: S.ZAuditTimeClientInputs } } }, (req) =>
    svc.clientInputs(req.actor, req.params.tenantId, req.params.clientId),
  );
}
