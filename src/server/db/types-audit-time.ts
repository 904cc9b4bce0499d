import type { ColumnType, Generated } from 'kysely';
import type { TAuditTimeInputs, TAuditTimeResult, TAuditTimeTableConfig } from '../../shared/contracts/audit-time.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type Numeric = ColumnType<string, number | string, number | string>;

/* Audit-time tables and calculations (migration 0020). */
export type TAuditTimeTables = {
  audit_time_tables: {
    tenant_id: string;
    id: Generated<string>;
    version: number;
    name: string;
    note: Generated<string>;
    config: Json<TAuditTimeTableConfig>;
    created_by: string | null;
    created_at: Timestamp;
  };
  audit_time_calculations: {
    tenant_id: string;
    id: Generated<string>;
    client_id: string;
    inputs: Json<TAuditTimeInputs>;
    result: Json<TAuditTimeResult>;
    table_source: 'default' | 'body';
    table_version: number;
    table_id: string | null;
    initial_days: Numeric;
    cycle_days: Numeric;
    note: Generated<string>;
    created_by: string | null;
    created_at: Timestamp;
  };
};
