import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZLocale, ZTimestamp, zText } from './common.ts';
import { ZAuditState, ZAuditTeamRole, ZAuditType, ZClientAiRole, ZClientAiTier } from './certification.ts';

/*
 * The audit plan of a certification audit (ISO/IEC 17021-1 9.2.3): when and where, who audits, the
 * sessions (day, hours, site, topic, who is interviewed, which clauses 4–10 and Annex A controls),
 * and the AI systems sampled with the reason for the sample. Drafted by the scheme manager or the
 * audit's lead auditor, issued as a PDF in the client's language and sent to the organization,
 * which acknowledges it. A revised plan is the next version; earlier versions stay as issued.
 */

export const AUDIT_PLAN_STATUSES = ['draft', 'issued', 'acknowledged'] as const;
export const ZAuditPlanStatus = z.enum(AUDIT_PLAN_STATUSES);
export type TAuditPlanStatus = z.infer<typeof ZAuditPlanStatus>;

export const ZPlanDay = z.iso.date();
/** A time of day on the 24-hour clock, `HH:MM`. */
export const ZPlanTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const MAX_PLAN_SESSIONS = 120;
export const MAX_SESSION_REQUIREMENTS = 60;
export const MAX_SESSION_INTERVIEWEES = 12;
export const MAX_PLAN_SAMPLED = 50;
export const MAX_PLAN_SITES = 50;

/** A clause 4–10 or an Annex A control of ISO/IEC 42001, as the catalog numbers it (`6.1.2`, `A.6.2.4`). */
export const ZPlanRequirementRef = zText(20, { min: 1 });

export const ZPlanSessionInput = z.strictObject({
  day: ZPlanDay,
  start: ZPlanTime,
  end: ZPlanTime,
  /** One of the plan's sites; null for a session held remotely. */
  siteId: z.uuid().nullable(),
  topic: zText(200, { min: 1 }),
  /** Who is interviewed, by role (« Responsable conformité », "Data science lead"). */
  interviewees: z.array(zText(120, { min: 1 })).max(MAX_SESSION_INTERVIEWEES),
  requirements: z.array(ZPlanRequirementRef).max(MAX_SESSION_REQUIREMENTS),
});
export type TPlanSessionInput = z.infer<typeof ZPlanSessionInput>;

export const ZPlanSampledInput = z.strictObject({ aiSystemId: z.uuid(), reason: zText(1000, { min: 1 }) });

/** The draft; only the fields sent change. Sites and AI systems are the client's (ids from its profile). */
export const ZUpdateAuditPlanBody = z
  .strictObject({
    startDate: ZPlanDay.nullable(),
    endDate: ZPlanDay.nullable(),
    objectives: zText(4000),
    scope: zText(4000),
    siteIds: z.array(z.uuid()).max(MAX_PLAN_SITES),
    sessions: z.array(ZPlanSessionInput).max(MAX_PLAN_SESSIONS),
    sampledAiSystems: z.array(ZPlanSampledInput).max(MAX_PLAN_SAMPLED),
  })
  .partial();
export type TUpdateAuditPlanInput = z.infer<typeof ZUpdateAuditPlanBody>;

export const ZIssueAuditPlanBody = z.strictObject({
  /** The language of the issued PDF and of the mail; the client's preferred language when omitted. */
  locale: ZLocale.optional(),
});
export type TIssueAuditPlanInput = z.infer<typeof ZIssueAuditPlanBody>;

const ZPlanSite = z.object({ id: z.string(), name: z.string(), address: z.string(), isCentral: z.boolean() });
const ZPlanSession = ZPlanSessionInput.extend({ topic: z.string(), interviewees: z.array(z.string()), requirements: z.array(z.string()) });
const ZPlanSampled = z.object({ aiSystemId: z.string(), name: z.string(), tier: ZClientAiTier, role: ZClientAiRole, reason: z.string() });
const ZPlanTeamMember = z.object({ userId: z.string(), name: z.string(), role: ZAuditTeamRole, plannedDays: z.number() });

