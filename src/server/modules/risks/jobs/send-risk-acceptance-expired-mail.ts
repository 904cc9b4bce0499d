import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define-job.ts';
import { formatDate } from '../../../platform/i18n/messages.ts';
import { RISK_LABELS } from '../risks-labels.ts';
import { reminderFacts } from '../risks-repo.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const fill = (template: string, vars: Record<string, string>, html = false) => template.replace(/\{(\w+)\}/g, (_, k: string) => (html ? escapeHtml(vars[k] ?? '') : (vars[k] ?? '')));

/** Tells the risk owner (or, without one, whoever accepted it) in their own language. */
export const sendRiskAcceptanceExpiredMail = defineJob({
  id: 'mail.risk-acceptance-expired',
  payload: z.object({ tenantId: z.uuid(), riskId: z.uuid(), acceptanceId: z.uuid() }),
  async handler({ tenantId, riskId, acceptanceId }, { platform: p }) {
    const f = await reminderFacts(p.db, tenantId, riskId, acceptanceId);
    if (!f) return;
    const L = RISK_LABELS[f.locale];
    const baseUrl = (p.config.PUBLIC_URL ?? `http://${p.config.HOST}:${p.config.PORT}`).replace(/\/$/, '');
    const vars = {
      name: f.name,
      risk: f.title,
      tenant: f.tenant_name,
      expires: formatDate(f.locale, new Date(`${f.expires_on}T12:00:00Z`)),
      link: `${baseUrl}/t/${tenantId}/risks/${riskId}`,
    };
    await p.mailer.send({ to: f.email, subject: fill(L.reminderSubject, vars), text: fill(L.reminderBody, vars), html: fill(L.reminderHtml, vars, true) });
  },
});
