import { z } from 'zod';
import en from '../../../../../web/i18n/modules/soc2Readers.en.json' with { type: 'json' };
import fr from '../../../../../web/i18n/modules/soc2Readers.fr.json' with { type: 'json' };
import { formatLongDate } from '../../../../../shared/format.ts';
import { labelsOf } from '../../../../documents/labels.ts';
import { defineJob } from '../../../../platform/jobs/define-job.ts';
import { publicBaseUrl } from '../../../certification/proposals/proposal-common.ts';
import { readerToken } from '../reader-common.ts';
import { readerState } from '../reader-lifecycle.ts';
import { readerForMail } from '../readers-repo.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Mails a reader their link, in the invitation's language. Queued in the invitation's transaction;
 * the link is recomputed from the row (the job holds no secret), and a reader revoked or expired
 * in the meantime gets no mail.
 */
export const sendSoc2ReaderMail = defineJob({
  id: 'mail.soc2-reader',
  payload: z.object({ tenantId: z.uuid(), readerId: z.uuid() }),
  async handler({ tenantId, readerId }, { platform: p }) {
    const row = await readerForMail(p.db, tenantId, readerId);
    if (!row) return;
    const state = readerState({ expiresAt: row.expires_at, ndaAcceptedAt: row.nda_accepted_at, revokedAt: row.revoked_at }, p.clock.now());
    if (state === 'revoked' || state === 'expired') return;
    const t = labelsOf({ en, fr }, row.locale);
    const vars = {
      name: row.name,
      company: row.company,
      organization: row.organization_name,
      firm: row.firm_name,
      reference: row.reference,
      expires: formatLongDate(row.locale, new Date(row.expires_at), 'Europe/Paris'),
      link: `${publicBaseUrl(p.config)}/reader/${readerToken(p.secretKey, tenantId, row.id)}`,
    };
    const html = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, k === 'link' ? v : escapeHtml(v)]));
    await p.mailer.send({ to: row.email, subject: t('mail.subject', vars), text: t('mail.body', vars), html: t('mail.html', html) });
  },
});
