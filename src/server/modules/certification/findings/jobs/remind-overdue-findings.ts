import { z } from 'zod';
import { defineJob } from '../../../../platform/jobs/define-job.ts';
import { todayOf } from '../../../../platform/clock/clock.ts';
import { overdueItems } from '../findings-rules.ts';
import * as repo from '../findings-repo.ts';
import { sendOverdueFindingMail } from './send-overdue-finding-mail.ts';

/**
 * Daily: each finding whose answer, closure or verification date has passed while it still waits
 * is mailed about once per kind and due date — the reminder row and the mail job are written in
 * one transaction, so a second run (or a retry) sends nothing more.
 */
export const remindOverdueFindings = defineJob({
  id: 'findings.remind-overdue',
  payload: z.object({ tenantId: z.uuid().optional() }),
  schedule: { cron: '50 1 * * *', payload: {} },
  retryLimit: 2,
  async handler({ tenantId }, { platform: p }) {
    const today = todayOf(p);
    for (const f of await repo.lateCandidates(p.db, today, tenantId)) {
      const items = overdueItems({ class: f.class, state: f.state, responseDueOn: f.response_due_on, closureDueOn: f.closure_due_on, verificationDueOn: f.verification_due_on }, today);
      for (const item of items) {
        await p.db.transaction().execute(async (tx) => {
          if (!(await repo.claimReminder(tx, f.tenant_id, f.id, item.kind, item.dueOn, p.clock.now()))) return;
          await p.jobs.send(tx, sendOverdueFindingMail, { tenantId: f.tenant_id, findingId: f.id, kind: item.kind, dueOn: item.dueOn }, { singletonKey: `finding-overdue:${f.id}:${item.kind}:${item.dueOn}` });
        });
      }
    }
  },
});
