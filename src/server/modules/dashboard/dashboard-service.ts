import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import type { TDashboardRisks, TOrganizationDashboard } from '../../../shared/contracts/dashboard.ts';
import type { TRiskBand } from '../../../shared/contracts/risks.ts';
import { DEFAULT_MATRIX } from '../risks/risk-matrix.ts';
import { todayOf } from '../risks/risks-service.ts';
import { readDashboard } from './dashboard-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;
type TRiskSummary = NonNullable<Awaited<ReturnType<typeof readDashboard>>['risks']>;

/**
 * Levels low to high as the matrix in force names them; a level key only an older matrix has
 * (a band renamed or removed since) follows, under its own version's label and colour.
 */
function levelsOf(s: TRiskSummary): TDashboardRisks['byLevel'] {
  const bandsOf = new Map(s.bands.map((b) => [b.version, b.bands as TRiskBand[]]));
  const current = (s.current !== null && bandsOf.get(s.current)) || DEFAULT_MATRIX.bands;
  const byKey = new Map(current.map((b) => [b.key, { key: b.key, label: b.label, color: b.color, inherent: 0, residual: 0 }]));
  for (const l of s.levels) {
    let level = byKey.get(l.key);
    if (!level) {
      const band = (bandsOf.get(l.version) ?? DEFAULT_MATRIX.bands).find((b) => b.key === l.key);
      level = { key: l.key, label: band?.label ?? { en: l.key, fr: l.key }, color: band?.color ?? '#868e96', inherent: 0, residual: 0 };
      byKey.set(l.key, level);
    }
    level.inherent += l.inherent;
    level.residual += l.residual;
  }
  return [...byKey.values()];
}

export function createDashboardService(p: TDeps) {
  return {
    /** Whoever reads the inventory sees the dashboard; risks and assessments only if they may read those. */
    async organization(actor: TActor | null, tenantId: string): Promise<TOrganizationDashboard> {
      const grant = await p.authz.assert(actor, 'aiSystem.read', { tenantId });
      const can = p.authz.tenantAbilities(grant);
      const today = todayOf(p);
      const row = await readDashboard(p.db, tenantId, today, { risks: can['risk.read'], impactAssessments: can['impactAssessment.read'] });
      const r = row.risks;
      return {
        today,
        aiSystems: row.ai_systems as TOrganizationDashboard['aiSystems'],
        risks: r && {
          open: r.open,
          accepted: r.accepted,
          byLevel: levelsOf(r),
          overdueReviews: r.overdueReviews,
          overdueActions: r.overdueActions,
          acceptancesExpiringSoon: r.acceptancesExpiringSoon,
          oldestOverdue: r.oldestOverdue,
        },
        impactAssessments: row.impact_assessments,
      };
    },
  };
}
