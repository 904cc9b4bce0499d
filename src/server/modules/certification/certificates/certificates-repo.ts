import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TCertificateState } from '../../../../shared/contracts/certification-decisions.ts';

/*
 * The only door to `certificates` and `certificate_events` for the body's and the organization's
 * services; every query names the body's tenant (or, on the organization's side, the engagement's
 * organization). The public register reads the same tables without a tenant (its own module).
 */

type TDb = Kysely<DB> | Transaction<DB>;

const COLUMNS = [
  'c.tenant_id',
  'c.id',
  'c.number',
  'c.revision',
  'c.supersedes_id',
  'c.engagement_id',
  'c.client_id',
  'c.programme_id',
  'c.decision_id',
  'c.status',
  'c.standard',
  'c.holder_name',
  'c.holder_address',
  'c.sites',
  'c.ai_systems',
  'c.scope_en',
  'c.scope_fr',
  'c.soa_version',
  'c.body_name',
  'c.body_address',
  'c.status_reason',
  'c.status_changed_at',
  'c.credential',
  'c.credential_sha256',
  'c.documents',
  'c.created_at',
] as const;

const DATES = sql<string>`c.original_issue_date::text`.as('original_issue_date');
const dateCols = () =>
  [
    DATES,
    sql<string>`c.effective_date::text`.as('effective_date'),
    sql<string>`c.expiry_date::text`.as('expiry_date'),
    sql<string>`c.decision_date::text`.as('decision_date'),
    sql<string | null>`c.suspended_until::text`.as('suspended_until'),
  ] as const;

