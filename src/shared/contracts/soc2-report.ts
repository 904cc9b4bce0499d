import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZLocale, ZTimestamp, zText } from './common.ts';
import { ZSoc2DocumentKind, ZSoc2ExaminationState, ZSoc2Opinion, ZSoc2ReportType } from './soc2.ts';
import { ZSoc2Day } from './soc2-examinations.ts';

/*
 * The issued SOC 2 documents: the report (one per examination, issued by the engagement partner,
 * immutable) and management's bridge letters. Each is stored as PDF and DOCX in English and French,
 * each file with its SHA-256 and size; the model it was rendered from is kept with its SHA-256.
 */

export const SOC2_DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export const ZSoc2DocumentFormat = z.enum(SOC2_DOCUMENT_FORMATS);
export type TSoc2DocumentFormat = z.infer<typeof ZSoc2DocumentFormat>;

/**
 * How long after the report's period end a bridge letter may reach. Not in the facts sheet: Attest's
 * own bound (a report older than a year is stale for user entities, and the next report is due by
 * then), kept here as one named constant so it can become a firm setting.
 */
export const SOC2_BRIDGE_MAX_MONTHS = 12;

/** What stops the report from being issued, as `details.missing` of 409 `soc2_report_not_ready`. */
export const SOC2_REPORT_GAPS = ['state', 'opinion', 'opinionBasis', 'signedOffDescription', 'partner'] as const;

export const ZSoc2ReportParams = z.strictObject({ tenantId: z.uuid(), examinationId: z.uuid() });
export const ZSoc2ReportFileParams = ZSoc2ReportParams.extend({ locale: ZLocale });
export const ZSoc2BridgeLetterFileParams = ZSoc2ReportParams.extend({ documentId: z.uuid(), locale: ZLocale });
export const ZSoc2PreviewQuery = z.strictObject({ locale: ZLocale.default('en') });

export const ZSoc2DocumentFile = z.object({ locale: ZLocale, format: ZSoc2DocumentFormat, sha256: z.string(), size: z.number().int() });
export type TSoc2DocumentFile = z.infer<typeof ZSoc2DocumentFile>;

export const ZSoc2IssuedDocument = z.object({
  id: z.string(),
  kind: ZSoc2DocumentKind,
  reference: z.string(),
  modelSha256: z.string(),
  files: z.array(ZSoc2DocumentFile),
  /** A bridge letter's last day; null for the report. */
  coversUntil: ZSoc2Day.nullable(),
  issuedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  issuedAt: ZTimestamp,
});
export type TSoc2IssuedDocument = z.infer<typeof ZSoc2IssuedDocument>;

/** The firm's view: the issued report (or what stops issuing it) and the organization's bridge letters. */
export const ZSoc2ReportStatus = z.object({
  examinationId: z.string(),
  examinationReference: z.string(),
  reportType: ZSoc2ReportType,
  state: ZSoc2ExaminationState,
  report: ZSoc2IssuedDocument.nullable(),
  bridgeLetters: z.array(ZSoc2IssuedDocument),
  generalUse: ZSoc2IssuedDocument.nullable(),
  missing: z.array(z.enum(SOC2_REPORT_GAPS)),
  abilities: zAbilitiesOf('soc2Report.preview', 'soc2Report.issue', 'soc2Report.issueGeneralUse'),
});
export type TSoc2ReportStatus = z.infer<typeof ZSoc2ReportStatus>;

/** The organization's view: its issued report and bridge letters (nothing before issue). */
export const ZOrgSoc2ReportStatus = z.object({
  examinationId: z.string(),
  examinationReference: z.string(),
  reportType: ZSoc2ReportType,
  state: ZSoc2ExaminationState,
  periodEnd: ZSoc2Day.nullable(),
  report: ZSoc2IssuedDocument.nullable(),
  /** The issued report's opinion and report date, from its frozen model; null before issue. */
  opinion: ZSoc2Opinion.nullable(),
  reportDate: ZSoc2Day.nullable(),
  bridgeLetters: z.array(ZSoc2IssuedDocument),
  generalUse: ZSoc2IssuedDocument.nullable(),
  /** The latest day a new bridge letter may cover (period end + SOC2_BRIDGE_MAX_MONTHS), null before issue or for Type I. */
  bridgeLimit: ZSoc2Day.nullable(),
  abilities: zAbilitiesOf('soc2BridgeLetter.issue'),
});
export type TOrgSoc2ReportStatus = z.infer<typeof ZOrgSoc2ReportStatus>;

const ZBridgeItem = zText(2000, { min: 1 });

/** Management's bridge letter: the last day it speaks for, what changed, what happened, who signs. */
export const ZIssueSoc2BridgeLetterBody = z.strictObject({
  coversUntil: ZSoc2Day,
  changes: z.array(ZBridgeItem).max(20).default([]),
  incidents: z.array(ZBridgeItem).max(20).default([]),
  nextReportPeriodEnd: ZSoc2Day.nullable().default(null),
  signatory: z.strictObject({ name: zText(120, { min: 1 }), title: zText(120, { min: 1 }) }),
});
export type TIssueSoc2BridgeLetterBody = z.input<typeof ZIssueSoc2BridgeLetterBody>;
