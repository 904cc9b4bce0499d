import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../platform/platform.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../shared/contracts/tenants.ts';
import * as S from '../../../shared/contracts/evidence.ts';
import { incomingFile } from '../files/incoming-file.ts';
import { sendUserFile } from '../files/served-content-type.ts';
import { createEvidenceExport } from './evidence-export.ts';
import { createEvidenceService } from './evidence-service.ts';
import { createEvidenceUploads } from './evidence-upload.ts';

export const EVIDENCE_BASE = '/api/tenants/:tenantId/evidence';
const BASE = EVIDENCE_BASE;
const tags = ['evidence'];

/** JSON operations: lists, links and records, drafts, reviews, revisions, settings. */
export function evidenceRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createEvidenceService(p);
  const exporter = createEvidenceExport(p);

  app.get(BASE, { schema: { tags, params: ZTenantParams, querystring: S.ZEvidenceListQuery, response: { 200: S.ZEvidencePage } } }, (req) =>
    svc.list(req.actor, req.params.tenantId, req.query),
  );
  app.post(BASE, { schema: { tags, params: ZTenantParams, body: S.ZCreateEvidenceBody, response: { 201: S.ZEvidenceDetail } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${BASE}/settings`, { schema: { tags, params: ZTenantParams, response: { 200: S.ZEvidenceSettings } } }, (req) => svc.getSettings(req.actor, req.params.tenantId));
  app.patch(`${BASE}/settings`, { schema: { tags, params: ZTenantParams, body: S.ZUpdateEvidenceSettings, response: { 200: S.ZEvidenceSettings } } }, (req) =>
    svc.updateSettings(req.actor, req.params.tenantId, req.body, requestContext(req)),
  );
  app.get(`${BASE}/export.xlsx`, { schema: { tags, params: ZTenantParams, querystring: S.ZEvidenceExportQuery } }, async (req, reply) => {
    const doc = await exporter.xlsx(req.actor, req.params.tenantId, req.query.locale);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${doc.filename}"`)
      .header('cache-control', 'private, no-store')
      .send(doc.body);
  });
  app.get(`${BASE}/control-choices`, { schema: { tags, params: ZTenantParams, response: { 200: S.ZControlChoices } } }, (req) => svc.controlChoices(req.actor, req.params.tenantId));
  app.get(`${BASE}/:evidenceId`, { schema: { tags, params: S.ZEvidenceParams, response: { 200: S.ZEvidenceDetail } } }, (req) =>
    svc.get(req.actor, req.params.tenantId, req.params.evidenceId),
  );
  app.patch(`${BASE}/:evidenceId`, { schema: { tags, params: S.ZEvidenceParams, body: S.ZUpdateEvidenceBody, response: { 200: S.ZEvidenceDetail } } }, (req) =>
    svc.update(req.actor, req.params.tenantId, req.params.evidenceId, req.body, requestContext(req)),
  );
  app.get(`${BASE}/:evidenceId/history`, { schema: { tags, params: S.ZEvidenceParams, querystring: S.ZEvidenceHistoryQuery, response: { 200: S.ZEvidenceHistoryPage } } }, (req) =>
    svc.history(req.actor, req.params.tenantId, req.params.evidenceId, req.query),
  );
  app.post(`${BASE}/:evidenceId/submit`, { schema: { tags, params: S.ZEvidenceParams, response: { 200: S.ZEvidenceDetail } } }, (req) =>
    svc.submit(req.actor, req.params.tenantId, req.params.evidenceId, requestContext(req)),
  );
  app.post(`${BASE}/:evidenceId/accept`, { schema: { tags, params: S.ZEvidenceParams, body: S.ZReviewBody, response: { 200: S.ZEvidenceDetail } } }, (req) =>
    svc.review(req.actor, req.params.tenantId, req.params.evidenceId, 'accept', req.body.comment, requestContext(req)),
  );
  app.post(`${BASE}/:evidenceId/reject`, { schema: { tags, params: S.ZEvidenceParams, body: S.ZRejectBody, response: { 200: S.ZEvidenceDetail } } }, (req) =>
    svc.review(req.actor, req.params.tenantId, req.params.evidenceId, 'reject', req.body.comment, requestContext(req)),
  );
  app.post(`${BASE}/:evidenceId/revisions`, { schema: { tags, params: S.ZEvidenceParams, body: S.ZReviseEvidenceBody, response: { 201: S.ZEvidenceDetail } } }, async (req, reply) =>
    reply.status(201).send(await svc.revise(req.actor, req.params.tenantId, req.params.evidenceId, req.body, requestContext(req))),
  );
}

/**
 * File uploads, in their own scope: multipart/form-data (fields first, the file last) or any other
 * Content-Type as the raw file with the metadata in the query string. The body is a stream in
 * both cases, straight to the blob store, never into memory; JSON is not parsed here (a pipeline
 * may push a JSON report as the file itself).
 */
export async function evidenceUploadRoutes(appIn: FastifyInstance, p: TPlatform) {
  const uploads = createEvidenceUploads(p);
  appIn.removeAllContentTypeParsers();
  await appIn.register(multipart, { throwFileSizeLimit: true, limits: { fileSize: uploads.maxBytes + 1, files: 1, fields: 20, fieldSize: 8000, parts: 21 } });
  appIn.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
  const app = appIn.withTypeProvider<ZodTypeProvider>();

  app.post(`${BASE}/files`, { schema: { tags, params: ZTenantParams, response: { 200: S.ZEvidencePushResult, 201: S.ZEvidencePushResult } } }, async (req, reply) => {
    // Whatever is left of a refused body is not worth reading: close the connection after the answer.
    reply.header('connection', 'close');
    const result = await uploads.create(req.actor, req.params.tenantId, await incomingFile(req), requestContext(req));
    reply.removeHeader('connection');
    return reply.status(result.created ? 201 : 200).send(result);
  });
  app.post(`${BASE}/:evidenceId/revisions/files`, { schema: { tags, params: S.ZEvidenceParams, response: { 201: S.ZEvidencePushResult } } }, async (req, reply) => {
    reply.header('connection', 'close');
    const result = await uploads.revise(req.actor, req.params.tenantId, req.params.evidenceId, await incomingFile(req), requestContext(req));
    reply.removeHeader('connection');
    return reply.status(201).send(result);
  });
  app.get(`${BASE}/:evidenceId/file`, { schema: { tags, params: S.ZEvidenceParams } }, async (req, reply) => {
    const { file, stream } = await uploads.open(req.actor, req.params.tenantId, req.params.evidenceId);
    return sendUserFile(reply, file, stream);
  });
}
