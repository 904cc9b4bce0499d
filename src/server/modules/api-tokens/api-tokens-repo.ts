import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import { tenantTable } from '../../db/tenant-table.ts';
import type { TRole } from '../../../shared/contracts/roles.ts';

/* API tokens of one tenant: every function takes tenantId and filters by it. */

const tokens = tenantTable('api_tokens');

const withCreator = (db: Kysely<DB>, tenantId: string) =>
  db
    .selectFrom('api_tokens as k')
    .innerJoin('users as u', 'u.id', 'k.created_by')
    .select(['k.id', 'k.name', 'k.role', 'k.prefix', 'k.created_at', 'k.last_used_at', 'k.expires_at', 'k.revoked_at', 'u.name as createdBy'])
    .where('k.tenant_id', '=', tenantId);
export type TApiTokenListRow = Awaited<ReturnType<ReturnType<typeof withCreator>['executeTakeFirstOrThrow']>>;

export const listApiTokens = (db: Kysely<DB>, tenantId: string) => withCreator(db, tenantId).orderBy('k.created_at', 'desc').orderBy('k.id', 'desc').execute();

export const getApiToken = (db: Kysely<DB>, tenantId: string, id: string) => withCreator(db, tenantId).where('k.id', '=', id).executeTakeFirst();

export const getApiTokenForUpdate = (db: Kysely<DB>, tenantId: string, id: string) => tokens.findById(db, tenantId, id, { forUpdate: true });

export const insertApiToken = (
  db: Kysely<DB>,
  tenantId: string,
  values: { name: string; role: TRole; prefix: string; token_hash: string; created_by: string; expires_at: Date | null },
) => tokens.insert(db, tenantId, values);

export const revokeApiToken = (db: Kysely<DB>, tenantId: string, id: string) => tokens.update(db, tenantId, id, { revoked_at: sql<Date>`now()` as never });

export const setApiTokenRole = (db: Kysely<DB>, tenantId: string, id: string, role: TRole) => tokens.update(db, tenantId, id, { role });

/** The member's live (unrevoked, unexpired) tokens in this tenant, locked until the change commits. */
export const lockLiveTokensCreatedBy = (db: Kysely<DB>, tenantId: string, userId: string) =>
  db
    .selectFrom('api_tokens')
    .select(['id', 'role', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('created_by', '=', userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
    .forUpdate()
    .execute();
