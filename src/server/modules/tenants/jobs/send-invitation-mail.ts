import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define-job.ts';
import { formatDate, t } from '../../../platform/i18n/messages.ts';
import { invitationState } from '../invitation-lifecycle.ts';
import { getInvitationForMail } from '../invitations-repo.ts';
import { invitationToken } from '../invitations-service.ts';

/**
 * Mails the invitation link. Queued in the invitation's transaction; the link is recomputed from
 * the row (nothing secret is stored in the job), and an invitation accepted or withdrawn in the
 * meantime (or replaced by a newer one, or expired) gets no mail.
 */
export const sendInvitationMail = defineJob({
  id: 'mail.invitation',
  payload: z.object({ tenantId: z.uuid(), invitationId: z.uuid() }),
  async handler({ tenantId, invitationId }, { platform: p }) {
    const row = await getInvitationForMail(p.db, tenantId, invitationId);
    if (!row || invitationState(row, p.clock.now()) !== 'pending') return;
    const locale = row.locale;
    const baseUrl = (p.config.PUBLIC_URL ?? `http://${p.config.HOST}:${p.config.PORT}`).replace(/\/$/, '');
    const vars = {
      tenant: row.tenantName,
      inviter: row.inviter,
      role: t(locale, `role.${row.role}`),
      link: `${baseUrl}/invite/${invitationToken(p.secretKey, tenantId, row.id, row.expires_at)}`,
      expires: formatDate(locale, new Date(row.expires_at)),
    };
    await p.mailer.send({
      to: row.email,
      subject: t(locale, 'invite.subject', vars),
      text: t(locale, 'invite.body', vars),
      html: t(locale, 'invite.html', vars, true),
    });
  },
});
