import { z } from 'zod';
import { ZIncidentSeverity, ZIncidentStatus, ZIncidentType } from '../../../../shared/contracts/ai-incidents.ts';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

const ZIncidentFields = z
  .strictObject({
    aiSystemId: z.string(),
    title: z.string(),
    type: ZIncidentType,
    severity: ZIncidentSeverity,
    occurredAt: z.string(),
    detectedAt: z.string(),
    description: z.string(),
    immediateAction: z.string(),
    serious: z.boolean(),
    reportDueOn: z.string().nullable(),
    reportedOn: z.string().nullable(),
  })
  .partial();

const ZStep = z.strictObject({ status: ZIncidentStatus, title: z.string() });

/** AI incident events; raising a nonconformity is recorded as the nonconformity's creation. */
export const AI_INCIDENTS_AUDIT = defineAuditActions({
  'ai_incident.created': { after: ZIncidentFields },
  'ai_incident.updated': { before: ZIncidentFields, after: ZIncidentFields },
  'ai_incident.investigation_started': { before: ZStep, after: z.strictObject({ status: ZIncidentStatus }) },
  'ai_incident.resolved': { before: ZStep, after: z.strictObject({ status: ZIncidentStatus }) },
  'ai_incident.reopened': { before: ZStep, after: z.strictObject({ status: ZIncidentStatus }) },
  'ai_incident.settings_updated': { before: z.strictObject({ seriousReportDays: z.number().int().nullable() }).partial(), after: z.strictObject({ seriousReportDays: z.number().int().nullable() }).partial() },
});
