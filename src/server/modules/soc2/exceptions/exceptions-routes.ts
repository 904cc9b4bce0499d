import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import * as S from '../../../../shared/contracts/soc2-exceptions.ts';
import { ZSoc2ExaminationParams } from '../../../../shared/contracts/soc2-program.ts';
import { SOC2_EXAMINATION_PATH } from '../matrix/matrix-routes.ts';
import { createOpinionService } from '../opinion/opinion-service.ts';
import { createExceptionsService } from './exceptions-service.ts';
import { createOrgExceptionsService } from './org-exceptions-service.ts';

export function soc2ExceptionsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const firm = createExceptionsService(p);
  const org = createOrgExceptionsService(p);
  const opinion = createOpinionService(p);
  const tags = ['soc2'];
  const E = SOC2_EXAMINATION_PATH;
  const X = `${E}/exceptions`;
  const O = '/api/tenants/:tenantId/soc2/org-examinations/:examinationId/exceptions';
  const one = { 200: S.ZSoc2Exception };
  const orgOne = { 200: S.ZOrgSoc2Exception };

  app.get(X, { schema: { tags, params: ZSoc2ExaminationParams, response: { 200: S.ZSoc2ExceptionList } } }, (req) => firm.list(req.actor, req.params.tenantId, req.params.examinationId));
  app.post(X, { schema: { tags, params: ZSoc2ExaminationParams, body: S.ZSoc2RaiseExceptionBody, response: { 201: S.ZSoc2Exception } } }, async (req, reply) =>
    reply.status(201).send(await firm.raise(req.actor, req.params.tenantId, req.params.examinationId, req.body, requestContext(req))),
  );
  app.get(`${X}/:exceptionId`, { schema: { tags, params: S.ZSoc2ExceptionParams, response: one } }, (req) =>
    firm.get(req.actor, req.params.tenantId, req.params.examinationId, req.params.exceptionId),
  );
  app.patch(`${X}/:exceptionId`, { schema: { tags, params: S.ZSoc2ExceptionParams, body: S.ZSoc2ExceptionUpdateBody, response: one } }, (req) =>
    firm.update(req.actor, req.params.tenantId, req.params.examinationId, req.params.exceptionId, req.body, requestContext(req)),
  );
  app.post(`${X}/:exceptionId/conclusion`, { schema: { tags, params: S.ZSoc2ExceptionParams, body: S.ZSoc2ExceptionConclusionBody, response: one } }, (req) =>
    firm.conclude(req.actor, req.params.tenantId, req.params.examinationId, req.params.exceptionId, req.body, requestContext(req)),
  );

  app.get(O, { schema: { tags, params: ZSoc2ExaminationParams, response: { 200: S.ZOrgSoc2ExceptionList } } }, (req) => org.list(req.actor, req.params.tenantId, req.params.examinationId));
  app.get(`${O}/:exceptionId`, { schema: { tags, params: S.ZSoc2ExceptionParams, response: orgOne } }, (req) =>
    org.get(req.actor, req.params.tenantId, req.params.examinationId, req.params.exceptionId),
  );
  app.put(`${O}/:exceptionId/response`, { schema: { tags, params: S.ZSoc2ExceptionParams, body: S.ZSoc2ExceptionResponseBody, response: orgOne } }, (req) =>
    org.respond(req.actor, req.params.tenantId, req.params.examinationId, req.params.exceptionId, req.body, requestContext(req)),
  );

  app.post(`${E}/reporting`, { schema: { tags, params: ZSoc2ExaminationParams, response: { 200: S.ZSoc2ReportingResult } } }, (req) =>
    opinion.startReporting(req.actor, req.params.tenantId, req.params.examinationId, requestContext(req)),
  );
  app.put(`${E}/partner`, { schema: { tags, params: ZSoc2ExaminationParams, body: S.ZSoc2PartnerBody, response: { 200: S.ZSoc2OpinionView } } }, (req) =>
    opinion.namePartner(req.actor, req.params.tenantId, req.params.examinationId, req.body.userId, requestContext(req)),
  );
  app.get(`${E}/opinion`, { schema: { tags, params: ZSoc2ExaminationParams, response: { 200: S.ZSoc2OpinionView } } }, (req) =>
    opinion.get(req.actor, req.params.tenantId, req.params.examinationId),
  );
  app.put(`${E}/opinion`, { schema: { tags, params: ZSoc2ExaminationParams, body: S.ZSoc2OpinionBody, response: { 200: S.ZSoc2OpinionView } } }, (req) =>
    opinion.record(req.actor, req.params.tenantId, req.params.examinationId, req.body, requestContext(req)),
  );
  app.get(`${E}/opinion/warnings`, { schema: { tags, params: ZSoc2ExaminationParams, response: { 200: S.ZSoc2OpinionWarnings } } }, (req) =>
    opinion.warnings(req.actor, req.params.tenantId, req.params.examinationId),
  );
}
