import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZTimestamp, zText } from './common.ts';
import { ZAuditState, ZAuditTeamRole, ZAuditType, ZClientAiRole, ZClientAiTier, ZProgrammeState, ZScheme } from './certification.ts';
import { ZDecisionKind, ZFindingClass, ZFindingResponseVerdict, ZFindingState, ZTechnicalReviewState, ZVerificationMethod } from './certification-decisions.ts';
import { ZRecommendation } from './audit-work.ts';
import { ZBusinessDaysWait } from './findings.ts';

/*
 * The technical review of a certification file and the certification decision taken on it
 * (ISO/IEC 17021-1 9.5): the file as both read it, the review's fixed checklist, the decision's
 * request and record, and the reasons a decision is refused.
 */

export const ZDay = z.iso.date();
const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/);

// ---------------------------------------------------------------------------------------------
// The certification file (certification-file.ts builds it; its canonical JSON is hashed)

const ZFileDocument = z.object({ locale: z.enum(['en', 'fr']), format: z.enum(['pdf', 'docx']), sha256: ZSha256, size: z.number() });
const ZFileTeamMember = z.object({
  userId: z.string(),
  name: z.string(),
  role: ZAuditTeamRole,
  declaration: z.object({ signedAt: z.string(), statementVersion: z.string(), locale: z.string() }).nullable(),
  /** The competence records (same scheme) that covered the audit's dates. */
  competence: z.array(z.object({ qualification: z.string(), leadQualified: z.boolean(), validFrom: ZDay, validUntil: ZDay })),
});
export const ZFileAudit = z.object({
  id: z.string(),
  reference: z.string(),
  type: ZAuditType,
  sequence: z.number(),
  state: ZAuditState,
  dueBy: ZDay.nullable(),
  plannedStart: ZDay.nullable(),
  plannedEnd: ZDay.nullable(),
  actualStart: ZDay.nullable(),
  actualEnd: ZDay.nullable(),
  plannedDays: z.number(),
  onSiteDays: z.number(),
  /** The organization's SoA version the audit's checklist was built from. */
  soaVersion: z.number().nullable(),
  report: z
    .object({ kind: z.string(), status: z.enum(['draft', 'issued']), recommendation: z.string().nullable(), issuedAt: z.string().nullable(), documents: z.array(ZFileDocument) })
    .nullable(),
  team: z.array(ZFileTeamMember),
});
export type TFileAudit = z.infer<typeof ZFileAudit>;
export const ZFileFinding = z.object({
  id: z.string(),
  reference: z.string(),
  auditId: z.string(),
  class: ZFindingClass,
  frameworkId: z.string().nullable(),
  ref: z.string().nullable(),
  statement: z.string(),
  evidence: z.string(),
  state: ZFindingState,
  responseDueOn: ZDay.nullable(),
  closureDueOn: ZDay.nullable(),
  verificationDueOn: ZDay.nullable(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  verificationMethod: ZVerificationMethod.nullable(),
  verificationAuditId: z.string().nullable(),
  verificationNotes: z.string(),
  closedAt: z.string().nullable(),
  raisedAt: z.string(),
  responses: z.array(
    z.object({
      version: z.number(),
      submittedAt: z.string(),
      correction: z.string(),
      rootCause: z.string(),
      correctiveAction: z.string(),
      plannedCompletionOn: ZDay.nullable(),
      verdict: ZFindingResponseVerdict.nullable(),
      verdictReason: z.string(),
      verdictAt: z.string().nullable(),
    }),
  ),
});
export type TFileFinding = z.infer<typeof ZFileFinding>;
export const ZCertificationFile = z.object({
  version: z.literal(1),
  programme: z.object({ id: z.string(), cycle: z.number(), status: ZProgrammeState, decisionDate: ZDay.nullable(), expiryDate: ZDay.nullable(), engagementId: z.string(), scheme: ZScheme }),
  client: z.object({
    id: z.string(),
    reference: z.string(),
    legalName: z.string(),
    address: z.string(),
    sites: z.array(z.object({ id: z.string(), name: z.string(), address: z.string(), isCentral: z.boolean() })),
    aiSystems: z.array(z.object({ id: z.string(), name: z.string(), tier: ZClientAiTier, role: ZClientAiRole })),
  }),
  /** The audit-time calculation the programme was priced from (the accepted proposal's), else the client's latest. */
  auditTime: z
    .object({
      source: z.enum(['proposal', 'calculation']),
      stage1Days: z.number(),
      stage2Days: z.number(),
      surveillanceDays: z.number(),
      recertificationDays: z.number(),
      proposalId: z.string().optional(),
      proposalReference: z.string().optional(),
      calculationId: z.string().nullable().optional(),
      tableVersion: z.union([z.string(), z.number()]).nullable().optional(),
      calculatedAt: z.string().optional(),
    })
    .nullable(),
  audits: z.array(ZFileAudit),
  findings: z.array(ZFileFinding),
});
export type TCertificationFile = z.infer<typeof ZCertificationFile>;

// ---------------------------------------------------------------------------------------------
// The technical review's checklist: fixed items, each with a fact computed from the file

/** In the order the reviewer reads them. */
export const REVIEW_ITEMS = [
  'stage1_report_issued',
  'concluding_report_issued',
  'majors_verified',
  'minors_plans_accepted',
  'follow_up_reports_issued',
  'declarations_signed',
  'competence_valid',
  'audit_time_respected',
  'scope_sites_consistent',
  'soa_version_identified',
] as const;
export const ZReviewItem = z.enum(REVIEW_ITEMS);
export type TReviewItem = z.infer<typeof ZReviewItem>;

/** What the file says about one item: whether it holds, and what it names (the references that break it, or the SoA version). */
export const ZReviewFact = z.object({ holds: z.boolean(), refs: z.array(z.string()) });
export type TReviewFact = z.infer<typeof ZReviewFact>;

export const ZReviewChecklistEntry = z.object({ item: ZReviewItem, fact: ZReviewFact, confirmed: z.boolean(), note: z.string() });
export type TReviewChecklistEntry = z.infer<typeof ZReviewChecklistEntry>;

export const ZTechnicalReviewAbilities = zAbilitiesOf('technicalReview.read', 'technicalReview.update', 'technicalReview.complete');

export const ZTechnicalReview = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  cycle: z.number(),
  engagementId: z.uuid(),
  clientId: z.uuid(),
  clientReference: z.string(),
  clientName: z.string(),
  auditId: z.uuid(),
  auditReference: z.string(),
  auditType: ZAuditType,
  reviewer: z.object({ id: z.uuid(), name: z.string() }),
  state: ZTechnicalReviewState,
  checklist: z.array(ZReviewChecklistEntry),
  recommendation: ZDecisionKind.nullable(),
  notes: z.string(),
  /** The hash frozen at completion; null while a draft. */
  fileSha256: z.string().nullable(),
  /** The file's hash now: differs from fileSha256 when the file changed since the review was completed. */
  currentFileSha256: z.string().nullable(),
  stale: z.boolean(),
  completedAt: ZTimestamp.nullable(),
  /** Business days from the completed review to the decision (or to today while none is taken), against the body's target. */
  decisionWait: ZBusinessDaysWait.extend({ decidedOn: z.string().nullable() }).nullable(),
  createdAt: ZTimestamp,
  abilities: ZTechnicalReviewAbilities,
});
export type TTechnicalReview = z.infer<typeof ZTechnicalReview>;
/** A review as lists show it: everything but the checklist. */
export const ZTechnicalReviewSummary = ZTechnicalReview.omit({ checklist: true });
export type TTechnicalReviewSummary = z.infer<typeof ZTechnicalReviewSummary>;

