import type { ColumnType, Generated } from 'kysely';
import type { TAssessmentContent, TVariant, TVersionStatus } from '../../shared/contracts/impact-assessments.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

/* The impact assessments' tables (migration 0009), kept beside the DB interface that merges them. */
export type TImpactAssessmentTables = {
  impact_assessments: {
    tenant_id: string;
    id: Generated<string>;
    ai_system_id: string;
    variant: TVariant;
    title: string;
    latest_version: Generated<number>;
    approved_version: number | null;
    /** The review date the owner was last reminded of (migration 0017): once per date. */
    review_reminded_for: ColumnType<string | null, string | null | undefined, string | null>;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
  };

  impact_assessment_versions: {
    tenant_id: string;
    assessment_id: string;
    version: number;
    status: TVersionStatus;
    content: Json<TAssessmentContent>;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
    submitted_by: string | null;
    submitted_at: TimestampNull;
    approved_by: string | null;
    approved_at: TimestampNull;
    approval_comment: string | null;
    return_comment: string | null;
  };

  impact_assessment_settings: {
    tenant_id: string;
    significant_severity: Generated<number>;
    public_body_or_service: Generated<boolean>;
    updated_by: string | null;
    updated_at: Timestamp;
  };
};
