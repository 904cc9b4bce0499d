import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define-job.ts';
import { recordAudit } from '../../../platform/audit-log/audit-log.ts';
import { acceptanceExpired, riskLifecycle } from '../risk-lifecycle.ts';
import * as repo from '../risks-repo.ts';
import { todayOf } from '../risks-service.ts';
import { sendRiskAcceptanceExpiredMail } from './send-risk-acceptance-expired-mail.ts';

const SYSTEM_CONTEXT = { requestId: null, ip: null, userAgent: null };

/**
 * Daily: an acceptance whose expiry date has come re-opens its risk for review. Each risk is its
 * own transaction (locked, judged again, written with its audit event and the owner's reminder),
 * so a risk re-opened by hand meanwhile is left alone and one failure does not undo the others.
 */
export const expireRiskAcceptances = defineJob({
  id: 'risks.expire-acceptances',
  payload: z.object({ tenantId: z.uuid().optional() }),
  schedule: { cron: '30 1 * * *', payload: {} },
  retryLimit: 2,
  async handler({ tenantId }, { platform: p }) {
    const today = todayOf(p);
    for (const due of await repo.expiredAcceptances(p.db, today, tenantId)) {
      await p.db.transaction().execute(async (tx) => {
        const risk = await repo.getRiskForUpdate(tx, due.tenant_id, due.risk_id);
        const acc = await repo.getAcceptance(tx, due.tenant_id, due.id);
        if (!risk || !acc || acc.reopened_at || risk.current_acceptance_id !== acc.id || !acceptanceExpired(acc.expires_on, today)) return;
        if (!riskLifecycle.can(risk.status, 'expire', {})) return;
        const step = riskLifecycle.transition(risk.status, 'expire', {});
        await repo.markAcceptanceReopened(tx, due.tenant_id, acc.id, { reopened_at: p.clock.now(), reopened_by: null, reopen_kind: 'expired', reopen_reason: null });
        await repo.updateRisk(tx, due.tenant_id, risk.id, { status: step.to, current_acceptance_id: null });
        await recordAudit(tx, null, SYSTEM_CONTEXT, {
          tenantId: due.tenant_id,
          action: step.audit!,
          subjectType: 'risk',
          subjectId: risk.id,
          before: { status: risk.status, title: risk.title },
          after: { acceptanceId: acc.id, expiresOn: acc.expires_on },
        });
        await p.jobs.send(tx, sendRiskAcceptanceExpiredMail, { tenantId: due.tenant_id, riskId: risk.id, acceptanceId: acc.id }, { singletonKey: acc.id });
      });
    }
  },
});
