import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import * as S from '../../../../shared/contracts/register.ts';
import { ZTenantParams } from '../../../../shared/contracts/tenants.ts';
import { createRegisterExportService } from './register-export-service.ts';
import { createRegisterService, type TTagged } from './register-service.ts';

/**
 * Short enough that a suspension shows within half a minute in any cache on the way; the strong
 * ETag makes every later revalidation a 304 without a body while nothing changed.
 */
export const REGISTER_CACHE_CONTROL = 'public, max-age=30';

/** RFC 9110 13.1.2: If-None-Match compares weakly, and may list several tags or say `*`. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

function sendTagged(req: FastifyRequest, reply: FastifyReply, doc: TTagged) {
  reply.header('etag', doc.etag).header('cache-control', REGISTER_CACHE_CONTROL);
  if (matches(req.headers['if-none-match'], doc.etag)) return reply.status(304).send();
  return reply.type('application/json; charset=utf-8').send(doc.bytes);
}

export function registerRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const register = createRegisterService(p);
  const exporter = createRegisterExportService(p);
  const tags = ['public'];
  const base = '/api/register/certificates';

  app.get(base, { schema: { tags, querystring: S.ZRegisterSearchQuery, response: { 200: S.ZRegisterPage } } }, async (req, reply) => {
    const page = await register.search(req.ip, req.query);
    return reply.header('cache-control', REGISTER_CACHE_CONTROL).send(page);
  });
  // The page is built by PostgreSQL as JSON text in the lookup's one round trip (register-repo.ts):
  // it is sent as those bytes; the schema is for the API document (the test parses the answer with it).
  app.get(`${base}/:number`, { schema: { tags, params: S.ZCertificateNumberParams, response: { 200: S.ZRegisterCertificate, 304: S.ZNotModified } } }, async (req, reply) =>
    sendTagged(req, reply, await register.certificate(req.ip, req.params.number)),
  );
  app.get(`${base}/:number/verification`, { schema: { tags, params: S.ZCertificateNumberParams, response: { 200: S.ZRegisterVerification, 304: S.ZNotModified } } }, async (req, reply) =>
    sendTagged(req, reply, await register.verification(req.ip, req.params.number)),
  );
  app.get(`${base}/:number/credential`, { schema: { tags, params: S.ZCertificateNumberParams, response: { 200: S.ZRegisterCredential, 304: S.ZNotModified } } }, async (req, reply) =>
    sendTagged(req, reply, await register.credential(req.ip, req.params.number)),
  );

  app.get(
    '/api/tenants/:tenantId/register-export',
    { schema: { tags: ['certification'], params: ZTenantParams, querystring: S.ZRegisterExportQuery } },
    async (req, reply) => {
      const f = await exporter.export(req.actor, req.params.tenantId, req.query);
      return reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename="${f.filename}"`).header('cache-control', 'no-store').send(f.body);
    },
  );
}
