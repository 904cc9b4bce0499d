import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { zText, ZTimestamp } from './common.ts';
import { ZDay, ZLinkedRequirement, zListQuery, ZPersonRef, ZRequirementRef } from './aims-improvement-common.ts';
import { ZNcStatus } from './nonconformities.ts';

/*
 * Internal audit (ISO/IEC 42001 9.2): a programme over a period (the processes and clauses to
 * cover, the criteria), audits within it, and their findings. An auditor is a member or an
 * external person named; a member never audits an area they own (9.2.2: objectivity and
 * impartiality) — the server refuses it, with the names of the areas' owners it found.
 */

export const AUDIT_STATUSES = ['planned', 'in_progress', 'completed'] as const;
export const ZAuditStatus = z.enum(AUDIT_STATUSES);
export type TAuditStatus = z.infer<typeof ZAuditStatus>;

export const AUDIT_EVENTS = ['start', 'complete'] as const;
export const ZAuditEvent = z.enum(AUDIT_EVENTS);
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const FINDING_TYPES = ['major_nonconformity', 'minor_nonconformity', 'observation', 'opportunity'] as const;
export const ZFindingType = z.enum(FINDING_TYPES);
export type TFindingType = z.infer<typeof ZFindingType>;
export const isNonconformityFinding = (t: TFindingType) => t === 'major_nonconformity' || t === 'minor_nonconformity';

// ---------------------------------------------------------------------------------------------
// Programme

const programmeFields = {
  title: zText(200, { min: 1 }),
  periodStart: ZDay,
  periodEnd: ZDay,
  processes: zText(4000),
  criteria: zText(4000),
  requirements: z.array(ZRequirementRef).max(200),
};
const periodInOrder = (b: { periodStart?: string | undefined; periodEnd?: string | undefined }, ctx: z.RefinementCtx) => {
  if (b.periodStart && b.periodEnd && b.periodEnd < b.periodStart) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'The period ends on or after its start.' });
};

export const ZCreateProgrammeBody = z
  .strictObject({ ...programmeFields, processes: programmeFields.processes.default(''), criteria: programmeFields.criteria.default(''), requirements: programmeFields.requirements.default([]) })
  .superRefine(periodInOrder);
export type TCreateProgrammeBody = z.input<typeof ZCreateProgrammeBody>;
export type TCreateProgrammeInput = z.output<typeof ZCreateProgrammeBody>;
export const ZUpdateProgrammeBody = z.strictObject(programmeFields).partial().superRefine(periodInOrder);
export type TUpdateProgrammeInput = z.output<typeof ZUpdateProgrammeBody>;

export const ZProgrammeParams = z.object({ tenantId: z.uuid(), programmeId: z.uuid() });
export const ZAuditsParams = z.object({ tenantId: z.uuid() });

export const PROGRAMME_RECORD_ACTIONS = ['auditProgramme.read', 'auditProgramme.create', 'auditProgramme.update'] as const;

export const ZProgrammeSummary = z.object({
  id: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  audits: z.object({ planned: z.number().int(), inProgress: z.number().int(), completed: z.number().int() }),
  updatedAt: ZTimestamp,
});
export type TProgrammeSummary = z.infer<typeof ZProgrammeSummary>;

export const ZProgramme = ZProgrammeSummary.extend({
  processes: z.string(),
  criteria: z.string(),
  requirements: z.array(ZLinkedRequirement),
  createdAt: ZTimestamp,
  abilities: zAbilitiesOf(...PROGRAMME_RECORD_ACTIONS),
});
export type TProgramme = z.infer<typeof ZProgramme>;

export const ZProgrammeListQuery = z.object({ ...zListQuery(['period', 'updated'] as const) });
export type TProgrammeListQuery = z.infer<typeof ZProgrammeListQuery>;
export const ZProgrammeList = z.object({ items: z.array(ZProgrammeSummary), nextCursor: z.string().nullable() });

// ---------------------------------------------------------------------------------------------
// Audits

const auditFields = {
  programmeId: z.uuid(),
  title: zText(200, { min: 1 }),
  scope: zText(4000),
  plannedOn: ZDay,
  /** A member of the organization… */
  auditorId: z.uuid().nullable(),
  /** …or an external auditor, by name: exactly one of the two. */
  auditorName: zText(120, { min: 1 }).nullable(),
  /** Owners of the audited areas: the auditor must not be one of them. */
  auditeeIds: z.array(z.uuid()).max(50),
  /** The criteria: the clauses and requirements audited. */
  requirements: z.array(ZRequirementRef).max(200),
  conclusion: zText(8000),
};

