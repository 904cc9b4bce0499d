import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZTimestamp, zText } from './common.ts';
import { ZAuditState, ZAuditTeamRole, ZAuditType, ZScheme } from './certification.ts';

/*
 * The certification body's audits (ISO/IEC 17021-1 9.1–9.4): the programme's slots as the body
 * schedules, staffs and moves them through planned → confirmed → in progress → reported → closed.
 * "certAudit" in names keeps them apart from the audit log (`audit.*`).
 */

export const ZDay = z.iso.date();

export const CERT_AUDIT_EVENTS = ['confirm', 'start', 'report', 'close', 'cancel'] as const;
export const ZCertAuditEvent = z.enum(CERT_AUDIT_EVENTS);
export type TCertAuditEvent = z.infer<typeof ZCertAuditEvent>;

export const ZCertAuditParams = z.object({ tenantId: z.uuid(), auditId: z.uuid() });

export const ZCertAuditTeamMember = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: ZAuditTeamRole,
  plannedDays: z.number(),
});
export type TCertAuditTeamMember = z.infer<typeof ZCertAuditTeamMember>;

export const ZCertAuditAbilities = zAbilitiesOf('certAudit.read', 'certAudit.schedule', 'certAudit.transition', 'certAudit.manageTeam');

export const ZCertAudit = z.object({
  id: z.uuid(),
  reference: z.string(),
  type: ZAuditType,
  sequence: z.number().int(),
  state: ZAuditState,
  scheme: ZScheme,
  clientId: z.uuid(),
  clientReference: z.string(),
  clientName: z.string(),
  engagementId: z.uuid(),
  programmeId: z.uuid(),
  cycle: z.number().int(),
  dueBy: ZDay.nullable(),
  plannedStart: ZDay.nullable(),
  plannedEnd: ZDay.nullable(),
  actualStart: ZDay.nullable(),
  actualEnd: ZDay.nullable(),
  plannedDays: z.number(),
  onSiteDays: z.number(),
  /** Not yet reported and its deadline (due by) is past, on the platform clock. */
  overdue: z.boolean(),
  stateChangedAt: ZTimestamp.nullable(),
  team: z.array(ZCertAuditTeamMember),
  /** The lifecycle steps the caller may attempt from here (their preconditions are checked when asked). */
  nextEvents: z.array(ZCertAuditEvent),
  abilities: ZCertAuditAbilities,
});
export type TCertAudit = z.infer<typeof ZCertAudit>;

const ZFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The body's calendar and audit list: one query, keyset-paginated by date (planned start, else the deadline). */
export const ZCertAuditListQuery = z.object({
  state: ZAuditState.optional(),
  type: ZAuditType.optional(),
  clientId: z.uuid().optional(),
  engagementId: z.uuid().optional(),
  /** Audits dated (planned start, else deadline) on or after this day. */
  from: ZDay.optional(),
  /** … and on or before this day. */
  to: ZDay.optional(),
  overdue: ZFlag.optional(),
  /** Only the audits whose team the caller is on. */
  mine: ZFlag.optional(),
  cursor: zText(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TCertAuditListQuery = z.infer<typeof ZCertAuditListQuery>;

export const ZCertAuditPage = z.object({ items: z.array(ZCertAudit), nextCursor: z.string().nullable() });
export type TCertAuditPage = z.infer<typeof ZCertAuditPage>;

const ZDays = z.number().min(0).max(999).multipleOf(0.5);

/** Dates and days of an audit; each field optional, null clears a date. */
export const ZScheduleCertAuditBody = z
  .object({
    dueBy: ZDay.nullable().optional(),
    plannedStart: ZDay.nullable().optional(),
    plannedEnd: ZDay.nullable().optional(),
    plannedDays: ZDays.optional(),
    onSiteDays: ZDays.optional(),
  })
  .strict();
export type TScheduleCertAuditBody = z.infer<typeof ZScheduleCertAuditBody>;

/** A pre-audit, special audit or follow-up verification added to a client's programme. */
export const ZAddCertAuditBody = z
  .object({
    engagementId: z.uuid(),
    type: z.enum(['pre_audit', 'special', 'follow_up']),
    /** Why this audit: the client's request for a pre-audit, the event behind a special audit, the findings to verify. */
    reason: zText(1000, { min: 3 }),
    dueBy: ZDay.nullable().default(null),
    plannedDays: ZDays.default(1),
  })
  .strict();
export type TAddCertAuditBody = z.input<typeof ZAddCertAuditBody>;

export const ZCertAuditTransitionBody = z
  .object({
    event: ZCertAuditEvent,
    /** Required to cancel; kept with the event. */
    reason: zText(1000).optional(),
    /** The first or last day on site, for start and report (defaults to today on the platform clock). */
    date: ZDay.optional(),
  })
  .strict();
export type TCertAuditTransitionBody = z.infer<typeof ZCertAuditTransitionBody>;
