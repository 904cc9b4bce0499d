import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZTimestamp, zText } from './common.ts';
import { ZSoc2ControlFrequency, ZSoc2ControlRisk, ZSoc2ExaminationState, ZSoc2RequestState, ZSoc2TestConclusion, ZSoc2TestMethod } from './soc2.ts';

/*
 * SOC 2 stage 2 — the audit programme of one examination: the control matrix (each applicable
 * criterion of `soc2-tsc-2017` mapped to the organization's own controls), the test procedures per
 * control and the information request list ("PBC list") the organization answers.
 */

export const SOC2_TEXT_MAX = 4000;
export const ZSoc2Day = z.iso.date();
export const ZSoc2CriterionRef = z.string().trim().regex(/^[A-Z]{1,3}\d+(\.\d+)*$/, 'A Trust Services Criteria ref such as CC6.1');

export const ZSoc2ExaminationParams = z.object({ tenantId: z.uuid(), examinationId: z.uuid() });
export const ZSoc2TestParams = ZSoc2ExaminationParams.extend({ testId: z.uuid() });
export const ZSoc2RequestParams = ZSoc2ExaminationParams.extend({ requestId: z.uuid() });
export const ZSoc2OrgRequestParams = z.object({ tenantId: z.uuid(), requestId: z.uuid() });
export const ZSoc2TenantParams = z.object({ tenantId: z.uuid() });

export const ZSoc2ProgramAbilities = zAbilitiesOf('soc2Program.read', 'soc2Program.write');

/** One of the organization's controls linked to a criterion, as copied when the link was written. */
export const ZSoc2MatrixControl = z.object({
  controlId: z.uuid(),
  controlRef: z.string(),
  controlTitle: z.string(),
  /** Proposed from the organization's mappings and the catalog crosswalks; covers nothing until accepted. */
  suggested: z.boolean(),
  tests: z.number().int(),
});

export const ZSoc2MatrixRow = z.object({
  criterionRef: z.string(),
  title: z.object({ en: z.string(), fr: z.string() }),
  category: z.string().nullable(),
  controls: z.array(ZSoc2MatrixControl),
  /** No accepted control addresses the criterion. */
  uncovered: z.boolean(),
  /** An accepted control of this criterion has no test procedure yet. */
  untested: z.boolean(),
});

export const ZSoc2Matrix = z.object({
  examinationId: z.uuid(),
  state: ZSoc2ExaminationState,
  categories: z.array(z.string()),
  rows: z.array(ZSoc2MatrixRow),
  uncoveredCriteria: z.array(z.string()),
  abilities: ZSoc2ProgramAbilities,
});
export type TSoc2Matrix = z.infer<typeof ZSoc2Matrix>;

export const ZSoc2LinkBody = z.strictObject({ criterionRef: ZSoc2CriterionRef, controlId: z.uuid() });
export type TSoc2LinkBody = z.infer<typeof ZSoc2LinkBody>;
export const ZSoc2SuggestResult = z.object({ added: z.number().int(), matrix: ZSoc2Matrix });

/** The organization's controls the firm may link, read through the engagement. */
export const ZSoc2CandidateControl = z.object({ id: z.uuid(), reference: z.string(), title: z.string(), status: z.string() });
export const ZSoc2CandidateControls = z.object({ items: z.array(ZSoc2CandidateControl) });

export const ZSoc2TestBody = z.strictObject({
  controlId: z.uuid(),
  methods: z.array(ZSoc2TestMethod).min(1).max(4),
  procedure: zText(SOC2_TEXT_MAX, { min: 1 }),
  evidenceRequested: zText(SOC2_TEXT_MAX).default(''),
  frequency: ZSoc2ControlFrequency,
  risk: ZSoc2ControlRisk.default('moderate'),
  priorFailure: z.boolean().default(false),
});
export type TSoc2TestInput = z.output<typeof ZSoc2TestBody>;
export const ZSoc2TestUpdateBody = ZSoc2TestBody.omit({ controlId: true }).partial().strict();
export type TSoc2TestUpdate = z.output<typeof ZSoc2TestUpdateBody>;

export const ZSoc2Test = z.object({
  id: z.uuid(),
  examinationId: z.uuid(),
  reference: z.string(),
  controlId: z.uuid(),
  controlRef: z.string(),
  controlTitle: z.string(),
  methods: z.array(ZSoc2TestMethod),
  procedure: z.string(),
  evidenceRequested: z.string(),
  frequency: ZSoc2ControlFrequency,
  risk: ZSoc2ControlRisk,
  priorFailure: z.boolean(),
  conclusion: ZSoc2TestConclusion,
  carriedFromTestId: z.uuid().nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TSoc2Test = z.infer<typeof ZSoc2Test>;
export const ZSoc2TestList = z.object({ items: z.array(ZSoc2Test), abilities: ZSoc2ProgramAbilities });

/** planning → fieldwork is refused with this code while the programme has holes; details list them. */
export const ZSoc2FieldworkResult = z.object({ examinationId: z.uuid(), state: ZSoc2ExaminationState });

// ------------------------------------------------------------------ information request list

export const MAX_REQUEST_EVIDENCE = 20;

export const ZSoc2GenerateRequestsBody = z.strictObject({ dueOn: ZSoc2Day });
export const ZSoc2RequestBody = z.strictObject({ title: zText(300, { min: 1 }), detail: zText(SOC2_TEXT_MAX).default(''), dueOn: ZSoc2Day });
export const ZSoc2RequestUpdateBody = ZSoc2RequestBody.partial().strict();
export const ZSoc2ReturnBody = z.strictObject({ reason: zText(SOC2_TEXT_MAX, { min: 1 }) });
export const ZSoc2AnswerBody = z.strictObject({ answer: zText(SOC2_TEXT_MAX), evidenceIds: z.array(z.uuid()).max(MAX_REQUEST_EVIDENCE).default([]) });

export const ZSoc2RequestEvidence = z.object({ id: z.uuid(), title: z.string() });

export const ZSoc2Request = z.object({
  id: z.uuid(),
  examinationId: z.uuid(),
  examinationReference: z.string(),
  reference: z.string(),
  testId: z.uuid().nullable(),
  testReference: z.string().nullable(),
  title: z.string(),
  detail: z.string(),
  dueOn: ZSoc2Day,
  state: ZSoc2RequestState,
  answer: z.string(),
  evidence: z.array(ZSoc2RequestEvidence),
  returnReason: z.string(),
  submittedAt: ZTimestamp.nullable(),
  reviewedAt: ZTimestamp.nullable(),
  /** Past its due date and still with the organization (open or returned). */
  overdue: z.boolean(),
});
export type TSoc2Request = z.infer<typeof ZSoc2Request>;
export const ZSoc2RequestList = z.object({ items: z.array(ZSoc2Request) });
export const ZSoc2GenerateResult = z.object({ added: z.number().int(), items: z.array(ZSoc2Request) });
