import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZLocale, ZTimestamp, zText, type TListFilters } from './common.ts';
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
  /** When they signed their impartiality declaration for this audit; null until then. */
  declaredAt: ZTimestamp.nullable(),
});
export type TCertAuditTeamMember = z.infer<typeof ZCertAuditTeamMember>;

/** `finding.write`: whether the caller may raise a finding in this audit (its auditors while it is in progress or reported). */
export const ZCertAuditAbilities = zAbilitiesOf('certAudit.read', 'certAudit.schedule', 'certAudit.transition', 'certAudit.manageTeam', 'finding.write');

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
export type TCertAuditFilters = TListFilters<typeof ZCertAuditListQuery>;
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
/** What the service receives: the body as the route validated it (defaults applied). */
export type TAddCertAuditInput = z.output<typeof ZAddCertAuditBody>;

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

/* Auditor competence (17021-1 7.1.2, 7.2; ISO/IEC 42006): per person and scheme, until a date. */
const ZAreas = z.array(zText(120, { min: 1 })).max(30);
export const ZAuditorCompetenceBody = z
  .object({
    userId: z.uuid(),
    scheme: ZScheme,
    qualification: zText(200, { min: 1 }),
    /** When they completed ISO/IEC 42001 training; null if not trained. */
    iso42001TrainedOn: ZDay.nullable().default(null),
    /** AI-domain knowledge, as areas (e.g. "credit scoring models", "computer vision"). */
    aiDomainAreas: ZAreas.default([]),
    auditsDone: z.number().int().min(0).max(100_000).default(0),
    leadQualified: z.boolean().default(false),
    validFrom: ZDay,
    validUntil: ZDay,
    notes: zText(2000).default(''),
  })
  .strict();
export type TAuditorCompetenceBody = z.infer<typeof ZAuditorCompetenceBody>;
export const ZAuditorCompetencePatch = z
  .object({
    qualification: zText(200, { min: 1 }),
    iso42001TrainedOn: ZDay.nullable(),
    aiDomainAreas: ZAreas,
    auditsDone: z.number().int().min(0).max(100_000),
    leadQualified: z.boolean(),
    validFrom: ZDay,
    validUntil: ZDay,
    notes: zText(2000),
  })
  .partial()
  .strict();
export type TAuditorCompetencePatch = z.infer<typeof ZAuditorCompetencePatch>;
export const ZAuditorCompetenceParams = z.object({ tenantId: z.uuid(), competenceId: z.uuid() });

export const ZAuditorCompetenceAbilities = zAbilitiesOf('auditor.read', 'auditor.readAll', 'auditor.manage');
export const ZAuditorCompetence = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  scheme: ZScheme,
  qualification: z.string(),
  iso42001TrainedOn: ZDay.nullable(),
  aiDomainAreas: z.array(z.string()),
  auditsDone: z.number().int(),
  leadQualified: z.boolean(),
  validFrom: ZDay,
  validUntil: ZDay,
  notes: z.string(),
  /** Past its end date on the platform clock. */
  expired: z.boolean(),
  /** Ends within the next 90 days on the platform clock (renew it). */
  expiresSoon: z.boolean(),
  abilities: ZAuditorCompetenceAbilities,
});
export type TAuditorCompetence = z.infer<typeof ZAuditorCompetence>;
export const ZAuditorCompetenceList = z.object({ items: z.array(ZAuditorCompetence) });
export const ZAuditorCompetenceQuery = z.object({ userId: z.uuid().optional() });

export const CONFLICT_KINDS = ['consultancy', 'employment', 'other'] as const;
export const ZConflictKind = z.enum(CONFLICT_KINDS);
export type TConflictKind = z.infer<typeof ZConflictKind>;

/**
 * A declared link between a person and a client, or the body's own consultancy for the client
 * (`userId` null, kind `consultancy` only): the latter bars every audit of that client.
 */
