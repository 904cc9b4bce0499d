import { sql } from 'kysely';
import QRCode from 'qrcode';
import type { TUserRow } from '../../db/types.ts';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { PLATFORM_TENANT_ID, recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { accountKey, ipKey } from '../../platform/auth/brute-force.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri } from '../../platform/auth/totp.ts';
import { seal, unseal } from '../../platform/crypto/crypto.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors/errors.ts';
import { findUserById } from './accounts-repo.ts';

/**
 * A TOTP code (each 30-second step usable once) or an unused recovery code. TOTP seeds are sealed
 * with the instance's secret key; recovery codes are stored only as hashes.
 */
export async function verifySecondFactor(p: TPlatform, user: TUserRow, code: string): Promise<boolean> {
  if (!user.mfa_secret) return false;
  const compact = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(compact)) {
    const step = checkTotp(unseal(p.secretKey, user.mfa_secret), compact, user.mfa_last_step);
    if (step === null) return false;
    const res = await p.db
      .updateTable('users')
      .set({ mfa_last_step: step })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }
  const res = await p.db
    .updateTable('mfa_recovery_codes')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', user.id)
    .where('code_hash', '=', hashRecoveryCode(compact))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function createMfaService(p: TPlatform) {
  return {
    /** Starts enrolment: the secret is pending until a code from the app proves it was scanned. */
    async enrol(actor: TActor | null) {
      p.authz.assertUser(actor);
      const user = await findUserById(p.db, actor.userId);
      if (!user) throw notFound('User');
      if (user.mfa_enabled_at) throw conflict('Two-factor authentication is already on. Turn it off first to enrol a new device.');
      const secret = newTotpSecret();
      await p.db.updateTable('users').set({ mfa_pending_secret: seal(p.secretKey, secret) }).where('id', '=', user.id).execute();
      const otpauthUrl = totpUri(secret, user.email);
      return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
    },

    async confirm(actor: TActor | null, code: string, ctx: TRequestContext) {
      p.authz.assertUser(actor);
      const user = await findUserById(p.db, actor.userId);
      if (!user?.mfa_pending_secret) throw badRequest('Start the enrolment first: no pending two-factor secret.');
      const secret = unseal(p.secretKey, user.mfa_pending_secret);
      const step = checkTotp(secret, code, null);
      if (step === null) throw new AppError(400, 'bad_request', 'The code does not match. Check the time on your phone and try the next code.', { field: 'code' });
      const codes = newRecoveryCodes();
      await p.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('users')
          .set({ mfa_secret: user.mfa_pending_secret, mfa_pending_secret: null, mfa_enabled_at: sql`now()`, mfa_last_step: step })
          .where('id', '=', user.id)
          .execute();
        await tx.deleteFrom('mfa_recovery_codes').where('user_id', '=', user.id).execute();
        await tx.insertInto('mfa_recovery_codes').values(codes.map((c) => ({ user_id: user.id, code_hash: hashRecoveryCode(c) }))).execute();
        await recordAudit(tx, actor, ctx, { tenantId: PLATFORM_TENANT_ID, action: 'user.mfa_enabled', subjectType: 'user', subjectId: user.id });
      });
      return { recoveryCodes: codes };
    },

    async disable(actor: TActor | null, body: { password: string; code: string }, ctx: TRequestContext) {
      p.authz.assertUser(actor);
      const keys = [accountKey(actor.email), ipKey(ctx.ip)];
      await p.bruteForce.assertAllowed(keys);
      const user = await findUserById(p.db, actor.userId);
      if (!user?.mfa_secret) throw conflict('Two-factor authentication is not on.');
      const ok = (await verifyPassword(user.password_hash, body.password)) && (await verifySecondFactor(p, user, body.code));
      if (!ok) {
        await p.bruteForce.recordFailure(keys);
        throw badRequest('The password or the code is wrong.');
      }
      await p.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('users')
          .set({ mfa_secret: null, mfa_pending_secret: null, mfa_enabled_at: null, mfa_last_step: null })
          .where('id', '=', user.id)
          .execute();
        await tx.deleteFrom('mfa_recovery_codes').where('user_id', '=', user.id).execute();
        await recordAudit(tx, actor, ctx, { tenantId: PLATFORM_TENANT_ID, action: 'user.mfa_disabled', subjectType: 'user', subjectId: user.id });
      });
    },
  };
}
