import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

/** Both tenants' logs carry the examination's reference and each side's name. */
export const ZSoc2Sides = { reference: z.string(), engagementId: z.string(), firmName: z.string(), organizationName: z.string() };

/** The firm opens an examination; written in the firm's log and the organization's. */
const ZScopeFields = z
  .strictObject({
    as_of_date: z.string().nullable(),
    period_start: z.string().nullable(),
    period_end: z.string().nullable(),
    categories: z.array(z.string()),
    services: z.string(),
    systems: z.string(),
    locations: z.string(),
    people: z.string(),
    partner_user_id: z.string().nullable(),
  })
  .partial();

export const SOC2_EXAMINATIONS_AUDIT = defineAuditActions({
  // Only what changed is kept on both sides; the sides' names are in `after`.
  'soc2_examination.scope_updated': { before: ZScopeFields, after: ZScopeFields.extend(ZSoc2Sides) },
  'soc2_examination.scope_confirmed': { after: z.strictObject({ ...ZSoc2Sides, state: z.string() }) },
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
