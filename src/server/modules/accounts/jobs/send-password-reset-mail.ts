import { z } from 'zod';
import { PLATFORM_TENANT_ID, recordAudit } from '../../../platform/audit-log/audit-log.ts';
import { hmacHex, randomToken } from '../../../platform/crypto/crypto.ts';
import { defineJob } from '../../../platform/jobs/define-job.ts';
import { formatDateTime, t } from '../../../platform/i18n/messages.ts';
import * as repo from '../accounts-repo.ts';

/** Keyed with the instance's secret: the stored value is useless without the key, and vice versa. */
export const resetTokenHash = (key: Buffer, token: string) => hmacHex(key, `password-reset:${token}`);

/**
 * Runs for every "forgot password" request, known address or not, so the request itself reveals
 * nothing. The secret is made here, never queued: only its keyed hash reaches the database. A
 * retried job makes a new link and retires the previous one.
 */
export const sendPasswordResetMail = defineJob({
  id: 'mail.password-reset',
  payload: z.object({ email: z.string(), requestId: z.string().nullable(), ip: z.string().nullable(), userAgent: z.string().nullable() }),
  async handler(data, { platform: p }) {
    const user = await repo.findUserByEmail(p.db, data.email);
    if (!user) return;
    const token = randomToken(32);
    const expiresAt = new Date(p.clock.now().getTime() + p.config.PASSWORD_RESET_TTL_MINUTES * 60_000);
    await p.db.transaction().execute(async (tx) => {
      await repo.retirePasswordResets(tx, user.id);
      await repo.insertPasswordReset(tx, user.id, resetTokenHash(p.secretKey, token), expiresAt);
      await recordAudit(tx, null, { requestId: data.requestId, ip: data.ip, userAgent: data.userAgent }, {
        tenantId: PLATFORM_TENANT_ID,
        action: 'user.password_reset_requested',
        subjectType: 'user',
        subjectId: user.id,
        actorEmail: data.email,
        after: { expiresAt: expiresAt.toISOString() },
      });
    });
    const base = (p.config.PUBLIC_URL ?? `http://${p.config.HOST}:${p.config.PORT}`).replace(/\/$/, '');
    const vars = { name: user.name, email: user.email, link: `${base}/reset-password#${token}`, expires: formatDateTime(user.locale, expiresAt) };
    await p.mailer.send({
      to: user.email,
      subject: t(user.locale, 'reset.subject'),
      text: t(user.locale, 'reset.body', vars),
      html: t(user.locale, 'reset.html', vars, true),
    });
  },
});
