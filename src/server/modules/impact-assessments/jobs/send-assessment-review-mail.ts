import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define-job.ts';
import { formatDate } from '../../../platform/i18n/messages.ts';
import { IMPACT_ASSESSMENT_LABELS } from '../impact-assessments-labels.ts';
import { reviewReminderFacts } from '../impact-assessments-repo.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const fill = (template: string, vars: Record<string, string>, html = false) => template.replace(/\{(\w+)\}/g, (_, k: string) => (html ? escapeHtml(vars[k] ?? '') : (vars[k] ?? '')));

/** Tells the author or approver of an assessment, in their own language, that its review is due. */
export const sendAssessmentReviewMail = defineJob({
  id: 'mail.impact-assessment-review-due',
  payload: z.object({ tenantId: z.uuid(), assessmentId: z.uuid(), userId: z.uuid() }),
  async handler({ tenantId, assessmentId, userId }, { platform: p }) {
    const f = await reviewReminderFacts(p.db, tenantId, assessmentId, userId);
    if (!f || !f.next_review_on || f.approved_version === null) return;
    const L = IMPACT_ASSESSMENT_LABELS[f.locale];
    const baseUrl = (p.config.PUBLIC_URL ?? `http://${p.config.HOST}:${p.config.PORT}`).replace(/\/$/, '');
    const vars = {
      name: f.name,
      title: f.title,
      version: String(f.approved_version),
      system: f.ai_system_name,
      tenant: f.tenant_name,
      due: formatDate(f.locale, new Date(`${f.next_review_on}T12:00:00Z`)),
      link: `${baseUrl}/t/${tenantId}/impact-assessments/${assessmentId}`,
    };
    await p.mailer.send({ to: f.email, subject: fill(L.reviewSubject, vars), text: fill(L.reviewBody, vars), html: fill(L.reviewHtml, vars, true) });
  },
});
