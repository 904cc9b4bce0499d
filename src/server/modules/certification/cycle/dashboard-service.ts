import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { todayOf } from '../../../platform/clock/clock.ts';
import type { TCycleDashboard, TCycleDashboardQuery } from '../../../../shared/contracts/cycle.ts';
import { cycleDashboard } from './dashboard-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

/**
 * « Surveillance & recertification »: the body's certified clients with their surveillance and
 * recertification audits due and overdue, certificates expiring within 6 months and the open
 * alerts; the organization sees the same for its own certifications.
 */
export function createCycleDashboardService(p: TDeps) {
  return {
    async body(actor: TActor | null, tenantId: string, q: TCycleDashboardQuery): Promise<TCycleDashboard> {
      await p.authz.assert(actor, 'certAudit.read', { tenantId });
      const today = todayOf(p);
      return { today, ...(await cycleDashboard(p.db, 'body', tenantId, today, q)) };
    },
    async organization(actor: TActor | null, tenantId: string, q: TCycleDashboardQuery): Promise<TCycleDashboard> {
      await p.authz.assert(actor, 'orgCertification.read', { tenantId });
      const today = todayOf(p);
      return { today, ...(await cycleDashboard(p.db, 'organization', tenantId, today, q)) };
    },
  };
}
