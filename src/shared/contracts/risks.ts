import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { zText, ZTimestamp } from './common.ts';
import { ORGANIZATION_ROLES } from './roles.ts';

/*
 * The risk register (ISO/IEC 42001 6.1.2, 6.1.3, 8.2, 8.3): a likelihood × impact matrix per
 * organization, versioned, and risks scored on one version of it. A risk keeps the matrix version
 * it was scored on until someone re-scores it: its level is never recomputed behind its back.
 */

export const ZLocalizedLabel = z.strictObject({ en: zText(60, { min: 1 }), fr: zText(60, { min: 1 }) });
export type TLocalizedLabel = z.infer<typeof ZLocalizedLabel>;

export const MATRIX_MIN_SIZE = 2;
export const MATRIX_MAX_SIZE = 7;

/** A level band: scores (likelihood × impact) up to `upTo` inclusive, above the previous band. */
export const ZRiskBand = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a short key: lower-case letters, digits and dashes'),
  label: ZLocalizedLabel,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #RRGGBB'),
  upTo: z.number().int().min(1).max(MATRIX_MAX_SIZE * MATRIX_MAX_SIZE),
});
export type TRiskBand = z.infer<typeof ZRiskBand>;

/** Roles that may accept a residual risk above the threshold: never a viewer. */
export const ACCEPTING_ROLES = ORGANIZATION_ROLES.filter((r) => r !== 'viewer');
export const ZAcceptingRole = z.enum(['owner', 'admin', 'contributor']);

export const ZRiskMatrixConfig = z
  .strictObject({
    likelihood: z.array(ZLocalizedLabel).min(MATRIX_MIN_SIZE).max(MATRIX_MAX_SIZE),
    impact: z.array(ZLocalizedLabel).min(MATRIX_MIN_SIZE).max(MATRIX_MAX_SIZE),
    bands: z.array(ZRiskBand).min(2).max(6),
    /** A residual score above this needs one of `acceptAboveThresholdRoles` to be accepted. */
    acceptanceThreshold: z.number().int().min(1).max(MATRIX_MAX_SIZE * MATRIX_MAX_SIZE),
    acceptAboveThresholdRoles: z.array(ZAcceptingRole).min(1).max(3),
  })
  .superRefine((m, ctx) => {
    const max = m.likelihood.length * m.impact.length;
    let previous = 0;
    const keys = new Set<string>();
    m.bands.forEach((b, i) => {
      if (keys.has(b.key)) ctx.addIssue({ code: 'custom', path: ['bands', i, 'key'], message: 'Each band needs its own key.' });
      keys.add(b.key);
      if (b.upTo <= previous) ctx.addIssue({ code: 'custom', path: ['bands', i, 'upTo'], message: 'Bands must go up: each ends above the previous one.' });
      previous = b.upTo;
    });
    if (previous !== max) ctx.addIssue({ code: 'custom', path: ['bands', m.bands.length - 1, 'upTo'], message: `The last band must end at the highest score, ${max}.` });
    if (m.acceptanceThreshold > max) ctx.addIssue({ code: 'too_big', origin: 'number', maximum: max, inclusive: true, path: ['acceptanceThreshold'], message: `At most ${max}.`, input: m.acceptanceThreshold });
  });
export type TRiskMatrixConfig = z.infer<typeof ZRiskMatrixConfig>;

export const ZRiskMatrix = z.object({
  /** 0 while the organization still uses the built-in default and has scored nothing. */
  version: z.number().int(),
  config: ZRiskMatrixConfig,
  createdAt: ZTimestamp.nullable(),
  createdBy: z.string().nullable(),
  /** Risks still scored on an older version (to re-score when convenient). */
  risksOnOlderVersions: z.number().int(),
  abilities: zAbilitiesOf('riskMatrix.read', 'riskMatrix.update'),
});
export type TRiskMatrix = z.infer<typeof ZRiskMatrix>;
export const ZRiskMatrixVersions = z.object({ items: z.array(ZRiskMatrix.omit({ risksOnOlderVersions: true, abilities: true })) });

export const RISK_SOURCES = ['ai_system', 'dataset', 'supplier', 'process', 'organization'] as const;
export const ZRiskSource = z.enum(RISK_SOURCES);
export type TRiskSource = z.infer<typeof ZRiskSource>;

export const RISK_TREATMENTS = ['accept', 'mitigate', 'transfer', 'avoid'] as const;
export const ZRiskTreatment = z.enum(RISK_TREATMENTS);
export type TRiskTreatment = z.infer<typeof ZRiskTreatment>;

