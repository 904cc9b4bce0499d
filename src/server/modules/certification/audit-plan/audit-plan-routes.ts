import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import * as S from '../../../../shared/contracts/audit-plan.ts';
import { createAuditPlanService } from './audit-plan-service.ts';
import { createOrgAuditPlansService } from './org-audit-plans-service.ts';

export function auditPlanRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const plans = createAuditPlanService(p);
  const org = createOrgAuditPlansService(p);
  const tags = ['audit-plan'];
  const A = '/api/tenants/:tenantId/audits/:auditId/plan';
  const O = '/api/tenants/:tenantId/certification/engagements/:engagementId/plans';
  const pdf = (reply: { header(k: string, v: string): typeof reply; send(b: unknown): unknown }, f: { body: unknown; sha256: string; size: number; filename: string }) =>
    reply
      .header('content-type', 'application/pdf')
      .header('content-length', String(f.size))
      .header('content-disposition', `attachment; filename="${f.filename}"`)
      .header('x-content-sha256', f.sha256)
      .header('cache-control', 'private, no-store')
      .send(f.body);

  app.get(A, { schema: { tags, params: S.ZAuditPlanParams, response: { 200: S.ZAuditPlan } } }, (req) => plans.get(req.actor, req.params.tenantId, req.params.auditId));
  app.put(A, { schema: { tags, params: S.ZAuditPlanParams, body: S.ZUpdateAuditPlanBody, response: { 200: S.ZAuditPlan } } }, (req) =>
    plans.update(req.actor, req.params.tenantId, req.params.auditId, req.body, requestContext(req)),
  );
  app.post(`${A}/issue`, { schema: { tags, params: S.ZAuditPlanParams, body: S.ZIssueAuditPlanBody, response: { 200: S.ZAuditPlan } } }, (req) =>
    plans.issue(req.actor, req.params.tenantId, req.params.auditId, req.body ?? {}, requestContext(req)),
  );
  app.post(`${A}/revise`, { schema: { tags, params: S.ZAuditPlanParams, response: { 200: S.ZAuditPlan } } }, (req) =>
    plans.revise(req.actor, req.params.tenantId, req.params.auditId, requestContext(req)),
  );
  app.get(`${A}/versions/:version/pdf`, { schema: { tags, params: S.ZAuditPlanVersionParams } }, async (req, reply) =>
    pdf(reply, await plans.file(req.actor, req.params.tenantId, req.params.auditId, req.params.version)),
  );

  app.get(O, { schema: { tags, params: S.ZOrgPlanParams, response: { 200: S.ZOrgAuditPlanList } } }, (req) => org.list(req.actor, req.params.tenantId, req.params.engagementId));
  app.get(`${O}/:planId/pdf`, { schema: { tags, params: S.ZOrgPlanItemParams } }, async (req, reply) =>
    pdf(reply, await org.file(req.actor, req.params.tenantId, req.params.engagementId, req.params.planId)),
  );
  app.post(`${O}/:planId/acknowledge`, { schema: { tags, params: S.ZOrgPlanItemParams, response: { 200: S.ZOrgAuditPlan } } }, (req) =>
    org.acknowledge(req.actor, req.params.tenantId, req.params.engagementId, req.params.planId, requestContext(req)),
  );
}
