import { z } from 'zod';
import { ZLocale, ZTimestamp, zText } from './common.ts';
import { ZLocalizedText } from './catalog.ts';
import { ZAuditState, ZAuditType, type TAuditType } from './certification.ts';
import type { TDecisionKind } from './certification-decisions.ts';
import { ZRequirementStatus } from './readiness.ts';

/*
 * The audit workspace of a certification audit (ISO/IEC 17021-1 9.4): the checklist the team
 * works through and the audit report. The checklist is generated once per audit from the catalog
 * and, depending on the audit type, from the client's approved Statement of Applicability (read
 * through the engagement) or the organization's readiness view; the auditors then record a verdict,
 * notes and references to the client's evidence on each item.
 */

/** `null` on an item means nothing recorded yet; `not_audited` is a decision the auditor records. */
export const CHECKLIST_VERDICTS = ['conforming', 'nonconforming', 'observation', 'not_audited'] as const;
export const ZChecklistVerdict = z.enum(CHECKLIST_VERDICTS);
export type TChecklistVerdict = z.infer<typeof ZChecklistVerdict>;

/**
 * Why an item is on the checklist: stage 1 reviews the documented information; stage 2 and
 * recertification every clause 4–10 and every Annex A control applicable in the approved SoA;
 * surveillance a configured sample plus the areas found nonconforming before.
 */
export const CHECKLIST_SECTIONS = ['documented_information', 'clause', 'control', 'sample', 'prior_nonconformity'] as const;
export const ZChecklistSection = z.enum(CHECKLIST_SECTIONS);
export type TChecklistSection = z.infer<typeof ZChecklistSection>;

/** Which rule generated the checklist (from the audit type). */
export const CHECKLIST_BASES = ['stage1', 'full', 'surveillance'] as const;
export const ZChecklistBasis = z.enum(CHECKLIST_BASES);
export type TChecklistBasis = z.infer<typeof ZChecklistBasis>;

export const ZAuditWorkParams = z.object({ tenantId: z.uuid(), auditId: z.uuid() });
export const ZChecklistItemParams = ZAuditWorkParams.extend({ itemId: z.uuid() });

const ZRequirementKey = z.strictObject({ frameworkId: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,62}$/), ref: zText(40, { min: 1 }) });

export const MAX_SURVEILLANCE_SAMPLE = 80;

/**
 * 17021-1 9.6.2.2: every surveillance looks at internal audits and management review, actions on
 * earlier nonconformities, objectives, continual improvement, operational control and changes.
 * These are the ISO/IEC 42001 clauses for them: the sample when the team names none.
 */
export const DEFAULT_SURVEILLANCE_SAMPLE = ['6.2', '6.3', '8.1', '9.2.1', '9.2.2', '9.3.1', '9.3.2', '9.3.3', '10.1', '10.2'] as const;

export const ZGenerateChecklistBody = z.strictObject({
  /**
   * Surveillance only: the requirements sampled for this visit (ISO/IEC 42001 refs). Omitted: the
   * requirements every surveillance covers (internal audit, management review, nonconformity and
   * corrective action, continual improvement, changes).
   */
  sample: z.array(ZRequirementKey).min(1).max(MAX_SURVEILLANCE_SAMPLE).optional(),
});
export type TGenerateChecklistInput = z.infer<typeof ZGenerateChecklistBody>;

export const MAX_CHECKLIST_NOTES = 8000;
export const MAX_EVIDENCE_REFS = 20;

