import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import * as S from '../../../../shared/contracts/internal-audits.ts';
import { createAuditProgrammesService } from './audit-programmes-service.ts';
import { createInternalAuditsService } from './internal-audits-service.ts';

export function internalAuditsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const programmes = createAuditProgrammesService(p);
  const audits = createInternalAuditsService(p);
  const tags = ['internal-audits'];
  const P = '/api/tenants/:tenantId/audit-programmes';
  const A = '/api/tenants/:tenantId/internal-audits';
  const params = S.ZAuditsParams;

  app.get(P, { schema: { tags, params, querystring: S.ZProgrammeListQuery, response: { 200: S.ZProgrammeList } } }, (req) => programmes.list(req.actor, req.params.tenantId, req.query));
  app.post(P, { schema: { tags, params, body: S.ZCreateProgrammeBody, response: { 201: S.ZProgramme } } }, async (req, reply) =>
    reply.status(201).send(await programmes.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${P}/:programmeId`, { schema: { tags, params: S.ZProgrammeParams, response: { 200: S.ZProgramme } } }, (req) => programmes.get(req.actor, req.params.tenantId, req.params.programmeId));
  app.patch(`${P}/:programmeId`, { schema: { tags, params: S.ZProgrammeParams, body: S.ZUpdateProgrammeBody, response: { 200: S.ZProgramme } } }, (req) =>
    programmes.update(req.actor, req.params.tenantId, req.params.programmeId, req.body, requestContext(req)),
  );

  app.get(A, { schema: { tags, params, querystring: S.ZAuditListQuery, response: { 200: S.ZAuditList } } }, (req) => audits.list(req.actor, req.params.tenantId, req.query));
  app.post(A, { schema: { tags, params, body: S.ZCreateAuditBody, response: { 201: S.ZAudit } } }, async (req, reply) =>
    reply.status(201).send(await audits.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${A}/:auditId`, { schema: { tags, params: S.ZAuditParams, response: { 200: S.ZAudit } } }, (req) => audits.get(req.actor, req.params.tenantId, req.params.auditId));
  app.patch(`${A}/:auditId`, { schema: { tags, params: S.ZAuditParams, body: S.ZUpdateAuditBody, response: { 200: S.ZAudit } } }, (req) =>
    audits.update(req.actor, req.params.tenantId, req.params.auditId, req.body, requestContext(req)),
  );
  app.post(`${A}/:auditId/transitions`, { schema: { tags, params: S.ZAuditParams, body: S.ZAuditTransitionBody, response: { 200: S.ZAudit } } }, (req) =>
    audits.transition(req.actor, req.params.tenantId, req.params.auditId, req.body.event, requestContext(req)),
  );
  app.post(`${A}/:auditId/findings`, { schema: { tags, params: S.ZAuditParams, body: S.ZCreateFindingBody, response: { 201: S.ZAudit } } }, async (req, reply) =>
    reply.status(201).send(await audits.addFinding(req.actor, req.params.tenantId, req.params.auditId, req.body, requestContext(req))),
  );
}
