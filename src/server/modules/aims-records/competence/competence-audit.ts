import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

/** What a competence record looked like; an update records only the fields that changed (the person and role always, for the sentence). */
const ZCompetenceFields = z
  .strictObject({
    userId: z.string(),
    person: z.string(),
    role: z.string(),
    requiredCompetence: z.string(),
    evidence: z.string(),
    evidenceFileId: z.string().nullable(),
    achievedOn: z.string().nullable(),
    renewalOn: z.string().nullable(),
    policyAcknowledgedOn: z.string().nullable(),
  })
  .partial();

export const COMPETENCE_AUDIT = defineAuditActions({
  'competence_record.created': { after: ZCompetenceFields },
  'competence_record.updated': { before: ZCompetenceFields, after: ZCompetenceFields },
});
