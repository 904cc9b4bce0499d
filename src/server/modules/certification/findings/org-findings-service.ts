import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { todayOf } from '../../../platform/clock/clock.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TOrgFinding, TOrgFindingDetail, TOrgFindingListQuery, TOrgFindingPage, TSubmitResponseBody } from '../../../../shared/contracts/findings.ts';
import { ZSubmitResponseBody } from '../../../../shared/contracts/findings.ts';
import { submittedAmong } from '../../evidence/evidence-repo.ts';
import { findingCore, recordInBoth, responseDto, sidesOf, syncMirror } from './findings-common.ts';
import { findingLifecycle } from './finding-lifecycle.ts';
import * as repo from './findings-repo.ts';

/*
 * The organization's side of its findings: every member reads the findings of its engagements that
 * are not closed (due dates, overdue flags, the history of answers and verdicts); an owner,
 * administrator or contributor answers a nonconformity. Each answer is a new version; at most one
 * waits for a verdict (the partial unique index is the last guard). The evidence an answer names
 * are the organization's own submitted evidence records — they carry the files, their validity
 * and the controls they support, and the auditors already read them through the engagement.
 */

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

export function createOrgFindingsService(p: TDeps) {
  const dto = (grant: TTenantGrant, r: repo.TFindingRow, today: string): TOrgFinding => ({
    ...findingCore(r, today),
    abilities: p.authz.abilities(grant, 'orgFinding', {}),
  });

  async function detail(grant: TTenantGrant, id: string): Promise<TOrgFindingDetail> {
    const row = await repo.orgFinding(p.db, grant.tenantId, id);
    if (!row) throw notFound('Finding');
    const answers = await repo.responses(p.db, row.tenant_id, id);
    return { ...dto(grant, row, todayOf(p)), responses: answers.map(responseDto) };
  }

  return {
    async list(actor: TActor | null, tenantId: string, q: TOrgFindingListQuery): Promise<TOrgFindingPage> {
      const grant = await p.authz.assert(actor, 'orgFinding.read', { tenantId });
      const page = await repo.listOrgFindings(p.db, tenantId, q, null);
      const today = todayOf(p);
      return { items: page.items.map((r) => dto(grant, r, today)), nextCursor: page.nextCursor };
    },

    async get(actor: TActor | null, tenantId: string, id: string): Promise<TOrgFindingDetail> {
      const grant = await p.authz.assert(actor, 'orgFinding.read', { tenantId });
      return detail(grant, id);
    },

    /** Submits an answer: correction, root cause, corrective action, planned completion and evidence. */
    async respond(actor: TActor | null, tenantId: string, id: string, body: TSubmitResponseBody, ctx: TRequestContext): Promise<TOrgFindingDetail> {
      const grant = await p.authz.assert(actor, 'orgFinding.respond', { tenantId });
      if (actor?.type !== 'user') throw new AppError(403, 'person_required', 'A person answers a finding, not an API token.');
      const input = ZSubmitResponseBody.parse(body);
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.orgFinding(tx, tenantId, id, true);
        if (!row) throw notFound('Finding');
        findingLifecycle.transition(row.state, 'submit', { class: row.class, responses: row.response_count });
        const wanted = [...new Set(input.evidenceIds)];
        const found = await submittedAmong(tx, tenantId, wanted);
        const missing = input.evidenceIds.findIndex((e) => !found.some((f) => f.id === e));
        if (missing >= 0) {
          throw new AppError(400, 'finding_evidence_unknown', 'Not submitted evidence of this organization.', [{ field: `evidenceIds.${missing}`, issue: 'invalid', message: 'Not submitted evidence of this organization.' }]);
        }
        const evidence = wanted.map((e) => ({ evidenceId: e, title: found.find((f) => f.id === e)!.title }));
        const now = p.clock.now();
        const values = { correction: input.correction, root_cause: input.rootCause, corrective_action: input.correctiveAction, planned_completion_on: input.plannedCompletionOn, evidence };
        const version = await repo.insertResponse(tx, row.tenant_id, id, values, actor.userId, now);
        await repo.updateFinding(tx, row.tenant_id, id, { state: 'submitted' }, now);
        await recordInBoth(tx, actor, ctx, row, {
          action: 'audit_finding.response_submitted',
          after: { ...sidesOf(row), version, plannedCompletionOn: input.plannedCompletionOn, evidence: evidence.length },
        });
        await syncMirror(tx, { ...row, state: 'submitted' }, values, null, actor.userId);
      });
      return detail(grant, id);
    },
  };
}
