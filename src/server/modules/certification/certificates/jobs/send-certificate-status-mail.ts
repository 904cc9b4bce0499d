import { z } from 'zod';
import en from '../../../../../web/i18n/modules/certificates.en.json' with { type: 'json' };
import fr from '../../../../../web/i18n/modules/certificates.fr.json' with { type: 'json' };
import { labelsOf } from '../../../../documents/labels.ts';
import { defineJob } from '../../../../platform/jobs/define-job.ts';
import { recipientsOf } from '../../audit-plan/audit-plan-repo.ts';
import { publicBaseUrl } from '../../proposals/proposal-common.ts';
import { registerPageUrl } from '../certificate-credential.ts';
import { longDay } from '../documents/build-certificate-model.ts';
import { statusMailOf } from '../certificates-repo.ts';

/**
 * Tells the organization's owners and administrators that its certificate is suspended or withdrawn
 * and that it must stop claiming certification (17021-1 9.6.5). One mail in English then French:
 * the people are the organization's, and their language is not the client record's to decide.
 * Queued in the status change's transaction.
 */
export const sendCertificateStatusMail = defineJob({
  id: 'mail.certificate_status',
  payload: z.object({ tenantId: z.uuid(), certificateId: z.uuid(), eventId: z.uuid() }),
  async handler({ tenantId, certificateId, eventId }, { platform: p }) {
    const row = await statusMailOf(p.db, tenantId, certificateId, eventId);
    if (!row || (row.kind !== 'suspended' && row.kind !== 'withdrawn')) return;
    const recipients = await recipientsOf(p.db, row.organization_tenant_id, row.contact_email);
    if (!recipients.length) return;
    const base = publicBaseUrl(p.config);
    const parts = (['en', 'fr'] as const).map((lang) => {
      const t = labelsOf({ en, fr }, lang);
      const vars = {
        body: row.body_name,
        number: row.number,
        standard: row.standard,
        holder: row.holder_name,
        from: longDay(lang, row.effective_on),
        until: row.suspended_until ? longDay(lang, row.suspended_until) : '',
        reason: lang === 'en' ? row.reason_en : row.reason_fr,
        link: registerPageUrl(base, row.number),
        workspace: `${base}/t/${row.organization_tenant_id}/certification`,
      };
      return { subject: t(`mail.${row.kind}.subject`, vars), body: t(`mail.${row.kind}.body`, vars) };
    });
    for (const to of recipients) {
      await p.mailer.send({ to, subject: `${parts[0]!.subject} / ${parts[1]!.subject}`, text: `${parts[0]!.body}\n\n— — —\n\n${parts[1]!.body}` });
    }
  },
});
