import type { Transaction } from 'kysely';
import type { DB, TUserRow } from '../../db/types.ts';
import type { TUserActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { createSession, type TSessionPolicy } from '../../platform/auth/sessions.ts';
import { signInChainOf } from './sign-in-chains.ts';

export type TSignInMethod = 'password' | 'setup' | 'invitation' | 'password_reset' | 'proposal_sign_up';

/**
 * Every way into the product (sign-in, first-run set-up, accepting an invitation) opens its
 * session and records it in the caller's transaction: a session exists if and only if its event
 * does. The event joins the user's own sign-in chain (see sign-in-chains.ts).
 */
export async function startSession(
  tx: Transaction<DB>,
  policy: TSessionPolicy,
  user: Pick<TUserRow, 'id' | 'email' | 'mfa_secret'>,
  ctx: TRequestContext,
  method: TSignInMethod,
): Promise<{ token: string; sessionId: string }> {
  const session = await createSession(tx, policy, user.id, ctx);
  const actor = { type: 'user', userId: user.id, email: user.email } as TUserActor;
  await recordAudit(tx, actor, ctx, {
    tenantId: signInChainOf(user.id),
    action: 'user.login',
    subjectType: 'session',
    subjectId: session.sessionId,
    after: { mfa: Boolean(user.mfa_secret), method },
  });
  return session;
}
