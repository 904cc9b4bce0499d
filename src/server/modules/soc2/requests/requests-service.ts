import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TSoc2Request } from '../../../../shared/contracts/soc2-program.ts';
import { REQUEST_STATES, programExamination } from '../matrix/examination-row.ts';
import { assertState } from '../matrix/matrix-service.ts';
import { recordRequestEvent, requestDto, today } from './requests-common.ts';
import { requestFromTest } from './request-rules.ts';
import * as repo from './requests-repo.ts';

/*
 * The firm's side of the information request list: generated from the tests' evidence requested
 * (one request per test), free requests, edits while the organization holds them, and the review
 * of what the organization submitted (accept, or return with a reason).
 */

export type TRequestsDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const userIdOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);

export function requestStateError(state: string, allowed: readonly string[]) {
  return new AppError(409, 'soc2_request_state', `The request is ${state}; this is possible only while it is ${allowed.join(' or ')}.`, { state, allowed });
}

export function createRequestsService(p: TRequestsDeps) {
  async function examForChange(tx: Parameters<typeof programExamination>[0], tenantId: string, examinationId: string) {
    const ex = await programExamination(tx, tenantId, examinationId, true);
    if (!ex) throw notFound('Examination');
    assertState(ex, REQUEST_STATES);
    return ex;
  }

  async function one(tenantId: string, examinationId: string, id: string): Promise<TSoc2Request> {
    const row = await repo.firmRequest(p.db, tenantId, examinationId, id);
    if (!row) throw notFound('Request');
    return requestDto(row, today(p));
  }

  /** A review or an edit of one request, locked, in the states it allows. */
  async function change(
    actor: TActor | null,
    tenantId: string,
    examinationId: string,
    id: string,
    ctx: TRequestContext,
    allowed: readonly string[],
    apply: (row: repo.TRequestRow) => { set: Record<string, unknown>; event: Parameters<typeof recordRequestEvent>[4] },
  ) {
    await p.authz.assert(actor, 'soc2Program.write', { tenantId });
    await p.db.transaction().execute(async (tx) => {
      await examForChange(tx, tenantId, examinationId);
      const row = await repo.firmRequest(tx, tenantId, examinationId, id, true);
      if (!row) throw notFound('Request');
      if (!allowed.includes(row.state)) throw requestStateError(row.state, allowed);
      const { set, event } = apply(row);
      await repo.updateRequest(tx, tenantId, id, set);
      await recordRequestEvent(tx, actor, ctx, { tenantId, organizationTenantId: row.organization_tenant_id, engagementId: row.engagement_id, subjectId: id }, event);
    });
    return one(tenantId, examinationId, id);
  }

  return {
    async list(actor: TActor | null, tenantId: string, examinationId: string) {
      await p.authz.assert(actor, 'soc2Program.read', { tenantId });
      const ex = await programExamination(p.db, tenantId, examinationId);
      if (!ex) throw notFound('Examination');
      const d = today(p);
      return { items: (await repo.firmRequests(p.db, tenantId, examinationId)).map((r) => requestDto(r, d)) };
    },

    /** One request per test that has none yet, due on `dueOn`; numbered PBC-NNN in test order. */
    async generate(actor: TActor | null, tenantId: string, examinationId: string, dueOn: string, ctx: TRequestContext) {
      await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      const references = await p.db.transaction().execute(async (tx) => {
        const ex = await examForChange(tx, tenantId, examinationId);
        const tests = await repo.testsWithoutRequest(tx, tenantId, examinationId);
        const taken: string[] = [];
        for (const t of tests) {
          const reference = await repo.drawRequestReference(tx, tenantId, examinationId, taken);
          const { title, detail } = requestFromTest({ reference: t.reference, controlRef: t.control_ref, evidenceRequested: t.evidence_requested, procedure: t.procedure });
          await repo.insertRequest(tx, { tenantId, examinationId, reference, testId: t.id, title, detail, dueOn, userId: userIdOf(actor) });
          taken.push(reference);
        }
        if (taken.length)
          await recordRequestEvent(
            tx,
            actor,
            ctx,
            { tenantId, organizationTenantId: ex.organization_tenant_id, engagementId: ex.engagement_id, subjectId: examinationId },
            { action: 'soc2_request.created', after: { examinationReference: ex.reference, count: taken.length, references: taken } },
          );
        return taken;
      });
      const d = today(p);
      const all = await repo.firmRequests(p.db, tenantId, examinationId);
      return { added: references.length, items: all.filter((r) => references.includes(r.reference)).map((r) => requestDto(r, d)) };
    },

    async create(actor: TActor | null, tenantId: string, examinationId: string, body: { title: string; detail: string; dueOn: string }, ctx: TRequestContext) {
      await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      const id = await p.db.transaction().execute(async (tx) => {
        const ex = await examForChange(tx, tenantId, examinationId);
        const reference = await repo.drawRequestReference(tx, tenantId, examinationId);
        const row = await repo.insertRequest(tx, { tenantId, examinationId, reference, testId: null, title: body.title, detail: body.detail, dueOn: body.dueOn, userId: userIdOf(actor) });
        await recordRequestEvent(
          tx,
          actor,
          ctx,
          { tenantId, organizationTenantId: ex.organization_tenant_id, engagementId: ex.engagement_id, subjectId: row.id },
          { action: 'soc2_request.created', after: { examinationReference: ex.reference, count: 1, references: [reference] } },
        );
        return row.id;
      });
      return one(tenantId, examinationId, id);
    },

    update(actor: TActor | null, tenantId: string, examinationId: string, id: string, body: { title?: string; detail?: string; dueOn?: string }, ctx: TRequestContext) {
      return change(actor, tenantId, examinationId, id, ctx, ['open', 'returned'], (row) => ({
        set: { ...(body.title !== undefined ? { title: body.title } : {}), ...(body.detail !== undefined ? { detail: body.detail } : {}), ...(body.dueOn ? { due_on: body.dueOn } : {}) },
        event: {
          action: 'soc2_request.updated',
          after: { examinationReference: row.examination_reference, reference: row.reference, ...(body.title !== undefined ? { title: body.title } : {}), ...(body.dueOn ? { dueOn: body.dueOn } : {}) },
        },
      }));
    },

    accept(actor: TActor | null, tenantId: string, examinationId: string, id: string, ctx: TRequestContext) {
      return change(actor, tenantId, examinationId, id, ctx, ['submitted'], (row) => ({
        set: { state: 'accepted', reviewed_by: userIdOf(actor), reviewed_at: p.clock.now() },
        event: { action: 'soc2_request.accepted', after: { examinationReference: row.examination_reference, reference: row.reference } },
      }));
    },

    returnToOrganization(actor: TActor | null, tenantId: string, examinationId: string, id: string, reason: string, ctx: TRequestContext) {
      return change(actor, tenantId, examinationId, id, ctx, ['submitted'], (row) => ({
        set: { state: 'returned', return_reason: reason, reviewed_by: userIdOf(actor), reviewed_at: p.clock.now() },
        event: { action: 'soc2_request.returned', after: { examinationReference: row.examination_reference, reference: row.reference, reason } },
      }));
    },
  };
}
