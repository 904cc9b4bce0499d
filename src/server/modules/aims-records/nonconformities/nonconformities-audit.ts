import { z } from 'zod';
import { ZEffectivenessResult, ZNcSource, ZNcStatus } from '../../../../shared/contracts/nonconformities.ts';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

/** A nonconformity field by field; an update records only what changed. */
const ZNcFields = z
  .strictObject({
    title: z.string(),
    description: z.string(),
    source: ZNcSource,
    /** The record that raised it. */
    sourceRecord: z.strictObject({ type: z.string(), id: z.string() }),
    correction: z.string(),
    rootCause: z.string(),
    correctiveAction: z.string(),
    ownerId: z.string().nullable(),
    dueOn: z.string().nullable(),
    requirements: z.array(z.string()),
  })
  .partial();

const ZStep = z.strictObject({ status: ZNcStatus, title: z.string() });
const ZCheck = z.strictObject({ status: ZNcStatus, checkedOn: z.string(), result: ZEffectivenessResult, notes: z.string() });

/** Nonconformity and corrective action events (ISO/IEC 42001 10.2). */
export const NONCONFORMITIES_AUDIT = defineAuditActions({
  'nonconformity.created': { after: ZNcFields },
  'nonconformity.updated': { before: ZNcFields, after: ZNcFields },
  'nonconformity.correction_recorded': { before: ZStep, after: z.strictObject({ status: ZNcStatus, correction: z.string() }) },
  'nonconformity.action_planned': { before: ZStep, after: z.strictObject({ status: ZNcStatus, rootCause: z.string(), correctiveAction: z.string() }) },
  'nonconformity.verification_started': { before: ZStep, after: z.strictObject({ status: ZNcStatus }) },
  'nonconformity.closed': { before: ZStep, after: ZCheck },
  'nonconformity.action_not_effective': { before: ZStep, after: ZCheck },
});
