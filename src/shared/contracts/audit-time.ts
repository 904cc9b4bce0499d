import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { zText, ZTimestamp } from './common.ts';
import { CLIENT_AI_ROLES, ZAimsMaturity, ZClientAiRole, ZExistingCertification, ZSectorRisk, EXISTING_CERTIFICATIONS } from './certification.ts';

/*
 * Audit time for ISO/IEC 42001 certification (IAF MD5 method, IAF MD1 sampling, IAF MD11 integrated
 * audits). ISO/IEC 42006 publishes no verified AIMS table, so each certification body keeps its own
 * versioned table and factors; Attest ships a default. Every day count is a multiple of half a day
 * and every percentage an integer, so that the rules compute exactly (no binary fractions) and a
 * reviewer can redo each step by hand.
 */

const ZHalfDays = z.number().min(0).max(1000).multipleOf(0.5);
const ZPct = z.number().int().min(0).max(100);

// ---------------------------------------------------------------------------------------------
// Inputs

/** The inputs' fields; responses use this, requests the refined `ZAuditTimeInputs` below. */
export const ZAuditTimeInputsShape = z.strictObject({
  employeesFullTime: z.number().int().min(0).max(1_000_000),
  employeesPartTime: z.number().int().min(0).max(1_000_000).default(0),
  /** The part-time staff as full-time equivalents (IAF MD5: part-time staff convert to FTE). */
  partTimeFte: z.number().min(0).max(1_000_000).multipleOf(0.01).default(0),
  /** Every site in scope, the central function included (IAF MD1). */
  sites: z.number().int().min(1).max(10_000).default(1),
  aiSystems: z.number().int().min(0).max(100_000),
  highRiskAiSystems: z.number().int().min(0).max(100_000).default(0),
  aiRoles: z.array(ZClientAiRole).min(1).max(CLIENT_AI_ROLES.length).refine((r) => new Set(r).size === r.length, 'Each role once.'),
  sectorRisk: ZSectorRisk,
  aimsMaturity: ZAimsMaturity,
  existingCertifications: z.array(ZExistingCertification).max(EXISTING_CERTIFICATIONS.length).default([]).refine((r) => new Set(r).size === r.length, 'Each certification once.'),
  /** Audited together with a certified management system the client holds (IAF MD11). */
  integratedAudit: z.boolean().default(false),
});

export const ZAuditTimeInputs = ZAuditTimeInputsShape.superRefine((v, ctx) => {
  if (v.highRiskAiSystems > v.aiSystems) ctx.addIssue({ code: 'custom', path: ['highRiskAiSystems'], message: 'Cannot exceed the number of AI systems.' });
  if (v.partTimeFte > v.employeesPartTime) ctx.addIssue({ code: 'custom', path: ['partTimeFte'], message: 'Cannot exceed the number of part-time employees.' });
  if (v.employeesFullTime + v.partTimeFte <= 0) ctx.addIssue({ code: 'custom', path: ['employeesFullTime'], message: 'At least one person is in scope.' });
  if (v.integratedAudit && v.existingCertifications.length === 0)
    ctx.addIssue({ code: 'custom', path: ['integratedAudit'], message: 'An integrated audit needs a certified management system to integrate with.' });
});
export type TAuditTimeInputs = z.infer<typeof ZAuditTimeInputs>;
export type TAuditTimeInputsIn = z.input<typeof ZAuditTimeInputs>;

// ---------------------------------------------------------------------------------------------
// The table and its factors (one versioned configuration per certification body)

/** A band of a table: applies up to `upTo` inclusive (from the previous band's `upTo` + 1). */
const ZBand = z.strictObject({ upTo: z.number().int().min(0).max(10_000_000), days: ZHalfDays });
/** Past the last band: `addDays` for every `every` (or part of it) beyond it — "follow the progression". */
const ZBeyond = z.strictObject({ every: z.number().int().min(1).max(10_000_000), addDays: ZHalfDays });

const bandsOk = (bands: { upTo: number; days: number }[]) => bands.every((b, i) => i === 0 || (b.upTo > bands[i - 1]!.upTo && b.days >= bands[i - 1]!.days));

