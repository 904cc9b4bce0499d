import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import { tenantTable } from '../../db/tenant-table.ts';
import type { TRole } from '../../../shared/contracts/roles.ts';
import type { TLocale } from '../../../shared/contracts/common.ts';

/* Invitations of one tenant: every function takes tenantId and filters by it. */

const invitations = tenantTable('invitations');

const pending = (now: Date) => (eb: any) =>
  eb.and([eb('i.accepted_at', 'is', null), eb('i.revoked_at', 'is', null), eb('i.replaced_at', 'is', null), eb('i.expires_at', '>', now)]);

export const listPendingInvitations = (db: Kysely<DB>, tenantId: string, now: Date) =>
  db
    .selectFrom('invitations as i')
    .innerJoin('users as u', 'u.id', 'i.invited_by')
    .select(['i.id', 'i.email', 'i.role', 'i.locale', 'i.expires_at', 'i.created_at', 'i.accepted_at', 'i.revoked_at', 'i.replaced_at', 'u.name as invitedBy'])
    .where('i.tenant_id', '=', tenantId)
    .where(pending(now))
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .execute();

export const getInvitationForUpdate = (db: Kysely<DB>, tenantId: string, id: string) => invitations.findById(db, tenantId, id, { forUpdate: true });

/** The invitation a link names, with its tenant, as the invitee's preview needs it. */
export const getInvitationWithTenant = (db: Kysely<DB>, tenantId: string, id: string) =>
  db
    .selectFrom('invitations as i')
    .innerJoin('tenants as t', 't.id', 'i.tenant_id')
    .select(['i.tenant_id', 'i.id', 'i.email', 'i.role', 'i.locale', 'i.expires_at', 'i.accepted_at', 'i.revoked_at', 'i.replaced_at', 't.name as tenantName', 't.kind as tenantKind'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.id', '=', id)
    .executeTakeFirst();

/** What the invitation mail says: the tenant's name and who invited. */
export const getInvitationForMail = (db: Kysely<DB>, tenantId: string, id: string) =>
  db
    .selectFrom('invitations as i')
    .innerJoin('tenants as t', 't.id', 'i.tenant_id')
    .innerJoin('users as u', 'u.id', 'i.invited_by')
    .select(['i.id', 'i.email', 'i.role', 'i.locale', 'i.expires_at', 'i.accepted_at', 'i.revoked_at', 'i.replaced_at', 't.name as tenantName', 'u.name as inviter'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.id', '=', id)
    .executeTakeFirst();

/** The pending invitations to one address, locked: a new one replaces them. */
export const lockPendingInvitationsTo = (db: Kysely<DB>, tenantId: string, email: string, now: Date) =>
  db
    .selectFrom('invitations as i')
    .selectAll('i')
    .where('i.tenant_id', '=', tenantId)
    .where('i.email', '=', email)
    .where(pending(now))
    .forUpdate()
    .execute();

export const insertInvitation = (
  db: Kysely<DB>,
  tenantId: string,
  values: { email: string; role: TRole; locale: TLocale; invited_by: string; expires_at: Date },
) => invitations.insert(db, tenantId, values);

export const markInvitation = (
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  change: { accepted_by: string } | { revoked: true } | { replaced_by: string },
) =>
  invitations.update(
    db,
    tenantId,
    id,
    'accepted_by' in change
      ? { accepted_at: sql<Date>`now()` as never, accepted_by: change.accepted_by }
      : 'replaced_by' in change
        ? { replaced_at: sql<Date>`now()` as never, replaced_by: change.replaced_by }
        : { revoked_at: sql<Date>`now()` as never },
  );
