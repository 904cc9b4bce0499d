import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../platform/platform.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../shared/contracts/tenants.ts';
import * as S from '../../../shared/contracts/soa.ts';
import { createSoaExport } from './soa-export.ts';
import { createSoaService } from './soa-service.ts';

const BASE = '/api/tenants/:tenantId/soa';

export function soaRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createSoaService(p);
  const exporter = createSoaExport(p);
  const tags = ['soa'];

  app.get(BASE, { schema: { tags, params: ZTenantParams, response: { 200: S.ZSoaOverview } } }, (req) => svc.overview(req.actor, req.params.tenantId));
  app.post(`${BASE}/draft`, { schema: { tags, params: ZTenantParams, body: S.ZSoaCreateDraftBody, response: { 201: S.ZSoaVersion } } }, async (req, reply) =>
    reply.status(201).send(await svc.createDraft(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${BASE}/draft`, { schema: { tags, params: ZTenantParams, response: { 200: S.ZSoaVersion } } }, (req) => svc.getOpen(req.actor, req.params.tenantId));
  app.patch(`${BASE}/draft/entries/:frameworkId/:ref`, { schema: { tags, params: S.ZSoaEntryParams, body: S.ZSoaUpdateEntryBody, response: { 200: S.ZSoaEntry } } }, (req) =>
    svc.updateEntry(req.actor, req.params.tenantId, req.params.frameworkId, req.params.ref, req.body, requestContext(req)),
  );
  app.post(`${BASE}/draft/submit`, { schema: { tags, params: ZTenantParams, response: { 200: S.ZSoaVersion } } }, (req) => svc.submit(req.actor, req.params.tenantId, requestContext(req)));
  app.post(`${BASE}/draft/reject`, { schema: { tags, params: ZTenantParams, body: S.ZSoaRejectBody, response: { 200: S.ZSoaVersion } } }, (req) =>
    svc.reject(req.actor, req.params.tenantId, req.body.comment, requestContext(req)),
  );
  app.post(`${BASE}/draft/approve`, { schema: { tags, params: ZTenantParams, body: S.ZSoaApproveBody, response: { 200: S.ZSoaVersion } } }, (req) =>
    svc.approve(req.actor, req.params.tenantId, req.body.comment, requestContext(req)),
  );
  app.get(`${BASE}/versions/:number`, { schema: { tags, params: S.ZSoaVersionParams, response: { 200: S.ZSoaVersion } } }, (req) =>
    svc.getVersion(req.actor, req.params.tenantId, req.params.number),
  );
  app.get(`${BASE}/versions/:number/export`, { schema: { tags, params: S.ZSoaVersionParams, querystring: S.ZSoaExportQuery } }, async (req, reply) => {
    const doc = await exporter.export(req.actor, req.params.tenantId, req.params.number, req.query.format, req.query.locale);
    return reply
      .header('content-type', doc.contentType)
      .header('content-disposition', `attachment; filename="${doc.filename}"`)
      .header('x-content-sha256', doc.sha256)
      .header('cache-control', 'private, no-store')
      .send(doc.body);
  });
}
