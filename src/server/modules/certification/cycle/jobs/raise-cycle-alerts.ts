import { z } from 'zod';
import { defineJob } from '../../../../platform/jobs/define-job.ts';
import { recordAudit } from '../../../../platform/audit-log/audit-log.ts';
import { todayOf } from '../../../../platform/clock/clock.ts';
import { dueAlerts } from '../cycle-alert-rules.ts';
import * as repo from '../cycle-repo.ts';
import { sendCycleAlertMail } from './send-cycle-alert-mail.ts';

const SYSTEM_CONTEXT = { requestId: null, ip: null, userAgent: null };

/**
 * Daily (clock-driven, idempotent): for every active certified programme, raises the surveillance
 * and recertification alerts due today (cycle-alert-rules), each once per threshold — the row in
 * cycle_alerts is the record, its insertion the lock — with an audit event in both tenants and one
 * mail job; and clears the open alerts whose condition went away (audit reported, confirmed…).
 * Each programme is its own transaction.
 */
export const raiseCycleAlerts = defineJob({
  id: 'certification.cycle-alerts',
  payload: z.object({ tenantId: z.uuid().optional() }),
  schedule: { cron: '15 2 * * *', payload: {} },
  retryLimit: 2,
  async handler({ tenantId }, { platform: p }) {
    const today = todayOf(p);
    for (const g of await repo.certifiedProgrammes(p.db, tenantId)) {
      const due = dueAlerts({ today, expiryDate: g.expiry_date, audits: g.audits });
      const stillDue = new Set(due.map((d) => `${d.kind}|${d.threshold}`));
      const stale = g.open_alerts.filter((a) => !stillDue.has(`${a.kind}|${a.threshold}`)).map((a) => a.id);
      const fresh = due.filter((d) => !g.open_alerts.some((a) => a.kind === d.kind && a.threshold === d.threshold));
      if (!stale.length && !fresh.length) continue;
      await p.db.transaction().execute(async (tx) => {
        await repo.clearAlerts(tx, g.tenant_id, stale, p.clock.now());
        for (const d of fresh) {
          const row = await repo.insertAlert(tx, {
            tenant_id: g.tenant_id,
            organization_tenant_id: g.organization_tenant_id,
            programme_id: g.id,
            audit_id: d.auditId,
            kind: d.kind,
            threshold: d.threshold,
            due_on: d.dueOn,
            raised_on: today,
          });
          if (!row) continue;
          for (const t of [g.tenant_id, g.organization_tenant_id]) {
            await recordAudit(tx, null, SYSTEM_CONTEXT, {
              tenantId: t,
              action: 'programme.alert_raised',
              subjectType: 'audit_programme',
              subjectId: g.id,
              after: { kind: d.kind, threshold: d.threshold, dueOn: d.dueOn, auditId: d.auditId, programmeId: g.id },
            });
          }
          await p.jobs.send(tx, sendCycleAlertMail, { tenantId: g.tenant_id, alertId: row.id }, { singletonKey: row.id });
        }
      });
    }
  },
});
