import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TAuditTimeInputs, TAuditTimeResult, TAuditTimeTableConfig } from '../../../../shared/contracts/audit-time.ts';
import type { TAimsMaturity, TClientAiRole, TExistingCertification, TSectorRisk } from '../../../../shared/contracts/certification.ts';

/*
 * The only door to audit_time_tables and audit_time_calculations, and the one read of a client's
 * profile the calculator starts from. Every statement is filtered by the body's tenant id; each
 * list page is one statement (people's names and the client's name joined in).
 */

type TDb = Kysely<DB>;

const encode = (v: string, id: string) => Buffer.from(JSON.stringify([v, id])).toString('base64url');
function decode(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && v[0].length <= 40 && /^[0-9a-f-]{36}$/.test(v[1]) ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}

export type TTableRow = {
  id: string;
  version: number;
  name: string;
  note: string;
  config: TAuditTimeTableConfig;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
};

const tableSelect = sql`SELECT t.id, t.version, t.name, t.note, t.config, t.created_by, u.name AS created_by_name, t.created_at
  FROM audit_time_tables t LEFT JOIN users u ON u.id = t.created_by`;

/** The body's latest table version, or none (then Attest's default is in force). */
export async function latestTable(db: TDb, tenantId: string): Promise<TTableRow | undefined> {
  const res = await sql<TTableRow>`${tableSelect} WHERE t.tenant_id = ${tenantId} ORDER BY t.version DESC LIMIT 1`.execute(db);
  return res.rows[0];
}

export async function tableVersion(db: TDb, tenantId: string, version: number): Promise<TTableRow | undefined> {
  const res = await sql<TTableRow>`${tableSelect} WHERE t.tenant_id = ${tenantId} AND t.version = ${version}`.execute(db);
  return res.rows[0];
}

export async function listTables(db: TDb, tenantId: string, q: { limit: number; cursor?: string | undefined }) {
  const after = decode(q.cursor);
  const afterVersion = after && /^\d{1,9}$/.test(after[0]) ? Number(after[0]) : null;
  const res = await sql<TTableRow>`${tableSelect} WHERE t.tenant_id = ${tenantId} ${afterVersion === null ? sql`` : sql`AND t.version < ${afterVersion}`}
    ORDER BY t.version DESC LIMIT ${q.limit + 1}`.execute(db);
  const items = res.rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items, nextCursor: res.rows.length > q.limit && last ? encode(String(last.version), last.id) : null };
}

/**
 * Serializes the body's table versions (two scheme managers saving at once get versions n and
 * n + 1, not a unique-key error). NO KEY UPDATE leaves other tables' foreign-key checks free.
 */
export const lockTablesOf = (db: TDb, tenantId: string) => sql`SELECT 1 FROM tenants WHERE id = ${tenantId} FOR NO KEY UPDATE`.execute(db);

