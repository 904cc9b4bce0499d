import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import * as S from '../../../../shared/contracts/soc2-program.ts';
import { SOC2_EXAMINATION_PATH } from '../matrix/matrix-routes.ts';
import { createOrgRequestsService } from './org-requests-service.ts';
import { createRequestsService } from './requests-service.ts';
import { createRequestsExportService } from './requests-export-service.ts';
import { XLSX_MIME } from './requests-xlsx.ts';
import { ZSoc2RequestsExportQuery } from '../../../../shared/contracts/soc2-scope.ts';

export function soc2RequestsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const firm = createRequestsService(p);
  const org = createOrgRequestsService(p);
  const tags = ['soc2'];
  const R = `${SOC2_EXAMINATION_PATH}/requests`;
  const O = '/api/tenants/:tenantId/soc2/requests';
  const one = { 200: S.ZSoc2Request };

  const exports = createRequestsExportService(p);
  const xlsx = (reply: import('fastify').FastifyReply, out: { fileName: string; body: NodeJS.ReadableStream }) =>
    reply.header('content-type', XLSX_MIME).header('content-disposition', `attachment; filename="${out.fileName}"`).send(out.body);
  app.get(`${SOC2_EXAMINATION_PATH}/requests.xlsx`, { schema: { tags, params: S.ZSoc2ExaminationParams, querystring: ZSoc2RequestsExportQuery } }, async (req, reply) =>
    xlsx(reply, await exports.forFirm(req.actor, req.params.tenantId, req.params.examinationId, req.query.locale)),
  );
  app.get('/api/tenants/:tenantId/soc2/org-examinations/:examinationId/requests.xlsx', { schema: { tags, params: S.ZSoc2ExaminationParams, querystring: ZSoc2RequestsExportQuery } }, async (req, reply) =>
    xlsx(reply, await exports.forOrganization(req.actor, req.params.tenantId, req.params.examinationId, req.query.locale)),
  );

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
