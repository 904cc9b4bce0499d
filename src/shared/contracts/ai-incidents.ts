import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { zText, ZTimestamp } from './common.ts';
import { ZBooleanQuery, ZDay, zListQuery } from './aims-improvement-common.ts';
import { ZNcStatus } from './nonconformities.ts';

/*
 * AI incidents on the inventory's systems: a failure, a bias event, an unexpected output… Each can
 * raise one nonconformity (10.2). A serious incident in the sense of EU AI Act art. 73 is flagged;
 * its reporting deadline is the organization's own setting (days after detection), because the
 * deadlines are not among our verified facts.
 */

export const INCIDENT_TYPES = ['failure', 'bias', 'unexpected_output', 'security', 'other'] as const;
export const ZIncidentType = z.enum(INCIDENT_TYPES);
export type TIncidentType = z.infer<typeof ZIncidentType>;

export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const ZIncidentSeverity = z.enum(INCIDENT_SEVERITIES);
export type TIncidentSeverity = z.infer<typeof ZIncidentSeverity>;

/** open: recorded; investigating: someone works on it; resolved: handled (re-openable). */
export const INCIDENT_STATUSES = ['open', 'investigating', 'resolved'] as const;
export const ZIncidentStatus = z.enum(INCIDENT_STATUSES);
export type TIncidentStatus = z.infer<typeof ZIncidentStatus>;

export const INCIDENT_EVENTS = ['investigate', 'resolve', 'reopen'] as const;
export const ZIncidentEvent = z.enum(INCIDENT_EVENTS);
export type TIncidentEvent = z.infer<typeof ZIncidentEvent>;

const ZInstant = z.iso.datetime({ offset: true });

const incidentFields = {
  aiSystemId: z.uuid(),
  title: zText(200, { min: 1 }),
  type: ZIncidentType,
  severity: ZIncidentSeverity,
  occurredAt: ZInstant,
  detectedAt: ZInstant,
  description: zText(4000),
  immediateAction: zText(4000),
  serious: z.boolean(),
  /** When it was reported to the authority (serious incidents). */
  reportedOn: ZDay.nullable(),
};

const detectedAfterOccurred = (b: { occurredAt?: string | undefined; detectedAt?: string | undefined }, ctx: z.RefinementCtx) => {
  if (b.occurredAt && b.detectedAt && Date.parse(b.detectedAt) < Date.parse(b.occurredAt)) {
    ctx.addIssue({ code: 'custom', path: ['detectedAt'], message: 'An incident is detected when or after it occurs.' });
  }
};

export const ZCreateIncidentBody = z
  .strictObject({
    ...incidentFields,
    description: incidentFields.description.default(''),
    immediateAction: incidentFields.immediateAction.default(''),
    serious: incidentFields.serious.default(false),
    reportedOn: incidentFields.reportedOn.default(null),
  })
  .superRefine(detectedAfterOccurred);
export type TCreateIncidentBody = z.input<typeof ZCreateIncidentBody>;
export type TCreateIncidentInput = z.output<typeof ZCreateIncidentBody>;

export const ZUpdateIncidentBody = z.strictObject(incidentFields).partial().superRefine(detectedAfterOccurred);
export type TUpdateIncidentBody = z.input<typeof ZUpdateIncidentBody>;
export type TUpdateIncidentInput = z.output<typeof ZUpdateIncidentBody>;

export const ZIncidentTransitionBody = z.strictObject({ event: ZIncidentEvent });

export const ZIncidentParams = z.object({ tenantId: z.uuid(), incidentId: z.uuid() });
export const ZIncidentsParams = z.object({ tenantId: z.uuid() });

export const INCIDENT_RECORD_ACTIONS = ['aiIncident.read', 'aiIncident.create', 'aiIncident.update', 'aiIncident.transition', 'aiIncident.raiseNc'] as const;
export const ZIncidentAbilities = zAbilitiesOf(...INCIDENT_RECORD_ACTIONS);

export const ZIncidentSummary = z.object({
  id: z.string(),
  aiSystem: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  type: ZIncidentType,
  severity: ZIncidentSeverity,
  status: ZIncidentStatus,
  occurredAt: ZTimestamp,
  detectedAt: ZTimestamp,
  serious: z.boolean(),
  /** detected date + the organization's reporting days, for a serious incident; null otherwise or when no days are set. */
  reportDueOn: z.string().nullable(),
  reportedOn: z.string().nullable(),
  /** Serious, not reported, and the due date has passed. */
  reportOverdue: z.boolean(),
  nonconformity: z.object({ id: z.string(), title: z.string(), status: ZNcStatus }).nullable(),
  updatedAt: ZTimestamp,
});
export type TIncidentSummary = z.infer<typeof ZIncidentSummary>;

export const ZIncident = ZIncidentSummary.extend({
  description: z.string(),
  immediateAction: z.string(),
  resolvedAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  abilities: ZIncidentAbilities,
});
export type TIncident = z.infer<typeof ZIncident>;

export const INCIDENT_SORTS = ['detected', 'severity', 'updated'] as const;
export const ZIncidentListQuery = z.object({
  ...zListQuery(INCIDENT_SORTS),
  aiSystemId: z.uuid().optional(),
  type: ZIncidentType.optional(),
  severity: ZIncidentSeverity.optional(),
  status: ZIncidentStatus.optional(),
  serious: ZBooleanQuery.optional(),
});
export type TIncidentListQuery = z.infer<typeof ZIncidentListQuery>;

export const ZIncidentList = z.object({ items: z.array(ZIncidentSummary), nextCursor: z.string().nullable() });
export type TIncidentList = z.infer<typeof ZIncidentList>;

export const ZIncidentSettings = z.object({
  /** Days after detection to report a serious incident; null until the organization sets it. */
  seriousReportDays: z.number().int().min(1).max(365).nullable(),
  abilities: zAbilitiesOf('aiIncident.configure'),
});
export type TIncidentSettings = z.infer<typeof ZIncidentSettings>;
export const ZUpdateIncidentSettingsBody = z.strictObject({ seriousReportDays: z.number().int().min(1).max(365).nullable() });
export type TUpdateIncidentSettingsBody = z.infer<typeof ZUpdateIncidentSettingsBody>;