export const ZTechnicalReviewParams = z.object({ tenantId: z.uuid(), reviewId: z.uuid() });

export const ZCreateTechnicalReviewBody = z.strictObject({
  programmeId: z.uuid(),
  /** The reported audit the review concludes (stage 2, surveillance, recertification or special). */
  auditId: z.uuid(),
  /** A scheme manager assigns a technical reviewer; a technical reviewer creating one reviews it themself. */
  reviewerId: z.uuid().optional(),
});
export type TCreateTechnicalReviewBody = z.infer<typeof ZCreateTechnicalReviewBody>;

export const ZUpdateTechnicalReviewBody = z.strictObject({
  items: z.array(z.strictObject({ item: ZReviewItem, confirmed: z.boolean(), note: zText(2000) })).max(REVIEW_ITEMS.length).optional(),
  recommendation: ZDecisionKind.nullable().optional(),
  notes: zText(4000).optional(),
});
export type TUpdateTechnicalReviewBody = z.infer<typeof ZUpdateTechnicalReviewBody>;

export const ZTechnicalReviewListQuery = z.object({
  state: ZTechnicalReviewState.optional(),
  programmeId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  cursor: zText(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TTechnicalReviewListQuery = z.infer<typeof ZTechnicalReviewListQuery>;
export const ZTechnicalReviewPage = z.object({ items: z.array(ZTechnicalReviewSummary), nextCursor: z.string().nullable() });

// ---------------------------------------------------------------------------------------------
// Decisions

/** Why a decision cannot be taken on the file (findings-gate.ts decides them). */
export const ZDecisionBlocker = z.object({
  code: z.enum(['major_unverified', 'minor_plan_not_accepted', 'major_window_expired']),
  findingId: z.string(),
  reference: z.string(),
  class: ZFindingClass,
  dueOn: ZDay.nullable(),
});
export type TDecisionBlockerDto = z.infer<typeof ZDecisionBlocker>;

/** An audit of the cycle whose team the person is on: the independence rule's evidence. */
export const ZTeamSeat = z.object({ auditId: z.string(), reference: z.string(), type: ZAuditType, role: ZAuditTeamRole });
export type TTeamSeat = z.infer<typeof ZTeamSeat>;

/** The kinds that need a reviewed file with no blocker (the others act on an existing certificate or refuse). */
export const REVIEWED_KINDS = ['grant', 'renew'] as const;
export const GATED_KINDS = ['grant', 'renew', 'maintain'] as const;
export const CERTIFICATE_KINDS = ['maintain', 'suspend', 'reinstate', 'withdraw', 'reduce_scope', 'extend_scope', 'renew'] as const;

export const ZCreateDecisionBody = z
  .strictObject({
    programmeId: z.uuid(),
    kind: ZDecisionKind,
    reasoning: zText(8000, { min: 3 }),
    /** The completed review the decision relies on; required for grant and renew (the latest completed one is used when absent). */
    technicalReviewId: z.uuid().optional(),
    /** The certificate acted on: required for maintain, suspend, reinstate, withdraw and scope changes. */
    certificateId: z.uuid().optional(),
    /** For a suspension: the last day it may last (at most the body's maximum). */
    suspendedUntil: ZDay.optional(),
    /** For a scope change: the new scope in both languages. */
    scope: z.strictObject({ en: zText(4000, { min: 3 }), fr: zText(4000, { min: 3 }) }).optional(),
    /** The certificate's reason (what the register shows), in both languages; defaults to the reasoning. */
    publicReason: z.strictObject({ en: zText(1000, { min: 3 }), fr: zText(1000, { min: 3 }) }).optional(),
  })
  .refine((b) => b.kind !== 'suspend' || b.suspendedUntil !== undefined, { path: ['suspendedUntil'], message: 'A suspension has a last day.' })
  .refine((b) => !['reduce_scope', 'extend_scope'].includes(b.kind) || b.scope !== undefined, { path: ['scope'], message: 'A scope change states the new scope.' })
  .refine((b) => !['maintain', 'suspend', 'reinstate', 'withdraw', 'reduce_scope', 'extend_scope'].includes(b.kind) || b.certificateId !== undefined, {
    path: ['certificateId'],
    message: 'This decision acts on a certificate.',
  });
export type TCreateDecisionBody = z.infer<typeof ZCreateDecisionBody>;

export const ZDecisionAbilities = zAbilitiesOf('certDecision.read');

export const ZDecision = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: ZDecisionKind,
  programmeId: z.uuid(),
  cycle: z.number(),
  engagementId: z.uuid(),
  clientId: z.uuid(),
  clientReference: z.string(),
  clientName: z.string(),
  technicalReviewId: z.uuid().nullable(),
  certificateId: z.uuid().nullable(),
  certificateNumber: z.string().nullable(),
  decidedBy: z.object({ id: z.uuid(), name: z.string() }),
  decidedOn: ZDay,
  decidedAt: ZTimestamp,
  reasoning: z.string(),
  details: z.record(z.string(), z.unknown()),
  fileSha256: z.string(),
  abilities: ZDecisionAbilities,
});
export type TDecision = z.infer<typeof ZDecision>;

export const ZDecisionDetail = ZDecision.extend({ file: ZCertificationFile });
export type TDecisionDetail = z.infer<typeof ZDecisionDetail>;

export const ZDecisionParams = z.object({ tenantId: z.uuid(), decisionId: z.uuid() });

export const ZDecisionListQuery = z.object({
  kind: ZDecisionKind.optional(),
  programmeId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  cursor: zText(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TDecisionListQuery = z.infer<typeof ZDecisionListQuery>;
export const ZDecisionPage = z.object({ items: z.array(ZDecision), nextCursor: z.string().nullable() });

/** What the decision form shows before anything is sent: the file, its blockers, the caller's independence, the review. */
export const ZDecisionPreviewQuery = z.object({ programmeId: z.uuid().optional(), certificateId: z.uuid().optional() }).refine((q) => q.programmeId || q.certificateId, {
  message: 'Name a programme or a certificate.',
  path: ['programmeId'],
});
/** The audit team's recommendation (its latest issued report's) and the decision it asks for. */
export const ZAuditRecommendation = z.object({
  auditId: z.string(),
  auditReference: z.string(),
  auditType: ZAuditType,
  sequence: z.number(),
  recommendation: ZRecommendation,
  decisionKind: ZDecisionKind,
});
export type TAuditRecommendation = z.infer<typeof ZAuditRecommendation>;

export const ZDecisionPreview = z.object({
  programmeId: z.uuid(),
  clientName: z.string(),
  clientReference: z.string(),
  cycle: z.number(),
  fileSha256: z.string(),
  file: ZCertificationFile,
  blockers: z.array(ZDecisionBlocker),
  /** The caller's seats on the cycle's audit teams: empty when they may decide. */
  teamSeats: z.array(ZTeamSeat),
  review: ZTechnicalReviewSummary.nullable(),
  /** The client's current certificate (not superseded), if any. */
  certificate: z.object({ id: z.uuid(), number: z.string(), status: z.string(), expiryDate: ZDay }).nullable(),
  /** What the audit team recommended: the form proposes its decision and says when the decision differs. */
  auditRecommendation: ZAuditRecommendation.nullable(),
});
export type TDecisionPreview = z.infer<typeof ZDecisionPreview>;
