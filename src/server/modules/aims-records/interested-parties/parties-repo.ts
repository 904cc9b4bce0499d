import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TLinkedRequirement, TPartyCategory, TPartyListQuery, TPartyNeed } from '../../../../shared/contracts/aims-records-context.ts';
import { decodeCursor, linkedRequirementsSql, pageOf, type TResolvedLink } from '../common/records-sql.ts';

/*
 * The only door to interested_parties and interested_party_requirements. A party's own
 * requirements (needs and expectations, each addressed by the AIMS or not) are a JSON array on its
 * row: they are only ever read and replaced with the party. Links to catalog requirements are rows,
 * because readiness joins them.
 */

type TDb = Kysely<DB>;

export type TPartyRow = {
  id: string;
  sort_key: string;
  name: string;
  category: TPartyCategory;
  needs: TPartyNeed[];
  requirements: TLinkedRequirement[];
  created_at: Date;
  updated_at: Date;
};

const partySelect = sql`
  SELECT p.id, lower(p.name) AS sort_key, p.name, p.category, p.needs, p.created_at, p.updated_at,
    ${linkedRequirementsSql('interested_party_requirements', 'party_id', sql`p.id`, sql`p.tenant_id`)} AS requirements
  FROM interested_parties p`;

export async function getParty(db: TDb, tenantId: string, id: string): Promise<TPartyRow | undefined> {
  return (await sql<TPartyRow>`${partySelect} WHERE p.tenant_id = ${tenantId} AND p.id = ${id}`.execute(db)).rows[0];
}

/** One page, by name: parties, their needs and linked requirements in one statement. */
export async function listParties(db: TDb, tenantId: string, q: TPartyListQuery) {
  const where = [sql`p.tenant_id = ${tenantId}`];
  if (q.category) where.push(sql`p.category = ${q.category}`);
  if (q.q) where.push(sql`strpos(lower(p.name), lower(${q.q})) > 0`);
  const unaddressed = sql`EXISTS (SELECT 1 FROM jsonb_array_elements(p.needs) n WHERE NOT (n->>'addressed')::boolean)`;
  if (q.unaddressed === true) where.push(unaddressed);
  if (q.unaddressed === false) where.push(sql`NOT ${unaddressed}`);
  const after = decodeCursor(q.cursor);
  if (after) where.push(sql`(lower(p.name), p.id) > (${after[0]}, ${after[1]}::uuid)`);
  const res = await sql<TPartyRow>`${partySelect} WHERE ${sql.join(where, sql` AND `)} ORDER BY lower(p.name), p.id LIMIT ${q.limit + 1}`.execute(db);
  return pageOf(res.rows, q.limit);
}

export const getPartyForUpdate = (db: TDb, tenantId: string, id: string) =>
  db.selectFrom('interested_parties').select(['id', 'name', 'category', 'needs']).where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();

export const insertParty = (db: TDb, tenantId: string, v: { name: string; category: TPartyCategory; needs: TPartyNeed[]; created_by: string | null }) =>
  db
    .insertInto('interested_parties')
    .values({ tenant_id: tenantId, name: v.name, category: v.category, needs: JSON.stringify(v.needs), created_by: v.created_by })
    .returning('id')
    .executeTakeFirstOrThrow();

export const updateParty = (db: TDb, tenantId: string, id: string, v: { name?: string; category?: TPartyCategory; needs?: TPartyNeed[] }) =>
  db
    .updateTable('interested_parties')
    .set({
      ...(v.name !== undefined ? { name: v.name } : {}),
      ...(v.category !== undefined ? { category: v.category } : {}),
      ...(v.needs !== undefined ? { needs: JSON.stringify(v.needs) } : {}),
      updated_at: sql<Date>`now()` as never,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();

export const listRequirementLinks = async (db: TDb, tenantId: string, id: string) =>
  (await db.selectFrom('interested_party_requirements').select(['framework_id', 'ref']).where('tenant_id', '=', tenantId).where('party_id', '=', id).orderBy('framework_id').orderBy('ref').execute()).map(
    (r) => `${r.framework_id} ${r.ref}`,
  );

export async function replaceRequirementLinks(db: TDb, tenantId: string, id: string, links: readonly TResolvedLink[]) {
  await db.deleteFrom('interested_party_requirements').where('tenant_id', '=', tenantId).where('party_id', '=', id).execute();
  if (links.length) await db.insertInto('interested_party_requirements').values(links.map((l) => ({ ...l, tenant_id: tenantId, party_id: id }))).execute();
}