export async function getCertificate(db: TDb, tenantId: string, id: string, forUpdate = false) {
  let q = db.selectFrom('certificates as c').select(COLUMNS).select(dateCols()).where('c.tenant_id', '=', tenantId).where('c.id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type TCertificateRow = NonNullable<Awaited<ReturnType<typeof getCertificate>>>;

/** The client's certificate that is not superseded (at most one per number), newest first. */
export async function currentOfClient(db: TDb, tenantId: string, clientId: string, forUpdate = false) {
  let q = db
    .selectFrom('certificates as c')
    .select(COLUMNS)
    .select(dateCols())
    .where('c.tenant_id', '=', tenantId)
    .where('c.client_id', '=', clientId)
    .where('c.status', '<>', 'superseded')
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(1);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function certificateOfDecision(db: TDb, tenantId: string, decisionId: string) {
  return db.selectFrom('certificates').select(['id', 'number']).where('tenant_id', '=', tenantId).where('decision_id', '=', decisionId).executeTakeFirst();
}

export async function getDecision(db: TDb, tenantId: string, decisionId: string) {
  return db
    .selectFrom('certification_decisions')
    .select(['id', 'kind', 'programme_id', 'engagement_id', 'client_id', 'certificate_id', 'reference', sql<string>`decided_on::text`.as('decided_on')])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', decisionId)
    .executeTakeFirst();
}

/** Everything a certificate states about the client and the body, read in one statement. */
export async function issueContext(db: TDb, tenantId: string, clientId: string, engagementId: string) {
  const { rows } = await sql<{
    holder_name: string;
    holder_address: string;
    body_name: string;
    body_address: string;
    body_slug: string;
    pattern: string;
    accredited: boolean;
    accreditation_body: string;
    accreditation_number: string;
    suspension_max_months: number;
    organization_tenant_id: string;
    soa_version: number | null;
    aims_scope: string | null;
    sites: { id: string; name: string; address: string; central: boolean; activities: string }[];
    ai_systems: { id: string; name: string }[];
  }>`
    SELECT cl.legal_name AS holder_name, cl.registered_address AS holder_address,
           coalesce(nullif(bs.legal_name, ''), t.name) AS body_name, bs.address AS body_address, bs.public_slug AS body_slug,
           bs.certificate_number_pattern AS pattern, bs.accredited, bs.accreditation_body, bs.accreditation_number, bs.suspension_max_months,
           e.organization_tenant_id,
           (SELECT max(v.number) FROM soa_versions v WHERE v.tenant_id = e.organization_tenant_id AND v.status = 'approved') AS soa_version,
           (SELECT s.boundaries FROM aims_scope_versions s WHERE s.tenant_id = e.organization_tenant_id AND s.status = 'approved' ORDER BY s.version DESC LIMIT 1) AS aims_scope,
           coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'address', s.address, 'central', s.is_central, 'activities', s.activities) ORDER BY s.is_central DESC, s.name, s.id)
                       FROM client_sites s WHERE s.tenant_id = cl.tenant_id AND s.client_id = cl.id), '[]') AS sites,
           coalesce((SELECT json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY a.name, a.id)
                       FROM client_ai_systems a WHERE a.tenant_id = cl.tenant_id AND a.client_id = cl.id), '[]') AS ai_systems
      FROM clients cl
      JOIN tenants t ON t.id = cl.tenant_id
      JOIN body_settings bs ON bs.tenant_id = cl.tenant_id
      JOIN engagements e ON e.id = ${engagementId} AND e.body_tenant_id = cl.tenant_id AND e.client_id = cl.id
     WHERE cl.tenant_id = ${tenantId} AND cl.id = ${clientId}`.execute(db);
  const r = rows[0];
  if (!r) return undefined;
  const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return { ...r, sites: json(r.sites), ai_systems: json(r.ai_systems) };
}

/**
 * The next counter for numbers of this prefix and suffix across the whole installation (numbers
 * are unique everywhere): an advisory lock on the prefix holds until the transaction ends, and the
 * unique index (number, revision) is the last guard.
 */
export async function nextCounter(tx: Transaction<DB>, prefix: string, suffix: string, regex: string): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`certificate-number:${prefix}{}${suffix}`}, 0))`.execute(tx);
  const { rows } = await sql<{ n: number | null }>`
    SELECT max(substring(number FROM ${regex})::bigint) AS n FROM certificates WHERE number ~ ${regex}`.execute(tx);
  return Number(rows[0]?.n ?? 0) + 1;
}

export async function markStatus(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  set: { status: TCertificateState; suspended_until: string | null; status_reason: string; status_changed_at: Date },
) {
  await tx.updateTable('certificates').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export type TCertificateInsert = {
  tenant_id: string;
  id: string;
  number: string;
  revision: number;
  supersedes_id: string | null;
  engagement_id: string;
  client_id: string;
  programme_id: string;
  decision_id: string;
  standard: string;
  holder_name: string;
  holder_address: string;
  sites: unknown;
  ai_systems: unknown;
  scope_en: string;
  scope_fr: string;
  soa_version: string;
  body_name: string;
  body_address: string;
  original_issue_date: string;
  effective_date: string;
  expiry_date: string;
  decision_date: string;
  credential: unknown;
  credential_sha256: string;
  documents: unknown;
  created_at: Date;
};

export async function insertCertificate(tx: Transaction<DB>, row: TCertificateInsert) {
  await tx
    .insertInto('certificates')
    .values({ ...row, sites: JSON.stringify(row.sites), ai_systems: JSON.stringify(row.ai_systems), credential: JSON.stringify(row.credential), documents: JSON.stringify(row.documents) })
    .execute();
}

export async function insertEvent(
  tx: Transaction<DB>,
  e: { tenant_id: string; certificate_id: string; kind: DB['certificate_events']['kind']; effective_on: string; reason_en?: string; reason_fr?: string; decision_id: string | null; created_at: Date },
) {
  return (await tx.insertInto('certificate_events').values(e).returning('id').executeTakeFirstOrThrow()).id;
}

export async function linkDecision(tx: Transaction<DB>, tenantId: string, decisionId: string, certificateId: string) {
  await tx.updateTable('certification_decisions').set({ certificate_id: certificateId }).where('tenant_id', '=', tenantId).where('id', '=', decisionId).execute();
}

/** The certificates the daily job expires: valid or suspended, last valid day before `today`. */
export async function pastExpiry(db: TDb, today: string, limit = 500) {
  return db
    .selectFrom('certificates')
    .select(['tenant_id', 'id'])
    .where('status', 'in', ['valid', 'suspended'])
    .where('expiry_date', '<', today)
    .orderBy('expiry_date')
    .limit(limit)
    .execute();
}

export async function eventsOf(db: TDb, tenantId: string, certificateIds: readonly string[]) {
  if (!certificateIds.length) return [];
  return db
    .selectFrom('certificate_events')
    .select(['id', 'certificate_id', 'kind', sql<string>`effective_on::text`.as('effective_on'), 'reason_en', 'reason_fr', 'decision_id', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('certificate_id', 'in', certificateIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** For the status mail: the event, its certificate and where the organization is. */
export async function statusMailOf(db: TDb, tenantId: string, certificateId: string, eventId: string) {
  return db
    .selectFrom('certificate_events as ev')
    .innerJoin('certificates as c', (j) => j.onRef('c.tenant_id', '=', 'ev.tenant_id').onRef('c.id', '=', 'ev.certificate_id'))
    .innerJoin('engagements as e', 'e.id', 'c.engagement_id')
    .innerJoin('clients as cl', (j) => j.onRef('cl.tenant_id', '=', 'c.tenant_id').onRef('cl.id', '=', 'c.client_id'))
    .select([
      'ev.kind',
      sql<string>`ev.effective_on::text`.as('effective_on'),
      'ev.reason_en',
      'ev.reason_fr',
      'c.number',
      'c.standard',
      'c.holder_name',
      'c.body_name',
      sql<string | null>`c.suspended_until::text`.as('suspended_until'),
      'e.organization_tenant_id',
      'cl.contact_email',
    ])
    .where('ev.tenant_id', '=', tenantId)
    .where('ev.certificate_id', '=', certificateId)
    .where('ev.id', '=', eventId)
    .executeTakeFirst();
}
