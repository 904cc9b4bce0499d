import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

/** Who is on each side of the finding: both tenants' logs carry it, each reads the other's name. */
const ZSides = { reference: z.string(), class: z.string(), auditReference: z.string(), engagementId: z.string(), bodyName: z.string(), organizationName: z.string() };

const ZFindingContent = z
  .strictObject({
    reference: z.string(),
    class: z.string(),
    ref: z.string().nullable(),
    statement: z.string(),
    evidence: z.string(),
    sites: z.array(z.string()),
    aiSystems: z.array(z.string()),
    responseDueOn: z.string().nullable(),
    closureDueOn: z.string().nullable(),
    verificationDueOn: z.string().nullable(),
  })
  .partial();

/**
 * An audit finding and the organization's answers: every change is written in the body's log and in
 * the organization's (the finding is shared with it at once), chain heads taken in tenant-id order.
 */
export const FINDINGS_AUDIT = defineAuditActions({
  'audit_finding.raised': { after: ZFindingContent.extend({ ...ZSides, state: z.string() }) },
  // Only what changed is kept: the class and the content fields may drop out of both sides.
  'audit_finding.updated': {
    before: ZFindingContent,
    after: ZFindingContent.extend({ reference: z.string(), auditReference: z.string(), engagementId: z.string(), bodyName: z.string(), organizationName: z.string() }),
  },
  'audit_finding.response_submitted': { after: z.strictObject({ ...ZSides, version: z.number().int(), plannedCompletionOn: z.string().nullable(), evidence: z.number().int() }) },
  'audit_finding.response_accepted': { after: z.strictObject({ ...ZSides, version: z.number().int(), state: z.string() }) },
  'audit_finding.response_rejected': { after: z.strictObject({ ...ZSides, version: z.number().int(), reason: z.string() }) },
  'audit_finding.verified': { after: z.strictObject({ ...ZSides, method: z.string(), verificationAuditReference: z.string().nullable(), notes: z.string() }) },
  'audit_finding.closed': { after: z.strictObject({ ...ZSides, notes: z.string() }) },
});
