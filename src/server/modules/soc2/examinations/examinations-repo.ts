import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TSoc2Category, TSoc2DescriptionState, TSoc2ExaminationState, TSoc2ReportType } from '../../../../shared/contracts/soc2.ts';
import { afterCursor, pageOf, type TSortDef } from '../../aims-records/improvement-sql.ts';

/*
 * The only door to soc2_examinations. Every row belongs to the firm's tenant; the organization reads
 * its examinations by organization_tenant_id, through a live engagement. A list is one statement:
 * the firm's and organization's names, the client and the latest description state are joined in.
 */

type TDb = Kysely<DB> | Transaction<DB>;

export type TExaminationRow = {
  id: string;
  tenant_id: string;
  reference: string;
  engagement_id: string;
  organization_tenant_id: string;
  client_id: string;
  report_type: TSoc2ReportType;
  as_of_date: string | null;
  period_start: string | null;
  period_end: string | null;
  categories: TSoc2Category[];
  services: string;
  systems: string;
  locations: string;
  people: string;
  state: TSoc2ExaminationState;
  partner: { id: string; name: string } | null;
  previous_examination_id: string | null;
  previous_reference: string | null;
  next_examination: { id: string; reference: string } | null;
  created_at: Date | string;
  updated_at: Date | string;
  firm_name: string;
  organization_name: string;
  client_name: string;
  description_state: TSoc2DescriptionState | null;
  sort_key: string;
};

const CREATED: TSortDef = { expr: sql`to_char(x.created_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS')`, type: sql`text` };

function select(db: TDb, where: RawBuilder<unknown>[], limit: number, forUpdate = false) {
  return sql<TExaminationRow>`
    SELECT x.id, x.tenant_id, x.reference, x.engagement_id, x.organization_tenant_id, x.client_id, x.report_type,
      x.as_of_date::text AS as_of_date, x.period_start::text AS period_start, x.period_end::text AS period_end,
      x.categories, x.services, x.systems, x.locations, x.people, x.state,
      (SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = x.partner_user_id) AS partner,
      x.previous_examination_id,
      (SELECT p.reference FROM soc2_examinations p WHERE p.tenant_id = x.tenant_id AND p.id = x.previous_examination_id) AS previous_reference,
      (SELECT json_build_object('id', n.id, 'reference', n.reference) FROM soc2_examinations n WHERE n.tenant_id = x.tenant_id AND n.previous_examination_id = x.id) AS next_examination,
      x.created_at, x.updated_at,
      ft.name AS firm_name, ot.name AS organization_name, c.legal_name AS client_name,
      (SELECT d.state FROM soc2_descriptions d WHERE d.tenant_id = x.tenant_id AND d.examination_id = x.id ORDER BY d.version DESC LIMIT 1) AS description_state,
      ${CREATED.expr} AS sort_key
    FROM soc2_examinations x
    JOIN engagements e ON e.id = x.engagement_id
    JOIN tenants ft ON ft.id = x.tenant_id
    JOIN tenants ot ON ot.id = x.organization_tenant_id
    JOIN clients c ON c.tenant_id = x.tenant_id AND c.id = x.client_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY x.created_at DESC, x.id DESC
    LIMIT ${limit}${forUpdate ? sql` FOR UPDATE OF x` : sql``}`
    .execute(db)
    .then((r) => r.rows);
}

export type TExaminationFilter = { limit: number; cursor?: string; state?: TSoc2ExaminationState; reportType?: TSoc2ReportType; engagementId?: string };

const filters = (q: TExaminationFilter) => [
  ...(q.state ? [sql`x.state = ${q.state}`] : []),
  ...(q.reportType ? [sql`x.report_type = ${q.reportType}`] : []),
  ...(q.engagementId ? [sql`x.engagement_id = ${q.engagementId}`] : []),
];

/** One page of the firm's examinations, newest first. */
export async function listForFirm(db: TDb, firmTenantId: string, q: TExaminationFilter) {
  const where = [sql`x.tenant_id = ${firmTenantId}`, ...filters(q)];
  const after = afterCursor(q.cursor, CREATED, sql`x.id`, true);
  if (after) where.push(after);
  return pageOf(await select(db, where, q.limit + 1), q.limit);
}

