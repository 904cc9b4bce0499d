import type { TPlatform } from '../../platform/platform.ts';
import { PLATFORM_TENANT_ID, recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { accountKey, resetKeys } from '../../platform/auth/brute-force.ts';
import { assertAcceptablePassword, hashPassword } from '../../platform/auth/passwords.ts';
import { AppError } from '../../platform/errors/errors.ts';
import * as repo from './accounts-repo.ts';
import { resetTokenHash, sendPasswordResetMail } from './jobs/send-password-reset-mail.ts';

export type TPasswordResetDeps = Pick<TPlatform, 'db' | 'config' | 'clock' | 'bruteForce' | 'jobs' | 'secretKey'>;

const invalidLink = () => new AppError(404, 'reset_link_invalid', 'This reset link is not valid: ask for a new one.', { reason: 'reset_link_invalid' });

/**
 * "Forgot password". The request answers the same, in the same time, whether or not the address
 * has an account: it only counts the request (rate limit) and queues a job; the job looks the
 * address up, stores a keyed hash of a fresh single-use link and mails it. Completing the reset
 * sets the password, ends every session and retires every other link, in one transaction.
 */
export function createPasswordResetService(p: TPasswordResetDeps) {
  async function resolve(token: string) {
    const row = await repo.findPasswordReset(p.db, resetTokenHash(p.secretKey, token));
    if (!row) throw invalidLink();
    if (row.used_at) throw new AppError(410, 'reset_link_used', 'This reset link has already been used or replaced by a newer one: ask for a new one.', { reason: 'reset_link_used' });
    if (new Date(row.expires_at).getTime() <= p.clock.now().getTime()) throw new AppError(410, 'reset_link_expired', 'This reset link has expired: ask for a new one.', { reason: 'reset_link_expired' });
    return row;
  }

  return {
    async request(email: string, ctx: TRequestContext) {
      // Never refunded: every request counts, for the address and for the caller's IP.
      await p.bruteForce.attempt(resetKeys(email, ctx.ip));
      await p.jobs.send(p.db, sendPasswordResetMail, { email, requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent });
      return { status: 'requested' as const, expiresInMinutes: p.config.PASSWORD_RESET_TTL_MINUTES };
    },

    async preview(token: string) {
      const row = await resolve(token);
      return { email: row.email, expiresAt: new Date(row.expires_at).toISOString() };
    },

    async complete(body: { token: string; password: string }, ctx: TRequestContext) {
      const row = await resolve(body.token);
      assertAcceptablePassword(body.password);
      const hash = await hashPassword(body.password);
      await p.db.transaction().execute(async (tx) => {
        if (!(await repo.claimPasswordReset(tx, row.id))) throw new AppError(410, 'reset_link_used', 'This reset link has already been used: ask for a new one.', { reason: 'reset_link_used' });
        await repo.setPasswordHash(tx, row.user_id, hash);
        const sessionsEnded = await repo.revokeSessions(tx, row.user_id, 'all');
        await repo.retirePasswordResets(tx, row.user_id);
        // Whoever was locked out by someone else's guesses gets in with the new password at once.
        await repo.clearLoginFailures(tx, accountKey(row.email));
        await recordAudit(tx, { type: 'user', userId: row.user_id, email: row.email } as never, ctx, {
          tenantId: PLATFORM_TENANT_ID,
          action: 'user.password_reset',
          subjectType: 'user',
          subjectId: row.user_id,
          after: { sessionsEnded },
        });
      });
    },
  };
}
