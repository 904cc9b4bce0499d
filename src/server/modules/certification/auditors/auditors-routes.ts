import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ZNoContent } from '../../../../shared/contracts/common.ts';
import { ZTenantParams } from '../../../../shared/contracts/tenants.ts';
import * as S from '../../../../shared/contracts/cert-audits.ts';
import { createAuditorsService } from './auditors-service.ts';

const BASE = '/api/tenants/:tenantId/auditors';

export function auditorsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createAuditorsService(p);
  const tags = ['certification-auditors'];
  app.get(`${BASE}/competences`, { schema: { tags, params: ZTenantParams, querystring: S.ZAuditorCompetenceQuery, response: { 200: S.ZAuditorCompetenceList } } }, (req) =>
    svc.listCompetences(req.actor, req.params.tenantId, req.query.userId),
  );
  app.post(`${BASE}/competences`, { schema: { tags, params: ZTenantParams, body: S.ZAuditorCompetenceBody, response: { 201: S.ZAuditorCompetence } } }, async (req, reply) =>
    reply.status(201).send(await svc.recordCompetence(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.patch(`${BASE}/competences/:competenceId`, { schema: { tags, params: S.ZAuditorCompetenceParams, body: S.ZAuditorCompetencePatch, response: { 200: S.ZAuditorCompetence } } }, (req) =>
    svc.updateCompetence(req.actor, req.params.tenantId, req.params.competenceId, req.body, requestContext(req)),
  );
  app.delete(`${BASE}/competences/:competenceId`, { schema: { tags, params: S.ZAuditorCompetenceParams, response: { 204: ZNoContent } } }, async (req, reply) => {
    await svc.deleteCompetence(req.actor, req.params.tenantId, req.params.competenceId, requestContext(req));
    return reply.status(204).send(null);
  });
  app.get(`${BASE}/conflicts`, { schema: { tags, params: ZTenantParams, querystring: S.ZAuditorConflictQuery, response: { 200: S.ZAuditorConflictList } } }, (req) =>
    svc.listConflicts(req.actor, req.params.tenantId, req.query),
  );
  app.post(`${BASE}/conflicts`, { schema: { tags, params: ZTenantParams, body: S.ZAuditorConflictBody, response: { 201: S.ZAuditorConflict } } }, async (req, reply) =>
    reply.status(201).send(await svc.declareConflict(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.delete(`${BASE}/conflicts/:conflictId`, { schema: { tags, params: S.ZAuditorConflictParams, response: { 204: ZNoContent } } }, async (req, reply) => {
    await svc.withdrawConflict(req.actor, req.params.tenantId, req.params.conflictId, requestContext(req));
    return reply.status(204).send(null);
  });
}
