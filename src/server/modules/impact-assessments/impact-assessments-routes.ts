import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../platform/platform.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../shared/contracts/tenants.ts';
import * as S from '../../../shared/contracts/impact-assessments.ts';
import { createAssessmentExport } from './impact-assessment-export.ts';
import { createAssessmentTransitions } from './impact-assessment-transitions.ts';
import { createImpactAssessmentsService } from './impact-assessments-service.ts';

const BASE = '/api/tenants/:tenantId/impact-assessments';

export function impactAssessmentsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createImpactAssessmentsService(p);
  const moves = createAssessmentTransitions(p);
  const exporter = createAssessmentExport(p);
  const tags = ['impact-assessments'];

  app.get(BASE, { schema: { tags, params: ZTenantParams, querystring: S.ZAssessmentListQuery, response: { 200: S.ZAssessmentPage } } }, (req) =>
    svc.list(req.actor, req.params.tenantId, req.query),
  );
  app.post(BASE, { schema: { tags, params: ZTenantParams, body: S.ZCreateAssessmentBody, response: { 201: S.ZAssessment } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${BASE}/settings`, { schema: { tags, params: ZTenantParams, response: { 200: S.ZImpactSettingsDto } } }, (req) => svc.getSettings(req.actor, req.params.tenantId));
  app.patch(`${BASE}/settings`, { schema: { tags, params: ZTenantParams, body: S.ZUpdateImpactSettings, response: { 200: S.ZImpactSettingsDto } } }, (req) =>
    svc.updateSettings(req.actor, req.params.tenantId, req.body, requestContext(req)),
  );
  app.get(`${BASE}/fria-applicability`, { schema: { tags, params: ZTenantParams, querystring: S.ZApplicabilityQuery, response: { 200: S.ZFriaApplicability } } }, (req) =>
    svc.applicability(req.actor, req.params.tenantId, req.query.aiSystemId),
  );
  app.get(`${BASE}/:assessmentId`, { schema: { tags, params: S.ZAssessmentParams, response: { 200: S.ZAssessment } } }, (req) =>
    svc.get(req.actor, req.params.tenantId, req.params.assessmentId),
  );
  app.patch(`${BASE}/:assessmentId`, { schema: { tags, params: S.ZAssessmentParams, body: S.ZUpdateAssessmentBody, response: { 200: S.ZAssessment } } }, (req) =>
    svc.update(req.actor, req.params.tenantId, req.params.assessmentId, req.body, requestContext(req)),
  );
  app.post(`${BASE}/:assessmentId/submit`, { schema: { tags, params: S.ZAssessmentParams, response: { 200: S.ZAssessment } } }, (req) =>
    moves.submit(req.actor, req.params.tenantId, req.params.assessmentId, requestContext(req)),
  );
  app.post(`${BASE}/:assessmentId/return`, { schema: { tags, params: S.ZAssessmentParams, body: S.ZReturnBody, response: { 200: S.ZAssessment } } }, (req) =>
    moves.return(req.actor, req.params.tenantId, req.params.assessmentId, req.body.comment, requestContext(req)),
  );
  app.post(`${BASE}/:assessmentId/approve`, { schema: { tags, params: S.ZAssessmentParams, body: S.ZApproveBody, response: { 200: S.ZAssessment } } }, (req) =>
    moves.approve(req.actor, req.params.tenantId, req.params.assessmentId, req.body.comment, requestContext(req)),
  );
  app.post(`${BASE}/:assessmentId/versions`, { schema: { tags, params: S.ZAssessmentParams, response: { 201: S.ZAssessment } } }, async (req, reply) =>
    reply.status(201).send(await moves.revise(req.actor, req.params.tenantId, req.params.assessmentId, requestContext(req))),
  );
  app.get(`${BASE}/:assessmentId/versions/:version`, { schema: { tags, params: S.ZVersionParams, response: { 200: S.ZAssessment } } }, (req) =>
    svc.get(req.actor, req.params.tenantId, req.params.assessmentId, req.params.version),
  );
  app.get(`${BASE}/:assessmentId/versions/:version/export`, { schema: { tags, params: S.ZVersionParams, querystring: S.ZExportQuery } }, async (req, reply) => {
    const doc = await exporter.export(req.actor, req.params.tenantId, req.params.assessmentId, req.params.version, req.query.format, req.query.lang);
    return reply.header('content-type', doc.contentType).header('content-disposition', `attachment; filename="${doc.filename}"`).header('cache-control', 'private, no-store').send(doc.body);
  });
}
