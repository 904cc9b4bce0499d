import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZSoc2Matrix, ZSoc2Test, type TSoc2Test } from '../../src/shared/contracts/soc2-program.ts';
import { ZSoc2Description } from '../../src/shared/contracts/soc2-descriptions.ts';
import { createTestClock, type TTestClock } from '../../src/server/platform/clock/clock.ts';
import { buildBody } from '../support/certification-factories.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { SOC2_DESCRIPTION as DESCRIPTION } from '../support/soc2-factories.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';
import { backendAvailable, createTestApp, type TClient, type TTestApp } from '../support/test-app.ts';
import { journeyFieldwork } from './soc2-journey-fieldwork.ts';
import { journeyReport } from './soc2-journey-report.ts';

/*
 * Issue 12's journey, end to end through the HTTP API on a real database: a CPA firm registers its
 * licence, proposes a six-month SOC 2 Type II examination to « Lumière Crédit », which accepts it;
 * management writes and signs off its system description; the firm maps the criteria to the
 * organization's controls and writes its test procedures (this file); populations, samples, results,
 * exceptions, responses and conclusions (soc2-journey-fieldwork.ts); the partner's qualified
 * opinion, the report in English and French, and a customer reading it under NDA (soc2-journey-report.ts).
 */

export type TOk = <T = Record<string, unknown>>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status?: number) => Promise<T>;

export type TJourney = {
  t: TTestApp;
  clock: TTestClock;
  smtp: Awaited<ReturnType<typeof startSmtp>>;
  ok: TOk;
  firmId: string;
  orgId: string;
  examinationId: string;
  reference: string;
  /** The firm's routes for this examination, and the organization's. */
  E: string;
  O: string;
  manager: TClient;
  auditor: TClient;
  orgOwner: TClient;
  orgContributor: TClient;
  tests: Record<'changes' | 'deployments' | 'access' | 'governance', TSoc2Test>;
};

const LICENCE = { cpaFirm: true, cpaLicenceAuthority: 'New York State Board of Public Accountancy', cpaLicenceNumber: 'CPA-123456', cpaLicenceJurisdiction: 'New York, USA' };


