import { sql, type RawBuilder } from 'kysely';
import { competenceChecklistSql } from './competence/competence-repo.ts';
import { objectivesChecklistSql } from './objectives/objectives-repo.ts';
import { scopeChecklistSql } from './scope/scope-repo.ts';

/*
 * The mandatory documented-information checklist's view of the management-system records: one
 * row per item, in the columns the documents module's checklist reads (TChecklistRow), so that
 * the checklist and readiness stay one statement. What makes each item current is written here:
 * - 4.3 scope: a scope version is approved;
 * - 6.2 objectives: at least one objective not cancelled is recorded;
 * - 7.2 competence: records exist; overdue when one is past its renewal date;
 * - 9.2.2 audit programme and results: at least one internal audit is completed;
 * - 9.3.3 management review results: a review completed within the last 13 months (a yearly
 *   review plus a month's grace), overdue when the last one is older;
 * - 10.2 nonconformities: the register holds at least one (a documented procedure published
 *   under the same item satisfies it too, for an organization that has had none).
 */
const row = (item: string, source: string, state: RawBuilder<unknown>, count: RawBuilder<unknown>) =>
  sql`${item}::text AS item, ${source}::text AS source, ${state} AS state, ${count} AS count,
      NULL::text AS document_id, NULL::text AS title, NULL::int AS version, NULL::text AS next_review_on`;

export const scopeChecklistSource = (tenantId: string) => sql`
  SELECT ${row('scope-4.3', 'scope', sql`CASE WHEN (s.v->>'approvedVersion') IS NOT NULL THEN 'current' ELSE 'missing' END`, sql`coalesce((s.v->>'approvedVersion')::int, 0)`)}
  FROM (SELECT ${scopeChecklistSql(tenantId)}::jsonb AS v) s`;

export const objectivesChecklistSource = (tenantId: string) => sql`
  SELECT ${row('ai-objectives-6.2', 'objectives', sql`CASE WHEN (s.v->>'objectives')::int > 0 THEN 'current' ELSE 'missing' END`, sql`(s.v->>'objectives')::int`)}
  FROM (SELECT ${objectivesChecklistSql(tenantId)}::jsonb AS v) s`;

export const competenceChecklistSource = (tenantId: string, today: string) => sql`
  SELECT ${row(
    'competence-7.2',
    'competence',
    sql`CASE WHEN (s.v->>'records')::int = 0 THEN 'missing' WHEN (s.v->>'renewalDue')::int > 0 THEN 'overdue' ELSE 'current' END`,
    sql`(s.v->>'records')::int`,
  )}
  FROM (SELECT ${competenceChecklistSql(tenantId, today)}::jsonb AS v) s`;

export const internalAuditsChecklistSource = (tenantId: string) => sql`
  SELECT ${row('audit-programme-9.2.2', 'internal-audits', sql`CASE WHEN count(*) > 0 THEN 'current' ELSE 'missing' END`, sql`count(*)::int`)}
  FROM internal_audits WHERE tenant_id = ${tenantId} AND status = 'completed'`;

export const managementReviewsChecklistSource = (tenantId: string, today: string) => sql`
  SELECT ${row(
    'management-review-9.3.3',
    'management-reviews',
    sql`CASE WHEN count(*) = 0 THEN 'missing' WHEN max(held_on) < ${today}::date - interval '13 months' THEN 'overdue' ELSE 'current' END`,
    sql`count(*)::int`,
  )}
  FROM management_reviews WHERE tenant_id = ${tenantId} AND status = 'completed'`;

export const nonconformitiesChecklistSource = (tenantId: string) => sql`
  SELECT ${row('nonconformities-10.2', 'nonconformities', sql`CASE WHEN count(*) > 0 THEN 'current' ELSE 'missing' END`, sql`count(*)::int`)}
  FROM nonconformities WHERE tenant_id = ${tenantId}`;
