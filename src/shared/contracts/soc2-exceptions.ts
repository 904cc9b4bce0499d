import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZTimestamp, zText } from './common.ts';
import { ZSoc2CriterionImpact, ZSoc2ExaminationState, ZSoc2ExceptionConclusion, ZSoc2Opinion } from './soc2.ts';
import { SOC2_TEXT_MAX, ZSoc2ExaminationParams, ZSoc2RequestEvidence } from './soc2-program.ts';

/*
 * SOC 2 stages 4 and 5 — exceptions (the auditor's description, management's response from its
 * workspace, the auditor's conclusion), fieldwork → reporting, and the engagement partner's opinion
 * with the warnings that make an unmodified opinion doubtful.
 */

export const MAX_EXCEPTION_EVIDENCE = 20;

export const ZSoc2ExceptionParams = ZSoc2ExaminationParams.extend({ exceptionId: z.uuid() });

/** open: raised, management has not answered; responded: management answered; concluded: the auditor concluded (final). */
export const SOC2_EXCEPTION_STATES = ['open', 'responded', 'concluded'] as const;
export const ZSoc2ExceptionState = z.enum(SOC2_EXCEPTION_STATES);
export type TSoc2ExceptionState = z.infer<typeof ZSoc2ExceptionState>;

export const ZSoc2RaiseExceptionBody = z.strictObject({
  testId: z.uuid(),
  /** A sample item of that test whose result is an exception, when the exception is about one item. */
  sampleItemId: z.uuid().nullable().default(null),
  description: zText(SOC2_TEXT_MAX, { min: 1 }),
});
export type TSoc2RaiseExceptionBody = z.output<typeof ZSoc2RaiseExceptionBody>;
export const ZSoc2ExceptionUpdateBody = z.strictObject({ description: zText(SOC2_TEXT_MAX, { min: 1 }) });
export const ZSoc2ExceptionResponseBody = z.strictObject({
  context: zText(SOC2_TEXT_MAX).default(''),
  remediation: zText(SOC2_TEXT_MAX).default(''),
  evidenceIds: z.array(z.uuid()).max(MAX_EXCEPTION_EVIDENCE).default([]),
});
export type TSoc2ExceptionResponseBody = z.output<typeof ZSoc2ExceptionResponseBody>;
export const ZSoc2ExceptionConclusionBody = z.strictObject({
  conclusion: ZSoc2ExceptionConclusion,
  criterionImpact: ZSoc2CriterionImpact,
  notes: zText(SOC2_TEXT_MAX).default(''),
});
export type TSoc2ExceptionConclusionBody = z.output<typeof ZSoc2ExceptionConclusionBody>;

const ZPerson = z.object({ id: z.uuid(), name: z.string() });

const ZExceptionCore = {
  id: z.uuid(),
  examinationId: z.uuid(),
  examinationReference: z.string(),
  reference: z.string(),
  state: ZSoc2ExceptionState,
  testId: z.uuid(),
  testReference: z.string(),
  controlId: z.uuid(),
  controlRef: z.string(),
  controlTitle: z.string(),
  /** The criteria the control addresses in the matrix (accepted links). */
  criteria: z.array(z.string()),
  sampleItem: z.object({ id: z.uuid(), key: z.string(), date: z.iso.date() }).nullable(),
  description: z.string(),
  raisedBy: ZPerson.nullable(),
  raisedAt: ZTimestamp,
  response: z.object({
    context: z.string(),
    remediation: z.string(),
    /** The organization's own evidence records, titles read from its tenant. */
    evidence: z.array(ZSoc2RequestEvidence),
    respondedBy: ZPerson.nullable(),
    respondedAt: ZTimestamp.nullable(),
  }),
  conclusion: z
    .object({
      conclusion: ZSoc2ExceptionConclusion,
      criterionImpact: ZSoc2CriterionImpact,
      notes: z.string(),
      concludedBy: ZPerson.nullable(),
      concludedAt: ZTimestamp,
    })
    .nullable(),
};

