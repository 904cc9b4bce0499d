import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import * as F from '../../../../shared/contracts/soc2-fieldwork.ts';
import { ZSoc2ExaminationParams } from '../../../../shared/contracts/soc2-program.ts';
import { SOC2_EXAMINATION_PATH } from '../matrix/matrix-routes.ts';
import { incomingFile } from '../../files/incoming-file.ts';
import { createPopulationsService } from './populations-service.ts';
import { createSamplesService } from './samples-service.ts';
import { createTestingService } from './testing-service.ts';

const tags = ['soc2'];
const E = SOC2_EXAMINATION_PATH;

export function soc2FieldworkRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const populations = createPopulationsService(p);
  const samples = createSamplesService(p);
  const testing = createTestingService(p);

  app.get(`${E}/populations`, { schema: { tags, params: ZSoc2ExaminationParams, querystring: z.object({ testId: z.uuid().optional() }), response: { 200: F.ZSoc2PopulationList } } }, (req) =>
    populations.list(req.actor, req.params.tenantId, req.params.examinationId, req.query.testId),
  );
  app.post(`${E}/tests/:testId/populations/evidence`, { schema: { tags, params: F.ZSoc2FieldworkTestParams, body: F.ZSoc2EvidencePopulationBody, response: { 201: F.ZSoc2PopulationDetail } } }, async (req, reply) =>
    reply.status(201).send(await populations.fromEvidence(req.actor, req.params.tenantId, req.params.examinationId, req.params.testId, req.body, requestContext(req))),
  );
  app.get(`${E}/populations/:populationId`, { schema: { tags, params: F.ZSoc2PopulationParams, response: { 200: F.ZSoc2PopulationDetail } } }, (req) =>
    populations.get(req.actor, req.params.tenantId, req.params.examinationId, req.params.populationId),
  );
  app.put(`${E}/populations/:populationId/completeness`, { schema: { tags, params: F.ZSoc2PopulationParams, body: F.ZSoc2CompletenessBody, response: { 200: F.ZSoc2PopulationDetail } } }, (req) =>
    populations.recordCompleteness(req.actor, req.params.tenantId, req.params.examinationId, req.params.populationId, req.body.completenessAccuracy, requestContext(req)),
  );
  app.post(`${E}/populations/:populationId/samples`, { schema: { tags, params: F.ZSoc2PopulationParams, body: F.ZSoc2DrawBody, response: { 201: F.ZSoc2Sample } } }, async (req, reply) =>
    reply.status(201).send(await samples.draw(req.actor, req.params.tenantId, req.params.examinationId, req.params.populationId, req.body, requestContext(req))),
  );
  app.post(`${E}/populations/:populationId/extensions`, { schema: { tags, params: F.ZSoc2PopulationParams, body: F.ZSoc2ExtendBody, response: { 201: F.ZSoc2Sample } } }, async (req, reply) =>
    reply.status(201).send(await samples.extend(req.actor, req.params.tenantId, req.params.examinationId, req.params.populationId, req.body, requestContext(req))),
  );
  app.get(`${E}/samples/:sampleId`, { schema: { tags, params: F.ZSoc2SampleParams, response: { 200: F.ZSoc2Sample } } }, (req) =>
    samples.get(req.actor, req.params.tenantId, req.params.examinationId, req.params.sampleId),
  );
  app.post(`${E}/samples/:sampleId/items`, { schema: { tags, params: F.ZSoc2SampleParams, body: F.ZSoc2JudgmentalBody, response: { 200: F.ZSoc2Sample } } }, (req) =>
    samples.addJudgmental(req.actor, req.params.tenantId, req.params.examinationId, req.params.sampleId, req.body, requestContext(req)),
  );
  app.post(`${E}/samples/:sampleId/verify`, { schema: { tags, params: F.ZSoc2SampleParams, body: F.ZSoc2VerifyBody.optional(), response: { 200: F.ZSoc2VerifyResult } } }, (req) =>
    samples.verify(req.actor, req.params.tenantId, req.params.examinationId, req.params.sampleId, req.body?.seed),
  );
  app.patch(`${E}/sample-items/:itemId`, { schema: { tags, params: F.ZSoc2ItemParams, body: F.ZSoc2ItemResultBody, response: { 200: F.ZSoc2SampleItem } } }, (req) =>
    testing.recordResult(req.actor, req.params.tenantId, req.params.examinationId, req.params.itemId, req.body, requestContext(req)),
  );
  app.get(`${E}/tests/:testId/testing`, { schema: { tags, params: F.ZSoc2FieldworkTestParams, response: { 200: F.ZSoc2TestTesting } } }, (req) =>
    testing.testing(req.actor, req.params.tenantId, req.params.examinationId, req.params.testId),
  );
  app.post(`${E}/tests/:testId/conclusion`, { schema: { tags, params: F.ZSoc2FieldworkTestParams, body: F.ZSoc2ConcludeBody, response: { 200: F.ZSoc2TestTesting } } }, (req) =>
    testing.conclude(req.actor, req.params.tenantId, req.params.examinationId, req.params.testId, req.body, requestContext(req)),
  );
  app.get(`${E}/coverage`, { schema: { tags, params: ZSoc2ExaminationParams, response: { 200: F.ZSoc2Coverage } } }, (req) =>
    testing.coverage(req.actor, req.params.tenantId, req.params.examinationId, requestContext(req)),
  );
}

/**
 * The population file upload, in its own scope (as evidence uploads): multipart/form-data with the
 * mapping fields before the file part, or the file itself as the body with the mapping in the query
 * string. The body streams to a temporary file, never into memory.
 */
export async function soc2PopulationUploadRoutes(appIn: FastifyInstance, p: TPlatform) {
  const populations = createPopulationsService(p);
  appIn.removeAllContentTypeParsers();
  await appIn.register(multipart, { throwFileSizeLimit: true, limits: { fileSize: populations.limits.maxBytes + 1, files: 1, fields: 20, fieldSize: 2000, parts: 21 } });
  appIn.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
  const app = appIn.withTypeProvider<ZodTypeProvider>();

  app.post(`${E}/tests/:testId/populations/files`, { schema: { tags, params: F.ZSoc2FieldworkTestParams, response: { 201: F.ZSoc2PopulationDetail } } }, async (req, reply) => {
    // A refused body is not worth reading to its end: close the connection after the answer.
    reply.header('connection', 'close');
    const result = await populations.upload(req.actor, req.params.tenantId, req.params.examinationId, req.params.testId, await incomingFile(req), requestContext(req));
    reply.removeHeader('connection');
    return reply.status(201).send(result);
  });
}
