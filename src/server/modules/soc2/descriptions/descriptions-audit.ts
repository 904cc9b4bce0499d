import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';
import { ZSoc2Sides } from '../examinations/examinations-audit.ts';

/** Management's description: each save names the sections changed; sign-off records who, as what, and the hash. */
export const SOC2_DESCRIPTIONS_AUDIT = defineAuditActions({
  'soc2_description.saved': { after: z.strictObject({ ...ZSoc2Sides, version: z.number().int(), sections: z.array(z.string()), assertion: z.boolean(), started: z.boolean() }) },
  'soc2_description.signed_off': {
    after: z.strictObject({ ...ZSoc2Sides, version: z.number().int(), name: z.string(), title: z.string(), contentSha256: z.string(), superseded: z.number().int().nullable() }),
  },
});
