import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { badRequest } from '../../platform/errors/errors.ts';
import type { TLocale } from '../../../shared/contracts/common.ts';
import type { TOverdue, TRiskHeatMap, TRiskList, TRiskListQuery } from '../../../shared/contracts/risks.ts';
import { DEFAULT_MATRIX } from './risk-matrix.ts';
import { toSummary } from './risks-dto.ts';
import * as reads from './risks-read-repo.ts';
import * as repo from './risks-repo.ts';
import { todayOf } from './risks-service.ts';
import { registerToXlsx } from './risks-xlsx.ts';

type TDeps = Pick<TPlatform, 'db' | 'database' | 'authz' | 'clock' | 'pageCache'>;

/** The register's read views: each answers in one statement (the heat map included). */
export function createRiskViewsService(p: TDeps) {
  return {
    async list(actor: TActor | null, tenantId: string, q: TRiskListQuery & { matrixVersion?: number | undefined }): Promise<TRiskList> {
      await p.authz.assert(actor, 'risk.read', { tenantId });
      if (q.cursor && !reads.decodeRiskCursor(q.cursor)) throw badRequest('cursor must be the nextCursor of a previous page', [{ field: 'cursor', issue: 'invalid', message: 'Not a cursor of this list.' }]);
      const today = todayOf(p);
      return p.pageCache.remember(actor, tenantId, today, `risks.list:${JSON.stringify(q)}`, async () => {
        const page = await reads.listRisks(p.database, tenantId, q, today);
        return { items: page.items.map((r) => toSummary(r, today)), nextCursor: page.nextCursor };
      });
    },

    async heatMap(actor: TActor | null, tenantId: string): Promise<TRiskHeatMap> {
      await p.authz.assert(actor, 'risk.read', { tenantId });
      const h = await reads.heatMap(p.db, tenantId);
      const m = h.matrix;
      return {
        matrix: { version: m?.version ?? 0, config: m?.config ?? DEFAULT_MATRIX, createdAt: m?.created_at ? new Date(m.created_at).toISOString() : null, createdBy: m?.created_by_name ?? null },
        inherent: h.inherent,
        residual: h.residual,
        onOtherVersions: h.on_other,
      };
    },

    async overdue(actor: TActor | null, tenantId: string): Promise<TOverdue> {
      await p.authz.assert(actor, 'risk.read', { tenantId });
      const today = todayOf(p);
      const [reviews, actions] = await Promise.all([reads.overdueReviews(p.db, tenantId, today), reads.overdueActions(p.db, tenantId, today)]);
      return {
        reviews: reviews.map((r) => ({ id: r.id, title: r.title, reviewDate: r.review_date, owner: r.owner })),
        actions: actions.map((a) => ({ id: a.id, riskId: a.risk_id, riskTitle: a.risk_title, title: a.title, dueDate: a.due_date, owner: a.owner, status: a.status })),
      };
    },

    async exportXlsx(actor: TActor | null, tenantId: string, locale: TLocale) {
      await p.authz.assert(actor, 'risk.read', { tenantId });
      const today = todayOf(p);
      const rows = await reads.exportRows(p.db, tenantId, today);
      return registerToXlsx(rows, locale, today);
    },
  };
}
