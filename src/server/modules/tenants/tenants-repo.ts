import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TTenantKind } from '../../../shared/contracts/roles.ts';

/* Every function takes tenantId and filters by it: another tenant's rows are unreachable here. */

export const getTenant = (db: Kysely<DB>, tenantId: string, opts: { forUpdate?: boolean } = {}) => {
  const q = db.selectFrom('tenants').selectAll().where('id', '=', tenantId);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
};

export const insertTenant = (db: Kysely<DB>, values: { name: string; kind: TTenantKind }) =>
  db.insertInto('tenants').values(values).returningAll().executeTakeFirstOrThrow();

export const updateTenant = (db: Kysely<DB>, tenantId: string, patch: { name?: string; require_mfa?: boolean }) =>
  db.updateTable('tenants').set(patch).where('id', '=', tenantId).returningAll().executeTakeFirstOrThrow();

/** The tenants one user belongs to (their own memberships: no other tenant is named). */
export const listTenantsOfUser = (db: Kysely<DB>, userId: string) =>
  db
    .selectFrom('memberships as m')
    .innerJoin('tenants as t', 't.id', 'm.tenant_id')
    .select(['t.id', 't.name', 't.kind', 't.require_mfa', 't.created_at', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('t.name')
    .execute();
