import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import * as S from '../../../../shared/contracts/findings.ts';
import { createFindingsService } from './findings-service.ts';
import { createFindingVerdictService } from './finding-verdict-service.ts';
import { createOrgFindingsService } from './org-findings-service.ts';

export function findingsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const findings = createFindingsService(p);
  const verdicts = createFindingVerdictService(p);
  const org = createOrgFindingsService(p);
  const tags = ['findings'];
  const A = '/api/tenants/:tenantId/audits/:auditId/findings';
  const F = '/api/tenants/:tenantId/audit-findings';
  const O = '/api/tenants/:tenantId/certification/findings';
  const detail = { 200: S.ZFindingDetail };
  const programmeQuery = S.ZFindingListQuery.extend({ programmeId: z.uuid() });

  app.get(A, { schema: { tags, params: S.ZAuditFindingsParams, querystring: S.ZFindingListQuery, response: { 200: S.ZFindingPage } } }, (req) =>
    findings.listForAudit(req.actor, req.params.tenantId, req.params.auditId, req.query),
  );
  app.post(A, { schema: { tags, params: S.ZAuditFindingsParams, body: S.ZRaiseFindingBody, response: { 201: S.ZFindingDetail } } }, async (req, reply) =>
    reply.status(201).send(await findings.raise(req.actor, req.params.tenantId, req.params.auditId, req.body, requestContext(req))),
  );
  app.get(F, { schema: { tags, params: S.ZTenantParams, querystring: programmeQuery, response: { 200: S.ZFindingPage } } }, (req) =>
    findings.listForProgramme(req.actor, req.params.tenantId, req.query.programmeId, req.query),
  );
  app.get(`${F}/to-review`, { schema: { tags, params: S.ZTenantParams, querystring: S.ZReviewListQuery, response: { 200: S.ZFindingPage } } }, (req) =>
    findings.toReview(req.actor, req.params.tenantId, req.query),
  );
  app.get(`${F}/:findingId`, { schema: { tags, params: S.ZFindingParams, response: detail } }, (req) => findings.get(req.actor, req.params.tenantId, req.params.findingId));
  app.patch(`${F}/:findingId`, { schema: { tags, params: S.ZFindingParams, body: S.ZUpdateFindingBody, response: detail } }, (req) =>
    findings.update(req.actor, req.params.tenantId, req.params.findingId, req.body, requestContext(req)),
  );
  app.post(`${F}/:findingId/verdict`, { schema: { tags, params: S.ZFindingParams, body: S.ZVerdictBody, response: detail } }, (req) =>
    verdicts.verdict(req.actor, req.params.tenantId, req.params.findingId, req.body, requestContext(req)),
  );
  app.post(`${F}/:findingId/verify`, { schema: { tags, params: S.ZFindingParams, body: S.ZVerifyFindingBody, response: detail } }, (req) =>
    verdicts.verify(req.actor, req.params.tenantId, req.params.findingId, req.body, requestContext(req)),
  );
  app.post(`${F}/:findingId/close`, { schema: { tags, params: S.ZFindingParams, body: S.ZCloseFindingBody, response: detail } }, (req) =>
    verdicts.close(req.actor, req.params.tenantId, req.params.findingId, req.body ?? {}, requestContext(req)),
  );

  app.get(O, { schema: { tags, params: S.ZTenantParams, querystring: S.ZOrgFindingListQuery, response: { 200: S.ZOrgFindingPage } } }, (req) => org.list(req.actor, req.params.tenantId, req.query));
  app.get(`${O}/:findingId`, { schema: { tags, params: S.ZFindingParams, response: { 200: S.ZOrgFindingDetail } } }, (req) => org.get(req.actor, req.params.tenantId, req.params.findingId));
  app.post(`${O}/:findingId/responses`, { schema: { tags, params: S.ZFindingParams, body: S.ZSubmitResponseBody, response: { 201: S.ZOrgFindingDetail } } }, async (req, reply) =>
    reply.status(201).send(await org.respond(req.actor, req.params.tenantId, req.params.findingId, req.body, requestContext(req))),
  );
}
