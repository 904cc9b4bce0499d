import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { badRequest, notFound } from '../../../platform/errors/errors.ts';
import type { TRequirementRef } from '../../../../shared/contracts/aims-improvement-common.ts';
import type {
  TCreateNonconformityInput,
  TEffectivenessCheckInput,
  TNcEvent,
  TNcListQuery,
  TNcSource,
  TNonconformity,
  TNonconformityList,
  TNonconformitySummary,
  TUpdateNonconformityInput,
} from '../../../../shared/contracts/nonconformities.ts';
import { checkMembers, iso, isoOrNull, listLinks, refText, replaceLinks, resolveRequirements, todayOf, toLinkedRequirement, type TResolvedLink } from '../improvement-sql.ts';
import { reviewExists } from '../management-reviews/management-reviews-repo.ts';
import { ncOverdue, nonconformityLifecycle, type TNcContext } from './nonconformity-lifecycle.ts';
import * as repo from './nonconformities-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

/** What a new nonconformity holds, whichever record raised it. */
export type TNewNonconformity = {
  title: string;
  description: string;
  source: TNcSource;
  sourceFindingId?: string;
  sourceIncidentId?: string;
  sourceReviewId?: string;
  correction: string;
  rootCause: string;
  correctiveAction: string;
  ownerId: string | null;
  dueOn: string | null;
  /** Names from the request, or links already resolved (a finding's requirement). */
  requirements: readonly TRequirementRef[] | { resolved: readonly TResolvedLink[] };
};

const contextOf = (r: repo.TNcRow): TNcContext => ({ correction: r.correction, rootCause: r.root_cause, correctiveAction: r.corrective_action, effectiveness: r.effectiveness_result });

