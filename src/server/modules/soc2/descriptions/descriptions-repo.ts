import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TSoc2DescriptionState } from '../../../../shared/contracts/soc2.ts';

/* The only door to soc2_descriptions: every query names the firm's tenant, which owns the rows. */

type TDb = Kysely<DB> | Transaction<DB>;

export type TDescriptionRow = {
  id: string;
  version: number;
  state: TSoc2DescriptionState;
  sections: Record<string, string>;
  assertion: string;
  content_sha256: string | null;
  signed_off_by: { id: string; name: string } | null;
  signed_off_name: string | null;
  signed_off_title: string | null;
  signed_off_at: Date | string | null;
  updated_by: { id: string; name: string } | null;
  updated_at: Date | string;
};

const person = (col: string) => sql.raw(`(SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = d.${col})`);

/** Every version of the examination's description, newest first (one statement). */
export async function versions(db: TDb, firmTenantId: string, examinationId: string, forUpdate = false) {
  const { rows } = await sql<TDescriptionRow>`
    SELECT d.id, d.version, d.state, d.sections, d.assertion, d.content_sha256, ${person('signed_off_by')} AS signed_off_by,
      d.signed_off_name, d.signed_off_title, d.signed_off_at, ${person('updated_by')} AS updated_by, d.updated_at
    FROM soc2_descriptions d WHERE d.tenant_id = ${firmTenantId} AND d.examination_id = ${examinationId}
    ORDER BY d.version DESC${forUpdate ? sql` FOR UPDATE OF d` : sql``}`.execute(db);
  return rows.map((r) => ({ ...r, sections: typeof r.sections === 'string' ? (JSON.parse(r.sections) as Record<string, string>) : r.sections }));
}

export async function insertDraft(tx: TDb, firmTenantId: string, examinationId: string, version: number, sections: Record<string, string>, assertion: string, userId: string | null, now: Date) {
  return tx
    .insertInto('soc2_descriptions')
    .values({ tenant_id: firmTenantId, examination_id: examinationId, version, sections: JSON.stringify(sections), assertion, updated_by: userId, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateDraft(tx: TDb, firmTenantId: string, id: string, sections: Record<string, string>, assertion: string, userId: string | null, now: Date) {
  await tx
    .updateTable('soc2_descriptions')
    .set({ sections: JSON.stringify(sections), assertion, updated_by: userId, updated_at: now })
    .where('tenant_id', '=', firmTenantId)
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .execute();
}

export async function signOff(tx: TDb, firmTenantId: string, id: string, v: { sha: string; userId: string; name: string; title: string }, now: Date) {
  await tx
    .updateTable('soc2_descriptions')
    .set({ state: 'signed_off', content_sha256: v.sha, signed_off_by: v.userId, signed_off_name: v.name, signed_off_title: v.title, signed_off_at: now, updated_at: now })
    .where('tenant_id', '=', firmTenantId)
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .execute();
}

/** The previous signed-off version gives way to the one just signed. */
export async function supersede(tx: TDb, firmTenantId: string, examinationId: string, exceptId: string) {
  await tx
    .updateTable('soc2_descriptions')
    .set({ state: 'superseded' })
    .where('tenant_id', '=', firmTenantId)
    .where('examination_id', '=', examinationId)
    .where('state', '=', 'signed_off')
    .where('id', '<>', exceptId)
    .execute();
}