export const ZUpdateChecklistItemBody = z
  .strictObject({
    verdict: ZChecklistVerdict.nullable(),
    notes: zText(MAX_CHECKLIST_NOTES, { trim: false }),
    /** The client's evidence records (ids in the organization's tenant), read through the engagement. */
    evidenceIds: z.array(z.uuid()).max(MAX_EVIDENCE_REFS),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Send at least one of verdict, notes, evidenceIds.' });
export type TUpdateChecklistItemInput = z.infer<typeof ZUpdateChecklistItemBody>;

export const ZChecklistQuery = z.strictObject({
  section: ZChecklistSection.optional(),
  /** `open`: no verdict recorded yet. */
  verdict: z.enum([...CHECKLIST_VERDICTS, 'open']).optional(),
});
export type TChecklistQuery = z.infer<typeof ZChecklistQuery>;

const ZPerson = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const ZChecklistItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  section: ZChecklistSection,
  frameworkId: z.string(),
  frameworkVersion: z.string(),
  ref: z.string(),
  kind: z.string(),
  title: ZLocalizedText,
  /** The clause (4–10) or Annex A theme (A.2–A.10) the item belongs to, for grouping. */
  group: z.object({ ref: z.string(), title: ZLocalizedText }).nullable(),
  /** Stage 1: what the organization's readiness view said about the requirement when generated. */
  readinessStatus: ZRequirementStatus.nullable(),
  /** Controls on a stage 2: the implementation status the approved SoA declares. */
  soaImplementationStatus: z.string().nullable(),
  /** A prior-nonconformity item: the audit whose checklist found it nonconforming. */
  priorAuditReference: z.string().nullable(),
  verdict: ZChecklistVerdict.nullable(),
  notes: z.string(),
  evidence: z.array(z.object({ id: z.uuid(), title: z.string() })),
  updatedBy: ZPerson,
  updatedAt: ZTimestamp.nullable(),
  abilities: z.record(z.string(), z.boolean()),
});
export type TChecklistItem = z.infer<typeof ZChecklistItem>;

const count = z.number().int().min(0);

export const ZChecklist = z.object({
  auditId: z.uuid(),
  auditReference: z.string(),
  auditType: ZAuditType,
  auditState: ZAuditState,
  /** False until generated; then `basis`, the framework and the inputs it was generated from are set. */
  generated: z.boolean(),
  basis: ZChecklistBasis.nullable(),
  framework: z.object({ id: z.string(), version: z.string() }).nullable(),
  /** The number of the client's approved SoA version the controls come from (stage 2, recertification). */
  soaVersion: z.number().int().nullable(),
  /** Stage 1: the organization's readiness view when the checklist was generated. */
  readiness: z
    .object({ asOf: z.string(), coveredPercent: z.number().int(), byStatus: z.record(ZRequirementStatus, count), blockers: z.array(z.object({ kind: z.string(), clause: z.string().nullable(), label: ZLocalizedText.nullable() })) })
    .nullable(),
  generatedBy: ZPerson,
  generatedAt: ZTimestamp.nullable(),
  totals: z.object({ items: count, open: count, conforming: count, nonconforming: count, observation: count, not_audited: count }),
  items: z.array(ZChecklistItem),
  abilities: z.record(z.string(), z.boolean()),
});
export type TChecklist = z.infer<typeof ZChecklist>;

/* ───────────────────────── Reports ───────────────────────── */

/** Stage 1 concludes on readiness for stage 2 (17021-1 9.3.1.2). */
export const STAGE2_READINESS = ['yes', 'not_yet'] as const;
export const ZStage2Readiness = z.enum(STAGE2_READINESS);

/**
 * The team's recommendation to the certification decision (17021-1 9.4.8.3): the decision itself
 * is taken by someone outside the team (the next issue).
 */
export const RECOMMENDATIONS = [
  'grant',
  'grant_after_corrections',
  'not_recommended',
  'maintain',
  'maintain_after_corrections',
  'suspend',
  'renew',
  'renew_after_corrections',
  'not_renewed',
  'extend_scope',
  'reduce_scope',
] as const;
export const ZRecommendation = z.enum(RECOMMENDATIONS);
export type TRecommendation = z.infer<typeof ZRecommendation>;

/**
 * What each audit may recommend (17021-1 9.5, 9.6): a stage 2 leads to the initial decision, a
 * surveillance to maintaining (or suspending) the certificate, a recertification to renewing it (or
 * not), a special audit (extension of scope, short notice) to a scope change or a status change. A
 * follow-up verification carries on the recommendation of the audit whose corrections it checks, so
 * it may recommend what a stage 2, a surveillance or a recertification does. Stage 1 and pre-audits
 * conclude on readiness instead.
 */
