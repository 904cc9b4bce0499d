import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZLocale, ZTimestamp, zText } from './common.ts';
import { ZTenantParams } from './tenants.ts';

/*
 * AI system impact assessments (ISO/IEC 42001 6.1.4, 8.4, A.5; in the spirit of ISO/IEC 42005)
 * and their fundamental-rights variant (EU AI Act art. 27). An assessment is a series of
 * versions: an approved version is frozen, a change starts a new version.
 */

export const IMPACT_CATEGORIES = ['fundamental_rights', 'safety', 'discrimination_fairness', 'privacy', 'environment', 'economic', 'psychological'] as const;
export const ZImpactCategory = z.enum(IMPACT_CATEGORIES);
export type TImpactCategory = z.infer<typeof ZImpactCategory>;

/** 1 very low … 5 very high: the same five steps as the default risk matrix, so a significant impact maps onto a risk score. */
export const LEVELS = [1, 2, 3, 4, 5] as const;
export const ZLevel = z.number().int().min(1).max(5);
export type TLevel = 1 | 2 | 3 | 4 | 5;

export const REVERSIBILITY = ['reversible', 'partly_reversible', 'irreversible'] as const;
export const ZReversibility = z.enum(REVERSIBILITY);
export type TReversibility = z.infer<typeof ZReversibility>;

export const VARIANTS = ['standard', 'fria'] as const;
export const ZVariant = z.enum(VARIANTS);
export type TVariant = z.infer<typeof ZVariant>;

export const VERSION_STATUSES = ['draft', 'in_review', 'approved', 'superseded'] as const;
export const ZVersionStatus = z.enum(VERSION_STATUSES);
export type TVersionStatus = z.infer<typeof ZVersionStatus>;

export const AFFECTED_SCOPES = ['individuals', 'groups', 'society'] as const;
export const ZAffectedScope = z.enum(AFFECTED_SCOPES);

const ZDate = z.iso.date();
const LONG = 4000;
const SHORT = 300;

export const ZAffectedParty = z.object({
  scope: ZAffectedScope,
  name: zText(SHORT, { min: 1 }),
  description: zText(LONG),
});
export type TAffectedParty = z.infer<typeof ZAffectedParty>;

export const ZImpact = z.object({
  /** Stable within the series, so a risk created for it is found again in the next version. */
  key: z.uuid(),
  category: ZImpactCategory,
  description: zText(LONG, { min: 1 }),
  affected: zText(SHORT),
  severity: ZLevel,
  likelihood: ZLevel,
  reversibility: ZReversibility,
  mitigations: zText(LONG),
  /** The register's risk created or linked for a significant impact (set by the server). */
  riskId: z.uuid().nullable().default(null),
});
export type TImpact = z.infer<typeof ZImpact>;
export const ZImpactInput = ZImpact.omit({ riskId: true }).extend({ key: z.uuid().optional(), riskId: z.uuid().nullable().optional() });

/**
 * The six contents art. 27(1) requires, in our own words. The period of use has its dates; each
 * other content is the deployer's text.
 */
export const ZFria = z.object({
  /** (a) the deployer's processes in which the system is used, within its intended purpose */
  processes: zText(LONG),
  /** (b) the period and frequency of intended use */
  useFrom: ZDate.nullable(),
  useUntil: ZDate.nullable(),
  useFrequency: zText(SHORT),
  /** (c) the categories of natural persons and groups likely to be affected in this context */
  affectedCategories: zText(LONG),
  /** (d) the specific risks of harm to those categories, given the provider's information (art. 13) */
  risksOfHarm: zText(LONG),
  /** (e) how human oversight is carried out, following the instructions for use */
  humanOversight: zText(LONG),
  /** (f) what is done if the risks materialise: mitigation, internal governance, complaints */
  mitigationMeasures: zText(LONG),
  governanceArrangements: zText(LONG),
  complaintMechanism: zText(LONG),
});
export type TFria = z.infer<typeof ZFria>;
export const FRIA_FIELDS = ['processes', 'useFrom', 'useFrequency', 'affectedCategories', 'risksOfHarm', 'humanOversight', 'mitigationMeasures', 'governanceArrangements', 'complaintMechanism'] as const;
export const EMPTY_FRIA: TFria = {
  processes: '',
  useFrom: null,
  useUntil: null,
  useFrequency: '',
  affectedCategories: '',
  risksOfHarm: '',
  humanOversight: '',
  mitigationMeasures: '',
  governanceArrangements: '',
  complaintMechanism: '',
};

export const MAX_AFFECTED = 50;
export const MAX_IMPACTS = 60;

/** What a person writes in a version. */
export const ZAssessmentContent = z.object({
  summary: zText(LONG),
  affected: z.array(ZAffectedParty).max(MAX_AFFECTED),
  impacts: z.array(ZImpact).max(MAX_IMPACTS),
  conclusion: zText(LONG),
  nextReviewOn: ZDate.nullable(),
  fria: ZFria.nullable(),
});
export type TAssessmentContent = z.infer<typeof ZAssessmentContent>;

export const ZAssessmentContentInput = ZAssessmentContent.extend({ impacts: z.array(ZImpactInput).max(MAX_IMPACTS) });
export type TAssessmentContentInput = z.infer<typeof ZAssessmentContentInput>;

