import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { badRequest, notFound } from '../../../platform/errors/errors.ts';
import { REVIEW_INPUTS, type TCreateReviewInput, type TReview, type TReviewInputKey, type TReviewListQuery, type TReviewSummary, type TUpdateReviewInput } from '../../../../shared/contracts/management-reviews.ts';
import { checkMembers, iso, isoOrNull, todayOf } from '../improvement-sql.ts';
import { managementReviewLifecycle, missingInputs } from './management-review-lifecycle.ts';
import * as repo from './management-reviews-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const toSummary = (r: repo.TReviewSummaryRow): TReviewSummary => ({
  id: r.id,
  title: r.title,
  heldOn: r.held_on,
  status: r.status,
  missingInputs: REVIEW_INPUTS.filter((k) => !r.addressed.includes(k)),
  decisionCount: r.decision_count,
  updatedAt: iso(r.updated_at),
});

type TDecisionRow = { id: string; decision: string; owner_id: string | null; due_on: string | null };
const decisionsAudit = (ds: readonly TDecisionRow[]) => ds.map((d) => ({ id: d.id, decision: d.decision, ownerId: d.owner_id, dueOn: d.due_on }));

async function checkDecisionOwners(db: Parameters<typeof checkMembers>[0], tenantId: string, decisions: readonly { ownerId: string | null }[]) {
  await checkMembers(
    db,
    tenantId,
    decisions.map((d, i) => ({ field: `decisions.${i}.ownerId`, id: d.ownerId })),
  );
}

/** Management reviews (9.3): inputs 9.3.2 lists, each with notes, and the decisions taken (9.3.3). */
export function createManagementReviewsService(p: TDeps) {
  async function get(actor: TActor | null, tenantId: string, id: string, grantIn?: TTenantGrant): Promise<TReview> {
    const grant = grantIn ?? (await p.authz.assert(actor, 'managementReview.read', { tenantId }));
    const r = await repo.getReviewDetail(p.db, tenantId, id);
    if (!r) throw notFound('Management review');
    const today = todayOf(p);
    const notes = new Map(r.inputs.map((i) => [i.key, i.notes]));
    return {
      ...toSummary(r),
      attendees: r.attendees,
      inputs: REVIEW_INPUTS.map((key) => ({ key, notes: notes.get(key) ?? '' })),
      decisions: r.decisions.map((d) => ({ id: d.id, decision: d.decision, owner: d.owner, dueOn: d.due_on, overdue: d.due_on !== null && d.due_on < today })),
      completedAt: isoOrNull(r.completed_at),
      completedBy: r.completed_by,
      createdAt: iso(r.created_at),
      abilities: p.authz.abilities(grant, 'managementReview', { status: r.status }),
    };
  }

  return {
    get,

    async list(actor: TActor | null, tenantId: string, q: TReviewListQuery) {
      await p.authz.assert(actor, 'managementReview.read', { tenantId });
      const page = await repo.listReviews(p.db, tenantId, q);
      return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
    },

    async create(actor: TActor | null, tenantId: string, input: TCreateReviewInput, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'managementReview.create', { tenantId });
      const id = await p.db.transaction().execute(async (tx) => {
        await checkDecisionOwners(tx, tenantId, input.decisions);
        if (input.decisions.some((d) => d.id)) throw badRequest('A new review has no decisions yet: leave out their ids.', [{ field: 'decisions', issue: 'invalid', message: 'No ids on a new review.' }]);
        const { id } = await repo.insertReview(tx, tenantId, { title: input.title, held_on: input.heldOn, attendees: input.attendees, created_by: actor!.type === 'user' ? actor!.userId : null });
        await repo.saveInputs(tx, tenantId, id, input.inputs);
        await repo.replaceDecisions(tx, tenantId, id, input.decisions.map((d) => ({ decision: d.decision, owner_id: d.ownerId, due_on: d.dueOn })));
        const inputs = await repo.listInputs(tx, tenantId, id);
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'management_review.created',
          subjectType: 'management_review',
          subjectId: id,
          after: { title: input.title, heldOn: input.heldOn, attendees: input.attendees, inputs, decisions: decisionsAudit(await repo.listDecisions(tx, tenantId, id)) },
        });
        return id;
      });
      return get(actor, tenantId, id, grant);
    },

    async update(actor: TActor | null, tenantId: string, id: string, input: TUpdateReviewInput, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'managementReview.update', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getReviewForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Management review');
        p.authz.assertOn(grant, 'managementReview.update', { status: row.status });
        const beforeInputs = await repo.listInputs(tx, tenantId, id);
        const beforeDecisions = await repo.listDecisions(tx, tenantId, id);
        if (input.decisions) {
          await checkDecisionOwners(tx, tenantId, input.decisions);
          const known = new Set(beforeDecisions.map((d) => d.id));
          const bad = input.decisions.flatMap((d, i) => (d.id && !known.has(d.id) ? [{ field: `decisions.${i}.id`, issue: 'invalid', message: 'Not a decision of this review.' }] : []));
          if (bad.length) throw badRequest('A decision named by id is not part of this review.', bad);
        }
        await repo.updateReview(tx, tenantId, id, {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.heldOn !== undefined ? { held_on: input.heldOn } : {}),
          ...(input.attendees !== undefined ? { attendees: input.attendees } : {}),
        });
        if (input.inputs) await repo.saveInputs(tx, tenantId, id, input.inputs);
        if (input.decisions) await repo.replaceDecisions(tx, tenantId, id, input.decisions.map((d) => ({ id: d.id, decision: d.decision, owner_id: d.ownerId, due_on: d.dueOn })));
        const afterInputs = input.inputs ? await repo.listInputs(tx, tenantId, id) : beforeInputs;
        const afterDecisions = input.decisions ? await repo.listDecisions(tx, tenantId, id) : beforeDecisions;
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'management_review.updated',
          subjectType: 'management_review',
          subjectId: id,
          before: { title: row.title, heldOn: row.held_on, attendees: row.attendees, inputs: beforeInputs, decisions: decisionsAudit(beforeDecisions) },
          after: {
            title: input.title ?? row.title,
            heldOn: input.heldOn ?? row.held_on,
            attendees: input.attendees ?? row.attendees,
            inputs: afterInputs,
            decisions: decisionsAudit(afterDecisions),
          },
        });
      });
      return get(actor, tenantId, id, grant);
    },

    /** Completes the review once every 9.3.2 input is addressed; it is frozen from then on. */
    async complete(actor: TActor | null, tenantId: string, id: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'managementReview.complete', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getReviewForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Management review');
        p.authz.assertOn(grant, 'managementReview.complete', { status: row.status });
        const inputs: Partial<Record<TReviewInputKey, string>> = await repo.listInputs(tx, tenantId, id);
        const step = managementReviewLifecycle.transition(row.status, 'complete', { inputs });
        await repo.updateReview(tx, tenantId, id, { status: step.to, completed_at: p.clock.now(), completed_by: actor?.type === 'user' ? actor.userId : null });
        await recordAudit(tx, actor, ctx, { tenantId, action: 'management_review.completed', subjectType: 'management_review', subjectId: id, before: { status: row.status, title: row.title }, after: { status: step.to } });
      });
      return get(actor, tenantId, id, grant);
    },
  };
}

export { missingInputs };
