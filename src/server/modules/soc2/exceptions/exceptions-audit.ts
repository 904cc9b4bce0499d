import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

/** Every event names the examination by its reference so the log reads without a join. */
const ZExam = { examinationReference: z.string() };
const ZOne = { ...ZExam, reference: z.string() };

/**
 * Exceptions are shared with the organization: each event goes to the firm's log and to the
 * organization's. Reporting, the partner and the opinion are the firm's own work (its log only)
 * until the report is issued.
 */
export const SOC2_EXCEPTIONS_AUDIT = defineAuditActions({
  'soc2_exception.raised': { after: z.strictObject({ ...ZOne, testReference: z.string(), controlRef: z.string(), sampleItemKey: z.string().nullable(), description: z.string() }) },
  'soc2_exception.updated': { before: z.strictObject({ description: z.string() }), after: z.strictObject({ ...ZOne, description: z.string() }) },
  'soc2_exception.responded': { after: z.strictObject({ ...ZOne, context: z.string(), remediation: z.string(), evidence: z.number().int() }) },
  'soc2_exception.concluded': { after: z.strictObject({ ...ZOne, conclusion: z.string(), criterionImpact: z.string(), notes: z.string() }) },
  'soc2_examination.reporting_started': { after: z.strictObject({ ...ZExam, tests: z.number().int(), exceptions: z.number().int() }) },
  'soc2_examination.partner_named': { before: z.strictObject({ partnerName: z.string().nullable() }), after: z.strictObject({ ...ZExam, partnerName: z.string() }) },
  'soc2_opinion.recorded': {
    before: z.strictObject({ opinion: z.string().nullable() }),
    after: z.strictObject({ ...ZExam, opinion: z.string(), basis: z.string(), warnings: z.number().int(), warningsAcknowledged: z.boolean() }),
  },
});
