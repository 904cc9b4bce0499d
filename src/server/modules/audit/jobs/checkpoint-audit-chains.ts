import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define-job.ts';
import { checkpointAuditChain } from '../../../platform/audit-log/checkpoints.ts';

/**
 * Hourly (and on demand for one tenant): signs the head of every audit chain that moved since its
 * last checkpoint, so a later truncation of the newest events cannot pass verification.
 */
export const checkpointAuditChains = defineJob({
  id: 'audit.checkpoint',
  payload: z.object({ tenantId: z.uuid().optional() }),
  schedule: { cron: '0 * * * *', payload: {} },
  retryLimit: 2,
  async handler({ tenantId }, { platform: p }) {
    const tenants = tenantId
      ? [tenantId]
      : (await p.db.selectFrom('audit_chain_heads').select('tenant_id').where('last_seq', '>', 0).execute()).map((r) => r.tenant_id);
    for (const id of tenants) await checkpointAuditChain(p, id);
  },
});
