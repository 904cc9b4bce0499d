import type { ColumnType, Generated } from 'kysely';
import type { TEvidenceKind, TEvidenceRecord, TEvidenceStatus } from '../../shared/contracts/evidence.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampReq = ColumnType<Date, Date | string, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** PostgreSQL `date`: written as 'YYYY-MM-DD'; read it with `::text` (a Date would shift by the time zone). */
type DateCol = ColumnType<string, string, string>;
type DateNull = ColumnType<string | null, string | null | undefined, string | null>;
type Json<T> = ColumnType<T, string, string>;

/* The evidence tables (migration 0014), kept beside the DB interface that merges them. */
export type TEvidenceTables = {
  evidence_settings: {
    tenant_id: string;
    contemporaneity_days: Generated<number>;
    updated_by: string | null;
    updated_at: Timestamp;
  };
  evidence: {
    tenant_id: string;
    id: Generated<string>;
    series_id: string;
    revision: Generated<number>;
    supersedes_id: string | null;
    superseded_by_id: ColumnType<string | null, string | null | undefined, string | null>;
    kind: TEvidenceKind;
    title: string;
    description: Generated<string>;
    file_id: string | null;
    sha256: string;
    url: string | null;
    record: Json<TEvidenceRecord> | null;
    effective_date: DateCol;
    period_from: DateNull;
    period_to: DateNull;
    valid_until: DateNull;
    status: TEvidenceStatus;
    received_at: TimestampReq;
    contemporaneity_days: number;
    not_contemporaneous: boolean;
    owner_id: string | null;
    created_by: string | null;
    created_by_token: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    submitted_by: string | null;
    submitted_at: TimestampNull;
    reviewed_by: string | null;
    reviewed_at: TimestampNull;
    review_comment: string | null;
    expired_at: TimestampNull;
  };
  evidence_controls: { tenant_id: string; evidence_id: string; control_id: string };
  evidence_requirements: { tenant_id: string; evidence_id: string; framework_id: string; framework_version: string; ref: string };
  evidence_push_keys: { tenant_id: string; control_id: string; effective_date: DateCol; sha256: string; evidence_id: string };
};
