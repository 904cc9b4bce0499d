import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

const ZChange = z
  .strictObject({
    auditReference: z.string(),
    version: z.number().int(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    objectives: z.string(),
    scope: z.string(),
    sites: z.array(z.string()),
    sessions: z.number().int(),
    sampledAiSystems: z.array(z.string()),
  })
  .partial();

const ZIssued = z.strictObject({
  auditReference: z.string(),
  version: z.number().int(),
  bodyName: z.string(),
  organizationName: z.string(),
  engagementId: z.string(),
  locale: z.string(),
  sha256: z.string(),
  recipients: z.array(z.string()),
});

/**
 * The audit plan: drafted and issued in the body's log; issuing and acknowledging are written in
 * both tenants' logs (the organization sees what it was sent and who acknowledged it).
 */
export const AUDIT_PLAN_AUDIT = defineAuditActions({
  'audit_plan.updated': { before: ZChange, after: ZChange },
  'audit_plan.revised': { after: z.strictObject({ auditReference: z.string(), version: z.number().int(), from: z.number().int() }) },
  'audit_plan.issued': { after: ZIssued },
  'audit_plan.acknowledged': {
    after: z.strictObject({ auditReference: z.string(), version: z.number().int(), bodyName: z.string(), organizationName: z.string(), engagementId: z.string(), sha256: z.string() }),
  },
});
