import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import * as S from '../../../../shared/contracts/soc2-examinations.ts';
import { createSoc2ExaminationsService } from './examinations-service.ts';
import { createSoc2ScopeService } from './scope-service.ts';

export function soc2ExaminationsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createSoc2ExaminationsService(p);
  const scope = createSoc2ScopeService(p);
  const tags = ['soc2'];
  const F = '/api/tenants/:tenantId/soc2/examinations';
  const O = '/api/tenants/:tenantId/soc2/org-examinations';

  app.get(F, { schema: { tags, params: S.ZSoc2TenantParams, querystring: S.ZSoc2ExaminationListQuery, response: { 200: S.ZSoc2ExaminationPage } } }, (req) =>
    svc.list(req.actor, req.params.tenantId, req.query),
  );
  app.post(F, { schema: { tags, params: S.ZSoc2TenantParams, body: S.ZCreateSoc2ExaminationBody, response: { 201: S.ZSoc2Examination } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${F}/:examinationId`, { schema: { tags, params: S.ZSoc2ExaminationParams, response: { 200: S.ZSoc2Examination } } }, (req) =>
    svc.get(req.actor, req.params.tenantId, req.params.examinationId),
  );
  app.patch(`${F}/:examinationId`, { schema: { tags, params: S.ZSoc2ExaminationParams, body: S.ZUpdateSoc2ScopeBody, response: { 200: S.ZSoc2Examination } } }, (req) =>
    scope.update(req.actor, req.params.tenantId, req.params.examinationId, req.body, requestContext(req)),
  );
  app.post(`${F}/:examinationId/confirm-scope`, { schema: { tags, params: S.ZSoc2ExaminationParams, response: { 200: S.ZSoc2Examination } } }, (req) =>
    scope.confirm(req.actor, req.params.tenantId, req.params.examinationId, requestContext(req)),
  );
  app.get(O, { schema: { tags, params: S.ZSoc2TenantParams, querystring: S.ZSoc2ExaminationListQuery, response: { 200: S.ZOrgSoc2ExaminationPage } } }, (req) =>
    svc.listForOrganization(req.actor, req.params.tenantId, req.query),
  );
  app.get(`${O}/:examinationId`, { schema: { tags, params: S.ZSoc2ExaminationParams, response: { 200: S.ZOrgSoc2Examination } } }, (req) =>
    svc.getForOrganization(req.actor, req.params.tenantId, req.params.examinationId),
  );
}
