import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TAimsMaturity, TClientAiRole, TClientAiTier, TExistingCertification, TSectorRisk } from '../../../../shared/contracts/certification.ts';
import type { TClientListQuery } from '../../../../shared/contracts/intake.ts';
import { decodeCursor, pageOf } from '../../aims-records/common/records-sql.ts';

/*
 * The only door to clients, client_sites and client_ai_systems. A client's list row carries its
 * site count; its detail carries its sites (central first) and AI systems, in the same statement.
 */

type TDb = Kysely<DB>;

export type TClientRow = {
  id: string;
  sort_key: string;
  reference: string;
  legal_name: string;
  registered_address: string;
  sector: string;
  sector_risk: TSectorRisk;
  employees_full_time: number;
  employees_part_time: number;
  part_time_fte: string;
  ai_systems_count: number;
  high_risk_ai_systems: number;
  ai_roles: TClientAiRole[];
  aims_maturity: TAimsMaturity;
  existing_certifications: TExistingCertification[];
  contact_name: string;
  contact_email: string | null;
  preferred_locale: 'en' | 'fr';
  organization_tenant_id: string | null;
  quote_request_id: string | null;
  site_count: number;
  created_at: Date;
  updated_at: Date;
};
export type TSiteRow = { id: string; name: string; address: string; is_central: boolean; personnel: number; activities: string };
export type TAiSystemRow = { id: string; name: string; tier: TClientAiTier; role: TClientAiRole };

const clientSelect = (extra = sql``) => sql`
  SELECT c.id, lower(c.legal_name) AS sort_key, c.reference, c.legal_name, c.registered_address, c.sector, c.sector_risk, c.employees_full_time,
    c.employees_part_time, c.part_time_fte::text AS part_time_fte, c.ai_systems_count, c.high_risk_ai_systems, c.ai_roles, c.aims_maturity,
    c.existing_certifications, c.contact_name, c.contact_email, c.preferred_locale, c.organization_tenant_id, c.quote_request_id, c.created_at, c.updated_at,
    (SELECT count(*) FROM client_sites s WHERE s.tenant_id = c.tenant_id AND s.client_id = c.id)::int AS site_count
    ${extra}
  FROM clients c`;

/** A client with its sites (central first, then by name) and AI systems, in one statement. */
export async function getClient(db: TDb, tenantId: string, id: string) {
  const extra = sql`,
    coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'address', s.address, 'is_central', s.is_central, 'personnel', s.personnel, 'activities', s.activities)
      ORDER BY s.is_central DESC, lower(s.name), s.id) FROM client_sites s WHERE s.tenant_id = c.tenant_id AND s.client_id = c.id), '[]') AS sites,
    coalesce((SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'tier', a.tier, 'role', a.role) ORDER BY lower(a.name), a.id)
      FROM client_ai_systems a WHERE a.tenant_id = c.tenant_id AND a.client_id = c.id), '[]') AS ai_systems`;
  return (await sql<TClientRow & { sites: TSiteRow[]; ai_systems: TAiSystemRow[] }>`${clientSelect(extra)} WHERE c.tenant_id = ${tenantId} AND c.id = ${id}`.execute(db)).rows[0];
}

/** One page by legal name (case-insensitive), in one statement. */
export async function listClients(db: TDb, tenantId: string, q: TClientListQuery) {
  const where = [sql`c.tenant_id = ${tenantId}`];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(sql`(c.legal_name ILIKE ${like} OR c.reference ILIKE ${like})`);
  }
  if (q.sectorRisk) where.push(sql`c.sector_risk = ${q.sectorRisk}`);
  if (q.linked !== undefined) where.push(q.linked ? sql`c.organization_tenant_id IS NOT NULL` : sql`c.organization_tenant_id IS NULL`);
  const after = decodeCursor(q.cursor);
  if (after && /^[0-9a-f-]{36}$/.test(after[1])) where.push(sql`(lower(c.legal_name), c.id) > (${after[0]}, ${after[1]}::uuid)`);
  const res = await sql<TClientRow>`${clientSelect()} WHERE ${sql.join(where, sql` AND `)} ORDER BY lower(c.legal_name), c.id LIMIT ${q.limit + 1}`.execute(db);
  return pageOf(res.rows, q.limit);
}

