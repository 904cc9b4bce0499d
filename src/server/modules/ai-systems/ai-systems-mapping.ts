import type { Selectable } from 'kysely';
import type { TAiSystemsTables } from '../../db/types-ai-systems.ts';
import type { TAiSystem, TAiSystemSummary } from '../../../shared/contracts/ai-systems.ts';
import type { TAiSystemRow, TAiSystemSummaryRow } from './ai-systems-repo.ts';

/* Between the contract's field names and the table's columns, both ways. */

export const FIELD_COLUMNS = {
  name: 'name',
  purpose: 'purpose',
  businessOwnerId: 'business_owner_id',
  technicalOwnerId: 'technical_owner_id',
  lifecycleStage: 'lifecycle_stage',
  roles: 'roles',
  modelType: 'model_type',
  modelVersion: 'model_version',
  supplier: 'supplier',
  dataCategories: 'data_categories',
  personalData: 'personal_data',
  specialCategoryData: 'special_category_data',
  affectedPeople: 'affected_people',
  humanOversight: 'human_oversight',
  intendedUse: 'intended_use',
  knownLimitations: 'known_limitations',
  automatedDecisions: 'automated_decisions',
  inAimsScope: 'in_aims_scope',
  bomRef: 'bom_ref',
} as const satisfies Record<string, keyof Selectable<TAiSystemsTables['ai_systems']>>;

type TFieldName = keyof typeof FIELD_COLUMNS;

/** The columns of the contract fields present in a body (undefined means "not sent"). */
export const columnsOf = (body: Partial<Record<string, unknown>>) =>
  Object.fromEntries(Object.entries(body).filter(([k, v]) => v !== undefined && k in FIELD_COLUMNS).map(([k, v]) => [FIELD_COLUMNS[k as TFieldName], v]));
type TSystemRow = Selectable<TAiSystemsTables['ai_systems']>;

/** Every recorded field of a row, keyed as in the contract (what an audit event holds). */
export const rowToAuditFields = (row: TSystemRow) =>
  Object.fromEntries(Object.entries(FIELD_COLUMNS).map(([field, column]) => [field, row[column]])) as { [K in TFieldName]: TSystemRow[(typeof FIELD_COLUMNS)[K]] };

const iso = (d: Date | string) => new Date(d).toISOString();
/** Roles compared as sets: the order they were ticked in means nothing. */
export const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r) => b.includes(r));

const userRef = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function toDto(r: TAiSystemRow, abilities: TAiSystem['abilities']): TAiSystem {
  return {
    id: r.id,
    name: r.name,
    purpose: r.purpose,
    businessOwner: userRef(r.business_owner_id, r.business_owner_name),
    technicalOwner: userRef(r.technical_owner_id, r.technical_owner_name),
    lifecycleStage: r.lifecycle_stage,
    roles: r.roles,
    modelType: r.model_type,
    modelVersion: r.model_version,
    supplier: r.supplier,
    dataCategories: r.data_categories,
    personalData: r.personal_data,
    specialCategoryData: r.special_category_data,
    affectedPeople: r.affected_people,
    humanOversight: r.human_oversight,
    intendedUse: r.intended_use,
    knownLimitations: r.known_limitations,
    automatedDecisions: r.automated_decisions,
    inAimsScope: r.in_aims_scope,
    bomRef: r.bom_ref,
    classification:
      r.c_version !== null && r.c_tier !== null && r.c_classified_at !== null && r.c_roles !== null
        ? {
            version: r.c_version,
            tier: r.c_tier,
            route: r.c_route,
            annexIIIRef: r.c_annex_iii_ref,
            classifiedAt: iso(r.c_classified_at),
            classifiedBy: userRef(r.c_classified_by, r.c_classified_by_name),
            roles: r.c_roles,
            rolesChanged: !sameRoles(r.c_roles, r.roles),
          }
        : null,
    createdBy: userRef(r.created_by, r.created_by_name),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    abilities,
  };
}

export function toSummaryDto(r: TAiSystemSummaryRow, abilities: TAiSystemSummary['abilities']): TAiSystemSummary {
  return {
    id: r.id,
    name: r.name,
    lifecycleStage: r.lifecycle_stage,
    roles: r.roles,
    businessOwner: userRef(r.business_owner_id, r.business_owner_name),
    technicalOwner: userRef(r.technical_owner_id, r.technical_owner_name),
    inAimsScope: r.in_aims_scope,
    supplier: r.supplier,
    modelType: r.model_type,
    bomRef: r.bom_ref,
    classification: r.c_version !== null && r.c_tier !== null ? { version: r.c_version, tier: r.c_tier, route: r.c_route, annexIIIRef: r.c_annex_iii_ref } : null,
    updatedAt: iso(r.updated_at),
    abilities,
  };
}