export const ZAuditorConflictBody = z
  .object({
    clientId: z.uuid(),
    userId: z.uuid().nullable(),
    kind: ZConflictKind,
    description: zText(1000).default(''),
    startedOn: ZDay.nullable().default(null),
    /** Null while it lasts. */
    endedOn: ZDay.nullable().default(null),
  })
  .strict();
export type TAuditorConflictBody = z.infer<typeof ZAuditorConflictBody>;
export const ZAuditorConflictParams = z.object({ tenantId: z.uuid(), conflictId: z.uuid() });

export const ZAuditorConflict = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  kind: ZConflictKind,
  description: z.string(),
  startedOn: ZDay.nullable(),
  endedOn: ZDay.nullable(),
  declaredAt: ZTimestamp,
  abilities: ZAuditorCompetenceAbilities,
});
export type TAuditorConflict = z.infer<typeof ZAuditorConflict>;
export const ZAuditorConflictList = z.object({ items: z.array(ZAuditorConflict) });
export const ZAuditorConflictQuery = z.object({ clientId: z.uuid().optional(), userId: z.uuid().optional() });

/* Team assignment. */
export const ZTeamMemberParams = ZCertAuditParams.extend({ userId: z.uuid() });
export const ZAssignTeamBody = z.object({ role: ZAuditTeamRole, plannedDays: ZDays.default(0) }).strict();
export type TAssignTeamBody = z.infer<typeof ZAssignTeamBody>;

export const ZRotationWarning = z.object({ code: z.literal('rotation'), cycles: z.number().int(), limit: z.number().int() });
export type TRotationWarning = z.infer<typeof ZRotationWarning>;
export const ZAssignTeamResult = z.object({ audit: ZCertAudit, warnings: z.array(ZRotationWarning) });
export type TAssignTeamResult = z.infer<typeof ZAssignTeamResult>;

/** Why a person is not competent for a role on an audit (the details of `cert_team_not_competent`). */
export const COMPETENCE_GAPS = ['no_record', 'expired', 'not_yet_valid', 'no_42001_training', 'not_lead_qualified', 'no_ai_domain'] as const;
export const ZCompetenceGap = z.enum(COMPETENCE_GAPS);
export type TCompetenceGap = z.infer<typeof ZCompetenceGap>;

/** What bars a person from a client's audits (the code and details of the refusal). */
export const ZTeamBar = z.union([
  z.object({ code: z.literal('cert_team_body_consultancy') }),
  z.object({
    code: z.enum(['cert_team_cooling_off', 'cert_team_conflict']),
    kind: ZConflictKind,
    endedOn: ZDay.nullable(),
    coolingOffMonths: z.number().int(),
    eligibleFrom: ZDay.nullable(),
  }),
]);
export type TTeamBar = z.infer<typeof ZTeamBar>;

/** The team as the checks see it on the audit's first day: what the Team tab shows. */
export const ZTeamCheck = z.object({
  /** The day checked: the planned start, else today. */
  day: ZDay,
  coolingOffMonths: z.number().int(),
  rotationMaxCycles: z.number().int(),
  members: z.array(
    z.object({
      userId: z.uuid(),
      role: ZAuditTeamRole,
      /** Null when competent for the role on the day. */
      competenceGap: ZCompetenceGap.nullable(),
      /** The latest end date of their records for the scheme, if any. */
      competentUntil: ZDay.nullable(),
      bar: ZTeamBar.nullable(),
      declaredAt: ZTimestamp.nullable(),
      statementVersion: z.string().nullable(),
    }),
  ),
  warnings: z.array(ZRotationWarning),
  /** The signed-in person's declaration to sign, when they are on the team and have not signed. */
  declarationDue: z.boolean(),
  statementVersion: z.string(),
});
export type TTeamCheck = z.infer<typeof ZTeamCheck>;

export const ZDeclarationBody = z.object({ statementVersion: z.string().max(40), locale: ZLocale }).strict();
export type TDeclarationBody = z.infer<typeof ZDeclarationBody>;
