import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { notFound } from '../../../platform/errors/errors.ts';
import { recordEngagementReadIn, type TEngagementAccess } from '../../certification/engagements/engagement-access.ts';
import type { TEngagementResource } from '../../../../shared/contracts/engagement-reads.ts';
import type { TProgramExamination } from './examination-row.ts';

/*
 * How the firm reads the organization's own records for the matrix (its controls, and through the
 * request list its evidence). An examination has no audit team, so the door is the examination
 * itself: the caller holds a firm role allowed to write the programme, the examination is the firm's,
 * and its engagement is active. Every such read is written in both tenants' logs
 * (`engagement.aims_read`), like any read through an engagement. Tokens do not cross (404).
 */
export async function programEngagementAccess(db: Kysely<DB> | Transaction<DB>, actor: TActor | null, grant: TTenantGrant, ex: TProgramExamination): Promise<TEngagementAccess> {
  if (!actor || actor.type !== 'user') throw notFound('Examination');
  const row = await db
    .selectFrom('engagements as e')
    .innerJoin('tenants as b', 'b.id', 'e.body_tenant_id')
    .innerJoin('tenants as o', 'o.id', 'e.organization_tenant_id')
    .select(['e.id', 'e.client_id', 'e.scheme', 'b.name as body_name', 'o.name as organization_name'])
    .where('e.id', '=', ex.engagement_id)
    .where('e.body_tenant_id', '=', ex.tenant_id)
    .where('e.organization_tenant_id', '=', ex.organization_tenant_id)
    .where('e.status', '=', 'active')
    .executeTakeFirst();
  if (!row) throw notFound('Examination');
  return {
    engagementId: row.id,
    bodyTenantId: ex.tenant_id,
    bodyName: row.body_name,
    organizationTenantId: ex.organization_tenant_id,
    organizationName: row.organization_name,
    clientId: row.client_id,
    scheme: row.scheme,
    grant,
    actor,
  };
}

export function recordProgramRead(tx: Transaction<DB>, access: TEngagementAccess, ctx: TRequestContext, resource: TEngagementResource, recordId: string | null = null) {
  return recordEngagementReadIn(tx, access, ctx, resource, recordId);
}
