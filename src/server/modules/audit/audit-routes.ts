import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../platform/platform.ts';
import { ZTenantParams } from '../../../shared/contracts/tenants.ts';
import * as S from '../../../shared/contracts/audit.ts';
import { createAuditService } from './audit-service.ts';

export function auditRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createAuditService(p);
  const tags = ['audit-log'];
  app.get('/api/tenants/:tenantId/audit-events', { schema: { tags, params: ZTenantParams, querystring: S.ZAuditQuery, response: { 200: S.ZAuditPage } } }, (req) =>
    svc.list(req.actor, req.params.tenantId, req.query),
  );
  app.get('/api/me/security-events', { schema: { tags, querystring: S.ZSecurityEventsQuery, response: { 200: S.ZAuditPage } } }, (req) =>
    svc.listOwnSecurityEvents(req.actor, req.query),
  );
  app.get('/api/tenants/:tenantId/audit-events/verify', { schema: { tags, params: ZTenantParams, response: { 200: S.ZAuditVerify } } }, (req) =>
    svc.verify(req.actor, req.params.tenantId),
  );
  app.get('/api/tenants/:tenantId/audit-checkpoints', { schema: { tags, params: ZTenantParams, response: { 200: S.ZAuditCheckpointList } } }, (req) =>
    svc.listCheckpoints(req.actor, req.params.tenantId),
  );
  app.post('/api/tenants/:tenantId/audit-checkpoints', { schema: { tags, params: ZTenantParams, response: { 201: S.ZSignedAuditCheckpoint } } }, async (req, reply) =>
    reply.status(201).send(await svc.checkpoint(req.actor, req.params.tenantId)),
  );
  app.get('/api/tenants/:tenantId/audit-checkpoints/:seq', { schema: { tags, params: S.ZAuditCheckpointParams, response: { 200: S.ZSignedAuditCheckpoint } } }, async (req, reply) => {
    const cp = await svc.getCheckpoint(req.actor, req.params.tenantId, req.params.seq);
    reply.header('content-disposition', `attachment; filename="attest-audit-checkpoint-${cp.payload.tenantId}-${cp.payload.seq}.json"`);
    return cp;
  });
  app.get('/api/tenants/:tenantId/audit-events/:eventId', { schema: { tags, params: S.ZAuditEventParams, response: { 200: S.ZAuditEvent } } }, (req) =>
    svc.get(req.actor, req.params.tenantId, req.params.eventId),
  );
}
