import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TSoc2Examination } from '../../../../shared/contracts/soc2-examinations.ts';
import { ZSoc2RenewBody, type TSoc2RenewBody } from '../../../../shared/contracts/soc2-scope.ts';
import { copyLinksFrom } from '../matrix/matrix-repo.ts';
import { copyTestsFrom } from '../tests/tests-repo.ts';
import { copyScopePartsFrom } from '../scope/scope-parts-repo.ts';
import { recordScopeEvent } from '../scope/scope-parts-service.ts';
import { addMonths, nextPeriod } from './examination-rules.ts';
import { createSoc2ExaminationsService } from './examinations-service.ts';
import { openExamination } from './open-examination.ts';
import * as repo from './examinations-repo.ts';

/*
 * Renewal: the next report period opens from an issued examination, on the same engagement, with
 * `previous_examination_id` pointing back. Type II: the period starts the day after the previous
 * one ends and lasts as long (3 to 12 months); Type I: as of the same date a year later. The firm
 * may set the dates itself; they are checked as on opening. Categories, scope texts, subservice
 * organizations, complementary controls, accepted matrix links and test procedures are carried over
 * in the same transaction. The previous examination is locked first, so two renewals of the same
 * examination cannot both pass the "already renewed" check (409 `soc2_renewal_exists`).
 */
type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

export function createSoc2RenewalService(p: TDeps) {
  const reads = createSoc2ExaminationsService(p);
  return {
    async renew(actor: TActor | null, tenantId: string, examinationId: string, body: TSoc2RenewBody, ctx: TRequestContext): Promise<TSoc2Examination> {
      const grant = await p.authz.assert(actor, 'soc2Examination.renew', { tenantId });
      const input = ZSoc2RenewBody.parse(body);
      const now = p.clock.now();
      const userId = actor?.type === 'user' ? actor.userId : null;
      const nextId = await p.db.transaction().execute(async (tx) => {
        const x = await repo.firmExamination(tx, tenantId, examinationId, true);
        if (!x) throw notFound('Examination');
        p.authz.assertOn(grant, 'soc2Examination.renew', { state: x.state });
        const existing = await repo.renewalOf(tx, tenantId, x.id);
        if (existing) throw new AppError(409, 'soc2_renewal_exists', `The next examination of ${x.reference} is already open (${existing.reference}).`, { reference: existing.reference, id: existing.id });
        const computed =
          x.report_type === 'type2' ? { asOfDate: null, ...nextPeriod({ periodStart: x.period_start!, periodEnd: x.period_end! }) } : { asOfDate: addMonths(x.as_of_date!, 12), periodStart: null, periodEnd: null };
        const dates = {
          asOfDate: input.asOfDate === undefined ? computed.asOfDate : input.asOfDate,
          periodStart: input.periodStart === undefined ? computed.periodStart : input.periodStart,
          periodEnd: input.periodEnd === undefined ? computed.periodEnd : input.periodEnd,
        };
        const next = await openExamination(tx, actor, ctx, {
          firmTenantId: tenantId,
          engagementId: x.engagement_id,
          reportType: x.report_type,
          ...dates,
          categories: x.categories,
          services: x.services,
          systems: x.systems,
          locations: x.locations,
          people: x.people,
          partnerUserId: x.partner?.id ?? null,
          previous: { id: x.id, reference: x.reference },
          year: now.getUTCFullYear(),
          now,
        });
        const parts = await copyScopePartsFrom(tx, tenantId, x.id, next.id);
        const matrixLinks = await copyLinksFrom(tx, tenantId, x.id, next.id, userId);
        const tests = await copyTestsFrom(tx, tenantId, x.id, next.id, userId);
        const opened = (await repo.firmExamination(tx, tenantId, next.id))!;
        await recordScopeEvent(tx, actor, ctx, x, {
          action: 'soc2_examination.renewed',
          after: {
            nextReference: next.reference,
            asOfDate: opened.as_of_date,
            periodStart: opened.period_start,
            periodEnd: opened.period_end,
            subserviceOrgs: parts.subserviceOrgs,
            complementaryControls: parts.complementaryControls,
            matrixLinks,
            tests,
          },
        });
        return next.id;
      });
      return reads.get(actor, tenantId, nextId);
    },
  };
}
