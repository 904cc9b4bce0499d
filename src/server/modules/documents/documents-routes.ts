import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import type { TPlatform } from '../../platform/platform.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import * as S from '../../../shared/contracts/documents.ts';
import { servedContentType, USER_FILE_CSP } from '../files/served-content-type.ts';
import { createDocumentsService } from './index.ts';

const T = '/api/tenants/:tenantId/documents';

export function documentsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createDocumentsService(p);
  const tags = ['documents'];
  const params = S.ZDocumentsParams;
  const docParams = S.ZDocumentParams;
  const versionParams = S.ZDocumentVersionParams;

  app.get(T, { schema: { tags, params, querystring: S.ZDocumentListQuery, response: { 200: S.ZDocumentList } } }, (req) => svc.list(req.actor, req.params.tenantId, req.query));
  app.post(T, { schema: { tags, params, body: S.ZCreateDocumentBody, response: { 201: S.ZDocumentDetail } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${T}/mandatory`, { schema: { tags, params, response: { 200: S.ZMandatoryChecklist } } }, (req) => svc.checklist(req.actor, req.params.tenantId));
  app.get(`${T}/:documentId`, { schema: { tags, params: docParams, response: { 200: S.ZDocumentDetail } } }, (req) => svc.get(req.actor, req.params.tenantId, req.params.documentId));
  app.patch(`${T}/:documentId`, { schema: { tags, params: docParams, body: S.ZUpdateDocumentBody, response: { 200: S.ZDocumentDetail } } }, (req) =>
    svc.update(req.actor, req.params.tenantId, req.params.documentId, req.body, requestContext(req)),
  );
  app.post(`${T}/:documentId/versions`, { schema: { tags, params: docParams, body: S.ZTextVersionBody, response: { 201: S.ZDocumentDetail } } }, async (req, reply) =>
    reply.status(201).send(await svc.addText(req.actor, req.params.tenantId, req.params.documentId, req.body, requestContext(req))),
  );
  app.post(`${T}/:documentId/versions/:version/submit`, { schema: { tags, params: versionParams, response: { 200: S.ZDocumentDetail } } }, (req) =>
    svc.submit(req.actor, req.params.tenantId, req.params.documentId, req.params.version, requestContext(req)),
  );
  app.post(`${T}/:documentId/versions/:version/approve`, { schema: { tags, params: versionParams, body: S.ZApproveBody, response: { 200: S.ZDocumentDetail } } }, (req) =>
    svc.approve(req.actor, req.params.tenantId, req.params.documentId, req.params.version, req.body, requestContext(req)),
  );
  app.post(`${T}/:documentId/versions/:version/publish`, { schema: { tags, params: versionParams, response: { 200: S.ZDocumentDetail } } }, (req) =>
    svc.publish(req.actor, req.params.tenantId, req.params.documentId, req.params.version, requestContext(req)),
  );
  app.get(`${T}/:documentId/versions/:version/text`, { schema: { tags, params: versionParams, response: { 200: S.ZDocumentText } } }, async (req) => {
    const c = await svc.content(req.actor, req.params.tenantId, req.params.documentId, req.params.version);
    if (c.kind === 'file') {
      c.stream.resume();
      return { version: req.params.version, sha256: c.sha256, text: '' };
    }
    return { version: req.params.version, sha256: c.sha256, text: c.text };
  });
  app.get(`${T}/:documentId/versions/:version/content`, { schema: { tags, params: versionParams } }, async (req, reply) => {
    const c = await svc.content(req.actor, req.params.tenantId, req.params.documentId, req.params.version);
    reply
      .header('content-security-policy', USER_FILE_CSP)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(c.filename)}`)
      .header('x-content-sha256', c.sha256);
    if (c.kind === 'text') return reply.header('content-type', 'text/markdown; charset=utf-8').send(c.text);
    return reply.header('content-type', servedContentType(c.contentType)).header('content-length', String(c.size)).send(c.stream);
  });
}

/** Raw-body uploads of a file version: the request stream goes straight to the blob store. */
export async function documentFileRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
  const svc = createDocumentsService(p);
  app.post(
    `${T}/:documentId/versions/file`,
    { schema: { tags: ['documents'], params: S.ZDocumentParams, querystring: S.ZFileVersionQuery, response: { 201: S.ZDocumentDetail } } },
    async (req, reply) => {
      const len = req.headers['content-length'] ? Number(req.headers['content-length']) : null;
      // Whatever is left of a refused body is not worth reading: close the connection after the answer.
      reply.header('connection', 'close');
      const detail = await svc.addFile(
        req.actor,
        req.params.tenantId,
        req.params.documentId,
        {
          body: req.body as Readable,
          filename: req.query.filename,
          changeNote: req.query.changeNote,
          contentType: (req.headers['content-type'] ?? 'application/octet-stream').slice(0, 200),
          declaredLength: Number.isFinite(len) ? len : null,
        },
        requestContext(req),
      );
      reply.removeHeader('connection');
      return reply.status(201).send(detail);
    },
  );
}
