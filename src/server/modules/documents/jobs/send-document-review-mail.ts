import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define-job.ts';
import { formatDate } from '../../../platform/i18n/messages.ts';
import { DOCUMENT_LABELS } from '../documents-labels.ts';
import { reviewReminderFacts } from '../documents-repo.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const fill = (template: string, vars: Record<string, string>, html = false) => template.replace(/\{(\w+)\}/g, (_, k: string) => (html ? escapeHtml(vars[k] ?? '') : (vars[k] ?? '')));

/** Tells a document's owner, in their own language, that its review date has passed. */
export const sendDocumentReviewMail = defineJob({
  id: 'mail.document-review-overdue',
  payload: z.object({ tenantId: z.uuid(), documentId: z.uuid() }),
  async handler({ tenantId, documentId }, { platform: p }) {
    const f = await reviewReminderFacts(p.db, tenantId, documentId);
    if (!f || !f.next_review_on || f.published_version === null) return;
    const L = DOCUMENT_LABELS[f.locale];
    const baseUrl = (p.config.PUBLIC_URL ?? `http://${p.config.HOST}:${p.config.PORT}`).replace(/\/$/, '');
    const vars = {
      name: f.name,
      document: f.title,
      version: String(f.published_version),
      tenant: f.tenant_name,
      due: formatDate(f.locale, new Date(`${f.next_review_on}T12:00:00Z`)),
      link: `${baseUrl}/t/${tenantId}/documents/${documentId}`,
    };
    await p.mailer.send({ to: f.email, subject: fill(L.reviewSubject, vars), text: fill(L.reviewBody, vars), html: fill(L.reviewHtml, vars, true) });
  },
});