export const ZAuditTimeTableConfig = z.strictObject({
  /** Base days of the initial audit (stage 1 + stage 2) by effective personnel (IAF MD5 style). */
  personnelBands: z.array(ZBand).min(1).max(60).refine(bandsOk, 'Bands go up strictly, and their days never go down.'),
  personnelBeyond: ZBeyond,
  /** Days added to the base for the AI systems in scope: each one is looked at. */
  aiSystemBands: z.array(ZBand).min(1).max(30).refine(bandsOk, 'Bands go up strictly, and their days never go down.'),
  aiSystemsBeyond: ZBeyond,
  /** Percent added (or taken off when negative) per complexity factor. */
  factors: z.strictObject({
    aiRole: z.strictObject({ user: z.number().int().min(-30).max(100), producer: z.number().int().min(-30).max(100), severalRoles: z.number().int().min(-30).max(100) }),
    highRiskPerSystem: z.number().int().min(0).max(100),
    highRiskMax: z.number().int().min(0).max(200),
    sectorRisk: z.strictObject({ low: z.number().int().min(-30).max(100), medium: z.number().int().min(-30).max(100), high: z.number().int().min(-30).max(100) }),
    aimsMaturity: z.strictObject({ initial: z.number().int().min(-30).max(100), established: z.number().int().min(-30).max(100), mature: z.number().int().min(-30).max(100) }),
    /** Reduction (a positive number, taken off) for each certified management system the client holds. */
    certificationReduction: z.strictObject(Object.fromEntries(EXISTING_CERTIFICATIONS.map((c) => [c, ZPct])) as Record<(typeof EXISTING_CERTIFICATIONS)[number], typeof ZPct>),
  }),
  /** IAF MD5: adjustments reduce the table value by at most 30 %. */
  reductionCapPct: z.number().int().min(0).max(30),
  /** IAF MD11: an integrated audit saves up to a further 20 %. */
  integratedReductionPct: z.number().int().min(0).max(20),
  /** Days added for each sampled site other than the central function (IAF MD1). */
  daysPerSampledSite: ZHalfDays.max(20),
  /** Share of the initial audit spent in stage 1 (documentation and readiness). */
  stage1Pct: z.number().int().min(10).max(60),
  minimumStage1Days: ZHalfDays.min(0.5).max(10),
  /** Surveillance ≈ ⅓ and recertification ≈ ⅔ of the initial audit (IAF MD5). */
  surveillanceRatio: z.strictObject({ numerator: z.number().int().min(1).max(10), denominator: z.number().int().min(1).max(10) }),
  recertificationRatio: z.strictObject({ numerator: z.number().int().min(1).max(10), denominator: z.number().int().min(1).max(10) }),
  minimumAuditDays: ZHalfDays.min(0.5).max(10),
  /** At least 80 % of audit time on site (IAF MD5). */
  onSiteMinPct: z.number().int().min(80).max(100),
});
export type TAuditTimeTableConfig = z.infer<typeof ZAuditTimeTableConfig>;

export const AUDIT_TIME_TABLE_SOURCES = ['default', 'body'] as const;
export const ZAuditTimeTableSource = z.enum(AUDIT_TIME_TABLE_SOURCES);

/** Which table a calculation used: Attest's shipped default, or a version of the body's own table. */
export const ZAuditTimeTableRef = z.object({ source: ZAuditTimeTableSource, version: z.number().int().min(1), name: z.string() });
export type TAuditTimeTableRef = z.infer<typeof ZAuditTimeTableRef>;

export const ZAuditTimeTable = ZAuditTimeTableRef.extend({
  id: z.string().nullable(),
  note: z.string(),
  config: ZAuditTimeTableConfig,
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: ZTimestamp.nullable(),
});
export type TAuditTimeTable = z.infer<typeof ZAuditTimeTable>;

export const ZCreateAuditTimeTableBody = z.strictObject({
  name: zText(120, { min: 1 }),
  /** Why this version: what changed and on what authority (the body's procedure, its accreditation). */
  note: zText(2000, { min: 1 }),
  config: ZAuditTimeTableConfig,
});
export type TCreateAuditTimeTableBody = z.infer<typeof ZCreateAuditTimeTableBody>;

// ---------------------------------------------------------------------------------------------
// The result and its trace

/**
 * One step of the calculation, in data: the web and the proposal PDF put it in words in the
 * reader's language (`auditTimeTraceLines` in src/shared/audit-time-trace.ts).
 */
export const TRACE_CODES = [
  'effective_personnel',
  'base_personnel',
  'base_ai_systems',
  'base_total',
  'factor',
  'reduction_cap',
  'adjusted',
  'integrated',
  'site_sample',
  'site_days',
  'minimum',
  'initial',
  'stage_split',
  'surveillance',
  'recertification',
  'on_site',
  'cycle',
] as const;
export const ZTraceCode = z.enum(TRACE_CODES);
export const ZTraceStep = z.object({ code: ZTraceCode, params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])) });
export type TTraceStep = z.infer<typeof ZTraceStep>;

export const FACTOR_KINDS = ['ai_role', 'high_risk', 'sector_risk', 'aims_maturity', 'certification'] as const;
export type TFactorKind = (typeof FACTOR_KINDS)[number];

