import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

/** Every event names the examination and the test by reference so the log reads without a join. */
const ZAt = { examinationReference: z.string(), testReference: z.string() };

/**
 * Fieldwork is the firm's own work: its events go to the firm's log. What it reads of the
 * organization's evidence is logged in both tenants as `engagement.aims_read` (program-access.ts).
 */
export const SOC2_FIELDWORK_AUDIT = defineAuditActions({
  'soc2_population.imported': {
    after: z.strictObject({ ...ZAt, name: z.string(), source: z.string(), fileName: z.string(), fileSha256: z.string(), indexSha256: z.string(), rowCount: z.number().int(), firstDate: z.string(), lastDate: z.string() }),
  },
  // Before and after keep only what changed (recordAudit), so the changeable fields are optional.
  'soc2_population.completeness_recorded': { before: z.strictObject({ completenessAccuracy: z.string() }).partial(), after: z.strictObject({ ...ZAt, name: z.string(), completenessAccuracy: z.string().optional() }) },
  'soc2_sample.drawn': {
    after: z.strictObject({ ...ZAt, population: z.string(), extensionNo: z.number().int(), seed: z.string(), algorithm: z.string(), size: z.number().int(), rows: z.array(z.number().int()) }),
  },
  'soc2_sample.judgmental_added': { after: z.strictObject({ ...ZAt, population: z.string(), count: z.number().int(), rows: z.array(z.number().int()) }) },
  'soc2_sample_item.tested': {
    before: z.strictObject({ previousResult: z.string(), notes: z.string(), evidence: z.number().int(), evidenceCreatedOn: z.string().nullable() }).partial(),
    after: z.strictObject({ ...ZAt, key: z.string(), date: z.string(), result: z.string(), notes: z.string().optional(), evidence: z.number().int().optional(), evidenceCreatedOn: z.string().nullable().optional() }),
  },
  'soc2_test.concluded': { before: z.strictObject({ previousConclusion: z.string() }), after: z.strictObject({ ...ZAt, conclusion: z.string(), notes: z.string() }) },
});
