import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TAiLifecycleStage, TAiOrgRole, TAiRoute, TAiTier } from '../../../shared/contracts/ai-systems.ts';
import * as repo from './ai-systems-repo.ts';

/*
 * The inventory as other modules see it (risks link systems, impact assessments decide whether a
 * FRIA applies). They never read ai_systems directly. Pass the transaction of the change so the
 * check and the write see the same data. No authorization here: the calling service has asserted
 * its own action on the tenant first.
 */

export type TAiSystemFacts = {
  id: string;
  name: string;
  lifecycleStage: TAiLifecycleStage;
  roles: TAiOrgRole[];
  /** The current classification, or null while the system is not classified. */
  classification: { version: number; tier: TAiTier; route: TAiRoute | null; annexIIIRef: string | null } | null;
};

/** Which of these ids are AI systems of the tenant: any other id (another tenant's) is absent. */
export const aiSystemIdsOfTenant = (db: Kysely<DB>, tenantId: string, ids: readonly string[]): Promise<Set<string>> => repo.existIds(db, tenantId, ids);

/** The facts of the tenant's systems among `ids`, keyed by id; another tenant's id is absent. */
export async function aiSystemFacts(db: Kysely<DB>, tenantId: string, ids: readonly string[]): Promise<Map<string, TAiSystemFacts>> {
  const rows = await repo.systemFacts(db, tenantId, [...new Set(ids)]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        lifecycleStage: r.lifecycle_stage,
        roles: r.roles,
        classification: r.version !== null && r.tier !== null ? { version: r.version, tier: r.tier, route: r.route, annexIIIRef: r.annex_iii_ref } : null,
      },
    ]),
  );
}