/** open: being assessed or treated; accepted: residual accepted, frozen until re-opened; closed: no longer a risk. */
export const RISK_STATUSES = ['open', 'accepted', 'closed'] as const;
export const ZRiskStatus = z.enum(RISK_STATUSES);
export type TRiskStatus = z.infer<typeof ZRiskStatus>;

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const ZActionStatus = z.enum(ACTION_STATUSES);
export type TActionStatus = z.infer<typeof ZActionStatus>;

export const ZDate = z.iso.date();

const ZScore = z.number().int().min(1).max(MATRIX_MAX_SIZE);

export const ZTreatmentActionInput = z.strictObject({
  /** Present for an action the plan already has; absent for a new one. */
  id: z.uuid().optional(),
  title: zText(200, { min: 1 }),
  ownerId: z.uuid().nullable(),
  dueDate: ZDate.nullable(),
  status: ZActionStatus.default('planned'),
});
export type TTreatmentActionInput = z.input<typeof ZTreatmentActionInput>;

/** A catalog requirement the risk relates to: ISO/IEC 42001 6.1.x, Annex A, EU AI Act art. 9… */
export const ZRequirementLink = z.strictObject({
  frameworkId: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,79}$/),
  ref: zText(60, { min: 1 }),
});
export type TRequirementLink = z.infer<typeof ZRequirementLink>;

const riskFields = {
  title: zText(200, { min: 1 }),
  description: zText(4000).default(''),
  source: ZRiskSource,
  aiSystemIds: z.array(z.uuid()).max(50).default([]),
  ownerId: z.uuid().nullable().default(null),
  inherentLikelihood: ZScore,
  inherentImpact: ZScore,
  treatment: ZRiskTreatment.nullable().default(null),
  treatmentPlan: z.array(ZTreatmentActionInput).max(50).default([]),
  residualLikelihood: ZScore.nullable().default(null),
  residualImpact: ZScore.nullable().default(null),
  reviewDate: ZDate.nullable().default(null),
  requirements: z.array(ZRequirementLink).max(50).default([]),
};

const bothOrNeither = (r: { residualLikelihood?: number | null | undefined; residualImpact?: number | null | undefined }, ctx: z.RefinementCtx) => {
  const l = r.residualLikelihood ?? null;
  const i = r.residualImpact ?? null;
  if ((l === null) !== (i === null) && r.residualLikelihood !== undefined && r.residualImpact !== undefined) {
    ctx.addIssue({ code: 'custom', path: [l === null ? 'residualLikelihood' : 'residualImpact'], message: 'Give both residual likelihood and impact, or neither.' });
  }
};

export const ZCreateRiskBody = z.strictObject(riskFields).superRefine(bothOrNeither);
export type TCreateRiskBody = z.input<typeof ZCreateRiskBody>;
export type TCreateRiskInput = z.output<typeof ZCreateRiskBody>;

/** A partial change; scores sent are validated on the current matrix and move the risk onto it. */
export const ZUpdateRiskBody = z
  .strictObject({
    title: riskFields.title,
    description: zText(4000),
    source: ZRiskSource,
    aiSystemIds: z.array(z.uuid()).max(50),
    ownerId: z.uuid().nullable(),
    inherentLikelihood: ZScore,
    inherentImpact: ZScore,
    treatment: ZRiskTreatment.nullable(),
    treatmentPlan: z.array(ZTreatmentActionInput).max(50),
    residualLikelihood: ZScore.nullable(),
    residualImpact: ZScore.nullable(),
    reviewDate: ZDate.nullable(),
    requirements: z.array(ZRequirementLink).max(50),
  })
  .partial()
  .superRefine(bothOrNeither);
export type TUpdateRiskBody = z.input<typeof ZUpdateRiskBody>;
export type TUpdateRiskInput = z.output<typeof ZUpdateRiskBody>;

export const ZAcceptRiskBody = z.strictObject({
  rationale: zText(2000, { min: 1 }),
  /** When the acceptance lapses and the risk re-opens for review (the daily job does it). */
  expiresOn: ZDate,
});
export type TAcceptRiskBody = z.infer<typeof ZAcceptRiskBody>;

export const ZReopenRiskBody = z.strictObject({ reason: zText(2000, { min: 1 }) });
export const ZCloseRiskBody = z.strictObject({ reason: zText(2000, { min: 1 }) });

export const ZRiskParams = z.object({ tenantId: z.uuid(), riskId: z.uuid() });
export const ZRisksParams = z.object({ tenantId: z.uuid() });

const ZPerson = z.object({ id: z.string(), name: z.string() }).nullable();

export const ZScoreView = z.object({
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  level: z.string(),
});
export type TScoreView = z.infer<typeof ZScoreView>;

export const ZTreatmentAction = z.object({
  id: z.string(),
  title: z.string(),
  owner: ZPerson,
  dueDate: z.string().nullable(),
  status: ZActionStatus,
  overdue: z.boolean(),
});

