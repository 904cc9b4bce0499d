import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TActionStatus, TRiskMatrixConfig, TRiskSource, TRiskStatus, TRiskTreatment } from '../../../shared/contracts/risks.ts';
import { DEFAULT_MATRIX } from './risk-matrix.ts';

/*
 * The only door to the risk tables (with its reads in risks-read-repo.ts). Every function takes tenantId and filters by it. Dates
 * (PostgreSQL `date`) are read as 'YYYY-MM-DD' text: a JavaScript Date would shift them by the
 * server's time zone.
 */

type TDb = Kysely<DB>;

// ---------------------------------------------------------------------------------------------
// Matrix versions

export type TMatrixRow = { version: number; config: TRiskMatrixConfig; created_at: Date | null; created_by_name: string | null };

export async function currentMatrix(db: TDb, tenantId: string): Promise<TMatrixRow | undefined> {
  return db
    .selectFrom('risk_matrices as m')
    .leftJoin('users as u', 'u.id', 'm.created_by')
    .select(['m.version', 'm.config', 'm.created_at', 'u.name as created_by_name'])
    .where('m.tenant_id', '=', tenantId)
    .orderBy('m.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export const listMatrices = (db: TDb, tenantId: string): Promise<TMatrixRow[]> =>
  db
    .selectFrom('risk_matrices as m')
    .leftJoin('users as u', 'u.id', 'm.created_by')
    .select(['m.version', 'm.config', 'm.created_at', 'u.name as created_by_name'])
    .where('m.tenant_id', '=', tenantId)
    .orderBy('m.version', 'desc')
    .execute();

/** The organization's matrix in force, creating version 1 (the default) on first use. */
export async function ensureMatrix(db: TDb, tenantId: string): Promise<TMatrixRow> {
  await db
    .insertInto('risk_matrices')
    .values({ tenant_id: tenantId, version: 1, config: JSON.stringify(DEFAULT_MATRIX) })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return (await currentMatrix(db, tenantId))!;
}

/** Locks the organization's newest matrix row, so two changes cannot claim the same version. */
export const lockMatrixHead = (db: TDb, tenantId: string) =>
  db.selectFrom('risk_matrices').select('version').where('tenant_id', '=', tenantId).orderBy('version', 'desc').limit(1).forUpdate().executeTakeFirst();

export const insertMatrix = (db: TDb, tenantId: string, version: number, config: TRiskMatrixConfig, createdBy: string | null) =>
  db.insertInto('risk_matrices').values({ tenant_id: tenantId, version, config: JSON.stringify(config), created_by: createdBy }).execute();

export const getMatrix = (db: TDb, tenantId: string, version: number) =>
  db.selectFrom('risk_matrices').select(['version', 'config']).where('tenant_id', '=', tenantId).where('version', '=', version).executeTakeFirst();

export async function countOnOlderVersions(db: TDb, tenantId: string, version: number) {
  const r = await db
    .selectFrom('risks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('matrix_version', '<', version)
    .where('status', '<>', 'closed')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---------------------------------------------------------------------------------------------
// Risks

export type TRiskValues = {
  title: string;
  description: string;
  source: TRiskSource;
  owner_id: string | null;
  matrix_version: number;
  inherent_likelihood: number;
  inherent_impact: number;
  inherent_score: number;
  inherent_level: string;
  treatment: TRiskTreatment | null;
  residual_likelihood: number | null;
  residual_impact: number | null;
  residual_score: number | null;
  residual_level: string | null;
  review_date: string | null;
};

const RISK_COLUMNS = [
  'id',
  'title',
  'description',
  'source',
  'owner_id',
  'matrix_version',
  'inherent_likelihood',
  'inherent_impact',
  'inherent_score',
  'inherent_level',
  'treatment',
  'residual_likelihood',
  'residual_impact',
  'residual_score',
  'residual_level',
  'status',
  'current_acceptance_id',
  'created_at',
  'updated_at',
] as const;

export async function insertRisk(db: TDb, tenantId: string, values: TRiskValues & { created_by: string | null }) {
  return db
    .insertInto('risks')
    .values({ ...values, tenant_id: tenantId })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export async function getRiskForUpdate(db: TDb, tenantId: string, riskId: string) {
  return db
    .selectFrom('risks')
    .select([...RISK_COLUMNS, sql<string | null>`review_date::text`.as('review_date')])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', riskId)
    .forUpdate()
    .executeTakeFirst();
}
export type TRiskRow = NonNullable<Awaited<ReturnType<typeof getRiskForUpdate>>>;

export const updateRisk = (db: TDb, tenantId: string, riskId: string, patch: Partial<TRiskValues> & { status?: TRiskStatus; current_acceptance_id?: string | null }) =>
  db
    .updateTable('risks')
    .set({ ...patch, updated_at: sql<Date>`now()` as never })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', riskId)
    .execute();

/** Users among `ids` who are members of the tenant. */
export async function membersAmong(db: TDb, tenantId: string, ids: readonly string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db.selectFrom('memberships').select('user_id').where('tenant_id', '=', tenantId).where('user_id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.user_id));
}

// ---------------------------------------------------------------------------------------------
// Treatment plan and requirement links: replaced as a whole with the risk

export type TActionValues = { id?: string | undefined; title: string; owner_id: string | null; due_date: string | null; status: TActionStatus };

export const listActionsForUpdate = (db: TDb, tenantId: string, riskId: string) =>
  db
    .selectFrom('risk_actions')
    .select(['id', 'title', 'owner_id', sql<string | null>`due_date::text`.as('due_date'), 'status', 'position'])
    .where('tenant_id', '=', tenantId)
    .where('risk_id', '=', riskId)
    .orderBy('position')
    .forUpdate()
    .execute();

/** Keeps the actions whose id is sent (updated in place), deletes the others, adds the new ones. */
export async function replaceActions(db: TDb, tenantId: string, riskId: string, actions: readonly TActionValues[]) {
  const kept = actions.flatMap((a) => (a.id ? [a.id] : []));
  let del = db.deleteFrom('risk_actions').where('tenant_id', '=', tenantId).where('risk_id', '=', riskId);
  if (kept.length) del = del.where('id', 'not in', kept);
  await del.execute();
  for (const [position, a] of actions.entries()) {
    const values = { title: a.title, owner_id: a.owner_id, due_date: a.due_date, status: a.status, position };
    if (a.id) await db.updateTable('risk_actions').set(values).where('tenant_id', '=', tenantId).where('risk_id', '=', riskId).where('id', '=', a.id).execute();
    else await db.insertInto('risk_actions').values({ ...values, tenant_id: tenantId, risk_id: riskId }).execute();
  }
}

export const listAiSystemLinks = async (db: TDb, tenantId: string, riskId: string) =>
  (await db.selectFrom('risk_ai_systems').select('ai_system_id').where('tenant_id', '=', tenantId).where('risk_id', '=', riskId).orderBy('ai_system_id').execute()).map((r) => r.ai_system_id);

/** The ids must be the tenant's systems (checked by the caller through the inventory's lookup). */
export async function replaceAiSystemLinks(db: TDb, tenantId: string, riskId: string, ids: readonly string[]) {
  await db.deleteFrom('risk_ai_systems').where('tenant_id', '=', tenantId).where('risk_id', '=', riskId).execute();
  if (ids.length) await db.insertInto('risk_ai_systems').values([...new Set(ids)].map((ai_system_id) => ({ tenant_id: tenantId, risk_id: riskId, ai_system_id }))).execute();
}

export const listRequirementLinks = (db: TDb, tenantId: string, riskId: string) =>
  db.selectFrom('risk_requirements').select(['framework_id', 'framework_version', 'ref']).where('tenant_id', '=', tenantId).where('risk_id', '=', riskId).orderBy('framework_id').orderBy('ref').execute();

export async function replaceRequirementLinks(db: TDb, tenantId: string, riskId: string, links: readonly { framework_id: string; framework_version: string; ref: string }[]) {
  await db.deleteFrom('risk_requirements').where('tenant_id', '=', tenantId).where('risk_id', '=', riskId).execute();
  if (links.length) await db.insertInto('risk_requirements').values(links.map((l) => ({ ...l, tenant_id: tenantId, risk_id: riskId }))).execute();
}

// ---------------------------------------------------------------------------------------------
// Acceptances

export const insertAcceptance = (
  db: TDb,
  tenantId: string,
  v: {
    risk_id: string;
    accepted_by: string;
    accepted_at: Date;
    rationale: string;
    matrix_version: number;
    residual_likelihood: number;
    residual_impact: number;
    residual_score: number;
    residual_level: string;
    above_threshold: boolean;
    expires_on: string;
  },
) => db.insertInto('risk_acceptances').values({ ...v, tenant_id: tenantId }).returning('id').executeTakeFirstOrThrow();

export const markAcceptanceReopened = (db: TDb, tenantId: string, id: string, v: { reopened_at: Date; reopened_by: string | null; reopen_kind: 'manual' | 'expired'; reopen_reason: string | null }) =>
  db.updateTable('risk_acceptances').set(v).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const getAcceptance = (db: TDb, tenantId: string, id: string) =>
  db
    .selectFrom('risk_acceptances')
    .select(['id', 'risk_id', 'accepted_by', sql<string>`expires_on::text`.as('expires_on'), 'reopened_at'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Acceptances still in force whose expiry date has come, across tenants (the daily job). */
export const expiredAcceptances = (db: TDb, today: string, tenantId?: string) => {
  let q = db
    .selectFrom('risk_acceptances')
    .select(['tenant_id', 'id', 'risk_id'])
    .where('reopened_at', 'is', null)
    .where(sql<boolean>`expires_on <= ${today}::date`)
    .orderBy('expires_on')
    .limit(1000);
  if (tenantId) q = q.where('tenant_id', '=', tenantId);
  return q.execute();
};

/** What the expiry reminder says, and to whom: the risk owner, else whoever accepted it. */
export const reminderFacts = (db: TDb, tenantId: string, riskId: string, acceptanceId: string) =>
  db
    .selectFrom('risk_acceptances as a')
    .innerJoin('risks as r', (j) => j.onRef('r.tenant_id', '=', 'a.tenant_id').onRef('r.id', '=', 'a.risk_id'))
    .innerJoin('tenants as t', 't.id', 'a.tenant_id')
    .innerJoin('users as acc', 'acc.id', 'a.accepted_by')
    .leftJoin('users as o', 'o.id', 'r.owner_id')
    .select([
      'r.title',
      't.name as tenant_name',
      sql<string>`a.expires_on::text`.as('expires_on'),
      sql<string>`coalesce(o.email, acc.email)`.as('email'),
      sql<string>`coalesce(o.name, acc.name)`.as('name'),
      sql<'en' | 'fr'>`coalesce(o.locale, acc.locale)`.as('locale'),
    ])
    .where('a.tenant_id', '=', tenantId)
    .where('a.id', '=', acceptanceId)
    .where('a.risk_id', '=', riskId)
    .executeTakeFirst();
