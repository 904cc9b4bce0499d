import QRCode from 'qrcode';
import type { TUserRow } from '../../db/types.ts';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { PLATFORM_TENANT_ID, recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { accountKey, ipKey } from '../../platform/auth/brute-force.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri } from '../../platform/auth/totp.ts';
import { seal, unseal } from '../../platform/crypto/crypto.ts';
import { AppError, notFound } from '../../platform/errors/errors.ts';
import * as repo from './accounts-repo.ts';

export type TMfaDeps = Pick<TPlatform, 'db' | 'authz' | 'bruteForce' | 'secretKey'>;

/**
 * A TOTP code (each 30-second step usable once) or an unused recovery code. TOTP seeds are sealed
 * with the instance's secret key; recovery codes are stored only as hashes.
 */
export async function verifySecondFactor(p: Pick<TPlatform, 'db' | 'secretKey'>, user: TUserRow, code: string): Promise<boolean> {
  if (!user.mfa_secret) return false;
  const compact = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(compact)) {
    const step = checkTotp(unseal(p.secretKey, user.mfa_secret), compact, user.mfa_last_step);
    return step !== null && (await repo.claimTotpStep(p.db, user.id, step));
  }
  return repo.claimRecoveryCode(p.db, user.id, hashRecoveryCode(compact));
}

export function createMfaService(p: TMfaDeps) {
  return {
    /** Starts enrolment: the secret is pending until a code from the app proves it was scanned. */
    async enrol(actor: TActor | null) {
      p.authz.assertUser(actor);
      const user = await repo.findUserById(p.db, actor.userId);
      if (!user) throw notFound('User');
      if (user.mfa_enabled_at) throw new AppError(409, 'mfa_already_enabled', 'Two-factor authentication is already on. Turn it off first to enrol a new device.');
      const secret = newTotpSecret();
      await repo.setPendingMfaSecret(p.db, user.id, seal(p.secretKey, secret));
      const otpauthUrl = totpUri(secret, user.email);
      return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
    },

    async confirm(actor: TActor | null, code: string, ctx: TRequestContext) {
      p.authz.assertUser(actor);
      const user = await repo.findUserById(p.db, actor.userId);
      if (!user?.mfa_pending_secret) throw new AppError(400, 'mfa_enrolment_missing', 'Start the enrolment first: no pending two-factor secret.');
      const pending = user.mfa_pending_secret;
      const step = checkTotp(unseal(p.secretKey, pending), code.replace(/\s+/g, ''), null);
      if (step === null) throw new AppError(400, 'invalid_mfa_code', 'The code does not match. Check the time on your phone and try the next code.', { field: 'code' });
      const codes = newRecoveryCodes();
      await p.db.transaction().execute(async (tx) => {
        await repo.enableMfa(tx, user.id, pending, step, codes.map(hashRecoveryCode));
        await recordAudit(tx, actor, ctx, { tenantId: PLATFORM_TENANT_ID, action: 'user.mfa_enabled', subjectType: 'user', subjectId: user.id });
      });
      return { recoveryCodes: codes };
    },

    async disable(actor: TActor | null, body: { password: string; code: string }, ctx: TRequestContext) {
      p.authz.assertUser(actor);
      const attempt = await p.bruteForce.attempt([accountKey(actor.email), ipKey(ctx.ip)]);
      const user = await repo.findUserById(p.db, actor.userId);
      if (!user?.mfa_secret) {
        await attempt.refund();
        throw new AppError(409, 'mfa_not_enabled', 'Two-factor authentication is not on.');
      }
      const ok = (await verifyPassword(user.password_hash, body.password)) && (await verifySecondFactor(p, user, body.code));
      if (!ok) throw new AppError(400, 'password_or_code_wrong', 'The password or the code is wrong.');
      await attempt.refund();
      await p.db.transaction().execute(async (tx) => {
        await repo.disableMfa(tx, user.id);
        await recordAudit(tx, actor, ctx, { tenantId: PLATFORM_TENANT_ID, action: 'user.mfa_disabled', subjectType: 'user', subjectId: user.id });
      });
    },
  };
}
