import { z } from 'zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { PLATFORM_TENANT_ID, recordAudit } from '../../../platform/audit-log/audit-log.ts';
import { hmacHex, randomToken } from '../../../platform/crypto/crypto.ts';
import { formatDateTime, t } from '../../../platform/i18n/messages.ts';
import * as repo from '../accounts-repo.ts';

export const PASSWORD_RESET_MAIL_QUEUE = 'mail.password-reset';

/** Keyed with the instance's secret: the stored value is useless without the key, and vice versa. */
export const resetTokenHash = (key: Buffer, token: string) => hmacHex(key, `password-reset:${token}`);

export const ZPasswordResetMailPayload = z.object({
  email: z.string(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type TPasswordResetMailPayload = z.infer<typeof ZPasswordResetMailPayload>;

type TDeps = Pick<TPlatform, 'db' | 'config' | 'mailer' | 'secretKey'>;

/**
 * Runs for every request, known address or not (so the request itself reveals nothing). The
 * secret is made here, never queued: only its keyed hash reaches the database. A retried job
 * makes a new link and retires the previous one.
 */
export async function deliverPasswordResetLink(p: TDeps, data: TPasswordResetMailPayload): Promise<void> {
  const user = await repo.findUserByEmail(p.db, data.email);
  if (!user) return;
  const token = randomToken(32);
  const expiresAt = new Date(Date.now() + p.config.PASSWORD_RESET_TTL_MINUTES * 60_000);
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
}

export function registerPasswordResetMail(p: TDeps & Pick<TPlatform, 'jobs'>) {
  p.jobs.register(PASSWORD_RESET_MAIL_QUEUE, (data: unknown) => deliverPasswordResetLink(p, ZPasswordResetMailPayload.parse(data)));
}