export function toNcSummary(r: repo.TNcSummaryRow, today: string): TNonconformitySummary {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    sourceRecord: r.source_record,
    status: r.status,
    owner: r.owner,
    dueOn: r.due_on,
    overdue: ncOverdue({ status: r.status, dueOn: r.due_on }, today),
    requirements: r.requirement_refs,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

const fieldsOf = (r: { title: string; description: string; correction: string; root_cause: string; corrective_action: string; owner_id: string | null; due_on: string | null }, links: readonly TResolvedLink[]) => ({
  title: r.title,
  description: r.description,
  correction: r.correction,
  rootCause: r.root_cause,
  correctiveAction: r.corrective_action,
  ownerId: r.owner_id,
  dueOn: r.due_on,
  requirements: links.map(refText),
});

export function createNonconformitiesService(p: TDeps) {
  async function get(actor: TActor | null, tenantId: string, id: string, grantIn?: TTenantGrant): Promise<TNonconformity> {
    const grant = grantIn ?? (await p.authz.assert(actor, 'nonconformity.read', { tenantId }));
    const r = await repo.getNcDetail(p.db, tenantId, id);
    if (!r) throw notFound('Nonconformity');
    return {
      ...toNcSummary(r, todayOf(p)),
      description: r.description,
      correction: r.correction,
      rootCause: r.root_cause,
      correctiveAction: r.corrective_action,
      requirements: r.requirements.map(toLinkedRequirement),
      effectivenessCheck:
        r.effectiveness_result && r.effectiveness_checked_on
          ? { checkedOn: r.effectiveness_checked_on, checkedBy: r.effectiveness_checked_by, result: r.effectiveness_result, notes: r.effectiveness_notes }
          : null,
      closedAt: isoOrNull(r.closed_at),
      createdBy: r.created_by,
      abilities: p.authz.abilities(grant, 'nonconformity', { status: r.status }),
    };
  }

  /**
   * Writes a new nonconformity and its audit event in the caller's transaction: the register's
   * POST uses it, and so do an audit finding and an AI incident raising one (their own change
   * and this one commit together or not at all).
   */
  async function insertInTx(tx: Transaction<DB>, tenantId: string, actor: TActor, n: TNewNonconformity, ctx: TRequestContext) {
    await checkMembers(tx, tenantId, [{ field: 'ownerId', id: n.ownerId }]);
    const links = 'resolved' in n.requirements ? [...n.requirements.resolved] : await resolveRequirements(tx, tenantId, n.requirements);
    const values = {
      title: n.title,
      description: n.description,
      source: n.source,
      source_finding_id: n.sourceFindingId ?? null,
      source_incident_id: n.sourceIncidentId ?? null,
      source_review_id: n.sourceReviewId ?? null,
      correction: n.correction,
      root_cause: n.rootCause,
      corrective_action: n.correctiveAction,
      owner_id: n.ownerId,
      due_on: n.dueOn,
    };
    const { id } = await repo.insertNc(tx, tenantId, { ...values, created_by: actor.type === 'user' ? actor.userId : null });
    await replaceLinks(tx, 'nonconformity_requirements', 'nonconformity_id', tenantId, id, links);
    const sourceId = n.sourceFindingId ?? n.sourceIncidentId ?? n.sourceReviewId;
    const sourceType = n.sourceFindingId ? 'internal_audit_finding' : n.sourceIncidentId ? 'ai_incident' : 'management_review';
    await recordAudit(tx, actor, ctx, {
      tenantId,
      action: 'nonconformity.created',
      subjectType: 'nonconformity',
      subjectId: id,
      after: { ...fieldsOf(values, links), source: n.source, ...(sourceId ? { sourceRecord: { type: sourceType, id: sourceId } } : {}) },
    });
    return id;
  }

  return {
    get,
    insertInTx,

    async list(actor: TActor | null, tenantId: string, q: TNcListQuery): Promise<TNonconformityList> {
      await p.authz.assert(actor, 'nonconformity.read', { tenantId });
      const today = todayOf(p);
      const page = await repo.listNcs(p.db, tenantId, q, today);
      return { items: page.items.map((r) => toNcSummary(r, today)), nextCursor: page.nextCursor };
    },

    async create(actor: TActor | null, tenantId: string, input: TCreateNonconformityInput, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'nonconformity.create', { tenantId });
      const id = await p.db.transaction().execute(async (tx) => {
        if (input.managementReviewId && !(await reviewExists(tx, tenantId, input.managementReviewId))) {
          throw badRequest('Not a management review of this organization.', [{ field: 'managementReviewId', issue: 'invalid', message: 'Not a management review of this organization.' }]);
        }
        return insertInTx(tx, tenantId, actor!, { ...input, ...(input.managementReviewId ? { sourceReviewId: input.managementReviewId } : {}) }, ctx);
      });
      return get(actor, tenantId, id, grant);
    },

    async update(actor: TActor | null, tenantId: string, id: string, input: TUpdateNonconformityInput, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'nonconformity.update', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getNcForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Nonconformity');
        p.authz.assertOn(grant, 'nonconformity.update', { status: row.status });
        await checkMembers(tx, tenantId, [{ field: 'ownerId', id: input.ownerId }]);
        const before = await listLinks(tx, 'nonconformity_requirements', 'nonconformity_id', tenantId, id);
        const links = input.requirements ? await resolveRequirements(tx, tenantId, input.requirements) : null;
        const patch = {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.correction !== undefined ? { correction: input.correction } : {}),
          ...(input.rootCause !== undefined ? { root_cause: input.rootCause } : {}),
          ...(input.correctiveAction !== undefined ? { corrective_action: input.correctiveAction } : {}),
          ...(input.ownerId !== undefined ? { owner_id: input.ownerId } : {}),
          ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
        };
        await repo.updateNc(tx, tenantId, id, patch);
        if (links) await replaceLinks(tx, 'nonconformity_requirements', 'nonconformity_id', tenantId, id, links);
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'nonconformity.updated',
          subjectType: 'nonconformity',
          subjectId: id,
          before: fieldsOf(row, before),
          after: fieldsOf({ ...row, ...patch }, links ?? before),
        });
      });
      return get(actor, tenantId, id, grant);
    },

    async transition(actor: TActor | null, tenantId: string, id: string, event: TNcEvent, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'nonconformity.transition', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getNcForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Nonconformity');
        p.authz.assertOn(grant, 'nonconformity.transition', { status: row.status });
        const step = nonconformityLifecycle.transition(row.status, event, contextOf(row));
        await repo.updateNc(tx, tenantId, id, { status: step.to });
        const before = { status: row.status, title: row.title };
        if (step.audit === 'nonconformity.correction_recorded') {
          await recordAudit(tx, actor, ctx, { tenantId, action: step.audit, subjectType: 'nonconformity', subjectId: id, before, after: { status: step.to, correction: row.correction } });
        } else if (step.audit === 'nonconformity.action_planned') {
          await recordAudit(tx, actor, ctx, { tenantId, action: step.audit, subjectType: 'nonconformity', subjectId: id, before, after: { status: step.to, rootCause: row.root_cause, correctiveAction: row.corrective_action } });
        } else if (step.audit === 'nonconformity.verification_started') {
          await recordAudit(tx, actor, ctx, { tenantId, action: step.audit, subjectType: 'nonconformity', subjectId: id, before, after: { status: step.to } });
        }
        // `close` only passes its guard after an effective check, which closes it itself: the
        // guard's refusal is what a person asking to close directly reads.
      });
      return get(actor, tenantId, id, grant);
    },

    /**
     * Records the effectiveness check (10.2 e): effective closes the nonconformity, not effective
     * sends it back to planning with the check kept on the record.
     */
    async checkEffectiveness(actor: TActor | null, tenantId: string, id: string, input: TEffectivenessCheckInput, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'nonconformity.verify', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getNcForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Nonconformity');
        p.authz.assertOn(grant, 'nonconformity.verify', { status: row.status });
        const step = nonconformityLifecycle.transition(row.status, input.result === 'effective' ? 'close' : 'not_effective', { ...contextOf(row), effectiveness: input.result });
        await repo.updateNc(tx, tenantId, id, {
          status: step.to,
          effectiveness_checked_on: input.checkedOn,
          effectiveness_checked_by: actor?.type === 'user' ? actor.userId : null,
          effectiveness_result: input.result,
          effectiveness_notes: input.notes,
          closed_at: step.to === 'closed' ? p.clock.now() : null,
        });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: step.audit as 'nonconformity.closed' | 'nonconformity.action_not_effective',
          subjectType: 'nonconformity',
          subjectId: id,
          before: { status: row.status, title: row.title },
          after: { status: step.to, checkedOn: input.checkedOn, result: input.result, notes: input.notes },
        });
      });
      return get(actor, tenantId, id, grant);
    },
  };
}
export type TNonconformitiesService = ReturnType<typeof createNonconformitiesService>;
