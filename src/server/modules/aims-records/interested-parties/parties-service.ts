import { randomUUID } from 'node:crypto';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { notFound } from '../../../platform/errors/errors.ts';
import {
  ZCreatePartyBody,
  type TCreatePartyBody,
  type TParty,
  type TPartyListQuery,
  type TPartyNeed,
  type TPartyNeedInput,
  type TUpdatePartyBody,
} from '../../../../shared/contracts/aims-records-context.ts';
import { subjectHistory } from '../../audit/subject-history.ts';
import { changedFields, iso, resolveRequirementLinks } from '../common/records-sql.ts';
import * as repo from './parties-repo.ts';

export type TPartiesDeps = Pick<TPlatform, 'db' | 'authz'>;

/** A need keeps its key across edits (a new one gets one), so its history reads as the same need. */
const needsOf = (input: readonly TPartyNeedInput[]): TPartyNeed[] =>
  input.map((n) => ({ key: n.key ?? randomUUID(), description: n.description, addressed: n.addressed, how: n.how ?? '' }));

/** Interested parties and their requirements (ISO/IEC 42001 4.2). */
export function createPartiesService(p: TPartiesDeps) {
  const dto = (grant: TTenantGrant, r: repo.TPartyRow): TParty => ({
    id: r.id,
    name: r.name,
    category: r.category,
    needs: r.needs,
    addressedCount: r.needs.filter((n) => n.addressed).length,
    needCount: r.needs.length,
    requirements: r.requirements,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    abilities: p.authz.abilities(grant, 'interestedParty', {}),
  });

  async function detail(grant: TTenantGrant, id: string) {
    const row = await repo.getParty(p.db, grant.tenantId, id);
    if (!row) throw notFound('Interested party');
    return dto(grant, row);
  }

  return {
    async list(actor: TActor | null, tenantId: string, q: TPartyListQuery) {
      const grant = await p.authz.assert(actor, 'interestedParty.read', { tenantId });
      const page = await repo.listParties(p.db, tenantId, q);
      return { items: page.items.map((r) => dto(grant, r)), nextCursor: page.nextCursor };
    },

    async get(actor: TActor | null, tenantId: string, id: string) {
      const grant = await p.authz.assert(actor, 'interestedParty.read', { tenantId });
      return detail(grant, id);
    },

    async history(actor: TActor | null, tenantId: string, id: string, q: { limit: number; cursor?: string | undefined }) {
      const grant = await p.authz.assert(actor, 'interestedParty.read', { tenantId });
      await detail(grant, id);
      return subjectHistory(p.db, tenantId, 'interested_party', id, q);
    },

    /** Also what the demo seed calls: `input` is parsed with the contract, defaults applied. */
    async create(actor: TActor | null, tenantId: string, body: TCreatePartyBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'interestedParty.create', { tenantId });
      const input = ZCreatePartyBody.parse(body);
      const id = await p.db.transaction().execute(async (tx) => {
        const links = await resolveRequirementLinks(tx, tenantId, input.requirements);
        const needs = needsOf(input.needs);
        const { id } = await repo.insertParty(tx, tenantId, { name: input.name, category: input.category, needs, created_by: actor?.type === 'user' ? actor.userId : null });
        await repo.replaceRequirementLinks(tx, tenantId, id, links);
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'interested_party.created',
          subjectType: 'interested_party',
          subjectId: id,
          after: { name: input.name, category: input.category, needs, requirements: links.map((l) => `${l.framework_id} ${l.ref}`) },
        });
        return id;
      });
      return detail(grant, id);
    },

    async update(actor: TActor | null, tenantId: string, id: string, input: TUpdatePartyBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'interestedParty.update', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getPartyForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Interested party');
        p.authz.assertOn(grant, 'interestedParty.update', {});
        const links = input.requirements ? await resolveRequirementLinks(tx, tenantId, input.requirements) : null;
        // A need sent with a key it never had is a new need: the key is the server's to give.
        const known = new Set(row.needs.map((n) => n.key));
        const needs = input.needs ? needsOf(input.needs.map((n) => (n.key && known.has(n.key) ? n : { ...n, key: undefined }))) : undefined;
        const beforeLinks = (await repo.listRequirementLinks(tx, tenantId, id)).sort();
        await repo.updateParty(tx, tenantId, id, { name: input.name, category: input.category, needs });
        if (links) await repo.replaceRequirementLinks(tx, tenantId, id, links);
        const diff = changedFields(
          { name: row.name, category: row.category, needs: row.needs, requirements: beforeLinks },
          { name: input.name ?? row.name, category: input.category ?? row.category, needs: needs ?? row.needs, requirements: links ? links.map((l) => `${l.framework_id} ${l.ref}`).sort() : beforeLinks },
          ['name'],
        );
        if (diff.changed) await recordAudit(tx, actor, ctx, { tenantId, action: 'interested_party.updated', subjectType: 'interested_party', subjectId: id, before: diff.before, after: diff.after });
      });
      return detail(grant, id);
    },
  };
}