export const ZAcceptance = z.object({
  id: z.string(),
  acceptedBy: ZPerson,
  acceptedAt: ZTimestamp,
  rationale: z.string(),
  matrixVersion: z.number().int(),
  residual: ZScoreView,
  aboveThreshold: z.boolean(),
  expiresOn: z.string(),
  reopenedAt: ZTimestamp.nullable(),
  reopenedBy: ZPerson,
  /** manual: someone re-opened it; expired: the daily job did, on the expiry date. */
  reopenKind: z.enum(['manual', 'expired']).nullable(),
  reopenReason: z.string().nullable(),
});
export type TAcceptance = z.infer<typeof ZAcceptance>;

export const RISK_RECORD_ACTIONS = ['risk.read', 'risk.create', 'risk.update', 'risk.accept', 'risk.reopen', 'risk.close'] as const;
export const ZRiskAbilities = zAbilitiesOf(...RISK_RECORD_ACTIONS);

export const ZRiskSummary = z.object({
  id: z.string(),
  title: z.string(),
  source: ZRiskSource,
  status: ZRiskStatus,
  owner: ZPerson,
  matrixVersion: z.number().int(),
  inherent: ZScoreView,
  residual: ZScoreView.nullable(),
  treatment: ZRiskTreatment.nullable(),
  reviewDate: z.string().nullable(),
  reviewOverdue: z.boolean(),
  aiSystems: z.array(z.object({ id: z.string(), name: z.string() })),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
  updatedAt: ZTimestamp,
});
export type TRiskSummary = z.infer<typeof ZRiskSummary>;

export const ZRiskDetail = ZRiskSummary.extend({
  description: z.string(),
  treatmentPlan: z.array(ZTreatmentAction),
  requirements: z.array(z.object({ frameworkId: z.string(), frameworkVersion: z.string(), ref: z.string(), title: z.object({ en: z.string(), fr: z.string() }) })),
  /** Whether the residual level is above the acceptance threshold of the risk's matrix version. */
  residualAboveThreshold: z.boolean(),
  /** The risk is scored on an older matrix version than the organization's current one. */
  matrixOutdated: z.boolean(),
  currentAcceptance: ZAcceptance.nullable(),
  acceptances: z.array(ZAcceptance),
  createdAt: ZTimestamp,
  abilities: ZRiskAbilities,
});
export type TRiskDetail = z.infer<typeof ZRiskDetail>;

export const RISK_SORTS = ['updated', 'title', 'inherent', 'residual', 'review'] as const;

export const ZRiskListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).regex(/^[A-Za-z0-9_-]+$/, 'cursor must be the nextCursor of a previous page').optional(),
  sort: z.enum(RISK_SORTS).default('updated'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  level: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/).optional(),
  /** Which level `level` filters on. */
  levelOf: z.enum(['inherent', 'residual']).default('residual'),
  ownerId: z.uuid().optional(),
  aiSystemId: z.uuid().optional(),
  treatment: ZRiskTreatment.optional(),
  status: ZRiskStatus.optional(),
  reviewOverdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** A heat-map cell: likelihood and impact on the `levelOf` axis. */
  likelihood: z.coerce.number().int().min(1).max(MATRIX_MAX_SIZE).optional(),
  impact: z.coerce.number().int().min(1).max(MATRIX_MAX_SIZE).optional(),
});
export type TRiskListQuery = z.infer<typeof ZRiskListQuery>;

export const ZRiskList = z.object({ items: z.array(ZRiskSummary), nextCursor: z.string().nullable() });
export type TRiskList = z.infer<typeof ZRiskList>;

export const ZHeatMapCell = z.object({ likelihood: z.number().int(), impact: z.number().int(), count: z.number().int() });
export const ZRiskHeatMap = z.object({
  matrix: ZRiskMatrix.omit({ risksOnOlderVersions: true, abilities: true }),
  inherent: z.array(ZHeatMapCell),
  residual: z.array(ZHeatMapCell),
  /** Risks scored on another matrix version: counted here, not placed on the current grid. */
  onOtherVersions: z.number().int(),
});
export type TRiskHeatMap = z.infer<typeof ZRiskHeatMap>;

export const ZOverdue = z.object({
  reviews: z.array(z.object({ id: z.string(), title: z.string(), reviewDate: z.string(), owner: ZPerson })),
  actions: z.array(z.object({ id: z.string(), riskId: z.string(), riskTitle: z.string(), title: z.string(), dueDate: z.string(), owner: ZPerson, status: ZActionStatus })),
});
export type TOverdue = z.infer<typeof ZOverdue>;

export const ZRiskExportQuery = z.object({ locale: z.enum(['en', 'fr']).default('en') });
