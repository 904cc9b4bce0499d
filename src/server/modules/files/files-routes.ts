import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import type { TPlatform } from '../../platform/platform.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import { ZFile, ZFileParams, ZUploadQuery } from '../../../shared/contracts/files.ts';
import { ZTenantParams } from '../../../shared/contracts/tenants.ts';
import { createFilesService } from './files-service.ts';
import { servedContentType, USER_FILE_CSP } from './served-content-type.ts';

/** Raw-body uploads: the request stream goes straight to the blob store, never into memory. */
export async function filesRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
  const svc = createFilesService(p);
  const tags = ['files'];

  app.post(
    '/api/tenants/:tenantId/files',
    { schema: { tags, params: ZTenantParams, querystring: ZUploadQuery, response: { 201: ZFile } } },
    async (req, reply) => {
      const len = req.headers['content-length'] ? Number(req.headers['content-length']) : null;
      // Whatever is left of a refused body is not worth reading: close the connection after the answer.
      reply.header('connection', 'close');
      const file = await svc.upload(
        req.actor,
        req.params.tenantId,
        {
          body: req.body as Readable,
          filename: req.query.filename,
          contentType: (req.headers['content-type'] ?? 'application/octet-stream').slice(0, 200),
          declaredLength: Number.isFinite(len) ? len : null,
        },
        requestContext(req),
      );
      reply.removeHeader('connection');
      return reply.status(201).send(file);
    },
  );
  app.get('/api/tenants/:tenantId/files/:fileId', { schema: { tags, params: ZFileParams, response: { 200: ZFile } } }, (req) =>
    svc.get(req.actor, req.params.tenantId, req.params.fileId),
  );
  app.get('/api/tenants/:tenantId/files/:fileId/content', { schema: { tags, params: ZFileParams } }, async (req, reply) => {
    const { file, stream } = await svc.open(req.actor, req.params.tenantId, req.params.fileId);
    return reply
      .header('content-type', servedContentType(file.contentType))
      .header('content-security-policy', USER_FILE_CSP)
      .header('content-length', String(file.size))
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-sha256', file.sha256)
      .send(stream);
  });
}