describe.skipIf(!backendAvailable)('SOC 2 journey: from the proposal to a customer reading the qualified Type II report', { timeout: 400_000 }, () => {
  let t: TTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const clock = createTestClock(new Date('2025-11-20T09:00:00Z'));
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ LOG_LEVEL: 'silent', SMTP_URL: smtp.url, JOBS_ENABLED: 'true', PUBLIC_URL: 'https://attest.example' });
    t.p.clock = clock;
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const ok: TOk = async <T,>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  };

  it('walks the proposal, acceptance, description, matrix, tests, fieldwork, exceptions, opinion, report and a reader under NDA', async () => {
    // The CPA firm registers its licence: only then may it propose a SOC 2 examination.
    const body = await buildBody(t.p, { name: 'Cabinet Lafayette CPA' });
    const manager = await as(t.app, body.owner);
    const settings = { publicSlug: body.settings.public_slug, legalName: 'Cabinet Lafayette CPA LLP', address: '12 boulevard Haussmann, 75009 Paris' };
    await ok(manager.put(`/api/tenants/${body.id}/body-settings`, { ...settings, ...LICENCE }));
    const client = await ok<{ id: string }>(
      manager.post(`/api/tenants/${body.id}/clients`, {
        legalName: 'Lumière Crédit SAS',
        registeredAddress: '18 rue de la Chaussée-d’Antin, 75009 Paris',
        sectorRisk: 'high',
        employeesFullTime: 140,
        contactName: 'Claire Martin',
        contactEmail: 'claire.martin@lumiere-credit.example',
        preferredLocale: 'fr',
        sites: [{ name: 'Siège', address: '18 rue de la Chaussée-d’Antin, 75009 Paris', isCentral: true, personnel: 140 }],
      }),
      201,
    );

    // Lumière Crédit in Attest, with its own controls.
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const orgOwner = await as(t.app, org.owner);
    const orgContributor = await as(t.app, await buildMembership(t.p, org, 'contributor'));
    const control = async (reference: string, title: string, frequency: string) =>
      (await ok<{ id: string; reference: string }>(orgContributor.post(`/api/tenants/${org.id}/controls`, { reference, title, frequency, status: 'implemented' }), 201)).id;
    const controls = {
      governance: await control('GOV-01', 'The security policy is approved by the board and reviewed every year.', 'annually'),
      access: await control('ACC-01', 'Access rights are reviewed by each manager every quarter.', 'quarterly'),
      changes: await control('CHG-01', 'Each change is approved before its deployment to production.', 'daily'),
    };

    // 1. The SOC 2 Type II proposal over six months, priced by the firm's estimate, sent by mail.
    const P = `/api/tenants/${body.id}/proposals`;
    const scope = {
      reportType: 'type2',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      categories: ['security'],
      services: 'Online consumer-credit applications and payment schedules for partner retailers.',
      systems: 'Lumière Pay',
      locations: 'Paris; AWS eu-west-3',
      people: 'Engineering, operations, risk',
    };
    const proposal = await ok<{ id: string; scheme: string; cycleCents: number; soc2: { observationMonths: number } }>(
      manager.post(`${P}/soc2`, { clientId: client.id, scope, locale: 'fr', recipientEmail: 'claire.martin@lumiere-credit.example' }),
      201,
    );
    expect(proposal).toMatchObject({ scheme: 'soc2-type2', soc2: { observationMonths: 6 } });
    expect(proposal.cycleCents).toBeGreaterThan(0);
    await ok(manager.post(`${P}/${proposal.id}/send`, {}));
    const mail = mailText((await smtp.waitFor('claire.martin@lumiere-credit.example')).raw);
    const token = /https:\/\/attest\.example\/proposal\/([0-9a-zA-Z._-]+)/.exec(mail)![1]!;

    // 2. Accepted by the organization: the engagement and the first examination, in scoping.
    clock.set(new Date('2025-11-24T10:00:00Z'));
    const accepted = await ok<{ engagementId: string; examinationId: string }>(orgOwner.post(`/api/public/proposals/${token}/accept`, { organizationTenantId: org.id }));
    const E = `/api/tenants/${body.id}/soc2/examinations/${accepted.examinationId}`;
    const O = `/api/tenants/${org.id}/soc2/org-examinations/${accepted.examinationId}`;
    const exam = await ok<{ reference: string; state: string; reportType: string; periodStart: string; periodEnd: string; categories: string[] }>(manager.get(E));
    expect(exam).toMatchObject({ state: 'scoping', reportType: 'type2', periodStart: '2026-01-01', periodEnd: '2026-06-30', categories: ['security'] });
    expect(exam.reference).toMatch(/^SOC2-\d{4}-\d{4}$/);
    const seen = await ok<{ items: { id: string }[] }>(orgOwner.get(`/api/tenants/${org.id}/soc2/org-examinations`));
    expect(seen.items.map((i) => i.id)).toEqual([accepted.examinationId]);
    expect((await ok<{ state: string }>(manager.post(`${E}/confirm-scope`))).state).toBe('planning');

    // 3. Management writes its description (two saves) and signs it off on the hash it read.
    clock.set(new Date('2026-07-06T09:00:00Z'));
    const D = `${O}/description`;
    await ok(orgContributor.put(D, { sections: { services: DESCRIPTION.services } }));
    const draft = ZSoc2Description.parse(await ok(orgContributor.put(D, { sections: DESCRIPTION, assertion: 'We have prepared the description of our Lumière Pay system and confirm that it fairly presents the system throughout the period.' })));
    expect(draft.versions).toHaveLength(1);
    const v1 = draft.versions[0]!;
    expect(v1.state).toBe('draft');
    const signed = ZSoc2Description.parse(await ok(orgOwner.post(`${D}/sign-off`, { name: 'Claire Martin', title: 'Directrice générale', contentSha256: v1.contentSha256 })));
    expect(signed.versions[0]).toMatchObject({ version: 1, state: 'signed_off', signedOff: { name: 'Claire Martin', title: 'Directrice générale' } });
    const firmView = ZSoc2Description.parse(await ok(manager.get(`${E}/description`)));
    expect(firmView.versions[0]!.contentSha256).toBe(v1.contentSha256);

    // 4. The matrix: every applicable Security criterion mapped to one of the organization's controls.
    const auditorUser = await buildMembership(t.p, body, 'auditor');
    const auditor = await as(t.app, auditorUser);
    const m0 = ZSoc2Matrix.parse(await ok(auditor.get(`${E}/matrix`)));
    const criteria = m0.rows.map((r) => r.criterionRef);
    expect(criteria).toContain('CC1.1');
    expect(criteria).toContain('CC9.2');
    expect(criteria.every((r) => r.startsWith('CC'))).toBe(true);
    expect(m0.uncoveredCriteria).toEqual(criteria);
    const owning = (ref: string) => (ref.startsWith('CC6.') ? controls.access : ref.startsWith('CC7.') || ref.startsWith('CC8.') ? controls.changes : controls.governance);
    for (const ref of criteria) await ok(auditor.post(`${E}/matrix/links`, { criterionRef: ref, controlId: owning(ref) }));
    const blocked = await auditor.post(`${E}/fieldwork`);
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json()).toMatchObject({ code: 'soc2_fieldwork_blocked', details: { uncovered: 0, untested: criteria.length } });

    // 5. Test procedures, one per control and a second on the changes.
    const test = async (controlId: string, methods: string[], procedure: string, frequency: string) =>
      ZSoc2Test.parse(await ok(auditor.post(`${E}/tests`, { controlId, methods, procedure, evidenceRequested: 'The system’s export for the period.', frequency }), 201));
    const tests = {
      changes: await test(controls.changes, ['inspection'], 'Inspected the approval recorded before each sampled deployment.', 'daily'),
      deployments: await test(controls.changes, ['reperformance'], 'Re-performed the automated tests of each sampled deployment.', 'daily'),
      access: await test(controls.access, ['inquiry', 'inspection'], 'Inspected each quarterly access review and its sign-off.', 'quarterly'),
      governance: await test(controls.governance, ['inspection'], 'Inspected the board’s approval of the security policy.', 'annual'),
    };
    expect([tests.changes.reference, tests.deployments.reference, tests.access.reference, tests.governance.reference]).toEqual(['T-CHG-01-01', 'T-CHG-01-02', 'T-ACC-01-01', 'T-GOV-01-01']);
    const m1 = ZSoc2Matrix.parse(await ok(auditor.get(`${E}/matrix`)));
    expect(m1.uncoveredCriteria).toEqual([]);
    expect(m1.rows.find((r) => r.criterionRef === 'CC8.1')!.controls).toMatchObject([{ controlRef: 'CHG-01', suggested: false, tests: 2 }]);
    expect(await ok(auditor.post(`${E}/fieldwork`))).toEqual({ examinationId: accepted.examinationId, state: 'fieldwork' });

    const j: TJourney = { t, clock, smtp, ok, firmId: body.id, orgId: org.id, examinationId: accepted.examinationId, reference: exam.reference, E, O, manager, auditor, orgOwner, orgContributor, tests };
    await journeyFieldwork(j);
    await journeyReport(j);
  });
});
