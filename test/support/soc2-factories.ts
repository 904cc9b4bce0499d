import type { TSoc2DescriptionSection } from '../../src/shared/contracts/soc2.ts';
import { sql } from 'kysely';
import type { TPlatform } from '../../src/server/platform/platform.ts';
import { loadUserActor } from '../../src/server/platform/auth/sessions.ts';
import { proposalToken } from '../../src/server/modules/certification/proposals/proposal-common.ts';
import { createProposalLinkService } from '../../src/server/modules/certification/proposals/proposal-link-service.ts';
import { createProposalsService } from '../../src/server/modules/certification/proposals/proposals-service.ts';
import { ZSoc2ProposalScope, type TSoc2ProposalScopeInput } from '../../src/shared/contracts/proposals.ts';
import { openExamination } from '../../src/server/modules/soc2/examinations/open-examination.ts';
import { randomUUID } from 'node:crypto';
import * as exceptionsRepo from '../../src/server/modules/soc2/exceptions/exceptions-repo.ts';
import type { TSoc2Category, TSoc2CriterionImpact, TSoc2ExceptionConclusion, TSoc2Opinion, TSoc2ReportType, TSoc2TestConclusion } from '../../src/shared/contracts/soc2.ts';
import { buildControl } from './evidence.ts';
import { Readable } from 'node:stream';
import type { TUserActor } from '../../src/server/platform/authz/actor.ts';
import { createPopulationsService } from '../../src/server/modules/soc2/fieldwork/populations-service.ts';
import { createSamplesService } from '../../src/server/modules/soc2/fieldwork/samples-service.ts';
import type { TSoc2ControlFrequency } from '../../src/shared/contracts/soc2.ts';
import { buildBody, buildClient, type TBuiltBody, type TBuiltClient } from './certification-factories.ts';
import { buildTenant, type TBuiltTenant } from './factories.ts';
import { contentSha256 } from '../../src/server/modules/soc2/descriptions/description-content.ts';
import { createSoc2ReportService } from '../../src/server/modules/soc2/report/report-service.ts';
import type { TSoc2TestMethod } from '../../src/shared/contracts/soc2.ts';

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
  // One live engagement per firm, organization and scheme: a second examination reuses it.
  const live = await p.db
    .selectFrom('engagements')
    .selectAll()
    .where('body_tenant_id', '=', firm.id)
    .where('organization_tenant_id', '=', organization.id)
    .where('scheme', '=', reportType === 'type1' ? 'soc2-type1' : 'soc2-type2')
    .where('status', '=', 'active')
    .executeTakeFirst();
  const { client, engagement } = live ? { client: { id: live.client_id }, engagement: live } : await buildSoc2Engagement(p, firm, organization, { reportType });
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

/**
 * An examination in fieldwork with one of the organization's controls linked to `criterionRef` and
 * one test procedure on it (conclusion pending unless told). Builds the examination when not given.
 */
