import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TSoc2CriterionImpact, TSoc2ExaminationState, TSoc2ExceptionConclusion, TSoc2Opinion, TSoc2TestConclusion } from '../../../../shared/contracts/soc2.ts';
import { criteriaCte } from '../matrix/matrix-repo.ts';

/*
 * What the reporting gate and the opinion's warnings read, in ONE statement: the examination's
 * applicable criteria, its accepted matrix links, its tests (with how many exceptions each has,
 * raised or on a sample item not yet raised) and its exceptions. And the opinion columns of
 * `soc2_examinations` (opinion, opinion_basis, opinion_by, opinion_at) and the partner.
 */

type TDb = Kysely<DB> | Transaction<DB>;

export type TFactTest = { id: string; reference: string; controlId: string; controlRef: string; conclusion: TSoc2TestConclusion; exceptions: number };
export type TFactException = {
  id: string;
  reference: string;
  testReference: string;
  controlId: string;
  controlRef: string;
  conclusion: TSoc2ExceptionConclusion | null;
  criterionImpact: TSoc2CriterionImpact | null;
  respondedAt: string | null;
  concludedAt: string | null;
};
export type TExaminationFacts = {
  criteria: string[];
  links: { criterionRef: string; controlId: string }[];
  tests: TFactTest[];
  exceptions: TFactException[];
};

const json = <T>(v: T | string | null, empty: T): T => (v === null ? empty : typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** The facts of one examination of the firm; undefined when it is not the firm's. */
export async function examinationFacts(db: TDb, tenantId: string, examinationId: string): Promise<TExaminationFacts | undefined> {
  const { rows } = await sql<{ criteria: string[] | null; links: TExaminationFacts['links'] | null; tests: TFactTest[] | null; exceptions: TFactException[] | null }>`
    WITH ${criteriaCte(tenantId, examinationId)}
    SELECT
      (SELECT json_agg(c.ref ORDER BY c.position, c.ref) FROM crit c) AS criteria,
      (SELECT json_agg(json_build_object('criterionRef', l.criterion_ref, 'controlId', l.control_id))
         FROM soc2_matrix_links l WHERE l.tenant_id = ${tenantId} AND l.examination_id = ex.id AND NOT l.suggested) AS links,
      (SELECT json_agg(json_build_object(
          'id', t.id, 'reference', t.reference, 'controlId', t.control_id, 'controlRef', t.control_ref, 'conclusion', t.conclusion,
          'exceptions',
            (SELECT count(*) FROM soc2_exceptions xc WHERE xc.tenant_id = t.tenant_id AND xc.test_id = t.id)
            + (SELECT count(*) FROM soc2_sample_items i WHERE i.tenant_id = t.tenant_id AND i.test_id = t.id AND i.result = 'exception'
                 AND NOT EXISTS (SELECT 1 FROM soc2_exceptions xi WHERE xi.tenant_id = i.tenant_id AND xi.sample_item_id = i.id))
        ) ORDER BY t.reference)
         FROM soc2_tests t WHERE t.tenant_id = ${tenantId} AND t.examination_id = ex.id) AS tests,
      (SELECT json_agg(json_build_object(
          'id', xc.id, 'reference', xc.reference, 'testReference', t.reference, 'controlId', t.control_id, 'controlRef', t.control_ref,
          'conclusion', xc.conclusion, 'criterionImpact', xc.criterion_impact, 'respondedAt', xc.responded_at, 'concludedAt', xc.concluded_at
        ) ORDER BY xc.reference)
         FROM soc2_exceptions xc JOIN soc2_tests t ON t.tenant_id = xc.tenant_id AND t.id = xc.test_id
         WHERE xc.tenant_id = ${tenantId} AND xc.examination_id = ex.id) AS exceptions
    FROM ex`.execute(db);
  const r = rows[0];
  if (!r) return undefined;
  return {
    criteria: json(r.criteria, []),
    links: json(r.links, []),
    tests: json(r.tests, []).map((t) => ({ ...t, exceptions: Number(t.exceptions) })),
    exceptions: json(r.exceptions, []),
  };
}

export type TOpinionRow = {
  id: string;
  tenant_id: string;
  reference: string;
  state: TSoc2ExaminationState;
  partner_user_id: string | null;
  partner: { id: string; name: string } | null;
  opinion: TSoc2Opinion | null;
  opinion_basis: string;
  opinion_by: { id: string; name: string } | null;
  opinion_at: Date | string | null;
};

export async function opinionRow(db: TDb, tenantId: string, examinationId: string, forUpdate = false): Promise<TOpinionRow | undefined> {
  const { rows } = await sql<TOpinionRow>`
    SELECT x.id, x.tenant_id, x.reference, x.state, x.partner_user_id,
      (SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = x.partner_user_id) AS partner,
      x.opinion, x.opinion_basis,
      (SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = x.opinion_by) AS opinion_by,
      x.opinion_at
    FROM soc2_examinations x WHERE x.tenant_id = ${tenantId} AND x.id = ${examinationId}${forUpdate ? sql` FOR UPDATE OF x` : sql``}`.execute(db);
  const r = rows[0];
  return r && { ...r, partner: json(r.partner, null), opinion_by: json(r.opinion_by, null) };
}

export async function setOpinion(tx: TDb, tenantId: string, examinationId: string, v: { opinion: TSoc2Opinion; basis: string; userId: string | null; now: Date }) {
  await tx
    .updateTable('soc2_examinations')
    .set({ opinion: v.opinion, opinion_basis: v.basis, opinion_by: v.userId, opinion_at: v.now, updated_at: v.now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', examinationId)
    .execute();
}

export async function setPartner(tx: TDb, tenantId: string, examinationId: string, userId: string, now: Date) {
  await tx.updateTable('soc2_examinations').set({ partner_user_id: userId, updated_at: now }).where('tenant_id', '=', tenantId).where('id', '=', examinationId).execute();
}

export async function setState(tx: TDb, tenantId: string, examinationId: string, state: TSoc2ExaminationState, now: Date) {
  await tx.updateTable('soc2_examinations').set({ state, updated_at: now }).where('tenant_id', '=', tenantId).where('id', '=', examinationId).execute();
}

/** A member of the firm, with their name (undefined: not a member). */
export function firmMember(db: TDb, tenantId: string, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
}
