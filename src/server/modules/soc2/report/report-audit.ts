import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';
import { ZSoc2Sides } from '../examinations/examinations-audit.ts';

const ZFileHash = z.strictObject({ locale: z.string(), format: z.string(), sha256: z.string() });

/**
 * The issued documents, in both tenants' logs: the report (opinion, the model's hash and each file's),
 * management's bridge letters, and every download of an issued file (who, which file, its hash).
 */
export const SOC2_REPORT_AUDIT = defineAuditActions({
  'soc2_report.issued': {
    after: z.strictObject({ ...ZSoc2Sides, documentReference: z.string(), opinion: z.string(), modelSha256: z.string(), files: z.array(ZFileHash) }),
  },
  'soc2_bridge_letter.issued': {
    after: z.strictObject({
      ...ZSoc2Sides,
      documentReference: z.string(),
      reportReference: z.string(),
      coversUntil: z.string(),
      name: z.string(),
      title: z.string(),
      modelSha256: z.string(),
      files: z.array(ZFileHash),
    }),
  },
  'soc2_general_use.issued': {
    after: z.strictObject({ ...ZSoc2Sides, documentReference: z.string(), reportReference: z.string(), modelSha256: z.string(), files: z.array(ZFileHash) }),
  },
  'soc2_document.downloaded': {
    after: z.strictObject({ ...ZSoc2Sides, documentReference: z.string(), kind: z.string(), locale: z.string(), format: z.string(), sha256: z.string() }),
  },
});
