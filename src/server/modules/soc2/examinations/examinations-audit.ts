import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

/** Both tenants' logs carry the examination's reference and each side's name. */
export const ZSoc2Sides = { reference: z.string(), engagementId: z.string(), firmName: z.string(), organizationName: z.string() };

/** The firm opens an examination; written in the firm's log and the organization's. */
export const SOC2_EXAMINATIONS_AUDIT = defineAuditActions({
  'soc2_examination.opened': {
    after: z.strictObject({
      ...ZSoc2Sides,
      reportType: z.string(),
      asOfDate: z.string().nullable(),
      periodStart: z.string().nullable(),
      periodEnd: z.string().nullable(),
      categories: z.array(z.string()),
      previousReference: z.string().nullable(),
    }),
  },
});
