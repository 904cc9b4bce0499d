import type { TPlatform } from '../../src/server/platform/platform.ts';
import { openExamination } from '../../src/server/modules/soc2/examinations/open-examination.ts';
import type { TSoc2Category, TSoc2ReportType } from '../../src/shared/contracts/soc2.ts';
import { buildBody, buildClient, type TBuiltBody, type TBuiltClient } from './certification-factories.ts';
import { buildTenant, type TBuiltTenant } from './factories.ts';

/*
 * SOC 2 records for one test: a licensed CPA firm (a certification body whose settings carry its
 * licence), an organization, their SOC 2 engagement and an examination opened through the same
 * door as the API (`openExamination`), so references, checks and audit events are the real ones.
 * Stage 2 (matrix, tests, requests) adds its builders here.
 */

type THasPlatform = TPlatform | { p: TPlatform };
const platformOf = (x: THasPlatform): TPlatform => ('p' in x && !('db' in x) ? x.p : (x as TPlatform));
const NO_CTX = { requestId: null, ip: null, userAgent: null };

/** A certification body flagged as a licensed CPA firm; its founder is the scheme manager. */
export async function buildCpaFirm(x: THasPlatform, o: { name?: string; licensed?: boolean } = {}) {
  const p = platformOf(x);
  const firm = await buildBody(p, o.name ? { name: o.name } : {});
  if (o.licensed !== false) {
    await p.db
      .updateTable('body_settings')
      .set({ cpa_firm: true, cpa_licence_authority: 'New York State Board of Public Accountancy', cpa_licence_number: 'CPA-123456', cpa_licence_jurisdiction: 'New York, USA' })
      .where('tenant_id', '=', firm.id)
      .execute();
  }
  return firm;
}

/** An active SOC 2 engagement (no ISO audit programme: an examination is its unit of work). */
export async function buildSoc2Engagement(x: THasPlatform, firm: TBuiltBody, organization: { id: string }, o: { reportType?: TSoc2ReportType; client?: TBuiltClient } = {}) {
  const p = platformOf(x);
  const client = o.client ?? (await buildClient(p, firm, { organizationTenantId: organization.id }));
  const engagement = await p.db
    .insertInto('engagements')
    .values({
      body_tenant_id: firm.id,
      organization_tenant_id: organization.id,
      client_id: client.id,
      scheme: o.reportType === 'type1' ? 'soc2-type1' : 'soc2-type2',
      status: 'active',
      created_by: firm.owner.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { client, engagement };
}

export type TSoc2ExaminationOptions = {
  firm?: TBuiltBody;
  organization?: TBuiltTenant;
  reportType?: TSoc2ReportType;
  asOfDate?: string;
  periodStart?: string;
  periodEnd?: string;
  categories?: TSoc2Category[];
  services?: string;
  systems?: string;
};

/**
 * A licensed CPA firm, an organization, their SOC 2 engagement and one examination in `scoping`
 * (Type II, 1 January – 30 June 2026, Security + Availability unless told). Pass `firm` and/or
 * `organization` to reuse them.
 */
export async function createSoc2Examination(x: THasPlatform, o: TSoc2ExaminationOptions = {}) {
  const p = platformOf(x);
  const firm = o.firm ?? (await buildCpaFirm(p, { name: 'Cabinet Lafayette CPA' }));
  const organization = o.organization ?? (await buildTenant(p, { name: `Lumière Crédit ${firm.id.slice(0, 4)}` }));
  const reportType = o.reportType ?? 'type2';
  const { client, engagement } = await buildSoc2Engagement(p, firm, organization, { reportType });
  const now = p.clock.now();
  const row = await p.db.transaction().execute((tx) =>
    openExamination(tx, null, NO_CTX, {
      firmTenantId: firm.id,
      engagementId: engagement.id,
      reportType,
      asOfDate: reportType === 'type1' ? (o.asOfDate ?? '2026-06-30') : null,
      periodStart: reportType === 'type2' ? (o.periodStart ?? '2026-01-01') : null,
      periodEnd: reportType === 'type2' ? (o.periodEnd ?? '2026-06-30') : null,
      categories: o.categories ?? ['security', 'availability'],
      services: o.services ?? 'Online credit scoring for retail lenders.',
      systems: o.systems ?? 'Scoring API, back office, data warehouse.',
      locations: 'Paris, AWS eu-west-3.',
      people: 'Engineering, operations, risk.',
      partnerUserId: firm.owner.id,
      previous: null,
      year: now.getUTCFullYear(),
      now,
    }),
  );
  return { firm, organization, client, engagement, examination: row };
}
export type TBuiltSoc2Examination = Awaited<ReturnType<typeof createSoc2Examination>>;