export const ZSoc2Exception = z.object({ ...ZExceptionCore, abilities: zAbilitiesOf('soc2Exception.edit', 'soc2Exception.conclude') });
export type TSoc2Exception = z.infer<typeof ZSoc2Exception>;
export const ZOrgSoc2Exception = z.object({ ...ZExceptionCore, abilities: zAbilitiesOf('orgSoc2Exception.respond') });
export type TOrgSoc2Exception = z.infer<typeof ZOrgSoc2Exception>;

const group = <T extends z.ZodType>(item: T) =>
  z.object({ controlId: z.uuid(), controlRef: z.string(), controlTitle: z.string(), criteria: z.array(z.string()), exceptions: z.array(item) });

/** The examination's exceptions grouped by control (control ref order), each group naming its criteria. */
export const ZSoc2ExceptionList = z.object({
  examinationId: z.uuid(),
  state: ZSoc2ExaminationState,
  total: z.number().int(),
  groups: z.array(group(ZSoc2Exception)),
  abilities: zAbilitiesOf('soc2Exception.raise'),
});
export type TSoc2ExceptionList = z.infer<typeof ZSoc2ExceptionList>;
export const ZOrgSoc2ExceptionList = z.object({ examinationId: z.uuid(), state: ZSoc2ExaminationState, total: z.number().int(), groups: z.array(group(ZOrgSoc2Exception)) });
export type TOrgSoc2ExceptionList = z.infer<typeof ZOrgSoc2ExceptionList>;

// ------------------------------------------------------------------ fieldwork → reporting

/** What keeps fieldwork open (409 `soc2_reporting_blocked` carries these lists in `details`). */
export const ZSoc2ReportingBlockers = z.object({
  pendingTests: z.array(z.object({ id: z.uuid(), reference: z.string(), controlRef: z.string() })),
  openExceptions: z.array(z.object({ id: z.uuid(), reference: z.string(), state: ZSoc2ExceptionState })),
  /** Applicable criteria none of whose accepted controls has a test. */
  untestedCriteria: z.array(z.string()),
});
export type TSoc2ReportingBlockers = z.infer<typeof ZSoc2ReportingBlockers>;
export const ZSoc2ReportingResult = z.object({ examinationId: z.uuid(), state: ZSoc2ExaminationState });

// ------------------------------------------------------------------ partner and opinion

export const ZSoc2PartnerBody = z.strictObject({ userId: z.uuid() });

export const ZSoc2OpinionBody = z.strictObject({
  opinion: ZSoc2Opinion,
  /** Why: required for a qualified or adverse opinion and a disclaimer. */
  basis: zText(SOC2_TEXT_MAX).default(''),
  /** Required (true) to record an unmodified opinion while warnings exist; kept in the audit event. */
  acknowledgeWarnings: z.boolean().default(false),
});
export type TSoc2OpinionBody = z.output<typeof ZSoc2OpinionBody>;

export const ZSoc2OpinionWarnings = z.object({
  examinationId: z.uuid(),
  count: z.number().int(),
  /** Exceptions concluded systematic, or whose criterion is not met or only partly met. */
  doubtfulExceptions: z.array(
    z.object({ id: z.uuid(), reference: z.string(), testReference: z.string(), controlRef: z.string(), criteria: z.array(z.string()), conclusion: ZSoc2ExceptionConclusion, criterionImpact: ZSoc2CriterionImpact }),
  ),
  /** Applicable criteria none of whose accepted controls has a test with a conclusion. */
  untestedCriteria: z.array(z.string()),
  /** Tests with exceptions (raised or on a sample item) whose own conclusion is still pending. */
  unconcludedTests: z.array(z.object({ id: z.uuid(), reference: z.string(), controlRef: z.string(), exceptions: z.number().int() })),
});
export type TSoc2OpinionWarnings = z.infer<typeof ZSoc2OpinionWarnings>;

export const ZSoc2OpinionView = z.object({
  examinationId: z.uuid(),
  examinationReference: z.string(),
  state: ZSoc2ExaminationState,
  partner: ZPerson.nullable(),
  opinion: ZSoc2Opinion.nullable(),
  basis: z.string(),
  recordedBy: ZPerson.nullable(),
  recordedAt: ZTimestamp.nullable(),
  abilities: zAbilitiesOf('soc2Opinion.record', 'soc2Examination.partner'),
});
export type TSoc2OpinionView = z.infer<typeof ZSoc2OpinionView>;
