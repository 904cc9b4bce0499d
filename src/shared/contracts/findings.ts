import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZTimestamp, zText, type TListFilters } from './common.ts';
import { ZAuditState, ZAuditType } from './certification.ts';
import { ZFindingClass, ZFindingResponseVerdict, ZFindingState, ZVerificationMethod } from './certification-decisions.ts';

/*
 * Audit findings and the organization's answers (ISO/IEC 17021-1 9.4.9–9.4.10). Raised in an audit
 * by its team, shared with the organization at once; a nonconformity is answered by the
 * organization (correction, root cause, corrective action, evidence) and the team accepts or
 * rejects each answer with a reason; a major is then verified by a follow-up, a minor closed.
 */

export const ZFindingDay = z.iso.date();
export const FINDING_TEXT_MAX = 4000;
export const MAX_FINDING_SITES = 50;
export const MAX_FINDING_AI_SYSTEMS = 50;
export const MAX_RESPONSE_EVIDENCE = 20;

/** A clause 4–10 or an Annex A control of ISO/IEC 42001, as the catalog numbers it (`8.1`, `A.6.2.4`). */
export const ZFindingRequirementRef = zText(20, { min: 1 });

export const ZRaiseFindingBody = z.strictObject({
  class: ZFindingClass,
  /** Required for a nonconformity; optional for an observation or an opportunity. */
  ref: ZFindingRequirementRef.nullable().default(null),
  statement: zText(FINDING_TEXT_MAX, { min: 1 }),
  evidence: zText(FINDING_TEXT_MAX).default(''),
  siteIds: z.array(z.uuid()).max(MAX_FINDING_SITES).default([]),
  aiSystemIds: z.array(z.uuid()).max(MAX_FINDING_AI_SYSTEMS).default([]),
});
export type TRaiseFindingBody = z.input<typeof ZRaiseFindingBody>;
export type TRaiseFindingInput = z.output<typeof ZRaiseFindingBody>;

export const ZUpdateFindingBody = z.strictObject({
  class: ZFindingClass.optional(),
  ref: ZFindingRequirementRef.nullable().optional(),
  statement: zText(FINDING_TEXT_MAX, { min: 1 }).optional(),
  evidence: zText(FINDING_TEXT_MAX).optional(),
  siteIds: z.array(z.uuid()).max(MAX_FINDING_SITES).optional(),
  aiSystemIds: z.array(z.uuid()).max(MAX_FINDING_AI_SYSTEMS).optional(),
});
export type TUpdateFindingBody = z.input<typeof ZUpdateFindingBody>;

/** The organization's answer: each submission is a new version; evidence names its own evidence records. */
export const ZSubmitResponseBody = z.strictObject({
  correction: zText(FINDING_TEXT_MAX, { min: 1 }),
  rootCause: zText(FINDING_TEXT_MAX, { min: 1 }),
  correctiveAction: zText(FINDING_TEXT_MAX, { min: 1 }),
  plannedCompletionOn: ZFindingDay.nullable().default(null),
  evidenceIds: z.array(z.uuid()).max(MAX_RESPONSE_EVIDENCE).default([]),
});
export type TSubmitResponseBody = z.input<typeof ZSubmitResponseBody>;

export const ZVerdictBody = z.strictObject({
  verdict: ZFindingResponseVerdict,
  /** Required for a rejection (400 without). */
  reason: zText(FINDING_TEXT_MAX).default(''),
});
export type TVerdictBody = z.input<typeof ZVerdictBody>;

export const ZVerifyFindingBody = z.strictObject({
  method: ZVerificationMethod,
  notes: zText(FINDING_TEXT_MAX).default(''),
  /** The follow-up (or later) audit that verified it; optional for a remote check on the evidence sent. */
  auditId: z.uuid().nullable().default(null),
});
export type TVerifyFindingBody = z.input<typeof ZVerifyFindingBody>;

export const ZCloseFindingBody = z.strictObject({ notes: zText(FINDING_TEXT_MAX).default('') });
export type TCloseFindingBody = z.input<typeof ZCloseFindingBody>;

export const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ZResponseEvidence = z.object({ evidenceId: z.string(), title: z.string() });

export const ZFindingResponse = z.object({
  id: z.string(),
  version: z.number().int(),
  correction: z.string(),
  rootCause: z.string(),
  correctiveAction: z.string(),
  plannedCompletionOn: z.string().nullable(),
  evidence: z.array(ZResponseEvidence),
  submittedBy: ZPerson.nullable(),
  submittedAt: ZTimestamp,
  verdict: ZFindingResponseVerdict.nullable(),
  verdictReason: z.string(),
  verdictBy: ZPerson.nullable(),
  verdictAt: ZTimestamp.nullable(),
});
export type TFindingResponse = z.infer<typeof ZFindingResponse>;

