import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../platform/platform.ts';
import { fastSerializer } from '../../platform/http/fast-serializer.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../shared/contracts/tenants.ts';
import * as S from '../../../shared/contracts/ai-systems.ts';
import { payloadTooLarge } from '../../platform/errors/errors.ts';
import { BOM_MAX_BYTES, createBomService } from './ai-systems-bom.ts';
import { createClassificationService } from './ai-systems-classify.ts';
import { createAiSystemsService } from './ai-systems-service.ts';

export function aiSystemsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createAiSystemsService(p);
  const classification = createClassificationService(p);
  const tags = ['ai-systems'];
  const base = '/api/tenants/:tenantId/ai-systems';

  app.get(base, { schema: { tags, params: ZTenantParams, querystring: S.ZAiListQuery, response: { 200: S.ZAiSystemPage } }, serializerCompiler: fastSerializer }, (req) =>
    svc.list(req.actor, req.params.tenantId, req.query),
  );
  app.post(base, { schema: { tags, params: ZTenantParams, body: S.ZCreateAiSystemBody, response: { 201: S.ZAiSystem } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${base}/:aiSystemId`, { schema: { tags, params: S.ZAiSystemParams, response: { 200: S.ZAiSystem } } }, (req) =>
    svc.get(req.actor, req.params.tenantId, req.params.aiSystemId),
  );
  app.get(`${base}/:aiSystemId/history`, { schema: { tags, params: S.ZAiSystemParams, querystring: S.ZHistoryQuery, response: { 200: S.ZHistoryPage } } }, (req) =>
    svc.history(req.actor, req.params.tenantId, req.params.aiSystemId, req.query),
  );
  app.patch(`${base}/:aiSystemId`, { schema: { tags, params: S.ZAiSystemParams, body: S.ZUpdateAiSystemBody, response: { 200: S.ZAiSystem } } }, (req) =>
    svc.update(req.actor, req.params.tenantId, req.params.aiSystemId, req.body, requestContext(req)),
  );

  const bom = createBomService(p);
  const sendBom = (reply: FastifyReply, filename: string, doc: unknown) =>
    reply.header('content-type', 'application/vnd.cyclonedx+json; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(JSON.stringify(doc, null, 2));
  app.get(`${base}/bom`, { schema: { tags, params: ZTenantParams } }, async (req, reply) => sendBom(reply, 'ai-systems.cdx.json', await bom.export(req.actor, req.params.tenantId)));
  app.get(`${base}/:aiSystemId/bom`, { schema: { tags, params: S.ZAiSystemParams } }, async (req, reply) =>
    sendBom(reply, `ai-system-${req.params.aiSystemId}.cdx.json`, await bom.export(req.actor, req.params.tenantId, req.params.aiSystemId)),
  );
  app.get(`${base}/questionnaire`, { schema: { tags, params: ZTenantParams, response: { 200: S.ZQuestionnaire } } }, (req) =>
    classification.questionnaire(req.actor, req.params.tenantId),
  );
  app.get(`${base}/:aiSystemId/classifications`, { schema: { tags, params: S.ZAiSystemParams, response: { 200: S.ZAiClassificationList } } }, (req) =>
    classification.list(req.actor, req.params.tenantId, req.params.aiSystemId),
  );
  app.post(
    `${base}/:aiSystemId/classifications`,
    { schema: { tags, params: S.ZAiSystemParams, body: S.ZClassifyBody, response: { 201: S.ZAiClassification } } },
    async (req, reply) => reply.status(201).send(await classification.classify(req.actor, req.params.tenantId, req.params.aiSystemId, req.body, requestContext(req))),
  );
}

/** The CycloneDX import reads the file itself as the body (JSON text), up to 2 MB, before any parsing. */
export async function aiSystemsBomImportRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BOM_MAX_BYTES }, (_req, body, done) => done(null, body));
  app.addHook('onRequest', async (req) => {
    const len = Number(req.headers['content-length']);
    if (Number.isFinite(len) && len > BOM_MAX_BYTES) throw payloadTooLarge(BOM_MAX_BYTES);
  });
  const bom = createBomService(p);
  app.post(
    '/api/tenants/:tenantId/ai-systems/bom',
    { schema: { tags: ['ai-systems'], params: ZTenantParams, response: { 200: S.ZBomImportResult } } },
    async (req) => bom.import(req.actor, req.params.tenantId, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), requestContext(req)),
  );
}
