import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../../shared/contracts/tenants.ts';
import * as S from '../../../../shared/contracts/cert-audits.ts';
import { createAddAuditService } from './add-audit-service.ts';
import { createAuditsService } from './audits-service.ts';
import { createTeamService } from './team-service.ts';

const BASE = '/api/tenants/:tenantId/audits';

export function auditsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createAuditsService(p);
  const adder = createAddAuditService(p);
  const team = createTeamService(p);
  const tags = ['certification-audits'];

  app.get(BASE, { schema: { tags, params: ZTenantParams, querystring: S.ZCertAuditListQuery, response: { 200: S.ZCertAuditPage } } }, (req) =>
    svc.list(req.actor, req.params.tenantId, req.query),
  );
  app.post(BASE, { schema: { tags, params: ZTenantParams, body: S.ZAddCertAuditBody, response: { 201: S.ZCertAudit } } }, async (req, reply) =>
    reply.status(201).send(await adder.add(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${BASE}/:auditId`, { schema: { tags, params: S.ZCertAuditParams, response: { 200: S.ZCertAudit } } }, (req) => svc.get(req.actor, req.params.tenantId, req.params.auditId));
  app.patch(`${BASE}/:auditId`, { schema: { tags, params: S.ZCertAuditParams, body: S.ZScheduleCertAuditBody, response: { 200: S.ZCertAudit } } }, (req) =>
    svc.schedule(req.actor, req.params.tenantId, req.params.auditId, req.body, requestContext(req)),
  );
  app.post(`${BASE}/:auditId/transitions`, { schema: { tags, params: S.ZCertAuditParams, body: S.ZCertAuditTransitionBody, response: { 200: S.ZCertAudit } } }, (req) =>
    svc.transition(req.actor, req.params.tenantId, req.params.auditId, req.body, requestContext(req)),
  );
  app.put(`${BASE}/:auditId/team/:userId`, { schema: { tags, params: S.ZTeamMemberParams, body: S.ZAssignTeamBody, response: { 200: S.ZAssignTeamResult } } }, (req) =>
    team.assign(req.actor, req.params.tenantId, req.params.auditId, req.params.userId, req.body, requestContext(req)),
  );
  app.delete(`${BASE}/:auditId/team/:userId`, { schema: { tags, params: S.ZTeamMemberParams, response: { 200: S.ZCertAudit } } }, (req) =>
    team.remove(req.actor, req.params.tenantId, req.params.auditId, req.params.userId, requestContext(req)),
  );
  app.get(`${BASE}/:auditId/team-check`, { schema: { tags, params: S.ZCertAuditParams, response: { 200: S.ZTeamCheck } } }, (req) =>
    team.check(req.actor, req.params.tenantId, req.params.auditId),
  );
  app.post(`${BASE}/:auditId/declaration`, { schema: { tags, params: S.ZCertAuditParams, body: S.ZDeclarationBody, response: { 200: S.ZCertAudit } } }, (req) =>
    team.declare(req.actor, req.params.tenantId, req.params.auditId, req.body, requestContext(req)),
  );
}
