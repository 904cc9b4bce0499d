import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import type { TRiskMatrix, TRiskMatrixConfig } from '../../../shared/contracts/risks.ts';
import { DEFAULT_MATRIX } from './risk-matrix.ts';
import * as repo from './risks-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz'>;

/**
 * The organization's matrix. Every change is a new version: risks keep the version they were
 * scored on (and the level computed there) until someone re-scores them.
 */
export function createRiskMatrixService(p: TDeps) {
  return {
    async get(actor: TActor | null, tenantId: string): Promise<TRiskMatrix> {
      const grant = await p.authz.assert(actor, 'riskMatrix.read', { tenantId });
      const m = await repo.currentMatrix(p.db, tenantId);
      const version = m?.version ?? 0;
      return {
        version,
        config: m?.config ?? DEFAULT_MATRIX,
        createdAt: m?.created_at ? new Date(m.created_at).toISOString() : null,
        createdBy: m?.created_by_name ?? null,
        risksOnOlderVersions: m ? await repo.countOnOlderVersions(p.db, tenantId, version) : 0,
        abilities: p.authz.abilities(grant, 'riskMatrix', { version }),
      };
    },

    async versions(actor: TActor | null, tenantId: string) {
      await p.authz.assert(actor, 'riskMatrix.read', { tenantId });
      const rows = await repo.listMatrices(p.db, tenantId);
      return rows.map((m) => ({ version: m.version, config: m.config, createdAt: m.created_at ? new Date(m.created_at).toISOString() : null, createdBy: m.created_by_name }));
    },

    async update(actor: TActor | null, tenantId: string, config: TRiskMatrixConfig, ctx: TRequestContext) {
      await p.authz.assert(actor, 'riskMatrix.update', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const head = await repo.lockMatrixHead(tx, tenantId);
        // Until something is scored the default was never stored: the first change is version 1.
        const version = (head?.version ?? 0) + 1;
        await repo.insertMatrix(tx, tenantId, version, config, actor?.type === 'user' ? actor.userId : null);
        await recordAudit(tx, actor, ctx, { tenantId, action: 'risk_matrix.updated', subjectType: 'risk_matrix', subjectId: null, before: { version: head?.version ?? 0 }, after: { version, config } });
      });
      return this.get(actor, tenantId);
    },
  };
}
