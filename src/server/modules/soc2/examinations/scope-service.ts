import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { examinationLogs, examinationParties, recordInBothLogs } from '../shared-audit.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import { ZUpdateSoc2ScopeBody, type TSoc2Examination, type TUpdateSoc2ScopeBody } from '../../../../shared/contracts/soc2-examinations.ts';
import { examinationLifecycle } from './examination-lifecycle.ts';
import { checkExaminationDates, normalizeCategories } from './examination-rules.ts';
import { createSoc2ExaminationsService } from './examinations-service.ts';
import * as repo from './examinations-repo.ts';

/*
 * The firm edits the scope while the examination is `scoping` (the policy refuses otherwise) and
 * confirms it, which moves the examination to `planning`. Both tenants' logs record what changed.
 */

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

export function createSoc2ScopeService(p: TDeps) {
  const reads = createSoc2ExaminationsService(p);

  async function audit(tx: Parameters<typeof recordAudit>[0], actor: TActor | null, ctx: TRequestContext, x: repo.TExaminationRow, action: 'soc2_examination.scope_updated' | 'soc2_examination.scope_confirmed', extra: { before?: Record<string, unknown>; after: Record<string, unknown> }) {
    await recordInBothLogs(tx, actor, ctx, examinationLogs(x), { action, ...(extra.before ? { before: extra.before } : {}), after: { ...examinationParties(x), ...extra.after } });
  }

  return {
    async update(actor: TActor | null, tenantId: string, id: string, body: TUpdateSoc2ScopeBody, ctx: TRequestContext): Promise<TSoc2Examination> {
      const grant = await p.authz.assert(actor, 'soc2Examination.scope', { tenantId });
      const input = ZUpdateSoc2ScopeBody.parse(body);
      await p.db.transaction().execute(async (tx) => {
        const x = await repo.firmExamination(tx, tenantId, id, true);
        if (!x) throw notFound('Examination');
        p.authz.assertOn(grant, 'soc2Examination.scope', { state: x.state });
        const dates = checkExaminationDates(x.report_type, {
          asOfDate: input.asOfDate === undefined ? x.as_of_date : input.asOfDate,
          periodStart: input.periodStart === undefined ? x.period_start : input.periodStart,
          periodEnd: input.periodEnd === undefined ? x.period_end : input.periodEnd,
        });
        if (input.partnerUserId && !(await repo.isFirmMember(tx, tenantId, input.partnerUserId))) {
          throw new AppError(400, 'validation_failed', 'The engagement partner must be a member of the firm.', [{ field: 'partnerUserId', issue: 'invalid', message: 'Not a member of the firm.' }]);
        }
        const next = {
          as_of_date: dates.asOfDate,
          period_start: dates.periodStart,
          period_end: dates.periodEnd,
          categories: input.categories ? normalizeCategories(input.categories) : x.categories,
          services: input.services ?? x.services,
          systems: input.systems ?? x.systems,
          locations: input.locations ?? x.locations,
          people: input.people ?? x.people,
          partner_user_id: input.partnerUserId === undefined ? (x.partner?.id ?? null) : input.partnerUserId,
        };
        const prev = { as_of_date: x.as_of_date, period_start: x.period_start, period_end: x.period_end, categories: x.categories, services: x.services, systems: x.systems, locations: x.locations, people: x.people, partner_user_id: x.partner?.id ?? null };
        const keys = (Object.keys(next) as (keyof typeof next)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(prev[k]));
        if (!keys.length) return;
        await repo.updateExamination(tx, tenantId, id, next, p.clock.now());
        const pick = (o: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, o[k]]));
        await audit(tx, actor, ctx, x, 'soc2_examination.scope_updated', { before: pick(prev), after: pick(next) });
      });
      return reads.get(actor, tenantId, id);
    },

    /** Confirms the scope: services and systems described; the examination moves to planning. */
    async confirm(actor: TActor | null, tenantId: string, id: string, ctx: TRequestContext): Promise<TSoc2Examination> {
      const grant = await p.authz.assert(actor, 'soc2Examination.scope', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const x = await repo.firmExamination(tx, tenantId, id, true);
        if (!x) throw notFound('Examination');
        p.authz.assertOn(grant, 'soc2Examination.scope', { state: x.state });
        const gaps = examinationLifecycle.scopeGaps(x);
        if (gaps.length) throw new AppError(409, 'soc2_scope_incomplete', 'Describe the in-scope services and systems before confirming the scope.', { missing: gaps });
        const state = examinationLifecycle.transition(x.state, 'confirmScope');
        await repo.updateExamination(tx, tenantId, id, { state }, p.clock.now());
        await audit(tx, actor, ctx, x, 'soc2_examination.scope_confirmed', { after: { state } });
      });
      return reads.get(actor, tenantId, id);
    },
  };
}
