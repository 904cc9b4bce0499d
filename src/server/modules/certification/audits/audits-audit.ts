import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';
import { ZAuditState, ZAuditTeamRole, ZAuditType } from '../../../../shared/contracts/certification.ts';

/*
 * The events of a certification audit. The subject is the audit (its id); every payload names the
 * audit by its reference and type so that the log reads on its own after the audit is gone.
 */
const ZRef = { reference: z.string(), type: ZAuditType };
const ZMove = z.strictObject({ ...ZRef, from: ZAuditState, to: ZAuditState, date: z.string().nullable(), reason: z.string().nullable() });
const ZSchedule = z.strictObject({
  reference: z.string().optional(),
  type: ZAuditType.optional(),
  dueBy: z.string().nullable().optional(),
  plannedStart: z.string().nullable().optional(),
  plannedEnd: z.string().nullable().optional(),
  plannedDays: z.number().optional(),
  onSiteDays: z.number().optional(),
});
const ZMember = z.strictObject({
  ...ZRef,
  userId: z.string(),
  name: z.string(),
  role: ZAuditTeamRole,
  plannedDays: z.number(),
  /** The role before, when an assignment changed it. */
  previousRole: ZAuditTeamRole.nullable(),
  /** Warnings the scheme manager went past (rotation). */
  warnings: z.array(z.string()),
});

const ZAdded = z.strictObject({ ...ZRef, reason: z.string(), dueBy: z.string().nullable(), plannedDays: z.number() });

export const AUDITS_AUDIT = defineAuditActions({
  'cert_audit.added': { after: ZAdded },
  'cert_audit.scheduled': { before: ZSchedule, after: ZSchedule },
  'cert_audit.confirmed': { after: ZMove },
  'cert_audit.started': { after: ZMove },
  'cert_audit.reported': { after: ZMove },
  'cert_audit.closed': { after: ZMove },
  'cert_audit.cancelled': { after: ZMove },
  'cert_audit.team_assigned': { after: ZMember },
  'cert_audit.team_removed': { before: ZMember },
  'cert_audit.declaration_signed': { after: z.strictObject({ ...ZRef, statementVersion: z.string(), locale: z.string() }) },
});
