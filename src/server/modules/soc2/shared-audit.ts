import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';

/*
 * A SOC 2 examination is shared by two tenants, the CPA firm and the service organization: what
 * either does to it is written in both logs, the firm's under its own subject (the examination, an
 * exception, a request) and the organization's under the engagement. The two chain heads are taken
 * in tenant-id order, so two transactions writing to the same pair never wait on each other in
 * opposite orders (no deadlock).
 */

type TEvent = Parameters<typeof recordAudit>[3];

export type TBothLogs = {
  firmTenantId: string;
  organizationTenantId: string;
  engagementId: string;
  /** The firm's subject; the organization's is always the engagement. */
  firmSubject: { type: string; id: string };
};

/** One event in both tenants' logs, chain heads in tenant-id order. */
export async function recordInBothLogs(
  tx: Transaction<DB>,
  actor: TActor | null,
  ctx: TRequestContext,
  sides: TBothLogs,
  event: Omit<TEvent & object, 'tenantId' | 'subjectType' | 'subjectId'>,
) {
  for (const tenantId of [sides.firmTenantId, sides.organizationTenantId].sort()) {
    const firm = tenantId === sides.firmTenantId;
    await recordAudit(tx, actor, ctx, {
      ...(event as object),
      tenantId,
      subjectType: firm ? sides.firmSubject.type : 'engagement',
      subjectId: firm ? sides.firmSubject.id : sides.engagementId,
    } as TEvent);
  }
}

type TExaminationSides = { id: string; tenant_id: string; organization_tenant_id: string; engagement_id: string };
type TExaminationParties = { reference: string; engagement_id: string; firm_name: string; organization_name: string };

/** Both logs of an examination's event, the firm's under the examination. */
export const examinationLogs = (x: TExaminationSides): TBothLogs => ({
  firmTenantId: x.tenant_id,
  organizationTenantId: x.organization_tenant_id,
  engagementId: x.engagement_id,
  firmSubject: { type: 'soc2_examination', id: x.id },
});

/** Who the event concerns, as every shared examination event states it. */
export const examinationParties = (x: TExaminationParties) => ({ reference: x.reference, engagementId: x.engagement_id, firmName: x.firm_name, organizationName: x.organization_name });
