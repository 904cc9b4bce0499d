import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../platform/platform.ts';
import { sha256Hex } from '../../platform/crypto/crypto.ts';
import { payloadTooLarge } from '../../platform/errors/errors.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../shared/contracts/tenants.ts';
import * as S from '../../../shared/contracts/catalog.ts';
import { createCatalogExportService } from './catalog-export-service.ts';
import { createCatalogImportService, IMPORT_MAX_BYTES } from './catalog-import-service.ts';
import { createCatalogService } from './catalog-service.ts';
import { XLSX_MIME } from './catalog-xlsx.ts';

const attachment = (filename: string) => `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`;

/**
 * Sends JSON text with a strong ETag of its bytes. Catalog content rarely changes, so a client that
 * revalidates (Cache-Control: no-cache) mostly gets a 304 and no body.
 */
function sendWithEtag(req: FastifyRequest, reply: FastifyReply, body: string) {
  const etag = `"${sha256Hex(body).slice(0, 32)}"`;
  reply.header('etag', etag).header('cache-control', 'private, no-cache');
  const given = req.headers['if-none-match'];
  if (given && given.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.status(304).send();
  return reply.header('content-type', 'application/json; charset=utf-8').send(body);
}

export function catalogRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createCatalogService(p);
  const exports = createCatalogExportService(p);
  const tags = ['catalog'];

  app.get('/api/catalog/frameworks', { schema: { tags, response: { 200: S.ZFrameworkList } } }, async (req) => ({ items: await svc.list(req.actor) }));
  app.get(
    '/api/catalog/frameworks/:id',
    { schema: { tags, params: S.ZFrameworkParams, querystring: S.ZVersionQuery, response: { 200: S.ZFrameworkTree } } },
    async (req, reply) => sendWithEtag(req, reply, await svc.treeJson(req.actor, req.params.id, req.query.version)),
  );
  app.get(
    '/api/catalog/frameworks/:id/requirements/:ref',
    { schema: { tags, params: S.ZRequirementParams, querystring: S.ZVersionQuery, response: { 200: S.ZRequirementDetail } } },
    (req) => svc.requirement(req.actor, req.params.id, req.params.ref, req.query.version),
  );
  app.get('/api/catalog/search', { schema: { tags, querystring: S.ZSearchQuery, response: { 200: S.ZSearchResults } } }, (req) =>
    svc.search(req.actor, req.query.q, { limit: req.query.limit, offset: req.query.offset }),
  );

  app.get('/api/catalog/frameworks/:id/oscal', { schema: { tags, params: S.ZFrameworkParams, querystring: S.ZOscalQuery } }, async (req, reply) => {
    const { filename, document } = await exports.oscal(req.actor, req.params.id, req.query);
    return reply.header('content-type', 'application/json; charset=utf-8').header('content-disposition', attachment(filename)).send(JSON.stringify(document, null, 2));
  });
  app.get('/api/catalog/frameworks/:id/xlsx', { schema: { tags, params: S.ZFrameworkParams, querystring: S.ZVersionQuery } }, async (req, reply) => {
    const { filename, body } = await exports.xlsx(req.actor, req.params.id, req.query);
    return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(filename)).send(body);
  });
}

/** The import takes the file itself as the body (YAML text or an XLSX workbook), up to 5 MB. */
export async function catalogImportRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) => done(null, body));
  app.addHook('onRequest', async (req) => {
    const len = Number(req.headers['content-length']);
    if (Number.isFinite(len) && len > IMPORT_MAX_BYTES) throw payloadTooLarge(IMPORT_MAX_BYTES);
  });
  const svc = createCatalogImportService(p);

  app.post(
    '/api/tenants/:tenantId/catalog/frameworks/import',
    { schema: { tags: ['catalog'], params: ZTenantParams, response: { 200: S.ZImportResult, 201: S.ZImportResult } } },
    async (req, reply) => {
      const res = await svc.importFramework(
        req.actor,
        req.params.tenantId,
        { contentType: req.headers['content-type'], body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) },
        requestContext(req),
      );
      return reply.status(res.status === 'created' ? 201 : 200).send(res);
    },
  );
}
