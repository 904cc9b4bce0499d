import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;

export const CYCLE_ALERT_KINDS = ['recertification_reminder', 'recertification_not_started', 'surveillance_overdue'] as const;
export type TCycleAlertKind = (typeof CYCLE_ALERT_KINDS)[number];

/* Surveillance and recertification alerts (migration 0030). */
export type TCycleTables = {
  cycle_alerts: {
    tenant_id: string;
    id: Generated<string>;
    organization_tenant_id: string;
    programme_id: string;
    audit_id: string | null;
    kind: TCycleAlertKind;
    threshold: string;
    due_on: DateOnly;
    raised_on: DateOnly;
    recipients: Generated<number>;
    cleared_at: Date | null;
    created_at: Timestamp;
  };
};
