import { z } from 'zod';
import { ZObjectiveStatus, ZTargetDirection } from '../../../../shared/contracts/aims-records-context.ts';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

/** What an objective looked like; an update records only the fields that changed (the title always, for the sentence). */
const ZObjectiveFields = z
  .strictObject({
    title: z.string(),
    measure: z.string(),
    targetDirection: ZTargetDirection,
    targetValue: z.number(),
    targetUnit: z.string(),
    dueOn: z.string(),
    ownerId: z.string().nullable(),
    status: ZObjectiveStatus,
    requirements: z.array(z.string()),
  })
  .partial();

export const OBJECTIVES_AUDIT = defineAuditActions({
  'aims_objective.created': { after: ZObjectiveFields },
  'aims_objective.updated': { before: ZObjectiveFields, after: ZObjectiveFields },
  'aims_objective.result_recorded': {
    after: z.strictObject({
      resultId: z.string(),
      title: z.string(),
      measuredOn: z.string(),
      value: z.number(),
      targetDirection: ZTargetDirection,
      targetValue: z.number(),
      unit: z.string(),
      met: z.boolean(),
      comment: z.string(),
    }),
  },
});
