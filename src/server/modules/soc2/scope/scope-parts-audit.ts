import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';
import { ZSoc2Sides } from '../examinations/examinations-audit.ts';

/*
 * Subservice organizations, complementary controls and renewals concern the organization too (its
 * description refers to them): every event goes to both tenants' logs with the examination's
 * reference and each side's name. A complementary control's own reference is `controlReference`.
 */
const ZSubservice = z
  .strictObject({
    name: z.string(),
    services: z.string(),
    treatment: z.string(),
    reportKind: z.string(),
    reportPeriodEnd: z.string().nullable(),
    reportOpinion: z.string().nullable(),
    reportNotes: z.string(),
  })
  .partial();
const ZComplementary = z.strictObject({ statement: z.string(), criteria: z.array(z.string()), subserviceOrgName: z.string().nullable() }).partial();

export const SOC2_SCOPE_PARTS_AUDIT = defineAuditActions({
  'soc2_subservice_org.added': { after: ZSubservice.extend({ ...ZSoc2Sides, name: z.string(), treatment: z.string() }) },
  'soc2_subservice_org.updated': { before: ZSubservice, after: ZSubservice.extend({ ...ZSoc2Sides, name: z.string() }) },
  // Its CSOCs go with it: their references are kept here.
  'soc2_subservice_org.removed': { before: z.strictObject({ ...ZSoc2Sides, name: z.string(), treatment: z.string(), csocs: z.array(z.string()) }) },
  'soc2_subservice_org.reordered': { after: z.strictObject({ ...ZSoc2Sides, names: z.array(z.string()) }) },
  'soc2_complementary_control.added': { after: ZComplementary.extend({ ...ZSoc2Sides, kind: z.string(), controlReference: z.string() }) },
  'soc2_complementary_control.updated': { before: ZComplementary, after: ZComplementary.extend({ ...ZSoc2Sides, kind: z.string(), controlReference: z.string() }) },
  'soc2_complementary_control.removed': { before: z.strictObject({ ...ZSoc2Sides, kind: z.string(), controlReference: z.string(), statement: z.string() }) },
  'soc2_complementary_control.reordered': { after: z.strictObject({ ...ZSoc2Sides, controlReferences: z.array(z.string()) }) },
  // The previous examination's reference and names; the next one is in `soc2_examination.opened` too.
  'soc2_examination.renewed': {
    after: z.strictObject({
      ...ZSoc2Sides,
      nextReference: z.string(),
      asOfDate: z.string().nullable(),
      periodStart: z.string().nullable(),
      periodEnd: z.string().nullable(),
      subserviceOrgs: z.number().int(),
      complementaryControls: z.number().int(),
      matrixLinks: z.number().int(),
      tests: z.number().int(),
    }),
  },
});
