import { z } from 'zod';
import { defineAuditActions } from '../../platform/audit-log/audit-registry.ts';
import { ZLevel, ZVariant, ZVersionStatus } from '../../../shared/contracts/impact-assessments.ts';

/*
 * The events of an impact assessment. The subject is the assessment; `version` says which one.
 * Content edits record the fields that changed (title, counts, conclusion…), not the whole text:
 * the versions themselves are kept, so the history of what was approved is always readable.
 */
const ZRef = { title: z.string(), version: z.number().int() };

export const IMPACT_ASSESSMENTS_AUDIT = defineAuditActions({
  'impact_assessment.created': {
    after: z.strictObject({ ...ZRef, aiSystemId: z.uuid(), variant: ZVariant }),
  },
  'impact_assessment.updated': {
    before: z.record(z.string(), z.unknown()),
    after: z.record(z.string(), z.unknown()),
  },
  'impact_assessment.submitted': { after: z.strictObject({ ...ZRef, status: ZVersionStatus }) },
  'impact_assessment.returned': { after: z.strictObject({ ...ZRef, status: ZVersionStatus, comment: z.string() }) },
  'impact_assessment.approved': {
    after: z.strictObject({ ...ZRef, status: ZVersionStatus, comment: z.string().nullable(), supersededVersion: z.number().int().nullable(), nextReviewOn: z.string().nullable() }),
  },
  'impact_assessment.version_started': { after: z.strictObject({ ...ZRef, fromVersion: z.number().int() }) },
  /** A significant impact created a risk in the register, or was linked to the one it already had. */
  'impact_assessment.risk_linked': {
    after: z.strictObject({ ...ZRef, impactKey: z.uuid(), riskId: z.uuid(), created: z.boolean(), severity: ZLevel }),
  },
  /** The daily job: the version in force reached its review date; its author and approver (still members) were reminded. */
  'impact_assessment.review_due': {
    after: z.strictObject({ ...ZRef, nextReviewOn: z.iso.date(), overdue: z.boolean(), remindedUserIds: z.array(z.uuid()) }),
  },
  'impact_assessment.settings_updated': {
    before: z.strictObject({ significantSeverity: ZLevel.optional(), publicBodyOrService: z.boolean().optional() }),
    after: z.strictObject({ significantSeverity: ZLevel.optional(), publicBodyOrService: z.boolean().optional() }),
  },
});