export const ZBusinessDaysWait = z.object({ elapsedBusinessDays: z.number().int().min(0), targetBusinessDays: z.number().int().min(1), overdue: z.boolean() });
export type TBusinessDaysWait = z.infer<typeof ZBusinessDaysWait>;

export const ZOverdueItem = z.object({ kind: z.enum(['response', 'closure', 'verification']), dueOn: z.string() });

export const ZFindingAbilities = zAbilitiesOf('finding.read', 'finding.write', 'finding.judge');
export const ZOrgFindingAbilities = zAbilitiesOf('orgFinding.read', 'orgFinding.respond');

const findingCore = {
  id: z.string(),
  reference: z.string(),
  class: ZFindingClass,
  state: ZFindingState,
  auditId: z.string(),
  auditReference: z.string(),
  auditType: ZAuditType,
  auditState: ZAuditState,
  engagementId: z.string(),
  programmeId: z.string(),
  bodyName: z.string(),
  clientName: z.string(),
  requirement: z.object({ frameworkId: z.string(), frameworkVersion: z.string(), ref: z.string(), title: z.object({ en: z.string(), fr: z.string() }) }).nullable(),
  statement: z.string(),
  evidence: z.string(),
  sites: z.array(z.object({ id: z.string(), name: z.string() })),
  aiSystems: z.array(z.object({ id: z.string(), name: z.string() })),
  responseDueOn: z.string().nullable(),
  closureDueOn: z.string().nullable(),
  verificationDueOn: z.string().nullable(),
  overdue: z.array(ZOverdueItem),
  /** Answers submitted so far, and whether one waits for a verdict. */
  responseCount: z.number().int(),
  pendingSince: ZTimestamp.nullable(),
  /** How long the pending answer has waited for a verdict, in business days, against the body's target. */
  reviewWait: ZBusinessDaysWait.nullable(),
  verification: z
    .object({ method: ZVerificationMethod, notes: z.string(), auditId: z.string().nullable(), auditReference: z.string().nullable(), verifiedAt: ZTimestamp, verifiedBy: ZPerson.nullable() })
    .nullable(),
  closedAt: ZTimestamp.nullable(),
  raisedBy: ZPerson.nullable(),
  raisedAt: ZTimestamp,
  updatedAt: ZTimestamp,
  /** The organization's mirror of a nonconformity among its own (org side only; null on the body's side). */
  nonconformityId: z.string().nullable(),
};

export const ZFinding = z.object({ ...findingCore, abilities: ZFindingAbilities });
export type TFinding = z.infer<typeof ZFinding>;
export const ZFindingDetail = ZFinding.extend({ responses: z.array(ZFindingResponse) });
export type TFindingDetail = z.infer<typeof ZFindingDetail>;

export const ZOrgFinding = z.object({ ...findingCore, abilities: ZOrgFindingAbilities });
export type TOrgFinding = z.infer<typeof ZOrgFinding>;
export const ZOrgFindingDetail = ZOrgFinding.extend({ responses: z.array(ZFindingResponse) });
export type TOrgFindingDetail = z.infer<typeof ZOrgFindingDetail>;

export const ZFindingPage = z.object({ items: z.array(ZFinding), nextCursor: z.string().nullable() });
export type TFindingPage = z.infer<typeof ZFindingPage>;
export const ZOrgFindingPage = z.object({ items: z.array(ZOrgFinding), nextCursor: z.string().nullable() });
export type TOrgFindingPage = z.infer<typeof ZOrgFindingPage>;

const ZCursor = z.string().max(400).regex(/^[A-Za-z0-9_-]+$/, 'cursor must be the nextCursor of a previous page');
const listQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: ZCursor.optional(),
  class: ZFindingClass.optional(),
  state: ZFindingState.optional(),
};

/** Per audit or per programme, oldest first (the order they were raised in). */
export const ZFindingListQuery = z.strictObject({ ...listQuery, programmeId: z.uuid().optional() });
export type TFindingListQuery = z.output<typeof ZFindingListQuery>;
export type TFindingFilters = TListFilters<typeof ZFindingListQuery>;

/** The body's answers waiting for a verdict: the longest-waiting overdue ones first. */
export const ZReviewListQuery = z.strictObject({
  limit: listQuery.limit,
  cursor: listQuery.cursor,
  class: listQuery.class,
  /** Only answers past the finding's closure (or verification) date. */
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type TReviewListQuery = z.output<typeof ZReviewListQuery>;
export type TReviewFilters = TListFilters<typeof ZReviewListQuery>;

/** The organization's findings across its live engagements. */
export const ZOrgFindingListQuery = z.strictObject({ ...listQuery, engagementId: z.uuid().optional() });
export type TOrgFindingListQuery = z.output<typeof ZOrgFindingListQuery>;

export const ZAuditFindingsParams = z.object({ tenantId: z.uuid(), auditId: z.uuid() });
export const ZFindingParams = z.object({ tenantId: z.uuid(), findingId: z.uuid() });
export const ZTenantParams = z.object({ tenantId: z.uuid() });