export const getClientForUpdate = (db: TDb, tenantId: string, id: string) =>
  db
    .selectFrom('clients')
    .select([
      'id',
      'reference',
      'legal_name',
      'registered_address',
      'sector',
      'sector_risk',
      'employees_full_time',
      'employees_part_time',
      sql<string>`part_time_fte::text`.as('part_time_fte'),
      'ai_systems_count',
      'high_risk_ai_systems',
      'ai_roles',
      'aims_maturity',
      'existing_certifications',
      'contact_name',
      'contact_email',
      'preferred_locale',
    ])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
export type TClientLockedRow = NonNullable<Awaited<ReturnType<typeof getClientForUpdate>>>;

export type TClientValues = {
  legal_name: string;
  registered_address: string;
  sector: string;
  sector_risk: TSectorRisk;
  employees_full_time: number;
  employees_part_time: number;
  part_time_fte: number;
  ai_systems_count: number;
  high_risk_ai_systems: number;
  ai_roles: TClientAiRole[];
  aims_maturity: TAimsMaturity;
  existing_certifications: TExistingCertification[];
  contact_name: string;
  contact_email: string | null;
  preferred_locale: 'en' | 'fr';
};

export const insertClient = (db: TDb, tenantId: string, v: TClientValues & { reference: string; quote_request_id: string | null; created_by: string | null; created_at: Date }) =>
  db
    .insertInto('clients')
    .values({ ...v, tenant_id: tenantId, updated_at: v.created_at })
    .returning('id')
    .executeTakeFirstOrThrow();

export const updateClient = (db: TDb, tenantId: string, id: string, v: Partial<TClientValues>, at: Date) =>
  db
    .updateTable('clients')
    .set({ ...v, updated_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();

export type TSiteValues = { name: string; address: string; is_central: boolean; personnel: number; activities: string };

export const insertSites = (db: TDb, tenantId: string, clientId: string, sites: readonly TSiteValues[]) =>
  db
    .insertInto('client_sites')
    .values(sites.map((s) => ({ ...s, tenant_id: tenantId, client_id: clientId })))
    .returning('id')
    .execute();

export const getSite = (db: TDb, tenantId: string, clientId: string, siteId: string) =>
  db
    .selectFrom('client_sites')
    .select(['id', 'name', 'address', 'is_central', 'personnel', 'activities'])
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', clientId)
    .where('id', '=', siteId)
    .executeTakeFirst();

/** The central function moves: the former central site becomes an ordinary one first (one central per client). */
export const clearCentralSite = (db: TDb, tenantId: string, clientId: string) =>
  db.updateTable('client_sites').set({ is_central: false }).where('tenant_id', '=', tenantId).where('client_id', '=', clientId).where('is_central', '=', true).execute();

export const updateSite = (db: TDb, tenantId: string, siteId: string, v: Partial<TSiteValues>) =>
  db.updateTable('client_sites').set(v).where('tenant_id', '=', tenantId).where('id', '=', siteId).execute();

export const deleteSite = (db: TDb, tenantId: string, siteId: string) => db.deleteFrom('client_sites').where('tenant_id', '=', tenantId).where('id', '=', siteId).execute();

export type TAiSystemValues = { name: string; tier: TClientAiTier; role: TClientAiRole };

export const insertAiSystems = (db: TDb, tenantId: string, clientId: string, systems: readonly TAiSystemValues[]) =>
  db
    .insertInto('client_ai_systems')
    .values(systems.map((s) => ({ ...s, tenant_id: tenantId, client_id: clientId })))
    .returning('id')
    .execute();

export const getAiSystem = (db: TDb, tenantId: string, clientId: string, id: string) =>
  db
    .selectFrom('client_ai_systems')
    .select(['id', 'name', 'tier', 'role'])
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', clientId)
    .where('id', '=', id)
    .executeTakeFirst();

export const updateAiSystem = (db: TDb, tenantId: string, id: string, v: Partial<TAiSystemValues>) =>
  db.updateTable('client_ai_systems').set(v).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const deleteAiSystem = (db: TDb, tenantId: string, id: string) => db.deleteFrom('client_ai_systems').where('tenant_id', '=', tenantId).where('id', '=', id).execute();

/** How many AI systems are listed by name, and how many of them are high-risk: the declared counts never fall below. */
export const listedAiSystems = (db: TDb, tenantId: string, clientId: string) =>
  db
    .selectFrom('client_ai_systems')
    .select([sql<number>`count(*)::int`.as('listed'), sql<number>`(count(*) FILTER (WHERE tier = 'high'))::int`.as('high')])
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', clientId)
    .executeTakeFirstOrThrow();
