import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import * as S from '../../../../shared/contracts/soc2-program.ts';
import { SOC2_EXAMINATION_PATH } from '../matrix/matrix-routes.ts';
import { createOrgRequestsService } from './org-requests-service.ts';
import { createRequestsService } from './requests-service.ts';

export function soc2RequestsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const firm = createRequestsService(p);
  const org = createOrgRequestsService(p);
  const tags = ['soc2'];
  const R = `${SOC2_EXAMINATION_PATH}/requests`;
  const O = '/api/tenants/:tenantId/soc2/requests';
  const one = { 200: S.ZSoc2Request };

  app.get(R, { schema: { tags, params: S.ZSoc2ExaminationParams, response: { 200: S.ZSoc2RequestList } } }, (req) => firm.list(req.actor, req.params.tenantId, req.params.examinationId));
  app.post(`${R}/generate`, { schema: { tags, params: S.ZSoc2ExaminationParams, body: S.ZSoc2GenerateRequestsBody, response: { 200: S.ZSoc2GenerateResult } } }, (req) =>
    firm.generate(req.actor, req.params.tenantId, req.params.examinationId, req.body.dueOn, requestContext(req)),
  );
  app.post(R, { schema: { tags, params: S.ZSoc2ExaminationParams, body: S.ZSoc2RequestBody, response: { 201: S.ZSoc2Request } } }, async (req, reply) =>
    reply.status(201).send(await firm.create(req.actor, req.params.tenantId, req.params.examinationId, req.body, requestContext(req))),
  );
  app.patch(`${R}/:requestId`, { schema: { tags, params: S.ZSoc2RequestParams, body: S.ZSoc2RequestUpdateBody, response: one } }, (req) =>
    firm.update(req.actor, req.params.tenantId, req.params.examinationId, req.params.requestId, req.body, requestContext(req)),
  );
  app.post(`${R}/:requestId/accept`, { schema: { tags, params: S.ZSoc2RequestParams, response: one } }, (req) =>
    firm.accept(req.actor, req.params.tenantId, req.params.examinationId, req.params.requestId, requestContext(req)),
  );
  app.post(`${R}/:requestId/return`, { schema: { tags, params: S.ZSoc2RequestParams, body: S.ZSoc2ReturnBody, response: one } }, (req) =>
    firm.returnToOrganization(req.actor, req.params.tenantId, req.params.examinationId, req.params.requestId, req.body.reason, requestContext(req)),
  );

  app.get(O, { schema: { tags, params: S.ZSoc2TenantParams, querystring: z.object({ examinationId: z.uuid().optional() }), response: { 200: S.ZSoc2RequestList } } }, (req) =>
    org.list(req.actor, req.params.tenantId, req.query.examinationId ?? null),
  );
  app.get(`${O}/:requestId`, { schema: { tags, params: S.ZSoc2OrgRequestParams, response: one } }, (req) => org.get(req.actor, req.params.tenantId, req.params.requestId));
  app.put(`${O}/:requestId/answer`, { schema: { tags, params: S.ZSoc2OrgRequestParams, body: S.ZSoc2AnswerBody, response: one } }, (req) =>
    org.answer(req.actor, req.params.tenantId, req.params.requestId, req.body, requestContext(req)),
  );
  app.post(`${O}/:requestId/submit`, { schema: { tags, params: S.ZSoc2OrgRequestParams, response: one } }, (req) =>
    org.submit(req.actor, req.params.tenantId, req.params.requestId, requestContext(req)),
  );
}
