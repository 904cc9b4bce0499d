import { z } from 'zod';
import { defineJob } from '../../../../platform/jobs/define-job.ts';
import { formatDate } from '../../../../platform/i18n/messages.ts';
import { CYCLE_LABELS } from '../cycle-labels.ts';
import * as repo from '../cycle-repo.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

/**
 * Mails one surveillance or recertification alert to each of its recipients, in their own
 * language: the body's scheme managers get the body's dashboard, the organization its
 * Certification page. An alert cleared before the mail went out is not sent.
 */
export const sendCycleAlertMail = defineJob({
  id: 'mail.cycle-alert',
  payload: z.object({ tenantId: z.uuid(), alertId: z.uuid() }),
  async handler({ tenantId, alertId }, { platform: p }) {
    const f = await repo.alertFacts(p.db, tenantId, alertId);
    if (!f || f.cleared_at) return;
    const recipients = await repo.alertRecipients(p.db, f);
    const baseUrl = (p.config.PUBLIC_URL ?? `http://${p.config.HOST}:${p.config.PORT}`).replace(/\/$/, '');
    for (const r of recipients) {
      const L = CYCLE_LABELS[r.locale][f.kind];
      const vars = {
        name: r.name,
        client: f.client_name,
        reference: f.client_reference,
        body: f.body_name,
        audit: f.audit_reference ?? '',
        due: formatDate(r.locale, new Date(`${f.due_on}T12:00:00Z`)),
        link: r.side === 'body' ? `${baseUrl}/t/${f.body_tenant_id}/surveillance` : `${baseUrl}/t/${f.organization_tenant_id}/certification`,
      };
      const text = fill(L.body, vars);
      const html = text
        .split('\n\n')
        .map((para) => `<p>${escapeHtml(para)}</p>`)
        .join('');
      await p.mailer.send({ to: r.email, subject: fill(L.subject, vars), text, html });
    }
    await repo.setAlertRecipients(p.db, tenantId, alertId, recipients.length);
  },
});