export const ZSiteSample = z.object({
  sites: z.number().int(),
  /** Sites other than the central function (x of IAF MD1). */
  otherSites: z.number().int(),
  /** Sampled sites other than the central function, which is always visited. */
  initial: z.number().int(),
  surveillance: z.number().int(),
  recertification: z.number().int(),
  /** IAF MD1: at least a quarter of the sampled sites are chosen at random. */
  randomAtLeast: z.object({ initial: z.number().int(), surveillance: z.number().int(), recertification: z.number().int() }),
});

export const ZAuditTimeResult = z.object({
  effectivePersonnel: z.number().int(),
  stage1Days: z.number(),
  stage2Days: z.number(),
  initialDays: z.number(),
  surveillanceDays: z.number(),
  recertificationDays: z.number(),
  /** Initial + two surveillance audits + recertification. */
  cycleDays: z.number(),
  /** The least time spent on site per audit (the rest may be off site). */
  onSiteMinDays: z.object({ initial: z.number(), surveillance: z.number(), recertification: z.number() }),
  siteSample: ZSiteSample,
  table: ZAuditTimeTableRef,
  trace: z.array(ZTraceStep),
});
export type TAuditTimeResult = z.infer<typeof ZAuditTimeResult>;

// ---------------------------------------------------------------------------------------------
// Requests and stored calculations

export const ZCalculateAuditTimeBody = z.strictObject({
  inputs: ZAuditTimeInputs,
  /** Keep the calculation on this client, with its inputs and the table version it used. */
  clientId: z.uuid().optional(),
  note: zText(1000).optional(),
});
export type TCalculateAuditTimeBody = z.infer<typeof ZCalculateAuditTimeBody>;

export const AUDIT_TIME_ACTIONS = ['auditTime.read', 'auditTime.calculate', 'auditTime.record', 'auditTime.configure'] as const;

export const ZAuditTimeCalculation = z.object({
  id: z.string(),
  clientId: z.string(),
  clientReference: z.string(),
  clientName: z.string(),
  inputs: ZAuditTimeInputsShape,
  result: ZAuditTimeResult,
  note: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: ZTimestamp,
});
export type TAuditTimeCalculation = z.infer<typeof ZAuditTimeCalculation>;

/** The answer of `calculate`: the result, and the stored calculation when a client was named. */
export const ZCalculateAuditTimeResponse = z.object({ result: ZAuditTimeResult, calculation: ZAuditTimeCalculation.nullable() });

export const ZAuditTimeCursor = z.string().max(400).regex(/^[A-Za-z0-9_-]+$/, 'cursor must be the nextCursor of a previous page');
export const ZAuditTimeCalculationListQuery = z.object({
  clientId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: ZAuditTimeCursor.optional(),
});
export type TAuditTimeCalculationListQuery = z.infer<typeof ZAuditTimeCalculationListQuery>;
export const ZAuditTimeCalculationPage = z.object({ items: z.array(ZAuditTimeCalculation), nextCursor: z.string().nullable() });

export const ZAuditTimeTableListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: ZAuditTimeCursor.optional() });
export const ZAuditTimeTableSummary = ZAuditTimeTableRef.extend({ id: z.string().nullable(), note: z.string(), createdBy: z.object({ id: z.string(), name: z.string() }).nullable(), createdAt: ZTimestamp.nullable() });
export const ZAuditTimeTablePage = z.object({ items: z.array(ZAuditTimeTableSummary), nextCursor: z.string().nullable() });

/** The table in force, Attest's default beside it (to compare or start from), and what the reader may do. */
export const ZAuditTimeOverview = z.object({
  current: ZAuditTimeTable,
  shippedDefault: ZAuditTimeTable,
  abilities: zAbilitiesOf(...AUDIT_TIME_ACTIONS),
});
export type TAuditTimeOverview = z.infer<typeof ZAuditTimeOverview>;

export const ZAuditTimeCalculationParams = z.object({ tenantId: z.uuid(), calculationId: z.uuid() });
export const ZAuditTimeTableVersionParams = z.object({ tenantId: z.uuid(), version: z.coerce.number().int().min(1).max(1_000_000) });
export const ZAuditTimeClientParams = z.object({ tenantId: z.uuid(), clientId: z.uuid() });

/** A client's profile as calculator inputs (the form starts from it). */
export const ZAuditTimeClientInputs = z.object({ clientId: z.string(), clientReference: z.string(), clientName: z.string(), inputs: ZAuditTimeInputsShape });
export type TAuditTimeClientInputs = z.infer<typeof ZAuditTimeClientInputs>;
