import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TSoc2CriterionImpact, TSoc2ExaminationState, TSoc2ExceptionConclusion } from '../../../../shared/contracts/soc2.ts';
import { nextExceptionReference } from './exception-rules.ts';

/*
 * The only door to `soc2_exceptions`. The firm's side filters by the firm's tenant id; the
 * organization's side by the examination's `organization_tenant_id` (the rows keep the firm's tenant
 * id, like a certification's findings). A list is one statement: the test and its control, the
 * control's criteria in the matrix, the sample item, the people's names and the titles of the
 * organization's evidence (read in the organization's tenant, by the id taken from the examination).
 */

type TDb = Kysely<DB> | Transaction<DB>;
type TPerson = { id: string; name: string } | null;

export type TExceptionRow = {
  id: string;
  tenant_id: string;
  organization_tenant_id: string;
  engagement_id: string;
  examination_id: string;
  examination_reference: string;
  examination_state: TSoc2ExaminationState;
  reference: string;
  test_id: string;
  test_reference: string;
  control_id: string;
  control_ref: string;
  control_title: string;
  criteria: string[];
  sample_item: { id: string; key: string; date: string } | null;
  description: string;
  raised_by: TPerson;
  created_at: Date | string;
  response_context: string;
  response_remediation: string;
  evidence: { id: string; title: string }[];
  responded_by: TPerson;
  responded_at: Date | string | null;
  conclusion: TSoc2ExceptionConclusion | null;
  criterion_impact: TSoc2CriterionImpact | null;
  conclusion_notes: string;
  concluded_by: TPerson;
  concluded_at: Date | string | null;
};

const person = (column: RawBuilder<unknown>) => sql`(SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = ${column})`;

function selectExceptions(where: RawBuilder<unknown>, forUpdate = false) {
  return sql<TExceptionRow>`
    SELECT xc.id, xc.tenant_id, x.organization_tenant_id, x.engagement_id, xc.examination_id, x.reference AS examination_reference, x.state AS examination_state,
      xc.reference, xc.test_id, t.reference AS test_reference, t.control_id, t.control_ref, t.control_title,
      COALESCE((
        SELECT array_agg(DISTINCT l.criterion_ref ORDER BY l.criterion_ref) FROM soc2_matrix_links l
        WHERE l.tenant_id = xc.tenant_id AND l.examination_id = xc.examination_id AND l.control_id = t.control_id AND NOT l.suggested
      ), '{}') AS criteria,
      (SELECT json_build_object('id', i.id, 'key', i.item_key, 'date', i.item_date::text) FROM soc2_sample_items i WHERE i.tenant_id = xc.tenant_id AND i.id = xc.sample_item_id) AS sample_item,
      xc.description, ${person(sql`xc.created_by`)} AS raised_by, xc.created_at,
      xc.response_context, xc.response_remediation,
      COALESCE((
        SELECT json_agg(json_build_object('id', e.id, 'title', e.title) ORDER BY e.title, e.id)
        FROM evidence e WHERE e.tenant_id = x.organization_tenant_id AND e.id = ANY (xc.response_evidence_ids)
      ), '[]'::json) AS evidence,
      ${person(sql`xc.responded_by`)} AS responded_by, xc.responded_at,
      xc.conclusion, xc.criterion_impact, xc.conclusion_notes, ${person(sql`xc.concluded_by`)} AS concluded_by, xc.concluded_at
    FROM soc2_exceptions xc
    JOIN soc2_examinations x ON x.tenant_id = xc.tenant_id AND x.id = xc.examination_id
    JOIN soc2_tests t ON t.tenant_id = xc.tenant_id AND t.id = xc.test_id
    WHERE ${where}
    ORDER BY t.control_ref, t.control_id, xc.reference, xc.id${forUpdate ? sql` FOR UPDATE OF xc` : sql``}`;
}

const parseJson = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const parse = (rows: TExceptionRow[]) =>
  rows.map((r) => ({ ...r, evidence: parseJson(r.evidence), sample_item: r.sample_item === null ? null : parseJson(r.sample_item), raised_by: parseJson(r.raised_by), responded_by: parseJson(r.responded_by), concluded_by: parseJson(r.concluded_by) }));

