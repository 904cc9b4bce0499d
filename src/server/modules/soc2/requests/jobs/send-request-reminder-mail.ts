import { z } from 'zod';
import en from '../../../../../web/i18n/modules/soc2Testing.en.json' with { type: 'json' };
import fr from '../../../../../web/i18n/modules/soc2Testing.fr.json' with { type: 'json' };
import { formatLongDate } from '../../../../../shared/format.ts';
import { labelsOf } from '../../../../documents/labels.ts';
import { defineJob } from '../../../../platform/jobs/define-job.ts';
import { publicBaseUrl } from '../../../certification/proposals/proposal-common.ts';
import * as repo from '../requests-repo.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * One reminder of an information request, mailed to the organization's owners and administrators,
 * each in their own language, with a link to the request in the organization's workspace.
 */
export const sendRequestReminderMail = defineJob({
  id: 'mail.soc2-request-reminder',
  payload: z.object({ tenantId: z.uuid(), requestId: z.uuid(), kind: z.enum(['due_soon', 'overdue']), dueOn: z.iso.date() }),
  async handler({ tenantId, requestId, kind, dueOn }, { platform: p }) {
    const row = await p.db
      .selectFrom('soc2_requests as r')
      .innerJoin('soc2_examinations as x', (j) => j.onRef('x.tenant_id', '=', 'r.tenant_id').onRef('x.id', '=', 'r.examination_id'))
      .innerJoin('tenants as f', 'f.id', 'r.tenant_id')
      .select(['r.reference', 'r.title', 'r.state', 'x.reference as examination', 'x.organization_tenant_id', 'f.name as firm'])
      .where('r.tenant_id', '=', tenantId)
      .where('r.id', '=', requestId)
      .executeTakeFirst();
    // Answered since the reminder was queued: nothing to remind.
    if (!row || (row.state !== 'open' && row.state !== 'returned')) return;
    const base = publicBaseUrl(p.config);
    for (const r of await repo.reminderRecipients(p.db, row.organization_tenant_id)) {
      const locale = r.locale === 'fr' ? 'fr' : 'en';
      const t = labelsOf({ en, fr }, locale);
      const vars = {
        name: r.name,
        reference: row.reference,
        examination: row.examination,
        firm: row.firm,
        title: row.title,
        dueOn: formatLongDate(locale, new Date(`${dueOn}T12:00:00Z`), 'UTC'),
        link: `${base}/t/${row.organization_tenant_id}/soc2/requests/${requestId}`,
      };
      const html = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, k === 'link' ? v : escapeHtml(v)]));
      await p.mailer.send({
        to: r.email,
        subject: t(`mail.reminder.subject.${kind}`, vars),
        text: t('mail.reminder.body', { ...vars, lead: t(`mail.reminder.lead.${kind}`, vars) }),
        html: t('mail.reminder.html', { ...html, lead: t(`mail.reminder.lead.${kind}`, html) }),
      });
    }
  },
});
