import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { notFound } from '../../../platform/errors/errors.ts';
import {
  ZCreateObjectiveBody,
  ZRecordResultBody,
  type TCreateObjectiveBody,
  type TObjective,
  type TObjectiveDetail,
  type TObjectiveListQuery,
  type TObjectiveResult,
  type TRecordResultBody,
  type TUpdateObjectiveBody,
} from '../../../../shared/contracts/aims-records-context.ts';
import { subjectHistory } from '../../audit/subject-history.ts';
import { changedFields, iso, membersAmong, notMember, resolveRequirementLinks, todayOf } from '../common/records-sql.ts';
import * as repo from './objectives-repo.ts';

export type TObjectivesDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const resultDto = (r: repo.TResultRow): TObjectiveResult => ({
  id: r.id,
  measuredOn: r.measured_on,
  value: r.value,
  comment: r.comment,
  recordedBy: r.recorded_by,
  recordedAt: iso(r.recorded_at),
  met: r.met,
});

const fieldsOf = (o: repo.TObjectiveValues, requirements: string[]) => ({
  title: o.title,
  measure: o.measure,
  targetDirection: o.target_direction,
  targetValue: o.target_value,
  targetUnit: o.target_unit,
  dueOn: o.due_on,
  ownerId: o.owner_id,
  status: o.status,
  requirements,
});

/** AI objectives (ISO/IEC 42001 6.2): what is measured, the target, and results over time. */
export function createObjectivesService(p: TObjectivesDeps) {
  const dto = (grant: TTenantGrant, r: repo.TObjectiveRow): TObjective => ({
    id: r.id,
    title: r.title,
    measure: r.measure,
    target: { direction: r.target_direction, value: r.target_value, unit: r.target_unit, dueOn: r.due_on },
    owner: r.owner,
    status: r.status,
    latestResult: r.latest ? resultDto(r.latest) : null,
    met: r.latest ? r.latest.met : null,
    overdue: r.status === 'active' && r.due_on < todayOf(p),
    resultCount: r.result_count,
    requirements: r.requirements,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    abilities: p.authz.abilities(grant, 'aimsObjective', { status: r.status }),
  });

  async function detail(grant: TTenantGrant, id: string): Promise<TObjectiveDetail> {
    const row = await repo.getObjective(p.db, grant.tenantId, id);
    if (!row) throw notFound('Objective');
    return { ...dto(grant, row), results: row.results.map(resultDto) };
  }

  async function checkOwner(db: Parameters<typeof membersAmong>[0], tenantId: string, ownerId: string | null | undefined) {
    if (ownerId && !(await membersAmong(db, tenantId, [ownerId])).has(ownerId)) throw notMember('ownerId');
  }

  return {
    async list(actor: TActor | null, tenantId: string, q: TObjectiveListQuery) {
      const grant = await p.authz.assert(actor, 'aimsObjective.read', { tenantId });
      const page = await repo.listObjectives(p.db, tenantId, q);
      return { items: page.items.map((r) => dto(grant, r)), nextCursor: page.nextCursor };
    },

    async get(actor: TActor | null, tenantId: string, id: string) {
      const grant = await p.authz.assert(actor, 'aimsObjective.read', { tenantId });
      return detail(grant, id);
    },

    async history(actor: TActor | null, tenantId: string, id: string, q: { limit: number; cursor?: string | undefined }) {
      const grant = await p.authz.assert(actor, 'aimsObjective.read', { tenantId });
      await detail(grant, id);
      return subjectHistory(p.db, tenantId, 'aims_objective', id, q);
    },

    /** Also what the demo seed calls: the body is parsed with the contract, defaults applied. */
    async create(actor: TActor | null, tenantId: string, body: TCreateObjectiveBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'aimsObjective.create', { tenantId });
      const input = ZCreateObjectiveBody.parse(body);
      const id = await p.db.transaction().execute(async (tx) => {
        await checkOwner(tx, tenantId, input.ownerId);
        const links = await resolveRequirementLinks(tx, tenantId, input.requirements);
        const values: repo.TObjectiveValues = {
          title: input.title,
          measure: input.measure,
          target_direction: input.targetDirection,
          target_value: input.targetValue,
          target_unit: input.targetUnit,
          due_on: input.dueOn,
          owner_id: input.ownerId,
          status: input.status,
        };
        const { id } = await repo.insertObjective(tx, tenantId, { ...values, created_by: actor?.type === 'user' ? actor.userId : null });
        await repo.replaceRequirementLinks(tx, tenantId, id, links);
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'aims_objective.created',
          subjectType: 'aims_objective',
          subjectId: id,
          after: fieldsOf(values, links.map((l) => `${l.framework_id} ${l.ref}`).sort()),
        });
        return id;
      });
      return detail(grant, id);
    },

    async update(actor: TActor | null, tenantId: string, id: string, input: TUpdateObjectiveBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'aimsObjective.update', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getObjectiveForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Objective');
        p.authz.assertOn(grant, 'aimsObjective.update', { status: row.status });
        if (input.ownerId !== undefined) await checkOwner(tx, tenantId, input.ownerId);
        const links = input.requirements ? await resolveRequirementLinks(tx, tenantId, input.requirements) : null;
        const beforeLinks = (await repo.listRequirementLinks(tx, tenantId, id)).sort();
        const next: repo.TObjectiveValues = {
          title: input.title ?? row.title,
          measure: input.measure ?? row.measure,
          target_direction: input.targetDirection ?? row.target_direction,
          target_value: input.targetValue ?? row.target_value,
          target_unit: input.targetUnit ?? row.target_unit,
          due_on: input.dueOn ?? row.due_on,
          owner_id: input.ownerId !== undefined ? input.ownerId : row.owner_id,
          status: input.status ?? row.status,
        };
        await repo.updateObjective(tx, tenantId, id, next);
        if (links) await repo.replaceRequirementLinks(tx, tenantId, id, links);
        const diff = changedFields(fieldsOf(row, beforeLinks), fieldsOf(next, links ? links.map((l) => `${l.framework_id} ${l.ref}`).sort() : beforeLinks), ['title']);
        if (diff.changed) await recordAudit(tx, actor, ctx, { tenantId, action: 'aims_objective.updated', subjectType: 'aims_objective', subjectId: id, before: diff.before, after: diff.after });
      });
      return detail(grant, id);
    },

    /** Appends a result (results are never edited: a correction is a new result with a comment). */
    async recordResult(actor: TActor | null, tenantId: string, id: string, body: TRecordResultBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'aimsObjective.recordResult', { tenantId });
      const input = ZRecordResultBody.parse(body);
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getObjectiveForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Objective');
        p.authz.assertOn(grant, 'aimsObjective.recordResult', { status: row.status });
        const r = await repo.insertResult(tx, tenantId, {
          objective_id: id,
          measured_on: input.measuredOn,
          value: input.value,
          comment: input.comment,
          recorded_by: actor?.type === 'user' ? actor.userId : null,
        });
        await repo.touchObjective(tx, tenantId, id);
        const met = row.target_direction === 'at_least' ? input.value >= row.target_value : input.value <= row.target_value;
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'aims_objective.result_recorded',
          subjectType: 'aims_objective',
          subjectId: id,
          after: {
            resultId: r.id,
            title: row.title,
            measuredOn: input.measuredOn,
            value: input.value,
            targetDirection: row.target_direction,
            targetValue: row.target_value,
            unit: row.target_unit,
            met,
            comment: input.comment,
          },
        });
      });
      return detail(grant, id);
    },
  };
}