export async function firmExceptions(db: TDb, tenantId: string, examinationId: string) {
  return parse((await selectExceptions(sql`xc.tenant_id = ${tenantId} AND xc.examination_id = ${examinationId}`).execute(db)).rows);
}

export async function firmException(db: TDb, tenantId: string, examinationId: string, id: string, forUpdate = false) {
  return parse((await selectExceptions(sql`xc.tenant_id = ${tenantId} AND xc.examination_id = ${examinationId} AND xc.id = ${id}`, forUpdate).execute(db)).rows)[0];
}

const ORG_STATES = sql`x.state IN ('fieldwork','reporting','issued')`;

export async function orgExceptions(db: TDb, organizationTenantId: string, examinationId: string) {
  return parse((await selectExceptions(sql`x.organization_tenant_id = ${organizationTenantId} AND ${ORG_STATES} AND xc.examination_id = ${examinationId}`).execute(db)).rows);
}

export async function orgException(db: TDb, organizationTenantId: string, examinationId: string, id: string, forUpdate = false) {
  return parse(
    (await selectExceptions(sql`x.organization_tenant_id = ${organizationTenantId} AND ${ORG_STATES} AND xc.examination_id = ${examinationId} AND xc.id = ${id}`, forUpdate).execute(db)).rows,
  )[0];
}

/** The organization's examination as its exception pages need it (404 when not through a live engagement). */
export function orgExaminationState(db: TDb, organizationTenantId: string, examinationId: string) {
  return db
    .selectFrom('soc2_examinations as x')
    .innerJoin('engagements as e', 'e.id', 'x.engagement_id')
    .select(['x.id', 'x.tenant_id', 'x.state'])
    .where('x.organization_tenant_id', '=', organizationTenantId)
    .where('x.id', '=', examinationId)
    .where('e.status', '<>', 'closed')
    .executeTakeFirst();
}

/** Draws the next `EX-NNN` of the examination under an advisory lock held until the transaction ends. */
export async function drawExceptionReference(tx: TDb, tenantId: string, examinationId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${tenantId}:${examinationId}:EX`}, 0))`.execute(tx);
  const rows = await tx.selectFrom('soc2_exceptions').select('reference').where('tenant_id', '=', tenantId).where('examination_id', '=', examinationId).execute();
  return nextExceptionReference(rows.map((r) => r.reference));
}

export function testOf(db: TDb, tenantId: string, examinationId: string, testId: string) {
  return db
    .selectFrom('soc2_tests')
    .select(['id', 'reference', 'control_ref'])
    .where('tenant_id', '=', tenantId)
    .where('examination_id', '=', examinationId)
    .where('id', '=', testId)
    .executeTakeFirst();
}

export function sampleItemOf(db: TDb, tenantId: string, testId: string, itemId: string) {
  return db.selectFrom('soc2_sample_items').select(['id', 'item_key', 'result']).where('tenant_id', '=', tenantId).where('test_id', '=', testId).where('id', '=', itemId).executeTakeFirst();
}

export async function insertException(tx: TDb, v: { tenantId: string; examinationId: string; testId: string; sampleItemId: string | null; reference: string; description: string; userId: string | null; now: Date }) {
  return tx
    .insertInto('soc2_exceptions')
    .values({
      tenant_id: v.tenantId,
      examination_id: v.examinationId,
      test_id: v.testId,
      sample_item_id: v.sampleItemId,
      reference: v.reference,
      description: v.description,
      response_evidence_ids: [],
      created_by: v.userId,
      created_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export type TExceptionSet = Partial<{
  description: string;
  response_context: string;
  response_remediation: string;
  response_evidence_ids: string[];
  responded_by: string | null;
  responded_at: Date;
  conclusion: TSoc2ExceptionConclusion;
  criterion_impact: TSoc2CriterionImpact;
  conclusion_notes: string;
  concluded_by: string | null;
  concluded_at: Date;
}>;

export async function updateException(tx: TDb, tenantId: string, id: string, set: TExceptionSet) {
  await tx.updateTable('soc2_exceptions').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Which of these ids are evidence records of the organization (not drafts). */
export async function orgEvidenceAmong(db: TDb, organizationTenantId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('evidence').select(['id', 'title']).where('tenant_id', '=', organizationTenantId).where('id', 'in', ids).where('status', '<>', 'draft').execute();
}
