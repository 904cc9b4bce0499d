import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TEngagementState } from '../../../../shared/contracts/certification.ts';
import type { TReadiness } from '../../../../shared/contracts/readiness.ts';
import { submittedAmong } from '../../evidence/evidence-repo.ts';
import { judgeReadiness } from '../../readiness/readiness-service.ts';
import { frameworksInScope, listEntries, listVersions } from '../../soa/soa-repo.ts';
import { engagementAccess, recordEngagementReadIn } from '../engagements/engagement-access.ts';

/*
 * The organization's records the workspace reads: its approved SoA, its readiness view and its
 * submitted evidence. They are opened only through the engagement door (engagement-access.ts):
 * a member of the body on the team of a non-cancelled audit of the ACTIVE engagement, else the
 * door refuses. Every read is written to both tenants' logs (`engagement.aims_read`) in the
 * caller's transaction, so the organization's "who read what" shows the workspace's reads beside
 * the engagement routes'.
 */

export const ISO42001 = 'iso-iec-42001-2023';

export type TApprovedSoa = { number: number; frameworkVersion: string; applicable: { ref: string; position: number; implementationStatus: string | null }[] };

type TDeps = Pick<TPlatform, 'authz'>;

/**
 * Opens the client's records for `actor` in `tx`. The workspace has already shown this audit to
 * the actor (they are on its team), so when the door refuses because the engagement is suspended
 * or closed the refusal is worded as such (409) rather than as a missing engagement.
 */
export async function openClientRecords(p: TDeps, tx: Transaction<DB>, actor: TActor | null, engagement: { id: string; status: TEngagementState }, ctx: TRequestContext) {
  const access = await engagementAccess({ db: tx, authz: p.authz }, actor, engagement.id).catch((e: unknown) => {
    if (engagement.status !== 'active') {
      throw new AppError(409, 'audit_work_engagement_inactive', `The engagement is ${engagement.status}: the client’s records cannot be read.`, { status: engagement.status });
    }
    throw e;
  });
  const org = access.organizationTenantId;

  /** The version of ISO/IEC 42001 the organization works to (adopted, else the current catalog); catalog data, not a record read. */
  async function frameworkVersion(): Promise<string | null> {
    const scope = await frameworksInScope(tx, org);
    return scope.find((f) => f.id === ISO42001)?.version ?? null;
  }

  return {
    organizationTenantId: org,
    frameworkVersion,

    /** The SoA version in force and its applicable ISO/IEC 42001 Annex A controls, in catalog order; null when none is approved. */
    async approvedSoa(): Promise<TApprovedSoa | null> {
      const version = (await listVersions(tx, org)).find((v) => v.status === 'approved');
      await recordEngagementReadIn(tx, access, ctx, 'soa', version?.number ? String(version.number) : null);
      if (!version || version.number === null) return null;
      const entries = (await listEntries(tx, org, version.id, false)).filter((e) => e.framework_id === ISO42001);
      return {
        number: version.number,
        frameworkVersion: entries[0]?.framework_version ?? (await frameworkVersion()) ?? '',
        applicable: entries.flatMap((e, i) => (e.applicable ? [{ ref: e.ref, position: i, implementationStatus: e.implementation_status }] : [])),
      };
    },

    async readiness(today: string): Promise<TReadiness> {
      const view = await judgeReadiness({ db: tx }, org, ISO42001, today);
      await recordEngagementReadIn(tx, access, ctx, 'readiness', null);
      return view;
    },

    /** Among ids, the organization's submitted evidence (id and title), each read recorded; the caller reports the ids missing. */
    async evidenceAmong(ids: readonly string[]) {
      const found = await submittedAmong(tx, org, ids);
      for (const e of found) await recordEngagementReadIn(tx, access, ctx, 'evidence', e.id);
      return found;
    },
  };
}
