import { z } from 'zod';
import { ZAuditStatus, ZFindingType } from '../../../../shared/contracts/internal-audits.ts';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

const ZProgrammeFields = z
  .strictObject({ title: z.string(), periodStart: z.string(), periodEnd: z.string(), processes: z.string(), criteria: z.string(), requirements: z.array(z.string()) })
  .partial();

const ZAuditFields = z
  .strictObject({
    programmeId: z.string(),
    title: z.string(),
    scope: z.string(),
    plannedOn: z.string(),
    auditorId: z.string().nullable(),
    auditorName: z.string().nullable(),
    auditeeIds: z.array(z.string()),
    requirements: z.array(z.string()),
    conclusion: z.string(),
  })
  .partial();

const ZStep = z.strictObject({ status: ZAuditStatus, title: z.string() });

/** Internal audit programme, audits and findings (ISO/IEC 42001 9.2). */
export const INTERNAL_AUDITS_AUDIT = defineAuditActions({
  'audit_programme.created': { after: ZProgrammeFields },
  'audit_programme.updated': { before: ZProgrammeFields, after: ZProgrammeFields },
  'internal_audit.created': { after: ZAuditFields },
  'internal_audit.updated': { before: ZAuditFields, after: ZAuditFields },
  'internal_audit.started': { before: ZStep, after: z.strictObject({ status: ZAuditStatus }) },
  'internal_audit.completed': { before: ZStep, after: z.strictObject({ status: ZAuditStatus, conclusion: z.string() }) },
  'internal_audit.finding_recorded': {
    after: z.strictObject({
      findingId: z.string(),
      auditTitle: z.string(),
      type: ZFindingType,
      requirement: z.string().nullable(),
      description: z.string(),
      nonconformityId: z.string().nullable(),
    }),
  },
});