export async function buildSoc2TestInFieldwork(
  x: THasPlatform,
  o: { built?: TBuiltSoc2Examination; criterionRef?: string; controlRef?: string; conclusion?: TSoc2TestConclusion } = {},
) {
  const p = platformOf(x);
  const built = o.built ?? (await createSoc2Examination(p));
  const controlRef = o.controlRef ?? `ACC-${randomUUID().slice(0, 4)}`;
  const control = await buildControl(p, built.organization.id, { reference: controlRef, title: 'Quarterly access review' });
  await p.db
    .insertInto('soc2_matrix_links')
    .values({ tenant_id: built.firm.id, examination_id: built.examination.id, criterion_ref: o.criterionRef ?? 'CC6.1', control_id: control.id, control_ref: controlRef, control_title: 'Quarterly access review' })
    .execute();
  const test = await p.db
    .insertInto('soc2_tests')
    .values({
      tenant_id: built.firm.id,
      examination_id: built.examination.id,
      reference: `T-${controlRef}-01`,
      control_id: control.id,
      control_ref: controlRef,
      control_title: 'Quarterly access review',
      methods: ['inspection'],
      procedure: 'Inspect each quarter’s access review and its approval.',
      frequency: 'quarterly',
      conclusion: o.conclusion ?? 'pending',
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
  await p.db.updateTable('soc2_examinations').set({ state: 'fieldwork' }).where('tenant_id', '=', built.firm.id).where('id', '=', built.examination.id).execute();
  return { ...built, control, test };
}

/** Raises an exception through the same repo and audit door as the API (EX-NNN, both logs); optionally responded and concluded. */
export async function raiseSoc2Exception(
  x: THasPlatform,
  o: {
    firmId: string;
    examinationId: string;
    testId: string;
    description?: string;
    sampleItemId?: string | null;
    response?: { context: string; remediation: string; userId?: string | null };
    conclusion?: { conclusion: TSoc2ExceptionConclusion; criterionImpact: TSoc2CriterionImpact; notes?: string; userId?: string | null };
  },
) {
  const p = platformOf(x);
  return p.db.transaction().execute(async (tx) => {
    const reference = await exceptionsRepo.drawExceptionReference(tx, o.firmId, o.examinationId);
    const row = await exceptionsRepo.insertException(tx, {
      tenantId: o.firmId,
      examinationId: o.examinationId,
      testId: o.testId,
      sampleItemId: o.sampleItemId ?? null,
      reference,
      description: o.description ?? 'The review was approved after the quarter ended.',
      userId: null,
      now: p.clock.now(),
    });
    if (o.response)
      await exceptionsRepo.updateException(tx, o.firmId, row.id, { response_context: o.response.context, response_remediation: o.response.remediation, responded_by: o.response.userId ?? null, responded_at: p.clock.now() });
    if (o.conclusion)
      await exceptionsRepo.updateException(tx, o.firmId, row.id, {
        conclusion: o.conclusion.conclusion,
        criterion_impact: o.conclusion.criterionImpact,
        conclusion_notes: o.conclusion.notes ?? '',
        concluded_by: o.conclusion.userId ?? null,
        concluded_at: p.clock.now(),
      });
    return { id: row.id, reference };
  });
}

/**
 * Records an opinion directly (the examination moved to `reporting` first when it is before it), for
 * tests of what follows the opinion (the report). The API's route checks the partner and the warnings.
 */
export async function recordSoc2Opinion(x: THasPlatform, o: { firmId: string; examinationId: string; opinion?: TSoc2Opinion; basis?: string; userId?: string | null }) {
  const p = platformOf(x);
  const now = p.clock.now();
  await p.db
    .updateTable('soc2_examinations')
    .set({ state: 'reporting', updated_at: now })
    .where('tenant_id', '=', o.firmId)
    .where('id', '=', o.examinationId)
    .where('state', 'in', ['scoping', 'planning', 'fieldwork'])
    .execute();
  await p.db
    .updateTable('soc2_examinations')
    .set({ opinion: o.opinion ?? 'unmodified', opinion_basis: o.basis ?? '', opinion_by: o.userId ?? null, opinion_at: now, updated_at: now })
    .where('tenant_id', '=', o.firmId)
    .where('id', '=', o.examinationId)
    .execute();
}

export type TSoc2ProposalFlowOptions = {
  firm?: TBuiltBody;
  organization?: TBuiltTenant;
  scope?: TSoc2ProposalScopeInput;
  locale?: 'en' | 'fr';
};

/**
 * The commercial path, end to end through the services: a licensed CPA firm drafts a SOC 2
 * proposal for a client (fee estimated from its parameters), issues it, and the organization's
 * owner accepts it through the signed link — which opens the engagement and the first examination
 * in one transaction. Type II over 1 January – 30 June 2026, Security + Availability unless told.
 */
export async function createSoc2ExaminationThroughProposal(x: THasPlatform, o: TSoc2ProposalFlowOptions = {}) {
  const p = platformOf(x);
  const firm = o.firm ?? (await buildCpaFirm(p, { name: 'Cabinet Lafayette CPA' }));
  const organization = o.organization ?? (await buildTenant(p, { name: `Lumière Crédit ${firm.id.slice(0, 4)}` }));
  const client = await buildClient(p, firm, { legalName: organization.name });
  const firmActor = (await loadUserActor(p.database, firm.owner.id))!;
  const proposals = createProposalsService(p);
  const draft = await proposals.createSoc2(
    firmActor,
    firm.id,
    {
      clientId: client.id,
      locale: o.locale ?? 'en',
      recipientEmail: organization.owner.email,
      scope: ZSoc2ProposalScope.parse(
        o.scope ?? {
          reportType: 'type2',
          periodStart: '2026-01-01',
          periodEnd: '2026-06-30',
          categories: ['security', 'availability'],
          services: 'Online credit scoring for retail lenders.',
          systems: 'Scoring API, back office, data warehouse.',
          locations: 'Paris, AWS eu-west-3.',
          people: 'Engineering, operations, risk.',
        },
      ),
    },
    NO_CTX,
  );
  const sent = await proposals.send(firmActor, firm.id, draft.id, {}, NO_CTX);
  const row = await p.db.selectFrom('proposals').select(['sent_at', sql<string>`valid_until::text`.as('valid_until')]).where('tenant_id', '=', firm.id).where('id', '=', draft.id).executeTakeFirstOrThrow();
  const token = proposalToken(p.secretKey, firm.id, draft.id, row.sent_at!, row.valid_until);
  const orgActor = (await loadUserActor(p.database, organization.owner.id))!;
  const accepted = await createProposalLinkService(p).accept(orgActor, token, { organizationTenantId: organization.id }, NO_CTX);
  const examination = await p.db.selectFrom('soc2_examinations').selectAll().where('tenant_id', '=', firm.id).where('id', '=', accepted.examinationId!).executeTakeFirstOrThrow();
  const engagement = await p.db.selectFrom('engagements').selectAll().where('id', '=', accepted.engagementId).executeTakeFirstOrThrow();
  return { firm, organization, client, proposal: sent, token, engagement, examination };
}

/**
 * TEST ONLY: moves an examination straight to `issued` with an unmodified opinion (the CHECK wants
 * one), skipping fieldwork, reporting and the report itself, so a renewal can be tested before the
 * issue route exists. Never a stand-in for the real issue in a journey test.
 */
export async function forceExaminationIssuedForTest(x: THasPlatform, firmTenantId: string, examinationId: string) {
  const p = platformOf(x);
  const now = p.clock.now();
  await p.db
    .updateTable('soc2_examinations')
    .set({ state: 'issued', opinion: 'unmodified', opinion_basis: 'Forced for a test.', opinion_at: now, updated_at: now })
    .where('tenant_id', '=', firmTenantId)
    .where('id', '=', examinationId)
    .execute();
}

/** TEST ONLY: sets an examination's state directly (e.g. `planning` or `fieldwork`) without the checks of the real moves. */
export async function forceExaminationStateForTest(x: THasPlatform, firmTenantId: string, examinationId: string, state: 'scoping' | 'planning' | 'fieldwork' | 'reporting') {
  const p = platformOf(x);
  await p.db.updateTable('soc2_examinations').set({ state }).where('tenant_id', '=', firmTenantId).where('id', '=', examinationId).execute();
}

/** The firm's scheme manager as the services see a signed-in user (the factories go through the services). */
export function firmActor(firm: TBuiltBody): TUserActor {
  return {
    type: 'user',
    userId: firm.owner.id,
    email: firm.owner.email,
    name: 'Scheme manager',
    locale: 'en',
    mfaEnabled: false,
    isPlatformAdmin: false,
    sessionId: null,
    createdAt: new Date().toISOString(),
    memberships: [{ tenantId: firm.id, tenantName: firm.name, tenantKind: 'certification_body', role: 'scheme_manager', requireMfa: false }],
  };
}

/**
 * An examination in fieldwork with one of the organization's controls in the matrix and a test on
 * it (frequency `daily` unless told), written straight into the tables (the programme's gate is
 * tested in soc2-matrix.test.ts).
 */
export async function createSoc2Fieldwork(x: THasPlatform, o: TSoc2ExaminationOptions & { frequency?: TSoc2ControlFrequency; risk?: 'lower' | 'moderate' | 'higher' } = {}) {
  const p = platformOf(x);
  const built = await createSoc2Examination(p, o);
  const control = await buildControl(p, built.organization.id, { reference: 'CHG-01', title: 'Changes approved before deployment' });
  await p.db
    .insertInto('soc2_matrix_links')
    .values({ tenant_id: built.firm.id, examination_id: built.examination.id, criterion_ref: 'CC8.1', control_id: control.id, control_ref: control.reference, control_title: control.title })
    .execute();
  const test = await p.db
    .insertInto('soc2_tests')
    .values({
      tenant_id: built.firm.id,
      examination_id: built.examination.id,
      reference: `T-${control.reference}-01`,
      control_id: control.id,
      control_ref: control.reference,
      control_title: control.title,
      methods: ['inspection'],
      procedure: 'Inspect the approval of each sampled change before its deployment.',
      frequency: o.frequency ?? 'daily',
      risk: o.risk ?? 'moderate',
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
  await p.db.updateTable('soc2_examinations').set({ state: 'fieldwork' }).where('tenant_id', '=', built.firm.id).where('id', '=', built.examination.id).execute();
  return { ...built, control, test };
}
export type TBuiltSoc2Fieldwork = Awaited<ReturnType<typeof createSoc2Fieldwork>>;

/** A CSV of change tickets, one a day from `start` (key CHG-00001…, date, title). */
export function changeTicketsCsv(rows: number, start = '2026-01-01', days = 181): string {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  const lines = ['ticket,deployed_on,title'];
  for (let i = 0; i < rows; i++) {
    const d = new Date(t0 + (Math.floor((i * days) / rows) % days) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`CHG-${String(i + 1).padStart(5, '0')},${d},Change ${i + 1}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A population imported through the service (file and index frozen in the blob store), with its
 * completeness record unless `completeness: ''`.
 */
export async function createSoc2Population(x: THasPlatform, w: TBuiltSoc2Fieldwork, o: { csv?: string; rows?: number; name?: string; completeness?: string } = {}) {
  const p = platformOf(x);
  const svc = createPopulationsService(p);
  const actor = firmActor(w.firm);
  const ctx = NO_CTX;
  const csv = o.csv ?? changeTicketsCsv(o.rows ?? 200);
  const pop = await svc.upload(
    actor,
    w.firm.id,
    w.examination.id,
    w.test.id,
    { meta: { name: o.name ?? 'Change tickets', keyColumn: 'ticket', dateColumn: 'deployed_on', textColumns: 'title' }, body: Readable.from([Buffer.from(csv)]), filename: 'changes.csv', declaredLength: null },
    ctx,
  );
  if (o.completeness === '') return pop;
  return svc.recordCompleteness(actor, w.firm.id, w.examination.id, pop.id, o.completeness ?? 'Row count agreed to the ticketing system’s own report.', ctx);
}

/** The population's first sample, drawn through the service (seed given or generated). */
export async function drawSoc2Sample(x: THasPlatform, w: TBuiltSoc2Fieldwork, populationId: string, o: { seed?: string } = {}) {
  const p = platformOf(x);
  return createSamplesService(p).draw(firmActor(w.firm), w.firm.id, w.examination.id, populationId, o.seed ? { seed: o.seed } : {}, NO_CTX);
}

/** A complete DC 200 description of Lumière Pay, every section written (the report factories and the API journey sign it off). */
export const SOC2_DESCRIPTION: Record<TSoc2DescriptionSection, string> = {
  services: 'Lumière Pay: online consumer-credit applications, scoring and payment schedules for partner retailers.',
  commitments: 'Availability of 99.9 % a month; payment instructions processed the same business day.',
  infrastructure: 'Managed cloud in two availability zones (Paris).',
  software: 'TypeScript application, scoring service, payment gateway integration.',
  people: 'Engineering, operations, risk and security.',
  procedures: 'Access management, change management, incident response, backup and restore.',
  data: 'Credit applications, contracts, payment schedules and transaction logs.',
  boundaries: 'The Lumière Pay application and its production environment.',
  incidents: 'One availability incident on 12 March 2026 (47 minutes).',
  changes: 'Scoring service migrated to a new cluster in April 2026.',
};

/**
 * A Type II examination ready for its report: management's signed-off description and assertion, a
 * subservice organization (carve-out) with a CSOC and a CUEC, two of the organization's controls in
 * the matrix (CC6.1 and A1.2) with a test each, a sample of three items from a 118-row population with
 * one exception (management's response and the auditor's conclusion recorded, through `raiseSoc2Exception`),
 * and the examination in `reporting` with a qualified opinion (`recordSoc2Opinion`). Rows are written
 * directly: the fieldwork and exceptions stages have their own tests.
 */
export async function buildSoc2ReportReady(x: THasPlatform, o: TSoc2ExaminationOptions & { opinion?: TSoc2Opinion } = {}) {
  const p = platformOf(x);
  const built = await createSoc2Examination(p, { categories: ['security', 'availability'], systems: 'Lumière Pay', ...o });
  const { firm, organization, examination } = built;
  const F = { tenant_id: firm.id, examination_id: examination.id };
  const assertion = 'We have prepared the description of our Lumière Pay system and confirm that it fairly presents the system throughout the period.';
  await p.db
    .insertInto('soc2_descriptions')
    .values({
      ...F,
      version: 1,
      state: 'signed_off',
      sections: JSON.stringify(SOC2_DESCRIPTION),
      assertion,
      content_sha256: contentSha256(SOC2_DESCRIPTION, assertion),
      signed_off_by: organization.owner.id,
      signed_off_name: 'Camille Roussel',
      signed_off_title: 'Chief Executive Officer',
      signed_off_at: new Date('2026-08-10T10:00:00Z'),
      updated_by: organization.owner.id,
    })
    .execute();
  const sub = await p.db.insertInto('soc2_subservice_orgs').values({ ...F, name: 'Nébuleuse Cloud SAS', services: 'Infrastructure hosting', treatment: 'carve_out' }).returning('id').executeTakeFirstOrThrow();
  await p.db
    .insertInto('soc2_complementary_controls')
    .values([
      { ...F, kind: 'cuec', reference: 'CUEC-1', statement: 'User entities review their users’ access every quarter.' },
      { ...F, kind: 'csoc', subservice_org_id: sub.id, reference: 'CSOC-1', statement: 'Physical access to the data centres is restricted to authorised staff.' },
    ])
    .execute();
  const access = await buildControl(p, organization.id, { reference: 'ACC-01', title: 'Access is granted on a manager’s recorded approval.' });
  const backup = await buildControl(p, organization.id, { reference: 'OPS-07', title: 'Backups are restored and checked every month.' });
  await p.db
    .insertInto('soc2_matrix_links')
    .values([
      { ...F, criterion_ref: 'CC6.1', control_id: access.id, control_ref: access.reference, control_title: access.title, suggested: false },
      { ...F, criterion_ref: 'A1.2', control_id: backup.id, control_ref: backup.reference, control_title: backup.title, suggested: false },
      { ...F, criterion_ref: 'CC6.2', control_id: backup.id, control_ref: backup.reference, control_title: backup.title, suggested: true },
    ])
    .execute();
  const test = (control: { id: string; reference: string; title: string }, n: number, methods: TSoc2TestMethod[], procedure: string, frequency: TSoc2ControlFrequency) => ({
    ...F,
    reference: `T-${control.reference}-0${n}`,
    control_id: control.id,
    control_ref: control.reference,
    control_title: control.title,
    methods,
    procedure,
    frequency,
  });
  const [t1, t2] = await p.db
    .insertInto('soc2_tests')
    .values([
      test(access, 1, ['inquiry', 'inspection'], 'Inspected the approval recorded before each sampled access grant.', 'many_per_day'),
      test(backup, 1, ['reperformance'], 'Re-performed the restore check for the sampled months.', 'monthly'),
    ])
    .returning(['id', 'reference'])
    .execute();
  const hash = (c: string) => c.repeat(64);
  const population = await p.db
    .insertInto('soc2_populations')
    .values({ ...F, test_id: t1!.id, name: 'Access grants', source: 'csv', file_name: 'grants.csv', file_sha256: hash('a'), file_size: 4096, index_sha256: hash('b'), row_count: 118, mapping: JSON.stringify({ key: 'id', date: 'granted_on' }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sample = await p.db
    .insertInto('soc2_samples')
    .values({ ...F, test_id: t1!.id, population_id: population.id, seed: 'seed-1', algorithm: 'pure-rand/xoroshiro128plus@1', size: 3, size_trace: JSON.stringify({ method: 'fixed', size: 3 }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const testedAt = new Date('2026-07-20T10:00:00Z');
  const items = await p.db
    .insertInto('soc2_sample_items')
    .values(
      (['beginning', 'middle', 'end'] as const).map((stratum, i) => ({
        tenant_id: firm.id,
        sample_id: sample.id,
        test_id: t1!.id,
        row_index: i * 40,
        kind: 'random' as const,
        stratum,
        item_key: `GR-${i + 1}`,
        item_date: ['2026-01-15', '2026-03-20', '2026-06-10'][i]!,
        result: i === 1 ? ('exception' as const) : ('no_exception' as const),
        tested_by: firm.owner.id,
        tested_at: testedAt,
      })),
    )
    .returning(['id', 'result'])
    .execute();
  await raiseSoc2Exception(p, {
    firmId: firm.id,
    examinationId: examination.id,
    testId: t1!.id,
    sampleItemId: items.find((i) => i.result === 'exception')!.id,
    description: 'For 1 of 3 grants sampled, access was granted before the manager’s approval was recorded.',
    response: { context: 'The access was reviewed and found appropriate.', remediation: 'Since 1 May 2026 the tool blocks a grant without approval.', userId: organization.owner.id },
    conclusion: { conclusion: 'isolated', criterionImpact: 'partial', notes: 'One occurrence, corrected by a preventive control.', userId: firm.owner.id },
  });
  const opinion = o.opinion ?? 'qualified';
  await recordSoc2Opinion(p, {
    firmId: firm.id,
    examinationId: examination.id,
    opinion,
    basis: opinion === 'unmodified' ? '' : 'Our tests of the access control (CC6.1) found the exception described in section 4.',
    userId: firm.owner.id,
  });
  return { ...built, controls: { access, backup }, tests: { access: t1!, backup: t2! } };
}
export type TBuiltSoc2ReportReady = Awaited<ReturnType<typeof buildSoc2ReportReady>>;

/** The firm's engagement partner (the firm's founder in these factories) as the service sees a signed-in person. */
export function soc2PartnerActor(firm: { id: string; name: string; owner: { id: string; email: string } }): TUserActor {
  return {
    type: 'user',
    userId: firm.owner.id,
    email: firm.owner.email,
    name: 'Engagement partner',
    locale: 'en',
    mfaEnabled: false,
    isPlatformAdmin: false,
    sessionId: null,
    createdAt: new Date(0).toISOString(),
    memberships: [{ tenantId: firm.id, tenantName: firm.name, tenantKind: 'certification_body', role: 'scheme_manager', requireMfa: false }],
  };
}

/**
 * An issued Type II report (the readers' starting point): `buildSoc2ReportReady`, then issued through
 * the report service by the engagement partner, so the files, hashes, state and audit events are
 * the real ones. Returns the world and the issued report's status.
 */
export async function issueSoc2Report(x: THasPlatform, o: TSoc2ExaminationOptions & { opinion?: TSoc2Opinion } = {}) {
  const p = platformOf(x);
  const world = await buildSoc2ReportReady(p, o);
  const status = await createSoc2ReportService(p).issue(soc2PartnerActor(world.firm), world.firm.id, world.examination.id, NO_CTX);
  return { ...world, report: status.report!, status };
}
export type TIssuedSoc2Report = Awaited<ReturnType<typeof issueSoc2Report>>;
