import { z } from 'zod';
import en from '../../../../../web/i18n/modules/findings.en.json' with { type: 'json' };
import fr from '../../../../../web/i18n/modules/findings.fr.json' with { type: 'json' };
import { formatLongDate } from '../../../../../shared/format.ts';
import { labelsOf } from '../../../../documents/labels.ts';
import { defineJob } from '../../../../platform/jobs/define-job.ts';
import { publicBaseUrl } from '../../proposals/proposal-common.ts';
import * as repo from '../findings-repo.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * One late item of a finding, mailed to the organization's owners and administrators (a link to its
 * page in their Certification area) and to the audit's lead auditor (a link to the body's page),
 * each in their own language.
 */
export const sendOverdueFindingMail = defineJob({
  id: 'mail.finding-overdue',
  payload: z.object({ tenantId: z.uuid(), findingId: z.uuid(), kind: z.enum(['response', 'closure', 'verification']), dueOn: z.iso.date() }),
  async handler({ tenantId, findingId, kind, dueOn }, { platform: p }) {
    const f = await repo.bodyFinding(p.db, tenantId, findingId, null);
    if (!f) return;
    const base = publicBaseUrl(p.config);
    for (const r of await repo.reminderRecipients(p.db, tenantId, findingId)) {
      const t = labelsOf({ en, fr }, r.locale);
      const vars = {
        name: r.name,
        reference: f.reference,
        class: t(`class.${f.class}`),
        audit: f.audit_reference,
        body: f.body_name,
        organization: f.organization_name,
        what: t(`mail.overdue.kind.${kind}`),
        dueOn: formatLongDate(r.locale, new Date(`${dueOn}T12:00:00Z`), 'UTC'),
        link: r.side === 'organization' ? `${base}/t/${f.organization_tenant_id}/certification/findings/${findingId}` : `${base}/t/${tenantId}/findings/${findingId}`,
      };
      const html = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, k === 'link' ? v : escapeHtml(v)]));
      await p.mailer.send({ to: r.email, subject: t('mail.overdue.subject', vars), text: t('mail.overdue.body', vars), html: t('mail.overdue.html', html) });
    }
  },
});
