import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define-job.ts';
import { formatDate } from '../../../platform/i18n/messages.ts';
import { EVIDENCE_LABELS } from '../evidence-labels.ts';
import { expiryMailFacts } from '../evidence-repo.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const fill = (template: string, vars: Record<string, string>, html = false) => template.replace(/\{(\w+)\}/g, (_, k: string) => (html ? escapeHtml(vars[k] ?? '') : (vars[k] ?? '')));

/** Tells the evidence's owner (or, without one, whoever uploaded it) in their own language. */
export const sendEvidenceExpiredMail = defineJob({
  id: 'mail.evidence-expired',
  payload: z.object({ tenantId: z.uuid(), evidenceId: z.uuid() }),
  async handler({ tenantId, evidenceId }, { platform: p }) {
    const f = await expiryMailFacts(p.db, tenantId, evidenceId);
    if (!f) return;
    const L = EVIDENCE_LABELS[f.locale];
    const baseUrl = (p.config.PUBLIC_URL ?? `http://${p.config.HOST}:${p.config.PORT}`).replace(/\/$/, '');
    const vars = {
      name: f.name,
      title: f.title,
      tenant: f.tenant_name,
      validUntil: formatDate(f.locale, new Date(`${f.valid_until}T12:00:00Z`)),
      link: `${baseUrl}/t/${tenantId}/evidence/${evidenceId}`,
    };
    await p.mailer.send({ to: f.email, subject: fill(L.expiredSubject, vars), text: fill(L.expiredBody, vars), html: fill(L.expiredHtml, vars, true) });
  },
});
