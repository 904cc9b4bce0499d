import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { notFound } from '../../platform/errors/errors.ts';
import type { TAcceptRiskBody } from '../../../shared/contracts/risks.ts';
import { aboveThreshold } from './risk-matrix.ts';
import { riskLifecycle } from './risk-lifecycle.ts';
import { residualOf } from './risks-dto.ts';
import * as repo from './risks-repo.ts';
import { createRisksService, riskSubject, todayOf } from './risks-service.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

/**
 * Accepting, re-opening and closing a risk. Each locks the risk, judges the record rules on the
 * locked row (the matrix's threshold and roles), makes the lifecycle's transition and records it.
 */
export function createRiskAcceptanceService(p: TDeps) {
  const risks = createRisksService(p);

  async function locked(tx: Kysely<DB>, tenantId: string, riskId: string) {
    const row = await repo.getRiskForUpdate(tx, tenantId, riskId);
    if (!row) throw notFound('Risk');
    const current = await repo.ensureMatrix(tx, tenantId);
    const scoredOn = row.matrix_version === current.version ? current : (await repo.getMatrix(tx, tenantId, row.matrix_version))!;
    return { row, current, scoredOn, subject: riskSubject(row, scoredOn.config, current.config) };
  }

  return {
    /** A signed acceptance: who, when, why, the residual scores and the date it must be looked at again. */
    async accept(actor: TActor | null, tenantId: string, riskId: string, body: TAcceptRiskBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'risk.accept', { tenantId });
      p.authz.assertUser(actor);
      await p.db.transaction().execute(async (tx) => {
        const { row, current, scoredOn, subject } = await locked(tx, tenantId, riskId);
        p.authz.assertOn(grant, 'risk.accept', subject);
        const step = riskLifecycle.transition(row.status, 'accept', {
          acceptance: { residualScore: row.residual_score, threshold: subject.threshold, allowedRoles: current.config.acceptAboveThresholdRoles, role: grant.role, expiresOn: body.expiresOn, today: todayOf(p) },
        });
        const residual = residualOf(row)!;
        const above = aboveThreshold(scoredOn.config, residual.score);
        const { id } = await repo.insertAcceptance(tx, tenantId, {
          risk_id: riskId,
          accepted_by: actor.userId,
          accepted_at: p.clock.now(),
          rationale: body.rationale,
          matrix_version: row.matrix_version,
          residual_likelihood: residual.likelihood,
          residual_impact: residual.impact,
          residual_score: residual.score,
          residual_level: residual.level,
          above_threshold: above,
          expires_on: body.expiresOn,
        });
        // The acceptance's date is when the risk is next reviewed.
        await repo.updateRisk(tx, tenantId, riskId, { status: step.to, current_acceptance_id: id, review_date: body.expiresOn });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: step.audit!,
          subjectType: 'risk',
          subjectId: riskId,
          after: { acceptanceId: id, title: row.title, rationale: body.rationale, matrixVersion: row.matrix_version, residual, aboveThreshold: above, expiresOn: body.expiresOn },
        });
      });
      return risks.get(actor, tenantId, riskId, grant);
    },

    async reopen(actor: TActor | null, tenantId: string, riskId: string, reason: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'risk.reopen', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const { row, subject } = await locked(tx, tenantId, riskId);
        p.authz.assertOn(grant, 'risk.reopen', subject);
        const step = riskLifecycle.transition(row.status, 'reopen', {});
        const acceptanceId = row.status === 'accepted' ? row.current_acceptance_id : null;
        if (acceptanceId) {
          await repo.markAcceptanceReopened(tx, tenantId, acceptanceId, {
            reopened_at: p.clock.now(),
            reopened_by: actor?.type === 'user' ? actor.userId : null,
            reopen_kind: 'manual',
            reopen_reason: reason,
          });
        }
        await repo.updateRisk(tx, tenantId, riskId, { status: step.to, current_acceptance_id: null });
        await recordAudit(tx, actor, ctx, { tenantId, action: step.audit!, subjectType: 'risk', subjectId: riskId, before: { status: row.status, title: row.title }, after: { reason, acceptanceId } });
      });
      return risks.get(actor, tenantId, riskId, grant);
    },

    async close(actor: TActor | null, tenantId: string, riskId: string, reason: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'risk.close', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const { row, subject } = await locked(tx, tenantId, riskId);
        p.authz.assertOn(grant, 'risk.close', subject);
        const step = riskLifecycle.transition(row.status, 'close', {});
        await repo.updateRisk(tx, tenantId, riskId, { status: step.to });
        await recordAudit(tx, actor, ctx, { tenantId, action: step.audit!, subjectType: 'risk', subjectId: riskId, before: { status: row.status, title: row.title }, after: { reason } });
      });
      return risks.get(actor, tenantId, riskId, grant);
    },
  };
}
