import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define-job.ts';
import { recordAudit } from '../../../platform/audit-log/audit-log.ts';
import { todayOf } from '../../../platform/clock/clock.ts';
import * as repo from '../impact-assessments-repo.ts';
import { sendAssessmentReviewMail } from './send-assessment-review-mail.ts';

const SYSTEM_CONTEXT = { requestId: null, ip: null, userAgent: null };

/**
 * Daily: an approved assessment whose next review date has come (due today or overdue) gets its
 * author and the approver of the version in force reminded, once per review date
 * (`review_reminded_for`): approving a new version with a new date arms the reminder again.
 * Each assessment is its own transaction (locked, judged again, marked, audited, mails queued),
 * so one failure does not undo the others.
 */
export const remindAssessmentReviews = defineJob({
  id: 'impact-assessments.remind-reviews',
  payload: z.object({ tenantId: z.uuid().optional() }),
  schedule: { cron: '50 1 * * *', payload: {} },
  retryLimit: 2,
  async handler({ tenantId }, { platform: p }) {
    const today = todayOf(p);
    for (const due of await repo.reviewsDue(p.db, today, tenantId)) {
      await p.db.transaction().execute(async (tx) => {
        if (!(await repo.getAssessmentForUpdate(tx, due.tenant_id, due.id))) return;
        const a = await repo.approvedForReview(tx, due.tenant_id, due.id);
        if (!a || a.approved_version === null || !a.next_review_on || a.next_review_on > today || a.review_reminded_for === a.next_review_on) return;
        const recipients = await repo.stillMembers(tx, due.tenant_id, [...new Set([a.created_by, a.approved_by].filter((id): id is string => Boolean(id)))]);
        await repo.markReviewReminded(tx, due.tenant_id, a.id, a.next_review_on);
        await recordAudit(tx, null, SYSTEM_CONTEXT, {
          tenantId: due.tenant_id,
          action: 'impact_assessment.review_due',
          subjectType: 'impact_assessment',
          subjectId: a.id,
          after: { title: a.title, version: a.approved_version, nextReviewOn: a.next_review_on, overdue: a.next_review_on < today, remindedUserIds: recipients },
        });
        for (const userId of recipients) {
          await p.jobs.send(tx, sendAssessmentReviewMail, { tenantId: due.tenant_id, assessmentId: a.id, userId }, { singletonKey: `${a.id}:${a.next_review_on}:${userId}` });
        }
      });
    }
  },
});
