import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TChecklistState, TMandatoryItemKey, TRecordSource } from '../../../shared/contracts/documents.ts';
import { mandatoryChecklistSql as impactAssessmentsChecklist } from '../impact-assessments/impact-assessments-repo.ts';
import { mandatoryChecklistSql as risksChecklist } from '../risks/risks-read-repo.ts';
import { mandatoryChecklistSql as soaChecklist } from '../soa/soa-repo.ts';
import {
  competenceChecklistSource,
  internalAuditsChecklistSource,
  managementReviewsChecklistSource,
  nonconformitiesChecklistSource,
  objectivesChecklistSource,
  scopeChecklistSource,
} from '../aims-records/checklist-sources.ts';

/**
 * One row a checklist source reports: an item of MANDATORY_ITEMS and its state as that source
 * sees it. A document source gives one row per published document; a record source one row per
 * item it keeps (with how many records), document columns null.
 */
export type TChecklistRow = {
  item: TMandatoryItemKey;
  source: 'documents' | TRecordSource;
  state: TChecklistState;
  count: number;
  document_id: string | null;
  title: string | null;
  version: number | null;
  next_review_on: string | null;
};

/**
 * A source of the checklist: a SELECT (no trailing semicolon) whose columns are those of
 * TChecklistRow, in that order, filtered on the tenant. Each module that keeps an item as a
 * record exports one from its repository (`mandatoryChecklistSql`), as it does for the dashboard.
 */
export type TChecklistSource = { source: 'documents' | TRecordSource; sql: (tenantId: string, today: string) => RawBuilder<unknown> };

/** Published documents that carry a mandatory item: current until their review date passes. */
const documentsChecklist = (tenantId: string, today: string) => sql`
  SELECT d.mandatory_item AS item, 'documents' AS source,
         CASE WHEN d.next_review_on < ${today}::date THEN 'overdue' ELSE 'current' END AS state,
         1 AS count, d.id::text AS document_id, d.title, d.published_version AS version, d.next_review_on::text AS next_review_on
  FROM documents d
  WHERE d.tenant_id = ${tenantId} AND d.mandatory_item IS NOT NULL AND d.published_version IS NOT NULL`;

/*
 * Every module that keeps an item as a record reports it here; an item whose record source is not
 * listed would be judged from documents alone.
 */
export const CHECKLIST_SOURCES: readonly TChecklistSource[] = [
  { source: 'documents', sql: documentsChecklist },
  { source: 'risks', sql: risksChecklist },
  { source: 'impact-assessments', sql: impactAssessmentsChecklist },
  { source: 'soa', sql: soaChecklist },
  { source: 'scope', sql: scopeChecklistSource },
  { source: 'objectives', sql: objectivesChecklistSource },
  { source: 'competence', sql: competenceChecklistSource },
  { source: 'internal-audits', sql: internalAuditsChecklistSource },
  { source: 'management-reviews', sql: managementReviewsChecklistSource },
  { source: 'nonconformities', sql: nonconformitiesChecklistSource },
];

/** Every source as one SELECT: readiness embeds it in its own statement. */
export const checklistUnionSql = (tenantId: string, today: string, sources: readonly TChecklistSource[] = CHECKLIST_SOURCES) =>
  sql.join(
    sources.map((s) => sql`(${s.sql(tenantId, today)})`),
    sql` UNION ALL `,
  );

/** Every source in one statement: the checklist costs one round trip whatever it covers. */
export async function readChecklist(db: Kysely<DB>, tenantId: string, today: string, sources: readonly TChecklistSource[] = CHECKLIST_SOURCES) {
  const res = await sql<TChecklistRow>`SELECT * FROM (${checklistUnionSql(tenantId, today, sources)}) x ORDER BY item, source, title, document_id`.execute(db);
  return res.rows.map((r) => ({ ...r, count: Number(r.count), version: r.version === null ? null : Number(r.version) }));
}
