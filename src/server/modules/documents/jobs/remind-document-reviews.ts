import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define-job.ts';
import { recordAudit } from '../../../platform/audit-log/audit-log.ts';
import * as repo from '../documents-repo.ts';
import { todayOf } from '../documents-service.ts';
import { sendDocumentReviewMail } from './send-document-review-mail.ts';

const SYSTEM_CONTEXT = { requestId: null, ip: null, userAgent: null };

/**
 * Daily: a published document whose next review date has passed gets its owner reminded, once
 * per review date (`review_reminded_for`): setting a new date arms the reminder again. Each
 * document is its own transaction (locked, judged again, marked, audited and its mail queued).
 */
export const remindDocumentReviews = defineJob({
  id: 'documents.remind-reviews',
  payload: z.object({ tenantId: z.uuid().optional() }),
  schedule: { cron: '45 1 * * *', payload: {} },
  retryLimit: 2,
  async handler({ tenantId }, { platform: p }) {
    const today = todayOf(p);
    for (const due of await repo.reviewsOverdue(p.db, today, tenantId)) {
      await p.db.transaction().execute(async (tx) => {
        const d = await repo.getDocumentForUpdate(tx, due.tenant_id, due.id);
        if (!d || d.published_version === null || !d.owner_id || !d.next_review_on || d.next_review_on >= today || d.review_reminded_for === d.next_review_on) return;
        await repo.updateDocument(tx, due.tenant_id, d.id, { review_reminded_for: d.next_review_on });
        await recordAudit(tx, null, SYSTEM_CONTEXT, {
          tenantId: due.tenant_id,
          action: 'document.review_overdue',
          subjectType: 'document',
          subjectId: d.id,
          after: { title: d.title, nextReviewOn: d.next_review_on, ownerId: d.owner_id },
        });
        await p.jobs.send(tx, sendDocumentReviewMail, { tenantId: due.tenant_id, documentId: d.id }, { singletonKey: `${d.id}:${d.next_review_on}` });
      });
    }
  },
});
