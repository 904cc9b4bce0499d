import { z } from 'zod';
import { ZPartyCategory } from '../../../../shared/contracts/aims-records-context.ts';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

/** What a party looked like; an update records only the fields that changed (the name always, for the sentence). */
const ZPartyFields = z
  .strictObject({
    name: z.string(),
    category: ZPartyCategory,
    needs: z.array(z.strictObject({ key: z.string(), description: z.string(), addressed: z.boolean(), how: z.string() })),
    requirements: z.array(z.string()),
  })
  .partial();

export const PARTIES_AUDIT = defineAuditActions({
  'interested_party.created': { after: ZPartyFields },
  'interested_party.updated': { before: ZPartyFields, after: ZPartyFields },
});