export async function insertTable(db: TDb, tenantId: string, v: { version: number; name: string; note: string; config: TAuditTimeTableConfig; userId: string; at: Date }) {
  return db
    .insertInto('audit_time_tables')
    .values({ tenant_id: tenantId, version: v.version, name: v.name, note: v.note, config: JSON.stringify(v.config), created_by: v.userId, created_at: v.at })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export type TClientProfileRow = {
  id: string;
  reference: string;
  legal_name: string;
  employees_full_time: number;
  employees_part_time: number;
  part_time_fte: string;
  ai_systems_count: number;
  high_risk_ai_systems: number;
  ai_roles: TClientAiRole[];
  sector_risk: TSectorRisk;
  aims_maturity: TAimsMaturity;
  existing_certifications: TExistingCertification[];
  sites: number;
};

/** The client's profile as the calculator needs it, its sites counted in the same statement. */
export async function clientProfile(db: TDb, tenantId: string, clientId: string): Promise<TClientProfileRow | undefined> {
  const res = await sql<TClientProfileRow>`
    SELECT c.id, c.reference, c.legal_name, c.employees_full_time, c.employees_part_time, c.part_time_fte::text AS part_time_fte,
      c.ai_systems_count, c.high_risk_ai_systems, c.ai_roles, c.sector_risk, c.aims_maturity, c.existing_certifications,
      (SELECT count(*) FROM client_sites s WHERE s.tenant_id = c.tenant_id AND s.client_id = c.id)::int AS sites
    FROM clients c WHERE c.tenant_id = ${tenantId} AND c.id = ${clientId}`.execute(db);
  return res.rows[0];
}

/** The client row, locked against deletion while a calculation is written on it. */
export async function clientForShare(db: TDb, tenantId: string, clientId: string) {
  return db.selectFrom('clients').select(['id', 'reference', 'legal_name']).where('tenant_id', '=', tenantId).where('id', '=', clientId).forShare().executeTakeFirst();
}

export async function insertCalculation(
  db: TDb,
  tenantId: string,
  v: { clientId: string; inputs: TAuditTimeInputs; result: TAuditTimeResult; tableId: string | null; note: string; userId: string; at: Date },
) {
  return db
    .insertInto('audit_time_calculations')
    .values({
      tenant_id: tenantId,
      client_id: v.clientId,
      inputs: JSON.stringify(v.inputs),
      result: JSON.stringify(v.result),
      table_source: v.result.table.source,
      table_version: v.result.table.version,
      table_id: v.tableId,
      initial_days: v.result.initialDays,
      cycle_days: v.result.cycleDays,
      note: v.note,
      created_by: v.userId,
      created_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export type TCalculationRow = {
  id: string;
  client_id: string;
  client_reference: string;
  client_name: string;
  inputs: TAuditTimeInputs;
  result: TAuditTimeResult;
  note: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
};

const calculationSelect = sql`SELECT a.id, a.client_id, c.reference AS client_reference, c.legal_name AS client_name, a.inputs, a.result, a.note,
    a.created_by, u.name AS created_by_name, a.created_at
  FROM audit_time_calculations a
  JOIN clients c ON c.tenant_id = a.tenant_id AND c.id = a.client_id
  LEFT JOIN users u ON u.id = a.created_by`;

export async function getCalculation(db: TDb, tenantId: string, id: string): Promise<TCalculationRow | undefined> {
  const res = await sql<TCalculationRow>`${calculationSelect} WHERE a.tenant_id = ${tenantId} AND a.id = ${id}`.execute(db);
  return res.rows[0];
}

/** The calculation a proposal takes its days from: the client's latest. */
export async function latestCalculationForClient(db: TDb, tenantId: string, clientId: string): Promise<TCalculationRow | undefined> {
  const res = await sql<TCalculationRow>`${calculationSelect} WHERE a.tenant_id = ${tenantId} AND a.client_id = ${clientId}
    ORDER BY a.created_at DESC, a.id DESC LIMIT 1`.execute(db);
  return res.rows[0];
}

/** Newest first, optionally one client's; keyset over (created_at, id). */
export async function listCalculations(db: TDb, tenantId: string, q: { clientId?: string | undefined; limit: number; cursor?: string | undefined }) {
  const after = decode(q.cursor);
  const afterOk = after && !Number.isNaN(Date.parse(after[0])) ? after : null;
  const res = await sql<TCalculationRow>`${calculationSelect} WHERE a.tenant_id = ${tenantId}
    ${q.clientId ? sql`AND a.client_id = ${q.clientId}` : sql``}
    ${afterOk ? sql`AND (a.created_at, a.id) < (${afterOk[0]}::timestamptz, ${afterOk[1]}::uuid)` : sql``}
    ORDER BY a.created_at DESC, a.id DESC LIMIT ${q.limit + 1}`.execute(db);
  const items = res.rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items, nextCursor: res.rows.length > q.limit && last ? encode(new Date(last.created_at).toISOString(), last.id) : null };
}
