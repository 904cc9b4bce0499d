import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { tokenRoleWithin } from '../../platform/auth/api-token-auth.ts';
import type { TRole } from '../../../shared/roles.ts';

/** The creator's live tokens in this tenant, locked until the membership change commits. */
const activeTokensOf = (db: Kysely<DB>, tenantId: string, userId: string) =>
  db
    .selectFrom('api_tokens')
    .select(['id', 'role', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('created_by', '=', userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
    .forUpdate()
    .execute();

/**
 * Called inside the transaction that removes a member (`newRole` null) or changes their role:
 * their tokens are revoked, or lowered to the new role when they would outrank it, each with its
 * audit event. Returns how many tokens changed.
 */
export async function settleMemberTokens(
  tx: Transaction<DB>,
  actor: TActor | null,
  ctx: TRequestContext,
  tenantId: string,
  userId: string,
  newRole: TRole | null,
): Promise<number> {
  const tokens = await activeTokensOf(tx, tenantId, userId);
  let changed = 0;
  for (const k of tokens) {
    const role = k.role as TRole;
    if (newRole === null) {
      await tx.updateTable('api_tokens').set({ revoked_at: sql`now()` }).where('tenant_id', '=', tenantId).where('id', '=', k.id).execute();
      await recordAudit(tx, actor, ctx, {
        tenantId,
        action: 'api_token.revoked',
        subjectType: 'api_token',
        subjectId: k.id,
        before: { name: k.name, role },
        after: { reason: 'member_removed', memberId: userId },
      });
    } else if (!tokenRoleWithin(newRole, role)) {
      await tx.updateTable('api_tokens').set({ role: newRole }).where('tenant_id', '=', tenantId).where('id', '=', k.id).execute();
      await recordAudit(tx, actor, ctx, {
        tenantId,
        action: 'api_token.role_lowered',
        subjectType: 'api_token',
        subjectId: k.id,
        before: { name: k.name, role },
        after: { role: newRole, reason: 'member_role_changed', memberId: userId },
      });
    } else continue;
    changed += 1;
  }
  return changed;
}
