import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TClientAiRole, TExistingCertification } from '../../../../shared/contracts/certification.ts';
import type { TEnquiryListQuery, TEnquiryStatus, TQuoteStandard } from '../../../../shared/contracts/intake.ts';
import { decodeCursor, pageOf, personSql } from '../../aims-records/common/records-sql.ts';

/*
 * The only door to quote_requests (the enquiries inbox) and public_request_hits (the per-address
 * counter of public requests). The inbox reads newest first: the cursor is the receipt time.
 */

type TDb = Kysely<DB>;

export type TEnquiryRow = {
  id: string;
  sort_key: string;
  status: TEnquiryStatus;
  organization_name: string;
  registered_address: string;
  sector: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  sites: { name: string; address: string; personnel: number }[];
  employees_full_time: number;
  employees_part_time: number;
  ai_systems_count: number;
  high_risk_ai_systems: number;
  ai_systems_description: string;
  ai_roles: TClientAiRole[];
  existing_certifications: TExistingCertification[];
  standards: TQuoteStandard[];
  preferred_locale: 'en' | 'fr';
  pre_audit: boolean;
  message: string;
  received_at: Date;
  decided_by: { id: string; name: string } | null;
  decided_at: Date | null;
  decline_reason: string | null;
  client: { id: string; reference: string; legalName: string } | null;
};

const enquirySelect = sql`
  SELECT q.id, to_char(q.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS sort_key, q.status, q.organization_name, q.registered_address, q.sector,
    q.contact_name, q.contact_email, q.contact_phone, q.sites, q.employees_full_time, q.employees_part_time, q.ai_systems_count, q.high_risk_ai_systems,
    q.ai_systems_description, q.ai_roles, q.existing_certifications, q.standards, q.preferred_locale, q.pre_audit, q.message, q.received_at,
    ${personSql(sql`q.decided_by`)} AS decided_by, q.decided_at, q.decline_reason,
    (SELECT json_build_object('id', c.id, 'reference', c.reference, 'legalName', c.legal_name) FROM clients c WHERE c.tenant_id = q.tenant_id AND c.id = q.client_id) AS client
  FROM quote_requests q`;

export const getEnquiry = async (db: TDb, tenantId: string, id: string) =>
  (await sql<TEnquiryRow>`${enquirySelect} WHERE q.tenant_id = ${tenantId} AND q.id = ${id}`.execute(db)).rows[0];

/** One page of the inbox, newest first, in one statement. */
export async function listEnquiries(db: TDb, tenantId: string, q: TEnquiryListQuery) {
  const where = [sql`q.tenant_id = ${tenantId}`];
  if (q.status) where.push(sql`q.status = ${q.status}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(q.organization_name ILIKE ${like} OR q.contact_email ILIKE ${like} OR q.contact_name ILIKE ${like})`);
  }
  const after = decodeCursor(q.cursor);
  if (after && /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(after[0]) && /^[0-9a-f-]{36}$/.test(after[1])) {
    where.push(sql`(q.received_at, q.id) < ((${after[0]}::timestamp AT TIME ZONE 'UTC'), ${after[1]}::uuid)`);
  }
  const res = await sql<TEnquiryRow>`${enquirySelect} WHERE ${sql.join(where, sql` AND `)} ORDER BY q.received_at DESC, q.id DESC LIMIT ${q.limit + 1}`.execute(db);
  return pageOf(res.rows, q.limit);
}

export const getEnquiryForUpdate = (db: TDb, tenantId: string, id: string) =>
  db.selectFrom('quote_requests').select(['id', 'status', 'organization_name']).where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();

export type TNewEnquiry = Omit<Insertable<DB['quote_requests']>, 'tenant_id' | 'id' | 'status' | 'decided_by' | 'decided_at' | 'decline_reason' | 'client_id'>;

export const insertEnquiry = (db: TDb, tenantId: string, v: TNewEnquiry) =>
  db.insertInto('quote_requests').values({ ...v, tenant_id: tenantId }).returning('id').executeTakeFirstOrThrow();

export const answerEnquiry = (
  db: TDb,
  tenantId: string,
  id: string,
  v: { status: 'converted'; client_id: string; decided_by: string | null; decided_at: Date } | { status: 'declined'; decline_reason: string; decided_by: string | null; decided_at: Date },
) => db.updateTable('quote_requests').set(v).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

/**
 * Counts one public request for `key` and says whether it was over `max` in the window ending at
 * `now`: check and count under a lock on the key, so racing requests cannot all slip under it.
 * Returns the seconds until a slot frees, or null when the request may go on.
 */
export async function countPublicRequest(db: TDb, key: string, max: number, windowMs: number, now: Date): Promise<number | null> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`attest-public:${key}`}))`.execute(tx);
    const since = new Date(now.getTime() - windowMs);
    const r = await tx
      .selectFrom('public_request_hits')
      .select([sql<number>`count(*)::int`.as('n'), sql<Date | null>`min(occurred_at)`.as('oldest')])
      .where('key', '=', key)
      .where('occurred_at', '>', since)
      .executeTakeFirstOrThrow();
    if (r.n >= max && r.oldest) return Math.max(1, Math.ceil((new Date(r.oldest).getTime() + windowMs - now.getTime()) / 1000));
    await tx.insertInto('public_request_hits').values({ key, occurred_at: now }).execute();
    // Old hits no window will count again go with the request that finds them.
    await tx.deleteFrom('public_request_hits').where('key', '=', key).where('occurred_at', '<=', since).execute();
    return null;
  });
}
