import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ZSoc2ExaminationParams } from '../../../../shared/contracts/soc2-examinations.ts';
import * as S from '../../../../shared/contracts/soc2-descriptions.ts';
import { ZSoc2DescriptionDiff, ZSoc2DescriptionDiffQuery } from '../../../../shared/contracts/soc2-scope.ts';
import { createSoc2DescriptionDiffService } from './description-diff-service.ts';
import { createSoc2DescriptionsService } from './descriptions-service.ts';

export function soc2DescriptionsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createSoc2DescriptionsService(p);
  const diff = createSoc2DescriptionDiffService(p);
  const tags = ['soc2'];
  const F = '/api/tenants/:tenantId/soc2/examinations/:examinationId/description';
  const O = '/api/tenants/:tenantId/soc2/org-examinations/:examinationId/description';
  const params = ZSoc2ExaminationParams;
  const response = { 200: S.ZSoc2Description };

  app.get(F, { schema: { tags, params, response } }, (req) => svc.forFirm(req.actor, req.params.tenantId, req.params.examinationId));
  app.get(O, { schema: { tags, params, response } }, (req) => svc.forOrganization(req.actor, req.params.tenantId, req.params.examinationId));
  app.put(O, { schema: { tags, params, body: S.ZSaveSoc2DescriptionBody, response } }, (req) =>
    svc.save(req.actor, req.params.tenantId, req.params.examinationId, req.body, requestContext(req)),
  );
  app.post(`${O}/sign-off`, { schema: { tags, params, body: S.ZSignOffSoc2DescriptionBody, response } }, (req) =>
    svc.signOff(req.actor, req.params.tenantId, req.params.examinationId, req.body, requestContext(req)),
  );
  const diffSchema = { tags, params, querystring: ZSoc2DescriptionDiffQuery, response: { 200: ZSoc2DescriptionDiff } };
  app.get(`${F}/diff`, { schema: diffSchema }, (req) => diff.forFirm(req.actor, req.params.tenantId, req.params.examinationId, req.query.from, req.query.to));
  app.get(`${O}/diff`, { schema: diffSchema }, (req) => diff.forOrganization(req.actor, req.params.tenantId, req.params.examinationId, req.query.from, req.query.to));
}
