import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../platform/platform.ts';
import { ZReadiness, ZReadinessParams } from '../../../shared/contracts/readiness.ts';
import { fastSerializer } from '../../platform/http/fast-serializer.ts';
import { createReadinessService } from './readiness-service.ts';

export function readinessRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createReadinessService(p);
  app.get('/api/tenants/:tenantId/readiness/:frameworkId', { schema: { tags: ['readiness'], params: ZReadinessParams, response: { 200: ZReadiness } }, serializerCompiler: fastSerializer }, (req) =>
    svc.get(req.actor, req.params.tenantId, req.params.frameworkId),
  );
}
