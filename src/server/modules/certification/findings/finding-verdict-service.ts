import type { TActor } from '../../../platform/authz/actor.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { todayOf } from '../../../platform/clock/clock.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import type { TFindingDetail, TVerdictBody, TVerifyFindingBody, TCloseFindingBody } from '../../../../shared/contracts/findings.ts';
import { ZCloseFindingBody, ZVerdictBody, ZVerifyFindingBody } from '../../../../shared/contracts/findings.ts';
import { recordInBoth, sidesOf, syncMirror } from './findings-common.ts';
import { findingLifecycle } from './finding-lifecycle.ts';
import { createFindingsService, type TFindingsDeps } from './findings-service.ts';
import * as repo from './findings-repo.ts';

/*
 * The team's judgement on a finding: accept or reject the organization's pending answer (a
 * rejection says why — the classic one: the root cause restates the symptom), record a major's
 * follow-up verification (on site or remote, with the audit that verified it), close a finding.
 * Each is one transaction: the finding, the answer, the organization's mirror and both logs.
 */

const personOf = (actor: TActor | null) => {
  if (actor?.type !== 'user') throw new AppError(403, 'person_required', 'A person judges a finding, not an API token.');
  return actor.userId;
};

export function createFindingVerdictService(p: TFindingsDeps) {
  const findings = createFindingsService(p);

  return {
    async verdict(actor: TActor | null, tenantId: string, id: string, body: TVerdictBody, ctx: TRequestContext): Promise<TFindingDetail> {
      const grant = await p.authz.assert(actor, 'finding.judge', { tenantId });
      const userId = personOf(actor);
      const input = ZVerdictBody.parse(body);
      await p.db.transaction().execute(async (tx) => {
        const row = await findings.loadFinding(tx, grant, 'finding.judge', id, true);
        const event = input.verdict === 'accepted' ? 'accept' : 'reject';
        const next = findingLifecycle.transition(row.state, event, { class: row.class, responses: row.response_count, reason: input.reason }).to;
        const pending = await repo.pendingResponse(tx, tenantId, id);
        if (!pending) throw new AppError(409, 'finding_state', 'No answer waits for a verdict.', { state: row.state });
        const now = p.clock.now();
        await repo.recordVerdict(tx, tenantId, pending.id, input.verdict, input.reason.trim(), userId, now);
        await repo.updateFinding(tx, tenantId, id, { state: next }, now);
        if (input.verdict === 'accepted') {
          await recordInBoth(tx, actor, ctx, row, { action: 'audit_finding.response_accepted', after: { ...sidesOf(row), version: pending.version, state: next } });
        } else {
          await recordInBoth(tx, actor, ctx, row, { action: 'audit_finding.response_rejected', after: { ...sidesOf(row), version: pending.version, reason: input.reason.trim() } });
        }
        await syncMirror(tx, { ...row, state: next }, pending, null, userId);
      });
      return findings.detail(grant, id);
    },

    /** A major's follow-up verification: its correction and corrective action checked effective. */
    async verify(actor: TActor | null, tenantId: string, id: string, body: TVerifyFindingBody, ctx: TRequestContext): Promise<TFindingDetail> {
      const grant = await p.authz.assert(actor, 'finding.judge', { tenantId });
      const userId = personOf(actor);
      const input = ZVerifyFindingBody.parse(body);
      await p.db.transaction().execute(async (tx) => {
        const row = await findings.loadFinding(tx, grant, 'finding.judge', id, true);
        findingLifecycle.transition(row.state, 'verify', { class: row.class, responses: row.response_count });
        let verifying: { id: string; reference: string } | null = null;
        if (input.auditId) {
          verifying = (await repo.verifyingAudit(tx, tenantId, row.programme_id, input.auditId)) ?? null;
          if (!verifying || verifying.id === row.audit_id) {
            throw new AppError(400, 'finding_verification_audit_invalid', 'The verifying audit must be a later audit of the same programme (follow-up, surveillance, recertification or special), in progress or reported.', [
              { field: 'auditId', issue: 'invalid', message: 'Not a later audit of this programme.' },
            ]);
          }
        } else if (input.method === 'on_site') {
          throw new AppError(400, 'validation_failed', 'An on-site verification names the follow-up audit that made it.', [{ field: 'auditId', issue: 'required', message: 'Name the follow-up audit.' }]);
        }
        const now = p.clock.now();
        await repo.updateFinding(tx, tenantId, id, { state: 'verified', verified_at: now, verified_by: userId, verification_method: input.method, verification_audit_id: verifying?.id ?? null, verification_notes: input.notes }, now);
        await recordInBoth(tx, actor, ctx, row, {
          action: 'audit_finding.verified',
          after: { ...sidesOf(row), method: input.method, verificationAuditReference: verifying?.reference ?? null, notes: input.notes },
        });
        const latest = (await repo.responses(tx, tenantId, id)).filter((r) => r.verdict === 'accepted').at(-1) ?? null;
        await syncMirror(tx, { ...row, state: 'verified' }, latest, null, userId);
      });
      return findings.detail(grant, id);
    },

    /** Closes a minor whose action was implemented and checked (typically at the next audit), or a verified major. */
    async close(actor: TActor | null, tenantId: string, id: string, body: TCloseFindingBody, ctx: TRequestContext): Promise<TFindingDetail> {
      const grant = await p.authz.assert(actor, 'finding.judge', { tenantId });
      const userId = personOf(actor);
      const input = ZCloseFindingBody.parse(body);
      await p.db.transaction().execute(async (tx) => {
        const row = await findings.loadFinding(tx, grant, 'finding.judge', id, true);
        findingLifecycle.transition(row.state, 'close', { class: row.class, responses: row.response_count, verified: row.verified_at !== null });
        const now = p.clock.now();
        await repo.updateFinding(tx, tenantId, id, { state: 'closed', closed_at: now, closed_by: userId }, now);
        await recordInBoth(tx, actor, ctx, row, { action: 'audit_finding.closed', after: { ...sidesOf(row), notes: input.notes } });
        const latest = (await repo.responses(tx, tenantId, id)).filter((r) => r.verdict === 'accepted').at(-1) ?? null;
        await syncMirror(tx, { ...row, state: 'closed' }, latest, { on: todayOf(p), by: userId, at: now, notes: input.notes || `${row.body_name}: ${row.reference}` }, userId);
      });
      return findings.detail(grant, id);
    },
  };
}
