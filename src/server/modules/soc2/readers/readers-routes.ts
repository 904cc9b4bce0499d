import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../../shared/contracts/tenants.ts';
import { ZSoc2ExaminationParams } from '../../../../shared/contracts/soc2-examinations.ts';
import * as S from '../../../../shared/contracts/soc2-readers.ts';
import { createReaderLinkService } from './reader-link-service.ts';
import { createSoc2ReadersService } from './readers-service.ts';

export function soc2ReadersRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createSoc2ReadersService(p);
  const link = createReaderLinkService(p);
  const tags = ['soc2'];
  const F = '/api/tenants/:tenantId/soc2/examinations/:examinationId/readers';
  const O = '/api/tenants/:tenantId/soc2/org-examinations/:examinationId/readers';
  const list = { 200: S.ZSoc2ReaderList };

  app.get(F, { schema: { tags, params: ZSoc2ExaminationParams, querystring: S.ZSoc2ReaderListQuery, response: list } }, (req) =>
    svc.listForFirm(req.actor, req.params.tenantId, req.params.examinationId, req.query),
  );
  app.get(O, { schema: { tags, params: ZSoc2ExaminationParams, querystring: S.ZSoc2ReaderListQuery, response: list } }, (req) =>
    svc.listForOrganization(req.actor, req.params.tenantId, req.params.examinationId, req.query),
  );
  app.post(O, { schema: { tags, params: ZSoc2ExaminationParams, body: S.ZInviteSoc2ReaderBody, response: { 201: S.ZSoc2Reader } } }, async (req, reply) =>
    reply.status(201).send(await svc.invite(req.actor, req.params.tenantId, req.params.examinationId, req.body, requestContext(req))),
  );
  app.post(`${O}/:readerId/revoke`, { schema: { tags, params: S.ZSoc2ReaderParams, response: { 200: S.ZSoc2Reader } } }, (req) =>
    svc.revoke(req.actor, req.params.tenantId, req.params.examinationId, req.params.readerId, requestContext(req)),
  );

  const NDA = '/api/tenants/:tenantId/soc2/nda';
  app.get(NDA, { schema: { tags, params: ZTenantParams, response: { 200: S.ZSoc2NdaTexts } } }, (req) => svc.ndaTexts(req.actor, req.params.tenantId));
  app.post(NDA, { schema: { tags, params: ZTenantParams, body: S.ZPublishSoc2NdaBody, response: { 200: S.ZSoc2NdaTexts } } }, (req) =>
    svc.publishNda(req.actor, req.params.tenantId, req.body, requestContext(req)),
  );

  // The reader's link: no account, the token is the authorisation (log lines redact it).
  const R = '/api/soc2-readers/:token';
  app.get(R, { schema: { tags, params: S.ZSoc2ReaderTokenParams, response: { 200: S.ZPublicSoc2Reader } } }, (req) => link.preview(req.params.token, requestContext(req)));
  app.post(`${R}/accept`, { schema: { tags, params: S.ZSoc2ReaderTokenParams, body: S.ZAcceptSoc2NdaBody, response: { 200: S.ZPublicSoc2Reader } } }, (req) =>
    link.accept(req.params.token, req.body, requestContext(req)),
  );
  app.get(`${R}/download`, { schema: { tags, params: S.ZSoc2ReaderTokenParams, querystring: S.ZSoc2ReaderDownloadQuery } }, async (req, reply) => {
    const doc = await link.download(req.params.token, req.query.locale, requestContext(req));
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${doc.filename}"`)
      .header('cache-control', 'private, no-store')
      .header('x-issued-sha256', doc.issuedSha256)
      .send(doc.body);
  });
}
