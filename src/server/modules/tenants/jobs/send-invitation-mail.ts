import { z } from 'zod';
import type { TLocale, TRole } from '../../../../shared/roles.ts';
import { defineJob } from '../../../platform/jobs/define-job.ts';
import { formatDate, t } from '../../../platform/i18n/messages.ts';
import { invitationToken } from '../invitations-service.ts';

/**
 * Mails the invitation link. Queued in the invitation's transaction; the link is recomputed from
 * the row (nothing secret is stored in the job), and an invitation accepted or withdrawn in the
 * meantime gets no mail.
 */
export const sendInvitationMail = defineJob({
  id: 'mail.invitation',
  payload: z.object({ tenantId: z.uuid(), invitationId: z.uuid() }),
  async handler({ tenantId, invitationId }, { platform: p }) {
    const row = await p.db
      .selectFrom('invitations as i')
      .innerJoin('tenants as t', 't.id', 'i.tenant_id')
      .innerJoin('users as u', 'u.id', 'i.invited_by')
      .select(['i.id', 'i.email', 'i.role', 'i.locale', 'i.expires_at', 'i.accepted_at', 'i.revoked_at', 't.name as tenantName', 'u.name as inviter'])
      .where('i.tenant_id', '=', tenantId)
      .where('i.id', '=', invitationId)
      .executeTakeFirst();
    if (!row || row.accepted_at || row.revoked_at) return;
    const locale = row.locale as TLocale;
    const baseUrl = (p.config.PUBLIC_URL ?? `http://${p.config.HOST}:${p.config.PORT}`).replace(/\/$/, '');
    const vars = {
      tenant: row.tenantName,
      inviter: row.inviter,
      role: t(locale, `role.${row.role as TRole}`),
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
