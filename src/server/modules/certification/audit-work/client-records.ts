import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TReadiness } from '../../../../shared/contracts/readiness.ts';
import { submittedAmong } from '../../evidence/evidence-repo.ts';
import { judgeReadiness } from '../../readiness/readiness-service.ts';
import { frameworksInScope, listEntries, listVersions } from '../../soa/soa-repo.ts';

/*
 * The organization's records the workspace reads through an active engagement: its approved SoA,
 * its readiness view and its submitted evidence. Read-only, by the organization's tenant id taken
 * from the engagement row — never from the request. The caller has already checked that the actor
 * is on this audit's team and that the engagement is active, and it records the read in both
 * tenants' logs.
 */

export const ISO42001 = 'iso-iec-42001-2023';

/** The version of ISO/IEC 42001 the organization works to (adopted, else the current catalog). */
export async function frameworkVersionOf(db: Kysely<DB>, organizationTenantId: string): Promise<string | null> {
  const scope = await frameworksInScope(db, organizationTenantId);
  return scope.find((f) => f.id === ISO42001)?.version ?? null;
}

export type TApprovedSoa = { number: number; frameworkVersion: string; applicable: { ref: string; position: number; implementationStatus: string | null }[] };

/** The SoA version in force and its applicable ISO/IEC 42001 Annex A controls, in catalog order; null when none is approved. */
export async function approvedSoa(db: Kysely<DB>, organizationTenantId: string): Promise<TApprovedSoa | null> {
  const version = (await listVersions(db, organizationTenantId)).find((v) => v.status === 'approved');
  if (!version || version.number === null) return null;
  const entries = (await listEntries(db, organizationTenantId, version.id, false)).filter((e) => e.framework_id === ISO42001);
  return {
    number: version.number,
    frameworkVersion: entries[0]?.framework_version ?? (await frameworkVersionOf(db, organizationTenantId)) ?? '',
    applicable: entries.flatMap((e, i) => (e.applicable ? [{ ref: e.ref, position: i, implementationStatus: e.implementation_status }] : [])),
  };
}

export const readinessOf = (db: Kysely<DB>, organizationTenantId: string, today: string): Promise<TReadiness> => judgeReadiness({ db }, organizationTenantId, ISO42001, today);

/** Among ids, the organization's submitted evidence (id and title); the caller reports the ids missing. */
export const evidenceAmong = (db: Kysely<DB>, organizationTenantId: string, ids: readonly string[]) => submittedAmong(db, organizationTenantId, ids);
