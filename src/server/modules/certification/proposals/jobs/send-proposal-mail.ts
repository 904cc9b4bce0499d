import { z } from 'zod';
import en from '../../../../../web/i18n/modules/proposals.en.json' with { type: 'json' };
import fr from '../../../../../web/i18n/modules/proposals.fr.json' with { type: 'json' };
import { formatLongDate } from '../../../../../shared/format.ts';
import { labelsOf } from '../../../../documents/labels.ts';
import { defineJob } from '../../../../platform/jobs/define-job.ts';
import { todayOf } from '../../../../platform/clock/clock.ts';
import { formatMoney } from '../documents/build-proposal-model.ts';
import { proposalToken, publicBaseUrl, readAll, termsOf } from '../proposal-common.ts';
import { proposalState } from '../proposal-lifecycle.ts';
import { getProposalForLink } from '../proposals-repo.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Mails an issued proposal in its language, with the stored PDF attached and the signed link.
 * Queued in the issuing transaction; the link is recomputed from the row (nothing secret stored).
 * A proposal answered, withdrawn or expired in the meantime gets no mail.
 */
export const sendProposalMail = defineJob({
  id: 'mail.proposal',
  payload: z.object({ tenantId: z.uuid(), proposalId: z.uuid() }),
  async handler({ tenantId, proposalId }, { platform: p }) {
    const row = await getProposalForLink(p.db, tenantId, proposalId);
    if (!row || !row.sent_at || !row.recipient_email || !row.document_sha256 || proposalState(row, todayOf(p)) !== 'sent') return;
    const lang = row.locale;
    const t = labelsOf({ en, fr }, lang);
    const validUntil = formatLongDate(lang, new Date(`${row.valid_until}T12:00:00Z`));
    const link = `${publicBaseUrl(p.config)}/proposal/${proposalToken(p.secretKey, tenantId, row.id, row.sent_at, row.valid_until)}`;
    const vars = {
      name: row.recipient_name ? ` ${row.recipient_name}` : '',
      body: row.bodyName,
      client: row.clientName,
      reference: row.reference,
      total: formatMoney(lang, termsOf(row).totals.cycleCents, row.currency),
      validUntil,
      link,
      // A SOC 2 proposal is for an examination and its attestation report, never a certification.
      reportType: row.scheme === 'soc2-type1' ? 'Type I' : 'Type II',
    };
    const key = row.scheme === 'iso42001' ? 'mail' : 'mailSoc2';
    const html = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, k === 'link' ? v : escapeHtml(v)]));
    const pdf = await p.blobs.get(row.document_sha256);
    await p.mailer.send({
      to: row.recipient_email,
      subject: t(`${key}.subject`, vars),
      text: t(`${key}.body`, vars),
      html: t(`${key}.html`, html),
      ...(pdf ? { attachments: [{ filename: `${row.reference}.pdf`, content: await readAll(pdf), contentType: 'application/pdf' }] } : {}),
    });
  },
});