/** A version's content: what the organization receives. Names are kept as they were when saved. */
export const ZAuditPlanContent = z.object({
  frameworkVersion: z.string(),
  startDate: ZPlanDay.nullable(),
  endDate: ZPlanDay.nullable(),
  objectives: z.string(),
  scope: z.string(),
  sites: z.array(ZPlanSite),
  sessions: z.array(ZPlanSession),
  sampledAiSystems: z.array(ZPlanSampled),
  /** The team: the audit's current team while a draft, frozen in the version once issued. */
  team: z.array(ZPlanTeamMember),
});
export type TAuditPlanContent = z.infer<typeof ZAuditPlanContent>;

const ZPerson = z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable();

export const ZAuditPlanVersion = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: ZAuditPlanStatus,
  /** An issued version followed by a later issued one: kept readable, no longer to acknowledge. */
  superseded: z.boolean(),
  locale: ZLocale.nullable(),
  content: ZAuditPlanContent,
  document: z.object({ sha256: z.string(), size: z.number().int() }).nullable(),
  recipients: z.array(z.string()),
  updatedBy: ZPerson,
  updatedAt: ZTimestamp,
  issuedBy: ZPerson,
  issuedAt: ZTimestamp.nullable(),
  acknowledgedBy: ZPerson,
  acknowledgedAt: ZTimestamp.nullable(),
});
export type TAuditPlanVersion = z.infer<typeof ZAuditPlanVersion>;

export const ZAuditPlanAbilities = zAbilitiesOf('auditPlan.read', 'auditPlan.write', 'auditPlan.issue');

/** The body's view of an audit's plan: every version (newest first) and what the draft may pick from. */
export const ZAuditPlan = z.object({
  auditId: z.uuid(),
  auditReference: z.string(),
  auditType: ZAuditType,
  auditState: ZAuditState,
  client: z.object({ name: z.string(), preferredLocale: ZLocale }),
  /** The audit's planned dates, the draft's defaults. */
  plannedStart: ZPlanDay.nullable(),
  plannedEnd: ZPlanDay.nullable(),
  versions: z.array(ZAuditPlanVersion),
  options: z.object({
    sites: z.array(ZPlanSite),
    aiSystems: z.array(z.object({ id: z.string(), name: z.string(), tier: ZClientAiTier, role: ZClientAiRole })),
    team: z.array(ZPlanTeamMember),
    frameworkVersion: z.string(),
  }),
  abilities: ZAuditPlanAbilities,
});
export type TAuditPlan = z.infer<typeof ZAuditPlan>;

export const ZAuditPlanParams = z.object({ tenantId: z.uuid(), auditId: z.uuid() });
export const ZAuditPlanVersionParams = ZAuditPlanParams.extend({ version: z.coerce.number().int().min(1).max(100_000) });

/* ───────── The organization's side ───────── */

export const ZOrgPlanParams = z.object({ tenantId: z.uuid(), engagementId: z.uuid() });
export const ZOrgPlanItemParams = ZOrgPlanParams.extend({ planId: z.uuid() });

export const ZOrgAuditPlan = ZAuditPlanVersion.omit({ recipients: true, updatedBy: true, updatedAt: true }).extend({
  auditId: z.uuid(),
  auditReference: z.string(),
  auditType: ZAuditType,
  bodyName: z.string(),
  abilities: zAbilitiesOf('orgAuditPlan.read', 'orgAuditPlan.acknowledge'),
});
export type TOrgAuditPlan = z.infer<typeof ZOrgAuditPlan>;

export const ZOrgAuditPlanList = z.object({
  /** Issued versions of the engagement's audit plans, newest first (drafts stay with the body). */
  items: z.array(ZOrgAuditPlan),
  abilities: zAbilitiesOf('orgAuditPlan.read', 'orgAuditPlan.acknowledge'),
});
export type TOrgAuditPlanList = z.infer<typeof ZOrgAuditPlanList>;
