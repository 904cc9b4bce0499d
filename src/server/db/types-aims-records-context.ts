import type { ColumnType, Generated } from 'kysely';
import type { TObjectiveStatus, TPartyCategory, TPartyNeed, TScopeAiSystemSnapshot, TScopeExclusion, TScopeStatus, TTargetDirection } from '../../shared/contracts/aims-records-context.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;
/** PostgreSQL `date`: repos read it as 'YYYY-MM-DD' text (a JavaScript Date would shift it by the time zone). */
type Day = ColumnType<string, string, string>;
type DayNull = ColumnType<string | null, string | null | undefined, string | null>;

type TRequirementLinkTable<K extends string> = { tenant_id: string; framework_id: string; framework_version: string; ref: string } & Record<K, string>;

/* Management-system records, part 1 (migration 0015), kept beside the DB interface that merges them. */
export type TAimsRecordsContextTables = {
  aims_scope_versions: {
    tenant_id: string;
    version: number;
    status: Generated<TScopeStatus>;
    boundaries: Generated<string>;
    applicability: Generated<string>;
    exclusions: Json<TScopeExclusion[]>;
    /** Null while the version is a draft; the AI systems in scope when it was approved. */
    ai_systems: ColumnType<TScopeAiSystemSnapshot[] | null, string | null | undefined, string | null>;
    created_by: string;
    created_at: Timestamp;
    updated_by: string;
    updated_at: Timestamp;
    approved_by: string | null;
    approved_at: TimestampNull;
    approval_comment: string | null;
  };
  interested_parties: {
    tenant_id: string;
    id: Generated<string>;
    name: string;
    category: TPartyCategory;
    needs: Json<TPartyNeed[]>;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  interested_party_requirements: TRequirementLinkTable<'party_id'>;
  aims_objectives: {
    tenant_id: string;
    id: Generated<string>;
    title: string;
    measure: string;
    target_direction: TTargetDirection;
    target_value: number;
    target_unit: Generated<string>;
    due_on: Day;
    owner_id: string | null;
    status: Generated<TObjectiveStatus>;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  aims_objective_results: {
    tenant_id: string;
    id: Generated<string>;
    objective_id: string;
    measured_on: Day;
    value: number;
    comment: Generated<string>;
    recorded_by: string | null;
    recorded_at: Timestamp;
  };
  aims_objective_requirements: TRequirementLinkTable<'objective_id'>;
  competence_records: {
    tenant_id: string;
    id: Generated<string>;
    user_id: string;
    role: string;
    required_competence: string;
    evidence: Generated<string>;
    evidence_file_id: string | null;
    achieved_on: DayNull;
    renewal_on: DayNull;
    policy_acknowledged_on: DayNull;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
};
