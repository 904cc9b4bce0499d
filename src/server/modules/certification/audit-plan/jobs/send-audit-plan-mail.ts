import { z } from 'zod';
import en from '../../../../../web/i18n/modules/auditPlan.en.json' with { type: 'json' };
import fr from '../../../../../web/i18n/modules/auditPlan.fr.json' with { type: 'json' };
import { formatLongDate } from '../../../../../shared/format.ts';
import { labelsOf } from '../../../../documents/labels.ts';
import { defineJob } from '../../../../platform/jobs/define-job.ts';
import { publicBaseUrl, readAll } from '../../proposals/proposal-common.ts';
import { planForMail } from '../audit-plan-repo.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Mails an issued audit plan in its language to each recipient chosen when it was issued, with the
 * stored PDF attached and a link to the engagement's page in the organization's workspace, where it
 * is acknowledged. Queued in the issuing transaction.
 */
export const sendAuditPlanMail = defineJob({
  id: 'mail.audit_plan',
  payload: z.object({ tenantId: z.uuid(), planId: z.uuid() }),
  async handler({ tenantId, planId }, { platform: p }) {
    const row = await planForMail(p.db, tenantId, planId);
    if (!row || !row.document_sha256 || !row.locale) return;
    const lang = row.locale;
    const t = labelsOf({ en, fr }, lang);
    const day = (d: string) => formatLongDate(lang, new Date(`${d}T12:00:00Z`), 'UTC');
    const dates = row.start_date && row.end_date && row.start_date !== row.end_date ? t('document.span', { from: day(row.start_date), to: day(row.end_date) }) : row.start_date ? day(row.start_date) : '';
    const vars = {
      body: row.body_name,
      client: row.client_name,
      reference: row.audit_reference,
      type: t(`auditType.${row.audit_type}`),
      version: String(row.version),
      dates,
      link: `${publicBaseUrl(p.config)}/t/${row.organization_tenant_id}/certification/${row.engagement_id}`,
    };
    const html = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, k === 'link' ? v : escapeHtml(v)]));
    const pdf = await readAll((await p.blobs.get(row.document_sha256))!);
    for (const to of row.recipients) {
      await p.mailer.send({
        to,
        subject: t('mail.subject', vars),
        text: t('mail.body', vars),
        html: t('mail.html', html),
        attachments: [{ filename: `${row.audit_reference}-plan-v${row.version}.pdf`, content: pdf, contentType: 'application/pdf' }],
      });
    }
  },
});
