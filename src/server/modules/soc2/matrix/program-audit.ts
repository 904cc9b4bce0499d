import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

/** Every event names the examination by its reference so the log reads without a join. */
const ZExam = { examinationReference: z.string() };
const ZTest = z
  .strictObject({
    reference: z.string(),
    controlRef: z.string(),
    methods: z.array(z.string()),
    procedure: z.string(),
    evidenceRequested: z.string(),
    frequency: z.string(),
    risk: z.string(),
    priorFailure: z.boolean(),
  })
  .partial();

/**
 * The audit programme of a SOC 2 examination. Matrix and tests are the firm's own work and go to its
 * log only; the request list is shared with the organization, so its events go to both logs.
 */
export const SOC2_PROGRAM_AUDIT = defineAuditActions({
  'soc2_matrix.linked': { after: z.strictObject({ ...ZExam, criterionRef: z.string(), controlRef: z.string(), controlTitle: z.string(), accepted: z.boolean() }) },
  'soc2_matrix.unlinked': { before: z.strictObject({ ...ZExam, criterionRef: z.string(), controlRef: z.string(), suggested: z.boolean() }) },
  'soc2_matrix.suggested': { after: z.strictObject({ ...ZExam, count: z.number().int() }) },
  'soc2_test.created': { after: ZTest.extend(ZExam) },
  'soc2_test.updated': { before: ZTest, after: ZTest.extend({ ...ZExam, reference: z.string() }) },
  'soc2_test.deleted': { before: ZTest.extend(ZExam) },
  'soc2_examination.fieldwork_started': { after: z.strictObject({ ...ZExam, criteria: z.number().int(), tests: z.number().int() }) },
  'soc2_request.created': { after: z.strictObject({ ...ZExam, count: z.number().int(), references: z.array(z.string()) }) },
  'soc2_request.updated': { after: z.strictObject({ ...ZExam, reference: z.string(), title: z.string().optional(), dueOn: z.string().optional() }) },
  'soc2_request.answered': { after: z.strictObject({ ...ZExam, reference: z.string(), evidence: z.number().int() }) },
  'soc2_request.submitted': { after: z.strictObject({ ...ZExam, reference: z.string(), evidence: z.number().int() }) },
  'soc2_request.accepted': { after: z.strictObject({ ...ZExam, reference: z.string() }) },
  'soc2_request.returned': { after: z.strictObject({ ...ZExam, reference: z.string(), reason: z.string() }) },
});
