import type { ColumnType, Generated } from 'kysely';
import type { TSoaImplementationStatus, TSoaVersionStatus } from '../../shared/contracts/soa.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/* The Statement of Applicability's tables (migration 0012), kept beside the DB interface that merges them. */
export type TSoaTables = {
  soa_versions: {
    tenant_id: string;
    id: Generated<string>;
    number: number | null;
    status: TSoaVersionStatus;
    based_on_number: number | null;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
    submitted_by: string | null;
    submitted_at: TimestampNull;
    approved_by: string | null;
    approved_at: TimestampNull;
    approval_comment: string | null;
    rejected_by: string | null;
    rejected_at: TimestampNull;
    reject_comment: string | null;
  };
  soa_entries: {
    tenant_id: string;
    version_id: string;
    framework_id: string;
    framework_version: string;
    ref: string;
    applicable: boolean | null;
    justification: Generated<string>;
    implementation_status: TSoaImplementationStatus | null;
    updated_by: string | null;
    updated_at: Timestamp;
  };
  soa_entry_controls: {
    tenant_id: string;
    version_id: string;
    framework_id: string;
    ref: string;
    control_id: string;
    control_reference: string;
    control_title: string;
  };
};
