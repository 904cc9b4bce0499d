import { z } from 'zod';
import { defineJob } from '../../../../platform/jobs/define-job.ts';
import { todayOf } from '../../../../platform/clock/clock.ts';
import { reminderDue } from '../request-rules.ts';
import * as repo from '../requests-repo.ts';
import { sendRequestReminderMail } from './send-request-reminder-mail.ts';

/**
 * Daily: each request the organization still holds is mailed about `soc2_request_reminder_days`
 * (the firm's setting) before its due date, then once more when it is overdue — once per request
 * and due date. The claim on `last_reminded_on` and the mail job are written in one transaction,
 * so a second run (or a retry) sends nothing more.
 */
export const remindSoc2Requests = defineJob({
  id: 'soc2.remind-requests',
  payload: z.object({}),
  schedule: { cron: '10 2 * * *', payload: {} },
  retryLimit: 2,
  async handler(_, { platform: p }) {
    const today = todayOf(p);
    for (const r of await repo.reminderCandidates(p.db, today)) {
      const kind = reminderDue({ state: r.state, dueOn: r.due_on, lastRemindedOn: r.last_reminded_on }, today, r.days);
      if (!kind) continue;
      await p.db.transaction().execute(async (tx) => {
        if (!(await repo.claimReminder(tx, r.tenant_id, r.id, r.last_reminded_on, today))) return;
        await p.jobs.send(tx, sendRequestReminderMail, { tenantId: r.tenant_id, requestId: r.id, kind, dueOn: r.due_on }, { singletonKey: `soc2-request:${r.id}:${kind}:${r.due_on}` });
      });
    }
  },
});
