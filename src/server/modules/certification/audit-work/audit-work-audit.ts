import { z } from 'zod';
import { ZChecklistBasis, ZChecklistVerdict, ZRecommendation, ZStage2Readiness } from '../../../../shared/contracts/audit-work.ts';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

const ZItem = z.strictObject({ auditReference: z.string(), ref: z.string(), verdict: ZChecklistVerdict.nullable(), notes: z.string(), evidenceIds: z.array(z.string()) }).partial();

const ZReportChange = z
  .strictObject({
    auditReference: z.string(),
    summary: z.string(),
    conformities: z.string(),
    observations: z.string(),
    areasToClarify: z.string(),
    readyForStage2: ZStage2Readiness.nullable(),
    conclusions: z.string(),
    closingMeetingDate: z.string().nullable(),
    attendees: z.array(z.strictObject({ name: z.string(), organization: z.string(), role: z.string() })),
    recommendation: ZRecommendation.nullable(),
  })
  .partial();

/** The audit workspace: checklist and report (body tenant). Its reads of the client's records are `engagement.aims_read`, in both tenants. */
export const AUDIT_WORK_AUDIT = defineAuditActions({
  'audit_checklist.generated': {
    after: z.strictObject({ auditReference: z.string(), basis: ZChecklistBasis, frameworkId: z.string(), frameworkVersion: z.string(), soaVersion: z.number().int().nullable(), items: z.number().int() }),
  },
  'audit_checklist.item_recorded': { before: ZItem, after: ZItem },
  'audit_report.updated': { before: ZReportChange, after: ZReportChange },
  'audit_report.issued': {
    after: z.strictObject({
      auditReference: z.string(),
      kind: z.enum(['stage1', 'audit']),
      readyForStage2: ZStage2Readiness.nullable(),
      recommendation: ZRecommendation.nullable(),
      files: z.array(z.strictObject({ locale: z.string(), format: z.string(), sha256: z.string() })),
    }),
  },
});
