import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../platform/platform.ts';
import { ZOrganizationDashboard } from '../../../shared/contracts/dashboard.ts';
import { ZTenantParams } from '../../../shared/contracts/tenants.ts';
import { createDashboardService } from './dashboard-service.ts';

export function dashboardRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createDashboardService(p);
  app.get('/api/tenants/:tenantId/dashboard', { schema: { tags: ['dashboard'], params: ZTenantParams, response: { 200: ZOrganizationDashboard } } }, (req) =>
    svc.organization(req.actor, req.params.tenantId),
  );
}
