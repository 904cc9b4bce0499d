import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { ZTenantParams } from '../../../../shared/contracts/tenants.ts';
import * as S from '../../../../shared/contracts/certificates.ts';
import { createCertificatesService } from './certificates-service.ts';

const B = '/api/tenants/:tenantId/certificates';
const O = '/api/tenants/:tenantId/certification/certificates';

export function certificatesRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createCertificatesService(p);
  const tags = ['certificates'];
  const pdf = (reply: { header(k: string, v: string): typeof reply; send(b: unknown): unknown }, f: { body: unknown; sha256: string; size: number; filename: string }) =>
    reply
      .header('content-type', 'application/pdf')
      .header('content-length', String(f.size))
      .header('content-disposition', `attachment; filename="${f.filename}"`)
      .header('x-content-sha256', f.sha256)
      .header('cache-control', 'private, no-store')
      .send(f.body);
  const vc = (reply: { header(k: string, v: string): typeof reply; send(b: unknown): unknown }, f: { credential: unknown; sha256: string; filename: string }) =>
    reply
      .header('content-type', 'application/vc+json')
      .header('content-disposition', `attachment; filename="${f.filename}"`)
      .header('x-content-sha256', f.sha256)
      .header('cache-control', 'private, no-store')
      .send(JSON.stringify(f.credential, null, 2));

  for (const [base, org] of [
    [B, false],
    [O, true],
  ] as const) {
    app.get(base, { schema: { tags, params: ZTenantParams, querystring: S.ZCertificateListQuery, response: { 200: S.ZCertificateList } } }, (req) =>
      svc.list(req.actor, req.params.tenantId, req.query, org),
    );
    app.get(`${base}/:certificateId`, { schema: { tags, params: S.ZCertificateParams, response: { 200: S.ZCertificateDetail } } }, (req) =>
      svc.get(req.actor, req.params.tenantId, req.params.certificateId, org),
    );
    app.get(`${base}/:certificateId/pdf/:lang`, { schema: { tags, params: S.ZCertificatePdfParams } }, async (req, reply) =>
      pdf(reply, await svc.pdf(req.actor, req.params.tenantId, req.params.certificateId, req.params.lang, org)),
    );
    app.get(`${base}/:certificateId/credential`, { schema: { tags, params: S.ZCertificateParams } }, async (req, reply) =>
      vc(reply, await svc.credential(req.actor, req.params.tenantId, req.params.certificateId, org)),
    );
  }
}
