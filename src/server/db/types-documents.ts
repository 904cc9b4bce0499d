import type { ColumnType, Generated } from 'kysely';
import type { TContentKind, TDocumentKind, TDocumentType, TDocumentVersionStatus, TMandatoryItemKey } from '../../shared/contracts/documents.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A date without time (PostgreSQL `date`), read as 'YYYY-MM-DD'. */
type DateOnlyNull = ColumnType<string | null, string | null | undefined, string | null>;
/** bigint: the pg driver may hand it back as a string; read it through Number(). */
type BigInt = ColumnType<number | string, number, number>;

/* The documents' tables (migration 0013), kept beside the DB interface that merges them. */
export type TDocumentsTables = {
  documents: {
    tenant_id: string;
    id: Generated<string>;
    title: string;
    type: TDocumentType;
    kind: TDocumentKind;
    description: Generated<string>;
    owner_id: string | null;
    next_review_on: DateOnlyNull;
    mandatory_item: TMandatoryItemKey | null;
    approval_quorum: Generated<number>;
    latest_version: number | null;
    published_version: number | null;
    review_reminded_for: DateOnlyNull;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  document_versions: {
    tenant_id: string;
    document_id: string;
    version: number;
    status: TDocumentVersionStatus;
    content_kind: TContentKind;
    file_id: string | null;
    body: string | null;
    sha256: string;
    size: BigInt;
    change_note: Generated<string>;
    created_by: string;
    created_at: Timestamp;
    submitted_by: string | null;
    submitted_at: TimestampNull;
    approved_at: TimestampNull;
    published_by: string | null;
    published_at: TimestampNull;
    superseded_at: TimestampNull;
  };
  document_approvals: {
    tenant_id: string;
    document_id: string;
    version: number;
    approver_id: string;
    approved_at: Timestamp;
    sha256: string;
    comment: Generated<string>;
  };
  document_requirements: {
    tenant_id: string;
    document_id: string;
    framework_id: string;
    framework_version: string;
    ref: string;
  };
};
