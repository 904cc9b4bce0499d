import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import { tenantTable } from '../../../db/tenant-table.ts';
import type { TProposalLine, TProposalState } from '../../../../shared/contracts/proposals.ts';

/* Proposals of one certification body: every function takes the body's tenantId and filters by it. */

const proposals = tenantTable('proposals');

/** The body's commercial defaults (body_settings, migration 0018). */
export const getBodyDefaults = (db: Kysely<DB>, tenantId: string) =>
  db
    .selectFrom('body_settings as b')
    .innerJoin('tenants as t', 't.id', 'b.tenant_id')
    .select(['b.legal_name', 'b.address', 'b.currency', 'b.default_day_rate_cents', 'b.proposal_validity_days', 't.name as tenantName'])
    .where('b.tenant_id', '=', tenantId)
    .executeTakeFirst();

/** The body's name and address as a proposal prints them (falls back to the tenant's name before settings exist). */
export const getBodyIdentity = (db: Kysely<DB>, tenantId: string) =>
  db
    .selectFrom('tenants as t')
    .leftJoin('body_settings as b', 'b.tenant_id', 't.id')
    .select(['t.name', 'b.legal_name', 'b.address'])
    .where('t.id', '=', tenantId)
    .executeTakeFirst();

export const getClient = (db: Kysely<DB>, tenantId: string, clientId: string, opts: { forUpdate?: boolean } = {}) => {
  let q = db
    .selectFrom('clients')
    .select(['id', 'reference', 'legal_name', 'registered_address', 'contact_name', 'contact_email', 'preferred_locale', 'organization_tenant_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', clientId);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
};

export const setClientOrganization = (db: Kysely<DB>, tenantId: string, clientId: string, organizationTenantId: string) =>
  db.updateTable('clients').set({ organization_tenant_id: organizationTenantId, updated_at: sql<Date>`now()` as never }).where('tenant_id', '=', tenantId).where('id', '=', clientId).execute();

export const insertProposal = (db: Kysely<DB>, tenantId: string, values: Parameters<typeof proposals.insert>[2]) => proposals.insert(db, tenantId, values);
export const updateProposal = (db: Kysely<DB>, tenantId: string, id: string, patch: Parameters<typeof proposals.update>[3]) =>
  proposals.update(db, tenantId, id, { ...patch, updated_at: sql<Date>`now()` as never });

export async function replaceLines(db: Kysely<DB>, tenantId: string, proposalId: string, lines: readonly TProposalLine[]) {
  await db.deleteFrom('proposal_lines').where('tenant_id', '=', tenantId).where('proposal_id', '=', proposalId).execute();
  await db
    .insertInto('proposal_lines')
    .values(
      lines.map((l) => ({
        tenant_id: tenantId,
        proposal_id: proposalId,
        slot: l.slot,
        cycle_year: l.cycleYear,
        days: l.days,
        day_rate_cents: l.dayRateCents,
        travel_cents: l.travelCents,
        expenses_cents: l.expensesCents,
        fee_fixed: l.feeFixed,
        amount_cents: l.amountCents,
      })),
    )
    .execute();
}

export const getProposalForUpdate = (db: Kysely<DB>, tenantId: string, id: string) =>
  db
    .selectFrom('proposals')
    .selectAll()
    .select(sql<string>`valid_until::text`.as('valid_until'))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

const person = (alias: string) =>
  sql<{ id: string; name: string; email: string } | null>`(SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email) FROM users u WHERE u.id = ${sql.ref(alias)})`;

/** One proposal with its client, lines, people and the accepting organization: one round trip. */
export const getProposalDetail = (db: Kysely<DB>, tenantId: string, id: string) =>
  db
    .selectFrom('proposals as p')
    .innerJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.id', '=', 'p.client_id'))
    .leftJoin('tenants as o', 'o.id', 'p.organization_tenant_id')
    .selectAll('p')
    .select([
      sql<string>`p.valid_until::text`.as('valid_until'),
      'c.reference as clientReference',
      'c.legal_name as clientName',
      'c.registered_address as clientAddress',
      'o.name as organizationName',
      person('p.created_by').as('createdByPerson'),
      person('p.sent_by').as('sentByPerson'),
      person('p.accepted_by').as('acceptedByPerson'),
      person('p.declined_by').as('declinedByPerson'),
      person('p.withdrawn_by').as('withdrawnByPerson'),
      sql<
        { slot: TProposalLine['slot']; cycle_year: number; days: string; day_rate_cents: string; travel_cents: string; expenses_cents: string; fee_fixed: boolean; amount_cents: string }[]
      >`(SELECT coalesce(json_agg(l.* ORDER BY l.cycle_year, l.slot), '[]') FROM proposal_lines l WHERE l.tenant_id = p.tenant_id AND l.proposal_id = p.id)`.as('lines'),
    ])
    .where('p.tenant_id', '=', tenantId)
    .where('p.id', '=', id)
    .executeTakeFirst();
export type TProposalDetailRow = NonNullable<Awaited<ReturnType<typeof getProposalDetail>>>;

/**
 * The body's proposals, newest first, filtered by derived state and client, keyset-paginated on
 * (created_at, id), with each one's cycle total: one SQL statement.
 */
export async function listProposals(db: Kysely<DB>, tenantId: string, o: { today: string; state?: TProposalState | undefined; clientId?: string | undefined; limit: number; after: [string, string] | null }) {
  let q = db
    .selectFrom('proposals as p')
    .innerJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.id', '=', 'p.client_id'))
    .select([
      'p.id',
      'p.reference',
      'p.status',
      'p.scheme',
      'p.locale',
      'p.currency',
      sql<string>`p.valid_until::text`.as('valid_until'),
      'p.sent_at',
      'p.created_at',
      'c.id as clientId',
      'c.reference as clientReference',
      'c.legal_name as clientName',
      // A SOC 2 proposal has no lines: its total is the stored fee estimate's.
      sql<string>`coalesce((p.fee_estimate->>'totalCents')::bigint, (SELECT coalesce(sum(l.amount_cents), 0) FROM proposal_lines l WHERE l.tenant_id = p.tenant_id AND l.proposal_id = p.id))::text`.as('cycleCents'),
    ])
    .where('p.tenant_id', '=', tenantId);
  if (o.clientId) q = q.where('p.client_id', '=', o.clientId);
  if (o.state === 'expired') q = q.where('p.status', '=', 'sent').where(sql<string>`p.valid_until::text`, '<', o.today);
  else if (o.state === 'sent') q = q.where('p.status', '=', 'sent').where(sql<string>`p.valid_until::text`, '>=', o.today);
  else if (o.state) q = q.where('p.status', '=', o.state);
  if (o.after) q = q.where((eb) => eb(eb.refTuple('p.created_at', 'p.id'), '<', eb.tuple(o.after![0] as never, o.after![1])));
  return q.orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(o.limit + 1).execute();
}

/** The proposal a link names, with what its holder sees (body and client names, lines): one round trip. */
export const getProposalForLink = (db: Kysely<DB>, tenantId: string, id: string) =>
  db
    .selectFrom('proposals as p')
    .innerJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.id', '=', 'p.client_id'))
    .innerJoin('tenants as b', 'b.id', 'p.tenant_id')
    .leftJoin('body_settings as s', 's.tenant_id', 'p.tenant_id')
    .leftJoin('tenants as o', 'o.id', 'p.organization_tenant_id')
    .selectAll('p')
    .select([
      sql<string>`p.valid_until::text`.as('valid_until'),
      sql<string>`coalesce(s.legal_name, b.name)`.as('bodyName'),
      'c.legal_name as clientName',
      'c.organization_tenant_id as clientOrganizationTenantId',
      'o.name as organizationName',
      sql<
        { slot: TProposalLine['slot']; cycle_year: number; days: string; day_rate_cents: string; travel_cents: string; expenses_cents: string; fee_fixed: boolean; amount_cents: string }[]
      >`(SELECT coalesce(json_agg(l.* ORDER BY l.cycle_year, l.slot), '[]') FROM proposal_lines l WHERE l.tenant_id = p.tenant_id AND l.proposal_id = p.id)`.as('lines'),
    ])
    .where('p.tenant_id', '=', tenantId)
    .where('p.id', '=', id)
    .executeTakeFirst();
