import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';

/*
 * The few columns of an examination the audit programme needs, read by the firm's tenant id. The
 * examination itself (scope, states before planning, renewal) is the examinations module's; this is
 * only the programme's view of it, locked `FOR UPDATE` when a change depends on its state.
 */
export async function programExamination(db: Kysely<DB> | Transaction<DB>, tenantId: string, id: string, forUpdate = false) {
  let q = db
    .selectFrom('soc2_examinations')
    .select(['id', 'tenant_id', 'reference', 'state', 'categories', 'organization_tenant_id', 'engagement_id', 'report_type'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export type TProgramExamination = NonNullable<Awaited<ReturnType<typeof programExamination>>>;

/** The states in which the matrix may change: before fieldwork starts. */
export const MATRIX_STATES = ['scoping', 'planning'] as const;
/** Test procedures can still be added or refined while testing. */
export const TEST_STATES = ['scoping', 'planning', 'fieldwork'] as const;
/** The request list lives from planning to the end of fieldwork. */
export const REQUEST_STATES = ['planning', 'fieldwork'] as const;
