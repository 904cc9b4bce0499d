import type { TActor } from '../../../platform/authz/actor.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TSoc2Request } from '../../../../shared/contracts/soc2-program.ts';
import { recordRequestEvent, requestDto, today } from './requests-common.ts';
import { WITH_ORGANIZATION } from './request-rules.ts';
import { requestStateError, type TRequestsDeps } from './requests-service.ts';
import * as repo from './requests-repo.ts';

/*
 * The organization's side of the request list: it reads the requests of its examinations, writes an
 * answer (text and links to its own evidence records) while it holds a request, and submits it to
 * the firm. A viewer reads only.
 */
export function createOrgRequestsService(p: TRequestsDeps) {
  async function one(tenantId: string, id: string): Promise<TSoc2Request> {
    const row = await repo.orgRequest(p.db, tenantId, id);
    if (!row) throw notFound('Request');
    return requestDto(row, today(p));
  }

  async function change(
    actor: TActor | null,
    tenantId: string,
    id: string,
    ctx: TRequestContext,
    apply: (row: repo.TRequestRow, tx: Parameters<typeof repo.orgRequest>[0]) => Promise<{ set: Record<string, unknown>; event: Parameters<typeof recordRequestEvent>[4] }>,
  ) {
    await p.authz.assert(actor, 'orgSoc2Request.respond', { tenantId });
    await p.db.transaction().execute(async (tx) => {
      const row = await repo.orgRequest(tx, tenantId, id, true);
      if (!row) throw notFound('Request');
      if (row.examination_state !== 'planning' && row.examination_state !== 'fieldwork')
        throw new AppError(409, 'soc2_examination_state', `The examination is ${row.examination_state}; requests are answered during planning and fieldwork.`, {
          state: row.examination_state,
          allowed: ['planning', 'fieldwork'],
        });
      if (!WITH_ORGANIZATION.includes(row.state)) throw requestStateError(row.state, WITH_ORGANIZATION);
      const { set, event } = await apply(row, tx);
      await repo.updateRequest(tx, row.tenant_id, id, set);
      await recordRequestEvent(tx, actor, ctx, { tenantId: row.tenant_id, organizationTenantId: tenantId, engagementId: row.engagement_id, subjectId: id }, event);
    });
    return one(tenantId, id);
  }

  return {
    async list(actor: TActor | null, tenantId: string, examinationId: string | null) {
      await p.authz.assert(actor, 'orgSoc2Request.read', { tenantId });
      const d = today(p);
      return { items: (await repo.orgRequests(p.db, tenantId, examinationId)).map((r) => requestDto(r, d)) };
    },

    async get(actor: TActor | null, tenantId: string, id: string) {
      await p.authz.assert(actor, 'orgSoc2Request.read', { tenantId });
      return one(tenantId, id);
    },

    /** Saves the answer; the evidence named must be the organization's own records (not drafts). */
    answer(actor: TActor | null, tenantId: string, id: string, body: { answer: string; evidenceIds: string[] }, ctx: TRequestContext) {
      return change(actor, tenantId, id, ctx, async (row, tx) => {
        const ids = [...new Set(body.evidenceIds)];
        const found = await repo.orgEvidenceAmong(tx, tenantId, ids);
        const bad = body.evidenceIds.findIndex((e) => !found.some((f) => f.id === e));
        if (bad >= 0)
          throw new AppError(400, 'soc2_evidence_unknown', 'Not one of the organization’s evidence records.', [
            { field: `evidenceIds.${bad}`, issue: 'invalid', message: 'Not one of the organization’s evidence records.' },
          ]);
        return {
          set: { answer: body.answer, evidence_ids: ids },
          event: { action: 'soc2_request.answered', after: { examinationReference: row.examination_reference, reference: row.reference, evidence: ids.length } },
        };
      });
    },

    /** Hands the answer to the firm; an empty answer (no text, no evidence) is refused. */
    submit(actor: TActor | null, tenantId: string, id: string, ctx: TRequestContext) {
      return change(actor, tenantId, id, ctx, async (row) => {
        if (!row.answer.trim() && !row.evidence.length)
          throw new AppError(400, 'validation_failed', 'Write an answer or link evidence before submitting.', [{ field: 'answer', issue: 'required', message: 'Write an answer or link evidence before submitting.' }]);
        return {
          set: { state: 'submitted', submitted_by: actor?.type === 'user' ? actor.userId : null, submitted_at: p.clock.now() },
          event: { action: 'soc2_request.submitted', after: { examinationReference: row.examination_reference, reference: row.reference, evidence: row.evidence.length } },
        };
      });
    },
  };
}
