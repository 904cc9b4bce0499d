import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { tokenRoleWithin } from '../../platform/auth/api-token-auth.ts';
import type { TRole } from '../../../shared/contracts/roles.ts';
import * as repo from './api-tokens-repo.ts';

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
  const tokens = await repo.lockLiveTokensCreatedBy(tx, tenantId, userId);
  let changed = 0;
  for (const k of tokens) {
    const role = k.role;
    if (newRole === null) {
      await repo.revokeApiToken(tx, tenantId, k.id);
      await recordAudit(tx, actor, ctx, {
        tenantId,
        action: 'api_token.revoked',
        subjectType: 'api_token',
        subjectId: k.id,
        before: { name: k.name, role },
        after: { reason: 'member_removed', memberId: userId },
      });
    } else if (!tokenRoleWithin(newRole, role)) {
      await repo.setApiTokenRole(tx, tenantId, k.id, newRole);
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
