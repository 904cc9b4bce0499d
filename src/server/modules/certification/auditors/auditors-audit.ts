import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

/* The events of auditor records; the subject is the person (competence) or the client (conflict). */
const ZCompetence = z.strictObject({ userId: z.string(), name: z.string(), scheme: z.string(), qualification: z.string(), leadQualified: z.boolean(), validFrom: z.string(), validUntil: z.string() });
const ZFields = z.strictObject({
  qualification: z.string(),
  iso42001TrainedOn: z.string().nullable(),
  aiDomainAreas: z.array(z.string()),
  auditsDone: z.number(),
  leadQualified: z.boolean(),
  validFrom: z.string(),
  validUntil: z.string(),
  notes: z.string(),
});
const ZConflict = z.strictObject({ clientId: z.string(), clientName: z.string(), userId: z.string().nullable(), name: z.string().nullable(), kind: z.string(), endedOn: z.string().nullable() });

export const AUDITORS_AUDIT = defineAuditActions({
  'auditor.competence_recorded': { after: ZCompetence },
  'auditor.competence_updated': { before: ZFields.partial(), after: ZFields.partial().extend({ userId: z.string(), name: z.string(), scheme: z.string() }) },
  'auditor.competence_deleted': { before: ZCompetence },
  'auditor.conflict_declared': { after: ZConflict },
  'auditor.conflict_withdrawn': { before: ZConflict },
});
