import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ZNoContent } from '../../../../shared/contracts/common.ts';
import { ZSoc2Examination, ZSoc2ExaminationParams } from '../../../../shared/contracts/soc2-examinations.ts';
import * as S from '../../../../shared/contracts/soc2-scope.ts';
import { createSoc2RenewalService } from '../examinations/renew-examination.ts';
import { createSoc2ScopePartsService } from './scope-parts-service.ts';

export function soc2ScopePartsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createSoc2ScopePartsService(p);
  const renewal = createSoc2RenewalService(p);
  const tags = ['soc2'];
  const F = '/api/tenants/:tenantId/soc2/examinations/:examinationId';
  const O = '/api/tenants/:tenantId/soc2/org-examinations/:examinationId';
  const params = ZSoc2ExaminationParams;
  const scope = { 200: S.ZSoc2ScopeParts };

  app.get(`${F}/scope`, { schema: { tags, params, response: scope } }, (req) => svc.forFirm(req.actor, req.params.tenantId, req.params.examinationId));
  app.get(`${O}/scope`, { schema: { tags, params, response: scope } }, (req) => svc.forOrganization(req.actor, req.params.tenantId, req.params.examinationId));

  app.post(`${F}/subservice-orgs`, { schema: { tags, params, body: S.ZSoc2SubserviceOrgBody, response: { 201: S.ZSoc2SubserviceOrg } } }, async (req, reply) =>
    reply.status(201).send(await svc.addSubserviceOrg(req.actor, req.params.tenantId, req.params.examinationId, req.body, requestContext(req))),
  );
  app.put(`${F}/subservice-orgs/order`, { schema: { tags, params, body: S.ZSoc2ReorderBody, response: scope } }, (req) =>
    svc.reorderSubserviceOrgs(req.actor, req.params.tenantId, req.params.examinationId, req.body, requestContext(req)),
  );
  app.patch(`${F}/subservice-orgs/:subserviceOrgId`, { schema: { tags, params: S.ZSoc2SubserviceOrgParams, body: S.ZSoc2SubserviceOrgUpdateBody, response: { 200: S.ZSoc2SubserviceOrg } } }, (req) =>
    svc.updateSubserviceOrg(req.actor, req.params.tenantId, req.params.examinationId, req.params.subserviceOrgId, req.body, requestContext(req)),
  );
  app.delete(`${F}/subservice-orgs/:subserviceOrgId`, { schema: { tags, params: S.ZSoc2SubserviceOrgParams, response: { 204: ZNoContent } } }, async (req, reply) => {
    await svc.removeSubserviceOrg(req.actor, req.params.tenantId, req.params.examinationId, req.params.subserviceOrgId, requestContext(req));
    return reply.status(204).send(null);
  });

  app.post(`${F}/complementary-controls`, { schema: { tags, params, body: S.ZSoc2ComplementaryControlBody, response: { 201: S.ZSoc2ComplementaryControl } } }, async (req, reply) =>
    reply.status(201).send(await svc.addComplementaryControl(req.actor, req.params.tenantId, req.params.examinationId, req.body, requestContext(req))),
  );
  app.put(`${F}/complementary-controls/order`, { schema: { tags, params, body: S.ZSoc2ReorderBody, response: scope } }, (req) =>
    svc.reorderComplementaryControls(req.actor, req.params.tenantId, req.params.examinationId, req.body, requestContext(req)),
  );
  app.patch(
    `${F}/complementary-controls/:complementaryControlId`,
    { schema: { tags, params: S.ZSoc2ComplementaryControlParams, body: S.ZSoc2ComplementaryControlUpdateBody, response: { 200: S.ZSoc2ComplementaryControl } } },
    (req) => svc.updateComplementaryControl(req.actor, req.params.tenantId, req.params.examinationId, req.params.complementaryControlId, req.body, requestContext(req)),
  );
  app.delete(`${F}/complementary-controls/:complementaryControlId`, { schema: { tags, params: S.ZSoc2ComplementaryControlParams, response: { 204: ZNoContent } } }, async (req, reply) => {
    await svc.removeComplementaryControl(req.actor, req.params.tenantId, req.params.examinationId, req.params.complementaryControlId, requestContext(req));
    return reply.status(204).send(null);
  });

  app.post(`${F}/renew`, { schema: { tags, params, body: S.ZSoc2RenewBody, response: { 201: ZSoc2Examination } } }, async (req, reply) =>
    reply.status(201).send(await renewal.renew(req.actor, req.params.tenantId, req.params.examinationId, req.body, requestContext(req))),
  );
}
