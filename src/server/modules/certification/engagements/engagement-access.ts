import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TActor, TUserActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { notFound } from '../../../platform/errors/errors.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TScheme } from '../../../../shared/contracts/certification.ts';
import type { TEngagementResource } from '../../../../shared/contracts/engagement-reads.ts';
import { SOC2_SCHEME_BY_TYPE } from '../../../../shared/contracts/soc2.ts';

const SOC2_SCHEMES = Object.values(SOC2_SCHEME_BY_TYPE);

/*
 * The one door from a certification body into an organization's records (DESIGN.md "Tenancy and
 * roles"). A person crosses only when ALL of these hold, checked in one query before any record is
 * read: they are a member of the engagement's body, the engagement is ACTIVE (not suspended, not
 * closed), and they are on the team of one of its audits that is not cancelled. Anything else —
 * another body, a closed engagement, a colleague not on the team, an API token — answers 404, as if
 * the engagement did not exist.
 *
 * A SOC 2 engagement has examinations, not audits with teams: there the seat is the firm role that
 * may write the examination's programme (`soc2Program.write`), as `soc2/matrix/program-access.ts`
 * already decides for the matrix. The rest of the door is the same.
 */

export type TEngagementAccess = {
  engagementId: string;
  bodyTenantId: string;
  bodyName: string;
  organizationTenantId: string;
  organizationName: string;
  clientId: string;
  scheme: TScheme;
  /** The body's grant (role and two-factor checked by the platform's authz). */
  grant: TTenantGrant;
  actor: TUserActor;
};

type TDeps = Pick<TPlatform, 'db' | 'authz'>;

export async function engagementAccess(p: TDeps, actor: TActor | null, engagementId: string): Promise<TEngagementAccess> {
  // Tokens act for one tenant and belong to nobody's team: engagement reads need a person.
  if (!actor || actor.type !== 'user') throw notFound('Engagement');
  const bodyIds = actor.memberships.filter((m) => m.tenantKind === 'certification_body').map((m) => m.tenantId);
  if (!bodyIds.length) throw notFound('Engagement');
  const soc2BodyIds = p.authz.scope(actor, 'soc2Program.write').allowed.filter((id) => bodyIds.includes(id));
  const row = await p.db
    .selectFrom('engagements as e')
    .innerJoin('tenants as b', 'b.id', 'e.body_tenant_id')
    .innerJoin('tenants as o', 'o.id', 'e.organization_tenant_id')
    .select(['e.id', 'e.body_tenant_id', 'e.organization_tenant_id', 'e.client_id', 'e.scheme', 'b.name as body_name', 'o.name as organization_name'])
    .where('e.id', '=', engagementId)
    .where('e.status', '=', 'active')
    .where('e.body_tenant_id', 'in', bodyIds)
    .where(({ exists, selectFrom, or, and, eb }) =>
      or([
        exists(
          selectFrom('audits as a')
            .innerJoin('audit_team_members as m', (j) => j.onRef('m.tenant_id', '=', 'a.tenant_id').onRef('m.audit_id', '=', 'a.id'))
            .select(sql`1`.as('one'))
            .whereRef('a.engagement_id', '=', 'e.id')
            .whereRef('a.tenant_id', '=', 'e.body_tenant_id')
            .where('a.state', '<>', 'cancelled')
            .where('m.user_id', '=', actor.userId),
        ),
        ...(soc2BodyIds.length ? [and([eb('e.scheme', 'in', SOC2_SCHEMES), eb('e.body_tenant_id', 'in', soc2BodyIds)])] : []),
      ]),
    )
    .executeTakeFirst();
  if (!row) throw notFound('Engagement');
  const grant = await p.authz.assert(actor, 'engagementAims.read', { tenantId: row.body_tenant_id });
  return {
    engagementId: row.id,
    bodyTenantId: row.body_tenant_id,
    bodyName: row.body_name,
    organizationTenantId: row.organization_tenant_id,
    organizationName: row.organization_name,
    clientId: row.client_id,
    scheme: row.scheme,
    grant,
    actor,
  };
}

/**
 * The actor the organization's own read services see: the same person, a read-only member
 * (`viewer`) of the organization and of nothing else. Those services then apply their usual rules
 * and tenant filters; no write can pass, since a viewer changes nothing.
 */
export function engagementReader(access: TEngagementAccess): TUserActor {
  return {
    ...access.actor,
    memberships: [
      { tenantId: access.organizationTenantId, tenantName: access.organizationName, tenantKind: 'organization', role: 'viewer', requireMfa: false },
    ],
  };
}

/**
 * Writes the read to both tenants' audit logs in one transaction. The two chain heads are locked
 * in a fixed order (by tenant id) so that two reads running at once cannot deadlock.
 */
export async function recordEngagementRead(
  p: Pick<TPlatform, 'db'>,
  access: TEngagementAccess,
  ctx: TRequestContext,
  resource: TEngagementResource,
  recordId: string | null = null,
) {
  await p.db.transaction().execute((tx) => recordEngagementReadIn(tx, access, ctx, resource, recordId));
}

/**
 * The same record inside the caller's transaction (a change that reads the organization's records
 * on the way, e.g. generating an audit checklist). Call it before writing anything else to either
 * log in that transaction, so that the chain heads are still taken in tenant-id order.
 */
export async function recordEngagementReadIn(
  tx: Transaction<DB>,
  access: TEngagementAccess,
  ctx: TRequestContext,
  resource: TEngagementResource,
  recordId: string | null = null,
) {
  const after = {
    engagementId: access.engagementId,
    bodyTenantId: access.bodyTenantId,
    bodyName: access.bodyName,
    organizationTenantId: access.organizationTenantId,
    organizationName: access.organizationName,
    resource,
    recordId,
  };
  for (const tenantId of [access.bodyTenantId, access.organizationTenantId].sort()) {
    await recordAudit(tx, access.actor, ctx, { tenantId, action: 'engagement.aims_read', subjectType: 'engagement', subjectId: access.engagementId, after });
  }
}

/** Access, the read through the organization's own service, then the record of it in both logs. */
export async function readThroughEngagement<R>(
  p: TDeps,
  actor: TActor | null,
  engagementId: string,
  ctx: TRequestContext,
  resource: TEngagementResource,
  recordId: string | null,
  read: (reader: TUserActor, organizationTenantId: string) => Promise<R>,
): Promise<R> {
  const access = await engagementAccess(p, actor, engagementId);
  const result = await read(engagementReader(access), access.organizationTenantId);
  await recordEngagementRead(p, access, ctx, resource, recordId);
  return result;
}
