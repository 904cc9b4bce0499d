import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TActor, TUserActor } from '../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { notFound } from '../../platform/errors/errors.ts';
import type { TAssessmentContent } from '../../../shared/contracts/impact-assessments.ts';
import { impactAssessmentLifecycle } from './impact-assessment-lifecycle.ts';
import { createAssessmentReads, subjectOf, type TDeps } from './impact-assessments-service.ts';
import * as repo from './impact-assessments-repo.ts';
import { significantRiskLinker } from './significant-risks.ts';

/**
 * Links each significant impact of a version being approved to a risk in the register, in the
 * approval's transaction; returns the content with the risk ids written in.
 */
export type TRiskLinker = (
  tx: Transaction<DB>,
  actor: TUserActor,
  a: { tenantId: string; id: string; title: string; aiSystemId: string; version: number },
  content: TAssessmentContent,
  threshold: number,
  ctx: TRequestContext,
) => Promise<TAssessmentContent>;

type TEvent = 'submit' | 'return' | 'approve' | 'revise';
const ACTION = { submit: 'impactAssessment.submit', return: 'impactAssessment.return', approve: 'impactAssessment.approve', revise: 'impactAssessment.revise' } as const;

/**
 * The moves of a version (see impact-assessment-lifecycle.ts). Each locks the series row, judges
 * the record rules on the latest version, writes the move and its audit event in one transaction.
 */
export function createAssessmentTransitions(p: TDeps, linkRisks: TRiskLinker = significantRiskLinker(p)) {
  const reads = createAssessmentReads(p);

  async function move(
    actor: TActor | null,
    tenantId: string,
    id: string,
    event: TEvent,
    ctx: TRequestContext,
    write: (tx: Transaction<DB>, actor: TUserActor, a: NonNullable<Awaited<ReturnType<typeof repo.getAssessmentForUpdate>>>, v: repo.TVersionRow) => Promise<void>,
  ) {
    const grant: TTenantGrant = await p.authz.assert(actor, ACTION[event], { tenantId });
    p.authz.assertUser(actor);
    await p.db.transaction().execute(async (tx) => {
      const a = await repo.getAssessmentForUpdate(tx, tenantId, id);
      if (!a) throw notFound('Impact assessment');
      const v = (await repo.getVersionForUpdate(tx, tenantId, id, a.latest_version))!;
      p.authz.assertOn(grant, ACTION[event], subjectOf({ ...v, variant: a.variant }, true));
      impactAssessmentLifecycle.transition(v.status, event, { variant: a.variant, content: v.content });
      await write(tx, actor, a, v);
    });
    return reads.detail(actor, grant, id);
  }

  return {
    submit: (actor: TActor | null, tenantId: string, id: string, ctx: TRequestContext) =>
      move(actor, tenantId, id, 'submit', ctx, async (tx, user, a, v) => {
        await repo.updateVersion(tx, tenantId, id, v.version, { status: 'in_review', submitted_by: user.userId, submitted_at: p.clock.now(), return_comment: null });
        await repo.updateAssessment(tx, tenantId, id, {});
        await recordAudit(tx, user, ctx, { tenantId, action: 'impact_assessment.submitted', subjectType: 'impact_assessment', subjectId: id, after: { title: a.title, version: v.version, status: 'in_review' } });
      }),

    return: (actor: TActor | null, tenantId: string, id: string, comment: string, ctx: TRequestContext) =>
      move(actor, tenantId, id, 'return', ctx, async (tx, user, a, v) => {
        await repo.updateVersion(tx, tenantId, id, v.version, { status: 'draft', submitted_by: null, submitted_at: null, return_comment: comment });
        await repo.updateAssessment(tx, tenantId, id, {});
        await recordAudit(tx, user, ctx, {
          tenantId,
          action: 'impact_assessment.returned',
          subjectType: 'impact_assessment',
          subjectId: id,
          after: { title: a.title, version: v.version, status: 'draft', comment },
        });
      }),

    /**
     * Freezes the version; the one it replaces becomes superseded. Significant impacts get their
     * register risk in the same transaction, so an approval never stands without its risks.
     */
    approve: (actor: TActor | null, tenantId: string, id: string, comment: string | undefined, ctx: TRequestContext) =>
      move(actor, tenantId, id, 'approve', ctx, async (tx, user, a, v) => {
        const settings = await repo.getSettings(tx, tenantId);
        const content = await linkRisks(tx, user, { tenantId, id, title: a.title, aiSystemId: a.ai_system_id, version: v.version }, v.content, settings.significant_severity, ctx);
        const previous = a.approved_version;
        if (previous !== null) {
          const old = (await repo.getVersionForUpdate(tx, tenantId, id, previous))!;
          impactAssessmentLifecycle.transition(old.status, 'supersede', { variant: a.variant, content: old.content });
          await repo.updateVersion(tx, tenantId, id, previous, { status: 'superseded' });
        }
        await repo.updateVersion(tx, tenantId, id, v.version, {
          status: 'approved',
          content,
          approved_by: user.userId,
          approved_at: p.clock.now(),
          approval_comment: comment ?? null,
        });
        await repo.updateAssessment(tx, tenantId, id, { approved_version: v.version });
        await recordAudit(tx, user, ctx, {
          tenantId,
          action: 'impact_assessment.approved',
          subjectType: 'impact_assessment',
          subjectId: id,
          after: { title: a.title, version: v.version, status: 'approved', comment: comment ?? null, supersededVersion: previous, nextReviewOn: content.nextReviewOn },
        });
      }),

    /** Starts the next version as a draft copied from the approved one, which stays in force. */
    revise: (actor: TActor | null, tenantId: string, id: string, ctx: TRequestContext) =>
      move(actor, tenantId, id, 'revise', ctx, async (tx, user, a, v) => {
        const next = v.version + 1;
        await repo.insertVersion(tx, tenantId, { assessment_id: id, version: next, content: v.content, created_by: user.userId });
        await repo.updateAssessment(tx, tenantId, id, { latest_version: next });
        await recordAudit(tx, user, ctx, {
          tenantId,
          action: 'impact_assessment.version_started',
          subjectType: 'impact_assessment',
          subjectId: id,
          after: { title: a.title, version: next, fromVersion: v.version },
        });
      }),
  };
}
