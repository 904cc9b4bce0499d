import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define-job.ts';
import { recordAudit } from '../../../platform/audit-log/audit-log.ts';
import { todayOf } from '../evidence-dto.ts';
import { evidenceLifecycle } from '../evidence-lifecycle.ts';
import * as repo from '../evidence-repo.ts';
import { sendEvidenceExpiredMail } from './send-evidence-expired-mail.ts';

const SYSTEM_CONTEXT = { requestId: null, ip: null, userAgent: null };

/**
 * Daily: current evidence (submitted or accepted) whose valid-until date has passed becomes
 * expired, with an audit event by the system and a mail to its owner. Each evidence is its own
 * transaction (locked, judged again by the lifecycle), so a revision made meanwhile is left alone
 * and one failure does not undo the others.
 */
export const expireEvidence = defineJob({
  id: 'evidence.expire',
  payload: z.object({ tenantId: z.uuid().optional() }),
  schedule: { cron: '45 1 * * *', payload: {} },
  retryLimit: 2,
  async handler({ tenantId }, { platform: p }) {
    const today = todayOf(p);
    for (const due of await repo.expiredEvidence(p.db, today, tenantId)) {
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getForUpdate(tx, due.tenant_id, due.id);
        if (!row || row.superseded_by_id !== null) return;
        const ctx = { validUntil: row.valid_until, today };
        if (!evidenceLifecycle.can(row.status, 'expire', ctx)) return;
        const step = evidenceLifecycle.transition(row.status, 'expire', ctx);
        await repo.updateEvidence(tx, due.tenant_id, row.id, { status: step.to, expired_at: p.clock.now() });
        await recordAudit(tx, null, SYSTEM_CONTEXT, {
          tenantId: due.tenant_id,
          action: 'evidence.expired',
          subjectType: 'evidence',
          subjectId: row.series_id,
          before: { status: row.status },
          after: { evidenceId: row.id, title: row.title, revision: row.revision, status: step.to, validUntil: row.valid_until! },
        });
        await p.jobs.send(tx, sendEvidenceExpiredMail, { tenantId: due.tenant_id, evidenceId: row.id }, { singletonKey: row.id });
      });
    }
  },
});