export const ZAssessmentParams = ZTenantParams.extend({ assessmentId: z.uuid() });
export const ZVersionParams = ZAssessmentParams.extend({ version: z.coerce.number().int().min(1).max(100_000) });

export const ZCreateAssessmentBody = z.object({
  aiSystemId: z.uuid(),
  variant: ZVariant,
  title: zText(200, { min: 1 }),
});
export type TCreateAssessmentBody = z.infer<typeof ZCreateAssessmentBody>;

export const ZUpdateAssessmentBody = z.object({
  title: zText(200, { min: 1 }).optional(),
  content: ZAssessmentContentInput,
});
export type TUpdateAssessmentBody = z.infer<typeof ZUpdateAssessmentBody>;

/** Returning a version to its author says why. */
export const ZReturnBody = z.object({ comment: zText(2000, { min: 1 }) });
export const ZApproveBody = z.object({ comment: zText(2000).optional() });

export const ZPerson = z.object({ id: z.uuid(), name: z.string() });

export const ZFriaApplicability = z.object({
  applies: z.boolean(),
  /** Why (or why not), as a code the web translates. */
  reason: z.enum([
    'not_classified',
    'not_high_risk',
    'not_annex_iii',
    'critical_infrastructure',
    'not_deployer',
    'credit_or_insurance',
    'public_body_or_service',
    'not_in_scope',
  ]),
  annexIIIPoint: z.string().nullable(),
  /** The date art. 27 applies from, from the eu-ai-act-2024 catalog (null when the catalog has none). */
  appliesFrom: z.string().nullable(),
});
export type TFriaApplicability = z.infer<typeof ZFriaApplicability>;

export const ZAssessmentAbilities = zAbilitiesOf(
  'impactAssessment.read',
  'impactAssessment.create',
  'impactAssessment.update',
  'impactAssessment.submit',
  'impactAssessment.return',
  'impactAssessment.approve',
  'impactAssessment.revise',
);

export const ZAssessmentVersion = z.object({
  version: z.number().int(),
  status: ZVersionStatus,
  content: ZAssessmentContent,
  createdBy: ZPerson,
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  submittedBy: ZPerson.nullable(),
  submittedAt: ZTimestamp.nullable(),
  approvedBy: ZPerson.nullable(),
  approvedAt: ZTimestamp.nullable(),
  approvalComment: z.string().nullable(),
  returnComment: z.string().nullable(),
});
export type TAssessmentVersion = z.infer<typeof ZAssessmentVersion>;

export const ZVersionSummary = ZAssessmentVersion.pick({ version: true, status: true, createdAt: true, approvedAt: true }).extend({
  approvedBy: ZPerson.nullable(),
});

export const ZAssessmentSummary = z.object({
  id: z.uuid(),
  aiSystemId: z.uuid(),
  aiSystemName: z.string(),
  variant: ZVariant,
  title: z.string(),
  version: z.number().int(),
  status: ZVersionStatus,
  /** The latest approved version, if any: what is in force while a newer one is drafted. */
  approvedVersion: z.number().int().nullable(),
  nextReviewOn: z.string().nullable(),
  significantImpacts: z.number().int(),
  updatedAt: ZTimestamp,
});
export type TAssessmentSummary = z.infer<typeof ZAssessmentSummary>;

export const ZAssessment = ZAssessmentSummary.extend({
  current: ZAssessmentVersion,
  versions: z.array(ZVersionSummary),
  friaApplicability: ZFriaApplicability,
  significantSeverity: ZLevel,
  abilities: ZAssessmentAbilities,
});
export type TAssessment = z.infer<typeof ZAssessment>;

export const ZAssessmentListQuery = z.object({
  aiSystemId: z.uuid().optional(),
  status: ZVersionStatus.optional(),
  variant: ZVariant.optional(),
  sort: z.enum(['updated', 'title']).default('updated'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: zText(400).optional(),
});
export type TAssessmentListQuery = z.infer<typeof ZAssessmentListQuery>;
export const ZAssessmentPage = z.object({ items: z.array(ZAssessmentSummary), nextCursor: z.string().nullable() });
export type TAssessmentPage = z.infer<typeof ZAssessmentPage>;

export const ZExportQuery = z.object({ format: z.enum(['pdf', 'json']), lang: ZLocale });

export const ZApplicabilityQuery = z.object({ aiSystemId: z.uuid() });

/** Per organization: when an impact is significant, and whether art. 27 reaches it as a public body. */
export const ZImpactSettings = z.object({
  /** An impact of this severity or above creates or links a risk in the register. */
  significantSeverity: ZLevel,
  /**
   * Art. 27(1) also reaches bodies governed by public law and private entities providing public
   * services, for every Annex III system outside area 2. Whether the organization is one is its
   * own legal judgement: it says so here.
   */
  publicBodyOrService: z.boolean(),
});
export type TImpactSettings = z.infer<typeof ZImpactSettings>;
export const ZUpdateImpactSettings = ZImpactSettings.partial().refine((b) => Object.keys(b).length > 0, 'Send at least one setting to change.');
export type TUpdateImpactSettings = z.infer<typeof ZUpdateImpactSettings>;
export const ZImpactSettingsDto = ZImpactSettings.extend({ abilities: zAbilitiesOf('impactAssessment.configure') });