/** One page of the organization's examinations through its engagements that are not closed. */
export async function listForOrganization(db: TDb, orgTenantId: string, q: TExaminationFilter) {
  const where = [sql`x.organization_tenant_id = ${orgTenantId}`, sql`e.status <> 'closed'`, ...filters(q)];
  const after = afterCursor(q.cursor, CREATED, sql`x.id`, true);
  if (after) where.push(after);
  return pageOf(await select(db, where, q.limit + 1), q.limit);
}

export async function firmExamination(db: TDb, firmTenantId: string, id: string, forUpdate = false) {
  const [row] = await select(db, [sql`x.tenant_id = ${firmTenantId}`, sql`x.id = ${id}`], 1, forUpdate);
  return row;
}

export async function orgExamination(db: TDb, orgTenantId: string, id: string, forUpdate = false) {
  const [row] = await select(db, [sql`x.organization_tenant_id = ${orgTenantId}`, sql`e.status <> 'closed'`, sql`x.id = ${id}`], 1, forUpdate);
  return row;
}

/** The examination opened as the renewal of this one, if any. */
export async function renewalOf(db: TDb, firmTenantId: string, previousId: string) {
  return db.selectFrom('soc2_examinations').select(['id', 'reference']).where('tenant_id', '=', firmTenantId).where('previous_examination_id', '=', previousId).executeTakeFirst();
}

/** The firm's SOC 2 engagement with the organization's and client's names (null: not this firm's). */
export async function firmEngagement(db: TDb, firmTenantId: string, engagementId: string, forUpdate = false) {
  let q = db
    .selectFrom('engagements as e')
    .innerJoin('tenants as ot', 'ot.id', 'e.organization_tenant_id')
    .innerJoin('tenants as ft', 'ft.id', 'e.body_tenant_id')
    .select(['e.id', 'e.scheme', 'e.status', 'e.client_id', 'e.organization_tenant_id', 'ot.name as organization_name', 'ft.name as firm_name'])
    .where('e.body_tenant_id', '=', firmTenantId)
    .where('e.id', '=', engagementId);
  if (forUpdate) q = q.forUpdate('e' as never);
  return q.executeTakeFirst();
}

/** Whether the firm's settings say it is a licensed CPA firm (with its licence number). */
export async function firmLicence(db: TDb, firmTenantId: string) {
  return db
    .selectFrom('body_settings')
    .select(['cpa_firm', 'cpa_licence_authority', 'cpa_licence_number', 'cpa_licence_jurisdiction'])
    .where('tenant_id', '=', firmTenantId)
    .executeTakeFirst();
}

export async function isFirmMember(db: TDb, firmTenantId: string, userId: string) {
  const row = await db.selectFrom('memberships').select('user_id').where('tenant_id', '=', firmTenantId).where('user_id', '=', userId).executeTakeFirst();
  return Boolean(row);
}

/** What opening an examination writes: the row's own columns, plus who opened it and the partner. */
export type TInsertExamination = Pick<
  TExaminationRow,
  | 'reference'
  | 'engagement_id'
  | 'organization_tenant_id'
  | 'client_id'
  | 'report_type'
  | 'as_of_date'
  | 'period_start'
  | 'period_end'
  | 'categories'
  | 'services'
  | 'systems'
  | 'locations'
  | 'people'
  | 'previous_examination_id'
> & { partner_user_id: string | null; created_by: string | null };

export async function insertExamination(tx: TDb, firmTenantId: string, v: TInsertExamination, now: Date) {
  return tx
    .insertInto('soc2_examinations')
    .values({ tenant_id: firmTenantId, ...v, created_at: now, updated_at: now })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
}

export type TScopeFields = Partial<Pick<TInsertExamination, 'categories' | 'services' | 'systems' | 'locations' | 'people' | 'partner_user_id' | 'as_of_date' | 'period_start' | 'period_end'>> & {
  state?: TSoc2ExaminationState;
};

export async function updateExamination(tx: TDb, firmTenantId: string, id: string, set: TScopeFields, now: Date) {
  await tx
    .updateTable('soc2_examinations')
    .set({ ...set, updated_at: now })
    .where('tenant_id', '=', firmTenantId)
    .where('id', '=', id)
    .execute();
}
