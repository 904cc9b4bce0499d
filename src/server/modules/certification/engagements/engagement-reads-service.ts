import type { TActor } from '../../../platform/authz/actor.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TEngagementRead, TEngagementReadListQuery, TEngagementReadPage, TEngagementResource } from '../../../../shared/contracts/engagement-reads.ts';
import { listEngagementReads } from './engagement-reads-repo.ts';

type TReadSummary = { after?: { engagementId: string; bodyName: string; resource: TEngagementResource; recordId: string | null } };

/** The organization's side of engagement reads: every read of its records by an auditor, newest first. */
export function createEngagementReadsService(p: Pick<TPlatform, 'db' | 'authz'>) {
  return {
    async list(actor: TActor | null, tenantId: string, q: TEngagementReadListQuery): Promise<TEngagementReadPage> {
      const grant = await p.authz.assert(actor, 'engagementAims.readLog', { tenantId });
      const page = await listEngagementReads(p.db, tenantId, q);
      return {
        items: page.items.map((r): TEngagementRead => {
          const after = (r.summary as unknown as TReadSummary).after!;
          return {
            id: r.id,
            occurredAt: new Date(r.occurred_at).toISOString(),
            engagementId: after.engagementId,
            bodyName: after.bodyName,
            readerName: r.actor_name,
            readerEmail: r.actor_email,
            resource: after.resource,
            recordId: after.recordId,
          };
        }),
        nextCursor: page.nextCursor,
        abilities: p.authz.abilities(grant, 'engagementAims', {}),
      };
    },
  };
}
