import { z } from 'zod';
import { defineAuditActions } from '../../platform/audit-log/audit-registry.ts';
import { ZSoaImplementationStatus, ZSoaVersionStatus } from '../../../shared/contracts/soa.ts';

/*
 * The events of the Statement of Applicability. The subject is the version (its id); `number` is
 * null until approval. An entry edit records the fields of that entry that changed.
 */
const ZRef = { number: z.number().int().nullable() };

export const SOA_AUDIT = defineAuditActions({
  'soa.draft_started': { after: z.strictObject({ ...ZRef, status: ZSoaVersionStatus, basedOnNumber: z.number().int().nullable(), entries: z.number().int() }) },
  'soa.entry_updated': {
    before: z.strictObject({
      applicable: z.boolean().nullable().optional(),
      justification: z.string().optional(),
      implementationStatus: ZSoaImplementationStatus.nullable().optional(),
      controls: z.array(z.string()).optional(),
    }),
    after: z.strictObject({
      ref: z.string(),
      frameworkId: z.string(),
      applicable: z.boolean().nullable().optional(),
      justification: z.string().optional(),
      implementationStatus: ZSoaImplementationStatus.nullable().optional(),
      controls: z.array(z.string()).optional(),
    }),
  },
  'soa.submitted': { after: z.strictObject({ ...ZRef, status: ZSoaVersionStatus }) },
  'soa.rejected': { after: z.strictObject({ ...ZRef, status: ZSoaVersionStatus, comment: z.string() }) },
  'soa.approved': {
    after: z.strictObject({ number: z.number().int(), status: ZSoaVersionStatus, comment: z.string().nullable(), supersededNumber: z.number().int().nullable() }),
  },
});
