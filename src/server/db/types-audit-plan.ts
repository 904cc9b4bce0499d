import type { ColumnType, Generated } from 'kysely';
import type { TAuditPlanStatus } from '../../shared/contracts/audit-plan.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/* The audit plan's versions (migration 0024), kept beside the DB interface that merges them. */
export type TAuditPlanTables = {
  audit_plans: {
    tenant_id: string;
    id: Generated<string>;
    audit_id: string;
    version: number;
    status: ColumnType<TAuditPlanStatus, TAuditPlanStatus | undefined, TAuditPlanStatus>;
    content: Json<unknown>;
    locale: 'en' | 'fr' | null;
    document_sha256: string | null;
    document_size: number | null;
    recipients: ColumnType<unknown, string | undefined, string>;
    created_by: string | null;
    created_at: Timestamp;
    updated_by: string | null;
    updated_at: Timestamp;
    issued_by: string | null;
    issued_at: Date | null;
    acknowledged_by: string | null;
    acknowledged_at: Date | null;
  };
};
