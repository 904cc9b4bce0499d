import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

/*
 * Audit-time events. A table version keeps its configuration and a calculation its inputs and
 * trace, so the events carry what a reader of the log needs to find them and judge the change.
 */
export const AUDIT_TIME_AUDIT = defineAuditActions({
  'audit_time.table_version_created': {
    after: z.strictObject({ version: z.number().int(), name: z.string(), note: z.string(), previousVersion: z.number().int().nullable() }),
  },
  'audit_time.calculation_recorded': {
    after: z.strictObject({
      clientId: z.string(),
      clientReference: z.string(),
      tableSource: z.enum(['default', 'body']),
      tableVersion: z.number().int(),
      initialDays: z.number(),
      cycleDays: z.number(),
    }),
  },
});