const oneAuditor = (b: { auditorId?: string | null | undefined; auditorName?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if (b.auditorId === undefined && b.auditorName === undefined) return;
  if ((b.auditorId ?? null) === null && (b.auditorName ?? null) === null) ctx.addIssue({ code: 'custom', path: ['auditorId'], message: 'Name the auditor: a member, or an external person.' });
  if ((b.auditorId ?? null) !== null && (b.auditorName ?? null) !== null) ctx.addIssue({ code: 'custom', path: ['auditorName'], message: 'A member or an external person, not both.' });
};

export const ZCreateAuditBody = z
  .strictObject({
    ...auditFields,
    scope: auditFields.scope.default(''),
    auditorId: auditFields.auditorId.default(null),
    auditorName: auditFields.auditorName.default(null),
    auditeeIds: auditFields.auditeeIds.default([]),
    requirements: auditFields.requirements.default([]),
    conclusion: auditFields.conclusion.default(''),
  })
  .superRefine(oneAuditor);
export type TCreateAuditBody = z.input<typeof ZCreateAuditBody>;
export type TCreateAuditInput = z.output<typeof ZCreateAuditBody>;

/** Changing the auditor sends both fields (one of them null). */
export const ZUpdateAuditBody = z.strictObject(auditFields).omit({ programmeId: true }).partial().superRefine(oneAuditor);
export type TUpdateAuditBody = z.input<typeof ZUpdateAuditBody>;
export type TUpdateAuditInput = z.output<typeof ZUpdateAuditBody>;

export const ZAuditTransitionBody = z.strictObject({ event: ZAuditEvent });

export const ZCreateFindingBody = z
  .strictObject({
    type: ZFindingType,
    requirement: ZRequirementRef.nullable().default(null),
    description: zText(4000, { min: 1 }),
    evidence: zText(4000).default(''),
    /** For a nonconformity: who owns the nonconformity raised, and by when. */
    ownerId: z.uuid().nullable().default(null),
    dueOn: ZDay.nullable().default(null),
  })
  .superRefine((b, ctx) => {
    if (isNonconformityFinding(b.type) && !b.requirement) ctx.addIssue({ code: 'custom', path: ['requirement'], message: 'A nonconformity is against a requirement: name it.' });
  });
export type TCreateFindingBody = z.input<typeof ZCreateFindingBody>;
export type TCreateFindingInput = z.output<typeof ZCreateFindingBody>;

export const ZAuditParams = z.object({ tenantId: z.uuid(), auditId: z.uuid() });

export const AUDIT_RECORD_ACTIONS = ['internalAudit.read', 'internalAudit.create', 'internalAudit.update', 'internalAudit.transition', 'internalAudit.addFinding'] as const;

export const ZAuditor = z.object({ member: ZPersonRef.nullable(), externalName: z.string().nullable() });

export const ZFinding = z.object({
  id: z.string(),
  type: ZFindingType,
  requirement: ZLinkedRequirement.nullable(),
  description: z.string(),
  evidence: z.string(),
  nonconformity: z.object({ id: z.string(), title: z.string(), status: ZNcStatus }).nullable(),
  createdBy: ZPersonRef.nullable(),
  createdAt: ZTimestamp,
});
export type TFinding = z.infer<typeof ZFinding>;

export const ZAuditSummary = z.object({
  id: z.string(),
  programme: z.object({ id: z.string(), title: z.string() }),
  title: z.string(),
  plannedOn: z.string(),
  status: ZAuditStatus,
  auditor: ZAuditor,
  findings: z.object({ nonconformities: z.number().int(), observations: z.number().int(), opportunities: z.number().int() }),
  updatedAt: ZTimestamp,
});
export type TAuditSummary = z.infer<typeof ZAuditSummary>;

export const ZAudit = ZAuditSummary.extend({
  scope: z.string(),
  conclusion: z.string(),
  auditees: z.array(ZPersonRef),
  requirements: z.array(ZLinkedRequirement),
  findingList: z.array(ZFinding),
  startedAt: ZTimestamp.nullable(),
  completedAt: ZTimestamp.nullable(),
  completedBy: ZPersonRef.nullable(),
  createdAt: ZTimestamp,
  abilities: zAbilitiesOf(...AUDIT_RECORD_ACTIONS),
});
export type TAudit = z.infer<typeof ZAudit>;

export const ZAuditListQuery = z.object({
  ...zListQuery(['planned', 'updated'] as const),
  programmeId: z.uuid().optional(),
  status: ZAuditStatus.optional(),
  auditorId: z.uuid().optional(),
});
export type TAuditListQuery = z.infer<typeof ZAuditListQuery>;
export const ZAuditList = z.object({ items: z.array(ZAuditSummary), nextCursor: z.string().nullable() });
