import { z } from 'zod';
import { ZLocale } from './common.ts';

/* Surveillance and recertification: the OSCAL downloads and the dashboards' contracts. */

export const ZCycleAuditParams = z.object({ tenantId: z.uuid(), auditId: z.uuid() });
export const ZCycleProgrammeParams = z.object({ tenantId: z.uuid(), programmeId: z.uuid() });
/** The language of the labels Attest writes into an OSCAL document (the findings keep the words they were written in). */
export const ZOscalLangQuery = z.object({ lang: ZLocale.default('en') });

export const CYCLE_ALERT_KINDS = ['recertification_reminder', 'recertification_not_started', 'surveillance_overdue'] as const;
export const ZCycleAlertKind = z.enum(CYCLE_ALERT_KINDS);

/** Dashboard filter: everything certified, or only what needs attention. */
export const CYCLE_FILTERS = ['all', 'overdue', 'due_soon', 'expiring', 'not_started'] as const;
export const ZCycleDashboardQuery = z.object({
  status: z.enum(CYCLE_FILTERS).default('all'),
  clientId: z.uuid().optional(),
});
export type TCycleDashboardQuery = z.infer<typeof ZCycleDashboardQuery>;
export type TCycleFilter = TCycleDashboardQuery['status'];
export const ZCycleTenantParams = z.object({ tenantId: z.uuid() });

export const ZCycleAudit = z.object({
  id: z.uuid(),
  reference: z.string(),
  type: z.enum(['surveillance', 'recertification']),
  sequence: z.number().int(),
  state: z.string(),
  dueBy: z.string().nullable(),
  plannedStart: z.string().nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
});

export const ZCycleRow = z.object({
  programmeId: z.uuid(),
  engagementId: z.uuid(),
  cycle: z.number().int(),
  client: z.object({ id: z.uuid(), name: z.string(), reference: z.string() }),
  /** The other side: the body for an organization, the organization's tenant name for a body. */
  counterpart: z.string(),
  decisionDate: z.string(),
  expiryDate: z.string().nullable(),
  expiringSoon: z.boolean(),
  recertificationStarted: z.boolean(),
  audits: z.array(ZCycleAudit),
  alerts: z.array(z.object({ kind: ZCycleAlertKind, dueOn: z.string(), raisedOn: z.string(), auditId: z.uuid().nullable() })),
});
export type TCycleRow = z.infer<typeof ZCycleRow>;

export const ZCycleDashboard = z.object({
  today: z.string(),
  items: z.array(ZCycleRow),
  totals: z.object({ overdue: z.number().int(), dueSoon: z.number().int(), expiring: z.number().int(), notStarted: z.number().int() }),
});
export type TCycleDashboard = z.infer<typeof ZCycleDashboard>;