export const RECOMMENDATIONS_BY_AUDIT_TYPE: Readonly<Record<TAuditType, readonly TRecommendation[]>> = {
  pre_audit: [],
  stage1: [],
  stage2: ['grant', 'grant_after_corrections', 'not_recommended'],
  surveillance: ['maintain', 'maintain_after_corrections', 'suspend', 'reduce_scope'],
  recertification: ['renew', 'renew_after_corrections', 'not_renewed'],
  special: ['maintain', 'maintain_after_corrections', 'extend_scope', 'reduce_scope', 'suspend'],
  follow_up: ['grant', 'grant_after_corrections', 'not_recommended', 'maintain', 'maintain_after_corrections', 'suspend', 'renew', 'renew_after_corrections', 'not_renewed'],
};

export const recommendationFits = (type: TAuditType, r: TRecommendation) => RECOMMENDATIONS_BY_AUDIT_TYPE[type].includes(r);

/**
 * The decision a recommendation asks for. "After corrections" asks for the same decision once the
 * plans are accepted (the decision's own gate checks that); a recertification not recommended is a
 * refusal to renew (the certificate then runs to its expiry).
 */
export const RECOMMENDED_DECISION: Readonly<Record<TRecommendation, TDecisionKind>> = {
  grant: 'grant',
  grant_after_corrections: 'grant',
  not_recommended: 'refuse',
  maintain: 'maintain',
  maintain_after_corrections: 'maintain',
  suspend: 'suspend',
  renew: 'renew',
  renew_after_corrections: 'renew',
  not_renewed: 'refuse',
  extend_scope: 'extend_scope',
  reduce_scope: 'reduce_scope',
};

export const REPORT_KINDS = ['stage1', 'audit'] as const;
export const ZReportKind = z.enum(REPORT_KINDS);
export type TReportKind = z.infer<typeof ZReportKind>;

export const REPORT_STATES = ['draft', 'issued'] as const;
export const ZReportState = z.enum(REPORT_STATES);

export const MAX_REPORT_TEXT = 20000;
export const MAX_ATTENDEES = 40;

export const ZAttendee = z.strictObject({ name: zText(120, { min: 1 }), organization: zText(160), role: zText(120) });
export type TAttendee = z.infer<typeof ZAttendee>;

const reportText = zText(MAX_REPORT_TEXT, { trim: false });
export const ZReportFields = z.strictObject({
  summary: reportText,
  // Stage 1
  conformities: reportText,
  observations: reportText,
  areasToClarify: reportText,
  readyForStage2: ZStage2Readiness.nullable(),
  // Stage 2, surveillance, recertification
  conclusions: reportText,
  closingMeetingDate: z.iso.date().nullable(),
  attendees: z.array(ZAttendee).max(MAX_ATTENDEES),
  recommendation: ZRecommendation.nullable(),
});
export const ZUpdateReportBody = ZReportFields.partial().refine((b) => Object.keys(b).length > 0, { message: 'Send at least one field.' });
export type TUpdateReportInput = z.infer<typeof ZUpdateReportBody>;

export const REPORT_FORMATS = ['pdf', 'docx'] as const;
export const ZReportFormat = z.enum(REPORT_FORMATS);
export type TReportFormat = z.infer<typeof ZReportFormat>;
export const ZReportFileParams = ZAuditWorkParams.extend({ locale: ZLocale, format: ZReportFormat });

export const ZReport = z.object({
  auditId: z.uuid(),
  auditReference: z.string(),
  auditType: ZAuditType,
  kind: ZReportKind,
  status: ZReportState,
  summary: z.string(),
  conformities: z.string(),
  observations: z.string(),
  areasToClarify: z.string(),
  readyForStage2: ZStage2Readiness.nullable(),
  conclusions: z.string(),
  closingMeetingDate: z.string().nullable(),
  attendees: z.array(ZAttendee),
  recommendation: ZRecommendation.nullable(),
  updatedBy: ZPerson,
  updatedAt: ZTimestamp.nullable(),
  issuedBy: ZPerson,
  issuedAt: ZTimestamp.nullable(),
  /** The issued files (stored once, never regenerated): one per language and format. */
  files: z.array(z.object({ locale: ZLocale, format: ZReportFormat, sha256: z.string(), size: z.number().int() })),
  abilities: z.record(z.string(), z.boolean()),
});
export type TReport = z.infer<typeof ZReport>;
