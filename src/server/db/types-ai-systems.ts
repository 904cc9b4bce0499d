import type { ColumnType, Generated } from 'kysely';
import type { TAiLifecycleStage, TAiOrgRole, TAiRoute, TAiTier, TClassificationAnswers, TClassificationReason } from '../../shared/contracts/ai-systems.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
/** text[]: read as an array, written as an array. */
type TextArray<T extends string = string> = ColumnType<T[], T[] | undefined, T[]>;

/* The AI-system inventory's tables (migrations 0007, 0017), kept beside the DB interface that merges them. */
export type TAiSystemsTables = {
  ai_systems: {
    tenant_id: string;
    id: Generated<string>;
    name: string;
    purpose: Generated<string>;
    business_owner_id: string | null;
    technical_owner_id: string | null;
    lifecycle_stage: TAiLifecycleStage;
    roles: TextArray<TAiOrgRole>;
    model_type: Generated<string>;
    model_version: Generated<string>;
    supplier: Generated<string>;
    data_categories: TextArray;
    personal_data: Generated<boolean>;
    special_category_data: Generated<boolean>;
    affected_people: Generated<string>;
    human_oversight: Generated<string>;
    intended_use: Generated<string>;
    known_limitations: Generated<string>;
    automated_decisions: Generated<boolean>;
    in_aims_scope: Generated<boolean>;
    bom_ref: string | null;
    current_classification_id: string | null;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  ai_system_classifications: {
    tenant_id: string;
    id: Generated<string>;
    ai_system_id: string;
    version: number;
    answers: Json<TClassificationAnswers>;
    tier: TAiTier;
    route: TAiRoute | null;
    annex_iii_ref: string | null;
    reasons: Json<TClassificationReason[]>;
    catalog_version: string;
    /** The organization's roles the version was made for (migration 0017): its obligations are theirs. */
    roles: ColumnType<TAiOrgRole[], TAiOrgRole[], TAiOrgRole[]>;
    classified_by: string | null;
    classified_at: Timestamp;
  };
};
