import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ZNoContent } from '../../../../shared/contracts/common.ts';
import * as S from '../../../../shared/contracts/soc2-program.ts';
import { createMatrixService } from './matrix-service.ts';
import { createTestsService } from '../tests/tests-service.ts';

export const SOC2_EXAMINATION_PATH = '/api/tenants/:tenantId/soc2/examinations/:examinationId';

export function soc2MatrixRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const matrix = createMatrixService(p);
  const tests = createTestsService(p);
  const tags = ['soc2'];
  const E = SOC2_EXAMINATION_PATH;
  const linkParams = S.ZSoc2ExaminationParams.extend({ criterionRef: S.ZSoc2CriterionRef, controlId: S.ZSoc2LinkBody.shape.controlId });

  app.get(`${E}/matrix`, { schema: { tags, params: S.ZSoc2ExaminationParams, response: { 200: S.ZSoc2Matrix } } }, (req) =>
    matrix.get(req.actor, req.params.tenantId, req.params.examinationId),
  );
  app.get(`${E}/matrix/controls`, { schema: { tags, params: S.ZSoc2ExaminationParams, response: { 200: S.ZSoc2CandidateControls } } }, (req) =>
    matrix.candidates(req.actor, req.params.tenantId, req.params.examinationId, requestContext(req)),
  );
  app.post(`${E}/matrix/links`, { schema: { tags, params: S.ZSoc2ExaminationParams, body: S.ZSoc2LinkBody, response: { 200: S.ZSoc2Matrix } } }, (req) =>
    matrix.link(req.actor, req.params.tenantId, req.params.examinationId, req.body, requestContext(req)),
  );
  app.delete(`${E}/matrix/links/:criterionRef/:controlId`, { schema: { tags, params: linkParams, response: { 200: S.ZSoc2Matrix } } }, (req) =>
    matrix.unlink(req.actor, req.params.tenantId, req.params.examinationId, { criterionRef: req.params.criterionRef, controlId: req.params.controlId }, requestContext(req)),
  );
  app.post(`${E}/matrix/suggestions`, { schema: { tags, params: S.ZSoc2ExaminationParams, response: { 200: S.ZSoc2SuggestResult } } }, (req) =>
    matrix.suggest(req.actor, req.params.tenantId, req.params.examinationId, requestContext(req)),
  );

  app.get(`${E}/tests`, { schema: { tags, params: S.ZSoc2ExaminationParams, response: { 200: S.ZSoc2TestList } } }, (req) =>
    tests.list(req.actor, req.params.tenantId, req.params.examinationId),
  );
  app.post(`${E}/tests`, { schema: { tags, params: S.ZSoc2ExaminationParams, body: S.ZSoc2TestBody, response: { 201: S.ZSoc2Test } } }, async (req, reply) =>
    reply.status(201).send(await tests.create(req.actor, req.params.tenantId, req.params.examinationId, req.body, requestContext(req))),
  );
  app.patch(`${E}/tests/:testId`, { schema: { tags, params: S.ZSoc2TestParams, body: S.ZSoc2TestUpdateBody, response: { 200: S.ZSoc2Test } } }, (req) =>
    tests.update(req.actor, req.params.tenantId, req.params.examinationId, req.params.testId, req.body, requestContext(req)),
  );
  app.delete(`${E}/tests/:testId`, { schema: { tags, params: S.ZSoc2TestParams, response: { 204: ZNoContent } } }, async (req, reply) => {
    await tests.remove(req.actor, req.params.tenantId, req.params.examinationId, req.params.testId, requestContext(req));
    return reply.status(204).send(null);
  });
  app.post(`${E}/fieldwork`, { schema: { tags, params: S.ZSoc2ExaminationParams, response: { 200: S.ZSoc2FieldworkResult } } }, (req) =>
    tests.startFieldwork(req.actor, req.params.tenantId, req.params.examinationId, requestContext(req)),
  );
}
