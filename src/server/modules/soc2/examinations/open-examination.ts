import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { recordInBothLogs } from '../shared-audit.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import { SOC2_SCHEME_BY_TYPE, type TSoc2Category, type TSoc2ReportType } from '../../../../shared/contracts/soc2.ts';
import { nextReference } from '../../certification/common/next-reference.ts';
import { checkExaminationDates, normalizeCategories } from './examination-rules.ts';
import * as repo from './examinations-repo.ts';

/*
 * The one door through which an examination comes to exist: the firm's "open" route, the
 * acceptance of a SOC 2 proposal and a renewal all call it inside their own transaction. The
 * engagement must be the firm's, live and of the report type's scheme; the firm must be a licensed
 * CPA firm (an attestation report is issued only by one).
 */

export type TOpenExaminationInput = {
  firmTenantId: string;
  engagementId: string;
  reportType: TSoc2ReportType;
  asOfDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  categories: readonly TSoc2Category[];
  services: string;
  systems: string;
  locations: string;
  people: string;
  partnerUserId: string | null;
  previous: { id: string; reference: string } | null;
  year: number;
  now: Date;
};

/** 409 `soc2_firm_not_licensed` unless the firm's settings carry its CPA licence. */
export async function assertLicensedFirm(tx: Transaction<DB>, firmTenantId: string) {
  const licence = await repo.firmLicence(tx, firmTenantId);
  if (!licence?.cpa_firm || !licence.cpa_licence_number) {
    throw new AppError(409, 'soc2_firm_not_licensed', 'Only a licensed CPA firm opens a SOC 2 engagement: record the firm’s licence (authority and number) in its settings first.', {});
  }
  return licence;
}

export async function openExamination(tx: Transaction<DB>, actor: TActor | null, ctx: TRequestContext, input: TOpenExaminationInput) {
  await assertLicensedFirm(tx, input.firmTenantId);
  const engagement = await repo.firmEngagement(tx, input.firmTenantId, input.engagementId, true);
  if (!engagement) throw notFound('Engagement');
  if (engagement.status !== 'active') {
    throw new AppError(409, 'soc2_engagement_not_active', 'The engagement is not active: no examination can be opened on it.', { status: engagement.status, field: 'engagementId' });
  }
  const expected = SOC2_SCHEME_BY_TYPE[input.reportType];
  if (engagement.scheme !== expected) {
    throw new AppError(409, 'soc2_engagement_scheme', `A ${input.reportType === 'type1' ? 'Type I' : 'Type II'} examination belongs to a ${expected} engagement (this one is ${engagement.scheme}).`, {
      scheme: engagement.scheme,
      expected,
      field: 'reportType',
    });
  }
  const dates = checkExaminationDates(input.reportType, input);
  const createdBy = actor?.type === 'user' ? actor.userId : null;
  if (input.partnerUserId && !(await repo.isFirmMember(tx, input.firmTenantId, input.partnerUserId))) {
    throw new AppError(400, 'validation_failed', 'The engagement partner must be a member of the firm.', [{ field: 'partnerUserId', issue: 'invalid', message: 'Not a member of the firm.' }]);
  }
  const categories = normalizeCategories(input.categories);
  const reference = await nextReference(tx, input.firmTenantId, { table: 'soc2_examinations', prefix: 'SOC2', year: input.year });
  const row = await repo.insertExamination(
    tx,
    input.firmTenantId,
    {
      reference,
      engagement_id: engagement.id,
      organization_tenant_id: engagement.organization_tenant_id,
      client_id: engagement.client_id,
      report_type: input.reportType,
      as_of_date: dates.asOfDate,
      period_start: dates.periodStart,
      period_end: dates.periodEnd,
      categories,
      services: input.services,
      systems: input.systems,
      locations: input.locations,
      people: input.people,
      partner_user_id: input.partnerUserId,
      previous_examination_id: input.previous?.id ?? null,
      created_by: createdBy,
    },
    input.now,
  );
  const after = {
    reference,
    engagementId: engagement.id,
    firmName: engagement.firm_name,
    organizationName: engagement.organization_name,
    reportType: input.reportType,
    ...dates,
    categories,
    previousReference: input.previous?.reference ?? null,
  };
  const logs = { firmTenantId: input.firmTenantId, organizationTenantId: engagement.organization_tenant_id, engagementId: engagement.id, firmSubject: { type: 'soc2_examination', id: row.id } };
  await recordInBothLogs(tx, actor, ctx, logs, { action: 'soc2_examination.opened', after });
  return row;
}
