import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TCreateProgrammeInput, TProgramme, TProgrammeListQuery, TProgrammeSummary, TUpdateProgrammeInput } from '../../../../shared/contracts/internal-audits.ts';
import { iso, listLinks, refText, replaceLinks, resolveRequirements, toLinkedRequirement, type TResolvedLink } from '../improvement-sql.ts';
import * as repo from './internal-audits-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz'>;

const toSummary = (r: repo.TProgrammeSummaryRow): TProgrammeSummary => ({
  id: r.id,
  title: r.title,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  audits: r.audits,
  updatedAt: iso(r.updated_at),
});

const fieldsOf = (r: repo.TProgrammeValues, links: readonly TResolvedLink[]) => ({
  title: r.title,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  processes: r.processes,
  criteria: r.criteria,
  requirements: links.map(refText),
});

/** The internal audit programme (9.2.2): the period, the processes and clauses to cover, the criteria. */
export function createAuditProgrammesService(p: TDeps) {
  async function get(actor: TActor | null, tenantId: string, id: string, grantIn?: TTenantGrant): Promise<TProgramme> {
    const grant = grantIn ?? (await p.authz.assert(actor, 'auditProgramme.read', { tenantId }));
    const r = await repo.getProgrammeDetail(p.db, tenantId, id);
    if (!r) throw notFound('Audit programme');
    return {
      ...toSummary(r),
      processes: r.processes,
      criteria: r.criteria,
      requirements: r.requirements.map(toLinkedRequirement),
      createdAt: iso(r.created_at),
      abilities: p.authz.abilities(grant, 'auditProgramme', {}),
    };
  }

  return {
    get,

    async list(actor: TActor | null, tenantId: string, q: TProgrammeListQuery) {
      await p.authz.assert(actor, 'auditProgramme.read', { tenantId });
      const page = await repo.listProgrammes(p.db, tenantId, q);
      return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
    },

    async create(actor: TActor | null, tenantId: string, input: TCreateProgrammeInput, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'auditProgramme.create', { tenantId });
      const id = await p.db.transaction().execute(async (tx) => {
        const links = await resolveRequirements(tx, tenantId, input.requirements);
        const values = { title: input.title, period_start: input.periodStart, period_end: input.periodEnd, processes: input.processes, criteria: input.criteria };
        const { id } = await repo.insertProgramme(tx, tenantId, { ...values, created_by: actor!.type === 'user' ? actor!.userId : null });
        await replaceLinks(tx, 'internal_audit_programme_requirements', 'programme_id', tenantId, id, links);
        await recordAudit(tx, actor, ctx, { tenantId, action: 'audit_programme.created', subjectType: 'audit_programme', subjectId: id, after: fieldsOf(values, links) });
        return id;
      });
      return get(actor, tenantId, id, grant);
    },

    async update(actor: TActor | null, tenantId: string, id: string, input: TUpdateProgrammeInput, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'auditProgramme.update', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getProgrammeForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Audit programme');
        const next = {
          title: input.title ?? row.title,
          period_start: input.periodStart ?? row.period_start,
          period_end: input.periodEnd ?? row.period_end,
          processes: input.processes ?? row.processes,
          criteria: input.criteria ?? row.criteria,
        };
        if (next.period_end < next.period_start) {
          throw new AppError(400, 'validation_failed', 'The period ends on or after its start.', [{ field: 'periodEnd', issue: 'invalid', message: 'The period ends on or after its start.' }]);
        }
        const before = await listLinks(tx, 'internal_audit_programme_requirements', 'programme_id', tenantId, id);
        const links = input.requirements ? await resolveRequirements(tx, tenantId, input.requirements) : before;
        await repo.updateProgramme(tx, tenantId, id, next);
        if (input.requirements) await replaceLinks(tx, 'internal_audit_programme_requirements', 'programme_id', tenantId, id, links);
        await recordAudit(tx, actor, ctx, { tenantId, action: 'audit_programme.updated', subjectType: 'audit_programme', subjectId: id, before: fieldsOf(row, before), after: fieldsOf(next, links) });
      });
      return get(actor, tenantId, id, grant);
    },
  };
}
