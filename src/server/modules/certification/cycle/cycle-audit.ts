import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';
import { CYCLE_ALERT_KINDS } from '../../../db/types-cycle.ts';

/*
 * The audit programme's cycle events. Opening cycle n+1 is written in both tenants' logs (as the
 * engagement's opening is): the body and the organization each see the new programme.
 */
export const CYCLE_AUDIT = defineAuditActions({
  'programme.cycle_opened': {
    after: z.strictObject({
      engagementId: z.uuid(),
      previousProgrammeId: z.uuid(),
      cycle: z.number().int(),
      body: z.string(),
      organization: z.string(),
      decisionDate: z.string(),
      expiryDate: z.string(),
      audits: z.number().int(),
    }),
  },
  /** Raised by the daily job, in both tenants: a recertification reminder or alert, an overdue surveillance. */
  'programme.alert_raised': {
    after: z.strictObject({ kind: z.enum(CYCLE_ALERT_KINDS), threshold: z.string(), dueOn: z.string(), auditId: z.uuid().nullable(), programmeId: z.uuid() }),
  },
});
