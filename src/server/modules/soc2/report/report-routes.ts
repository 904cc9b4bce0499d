import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import * as S from '../../../../shared/contracts/soc2-report.ts';
import { SOC2_DOCUMENT_FORMATS } from '../../../../shared/contracts/soc2-report.ts';
import { createSoc2BridgeLetterService } from './bridge-letter-service.ts';
import { createSoc2ReportService } from './report-service.ts';

type TFileReply = { header(k: string, v: string): TFileReply; send(b: unknown): unknown };
type TFile = { body: unknown; sha256: string; size: number; contentType: string; filename: string };

const sendFile = (reply: TFileReply, f: TFile) =>
  reply
    .header('content-type', f.contentType)
    .header('content-length', String(f.size))
    .header('content-disposition', `attachment; filename="${f.filename}"`)
    .header('x-content-sha256', f.sha256)
    .header('cache-control', 'private, no-store')
    .send(f.body);

export function soc2ReportRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createSoc2ReportService(p);
  const letters = createSoc2BridgeLetterService(p);
  const tags = ['soc2'];
  const F = '/api/tenants/:tenantId/soc2/examinations/:examinationId';
  const O = '/api/tenants/:tenantId/soc2/org-examinations/:examinationId';

  app.get(`${F}/report`, { schema: { tags, params: S.ZSoc2ReportParams, response: { 200: S.ZSoc2ReportStatus } } }, (req) =>
    svc.status(req.actor, req.params.tenantId, req.params.examinationId),
  );
  app.get(`${F}/report/preview.pdf`, { schema: { tags, params: S.ZSoc2ReportParams, querystring: S.ZSoc2PreviewQuery } }, async (req, reply) => {
    const pdf = await svc.preview(req.actor, req.params.tenantId, req.params.examinationId, req.query.locale);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="report-preview-${req.query.locale}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });
  app.post(`${F}/report/issue`, { schema: { tags, params: S.ZSoc2ReportParams, response: { 201: S.ZSoc2ReportStatus } } }, async (req, reply) =>
    reply.status(201).send(await svc.issue(req.actor, req.params.tenantId, req.params.examinationId, requestContext(req))),
  );
  app.post(`${F}/report/general-use`, { schema: { tags, params: S.ZSoc2ReportParams, response: { 201: S.ZSoc2ReportStatus } } }, async (req, reply) =>
    reply.status(201).send(await svc.issueGeneralUse(req.actor, req.params.tenantId, req.params.examinationId, requestContext(req))),
  );
  app.get(`${O}/report`, { schema: { tags, params: S.ZSoc2ReportParams, response: { 200: S.ZOrgSoc2ReportStatus } } }, (req) =>
    svc.orgStatus(req.actor, req.params.tenantId, req.params.examinationId),
  );
  app.post(`${O}/bridge-letters`, { schema: { tags, params: S.ZSoc2ReportParams, body: S.ZIssueSoc2BridgeLetterBody, response: { 201: S.ZSoc2IssuedDocument } } }, async (req, reply) =>
    reply.status(201).send(await letters.issue(req.actor, req.params.tenantId, req.params.examinationId, req.body, requestContext(req))),
  );

  for (const [base, org] of [
    [F, false],
    [O, true],
  ] as const) {
    for (const format of SOC2_DOCUMENT_FORMATS) {
      app.get(`${base}/report/:locale.${format}`, { schema: { tags, params: S.ZSoc2ReportFileParams } }, async (req, reply) =>
        sendFile(reply, await svc.reportFile(req.actor, req.params.tenantId, req.params.examinationId, req.params.locale, format, org, requestContext(req))),
      );
      app.get(`${base}/general-use/:locale.${format}`, { schema: { tags, params: S.ZSoc2ReportFileParams } }, async (req, reply) =>
        sendFile(reply, await svc.generalUseFile(req.actor, req.params.tenantId, req.params.examinationId, req.params.locale, format, org, requestContext(req))),
      );
      app.get(`${base}/bridge-letters/:documentId/:locale.${format}`, { schema: { tags, params: S.ZSoc2BridgeLetterFileParams } }, async (req, reply) =>
        sendFile(
          reply,
          await svc.bridgeLetterFile(req.actor, req.params.tenantId, req.params.examinationId, req.params.documentId, req.params.locale, format, org, requestContext(req)),
        ),
      );
    }
  }
}
