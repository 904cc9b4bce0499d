import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/errors.ts';
import type { TAdoptedFramework, TAdoptedFrameworks } from '../../../shared/contracts/controls.ts';
import * as repo from './controls-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const toDto = (r: repo.TAdoptedRow): TAdoptedFramework => ({
  frameworkId: r.framework_id,
  version: r.framework_version,
  currentVersion: r.current_version,
  title: r.title,
  shortTitle: r.short_title,
  adoptedBy: r.adopted_by ? { id: r.adopted_by, name: r.adopted_by_name ?? '' } : null,
  adoptedAt: new Date(r.adopted_at).toISOString(),
});

/**
 * Adopts the current version of a framework in the caller's transaction, with its audit event.
 * Adopting again when the catalog has moved on moves the adoption to the current version; at the
 * same version it answers false (nothing written). No authorization here: callers assert first.
 */
export async function adoptInTx(tx: Transaction<DB>, p: Pick<TPlatform, 'clock'>, actor: TActor | null, tenantId: string, frameworkId: string, ctx: TRequestContext) {
  const fw = await repo.visibleCurrentFramework(tx, tenantId, frameworkId);
  if (!fw) throw notFound('Framework');
  const existing = await repo.lockAdoption(tx, tenantId, frameworkId);
  if (existing?.framework_version === fw.version) return false;
  // A concurrent adoption committed first (its row was invisible to the lock above): nothing to record.
  if (!(await repo.upsertAdoption(tx, tenantId, frameworkId, fw.version, actor?.type === 'user' ? actor.userId : null, p.clock.now()))) return false;
  await recordAudit(tx, actor, ctx, {
    tenantId,
    action: 'framework.adopted',
    subjectType: 'catalog_framework',
    subjectId: frameworkId,
    before: existing ? { version: existing.framework_version } : null,
    after: { frameworkId, version: fw.version },
  });
  return true;
}

/*
 * The frameworks the organization works towards. Adoption scopes what the crosswalks suggest (and,
 * for the lead's readiness and the SoA, which frameworks count); links to requirements of any
 * framework stay possible without it. Nothing is adopted implicitly, except by the ISO/IEC 42001
 * starter library, which is an owner's or admin's decision to work on that standard.
 */
export function createFrameworksService(p: TDeps) {
  async function list(actor: TActor | null, tenantId: string): Promise<TAdoptedFrameworks> {
    const grant = await p.authz.assert(actor, 'adoptedFramework.read', { tenantId });
    const rows = await repo.listAdopted(p.db, tenantId);
    return { items: rows.map(toDto), abilities: p.authz.abilities(grant, 'adoptedFramework', {}) };
  }

  return {
    list,

    async adopt(actor: TActor | null, tenantId: string, frameworkId: string, ctx: TRequestContext) {
      await p.authz.assert(actor, 'adoptedFramework.manage', { tenantId });
      const written = await p.db.transaction().execute((tx) => adoptInTx(tx, p, actor, tenantId, frameworkId, ctx));
      if (!written) throw new AppError(409, 'framework_already_adopted', `${frameworkId} is already adopted at its current version.`, { frameworkId });
      return list(actor, tenantId);
    },

    /** Stops working towards a framework: controls keep their links to its requirements. */
    async unadopt(actor: TActor | null, tenantId: string, frameworkId: string, ctx: TRequestContext) {
      await p.authz.assert(actor, 'adoptedFramework.manage', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const gone = await repo.deleteAdoption(tx, tenantId, frameworkId);
        if (!gone) throw notFound('Adopted framework');
        await recordAudit(tx, actor, ctx, { tenantId, action: 'framework.unadopted', subjectType: 'catalog_framework', subjectId: frameworkId, before: { frameworkId, version: gone.framework_version } });
      });
      return list(actor, tenantId);
    },
  };
}
