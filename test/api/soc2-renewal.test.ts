import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZSoc2Examination } from '../../src/shared/contracts/soc2-examinations.ts';
import { ZSoc2ScopeParts } from '../../src/shared/contracts/soc2-scope.ts';
import type { TSoc2Request, TSoc2Test } from '../../src/shared/contracts/soc2-program.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildControl } from '../support/evidence.ts';
import { createSoc2Examination, forceExaminationIssuedForTest, forceExaminationStateForTest } from '../support/soc2-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * Renewal of an issued examination (the next period on the same engagement, scope, subservice
 * organizations, complementary controls, matrix and tests carried over, once only), and the
 * information request list exported as XLSX in English and French for the firm and the organization.
 * Nobody can issue a report yet through the API: `forceExaminationIssuedForTest` stands in for it.
 */
describe.skipIf(!backendAvailable)('SOC 2 renewal and the PBC list export', { timeout: 240_000 }, () => {
  let t: TTestApp;
  const clock = createTestClock(new Date('2026-11-27T09:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' });
    t.p.clock = clock;
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  const ok = async <T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  };

  /** An examination in planning with a matrix link, a test, a subservice organization, a CUEC and a CSOC. */
  async function world() {
    const built = await createSoc2Examination(t, { categories: ['security', 'availability'], periodStart: '2026-01-01', periodEnd: '2026-06-30' });
    const { firm, organization, examination } = built;
    const manager = await as(t.app, firm.owner);
    const auditor = await as(t.app, await buildMembership(t.p, firm, 'auditor'));
    const F = `/api/tenants/${firm.id}/soc2/examinations/${examination.id}`;
    const host = await ok<{ id: string }>(auditor.post(`${F}/subservice-orgs`, { name: 'Cloud Hosting SAS', treatment: 'carve_out', reportKind: 'soc2-type2' }), 201);
    await ok(auditor.post(`${F}/complementary-controls`, { kind: 'cuec', statement: 'User entities review access.', criteria: ['CC6.2'] }), 201);
    await ok(auditor.post(`${F}/complementary-controls`, { kind: 'csoc', statement: 'The host guards its data centres.', criteria: ['CC6.4'], subserviceOrgId: host.id }), 201);
    await forceExaminationStateForTest(t, firm.id, examination.id, 'planning');
    const control = await buildControl(t.p, organization.id, { reference: 'ACC-01', title: 'Quarterly access review' });
    await ok(auditor.post(`${F}/matrix/links`, { criterionRef: 'CC6.1', controlId: control.id }));
    const test = await ok<TSoc2Test>(
      auditor.post(`${F}/tests`, { controlId: control.id, methods: ['inspection'], procedure: 'Inspect the review.', frequency: 'quarterly', evidenceRequested: 'Access review export' }),
      201,
    );
    return { ...built, manager, auditor, F, control, test };
  }

  it('renews an issued Type II examination once, carrying the scope, parts, matrix and tests into the next period', async () => {
    const w = await world();
    // Not issued yet: 409; an auditor may not renew: 403.
    expect((await w.manager.post(`${w.F}/renew`, {})).json()).toMatchObject({ code: 'soc2_renewal_not_issued', details: { state: 'planning' } });
    await t.p.db.updateTable('soc2_tests').set({ conclusion: 'exception' }).where('tenant_id', '=', w.firm.id).where('id', '=', w.test.id).execute();
    await forceExaminationIssuedForTest(t, w.firm.id, w.examination.id);
    expect((await w.auditor.post(`${w.F}/renew`, {})).statusCode).toBe(403);
    const stranger = await createSoc2Examination(t);
    expect((await (await as(t.app, stranger.firm.owner)).post(`/api/tenants/${stranger.firm.id}/soc2/examinations/${w.examination.id}/renew`, {})).statusCode).toBe(404);

    const next = ZSoc2Examination.parse(await ok(w.manager.post(`${w.F}/renew`, {}), 201));
    expect(next).toMatchObject({
      engagementId: w.engagement.id,
      previousExaminationId: w.examination.id,
      reportType: 'type2',
      periodStart: '2026-07-01',
      periodEnd: '2026-12-31',
      categories: ['security', 'availability'],
      services: 'Online credit scoring for retail lenders.',
      state: 'scoping',
    });
    expect(next.reference).not.toBe(w.examination.reference);
    // Each period names the other: the page links them, and the issued one no longer offers a renewal.
    expect(next.previousReference).toBe(w.examination.reference);
    expect(next.nextExamination).toBeNull();
    const previous = ZSoc2Examination.parse(await ok(w.manager.get(w.F)));
    expect(previous.nextExamination).toEqual({ id: next.id, reference: next.reference });
    const N = `/api/tenants/${w.firm.id}/soc2/examinations/${next.id}`;
    const parts = ZSoc2ScopeParts.parse(await ok(w.manager.get(`${N}/scope`)));
    expect(parts.subserviceOrgs.map((s) => [s.name, s.treatment])).toEqual([['Cloud Hosting SAS', 'carve_out']]);
    expect(parts.complementaryControls.map((c) => [c.reference, c.subserviceOrgName])).toEqual([
      ['CUEC-01', null],
      ['CSOC-01', 'Cloud Hosting SAS'],
    ]);
    expect(parts.complementaryControls[1]!.subserviceOrgId).toBe(parts.subserviceOrgs[0]!.id);
    const matrix = await ok<{ rows: { criterionRef: string; controls: { controlRef: string }[] }[] }>(w.manager.get(`${N}/matrix`));
    expect(matrix.rows.find((r) => r.criterionRef === 'CC6.1')!.controls.map((c) => c.controlRef)).toEqual(['ACC-01']);
    const tests = await ok<{ items: TSoc2Test[] }>(w.manager.get(`${N}/tests`));
    expect(tests.items.map((x) => [x.reference, x.priorFailure, x.conclusion])).toEqual([[w.test.reference, true, 'pending']]);

    // Once only, and the examination list shows both.
    const again = await w.manager.post(`${w.F}/renew`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'soc2_renewal_exists', details: { reference: next.reference } });

    for (const tenantId of [w.firm.id, w.organization.id]) {
      const events = await t.p.db.selectFrom('audit_events').select(['action', 'summary']).where('tenant_id', '=', tenantId).where('action', 'in', ['soc2_examination.renewed', 'soc2_examination.opened']).execute();
      const renewed = events.filter((e) => e.action === 'soc2_examination.renewed');
      expect(renewed).toHaveLength(1);
      expect(renewed[0]!.summary).toMatchObject({ after: { nextReference: next.reference, periodStart: '2026-07-01', periodEnd: '2026-12-31', tests: 1, matrixLinks: 1, subserviceOrgs: 1, complementaryControls: 2 } });
      expect(events.filter((e) => e.action === 'soc2_examination.opened')).toHaveLength(2);
    }
  });

  it('lets the firm set the next dates (checked as on opening) and renews a Type I a year later', async () => {
    const w = await createSoc2Examination(t, { periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    const manager = await as(t.app, w.firm.owner);
    const F = `/api/tenants/${w.firm.id}/soc2/examinations/${w.examination.id}`;
    await forceExaminationIssuedForTest(t, w.firm.id, w.examination.id);
    expect((await manager.post(`${F}/renew`, { periodEnd: '2027-02-28' })).json()).toMatchObject({ code: 'soc2_period_too_short' });
    // The refused attempt left nothing behind: the renewal still opens.
    const next = ZSoc2Examination.parse(await ok(manager.post(`${F}/renew`, { periodStart: '2027-01-01', periodEnd: '2027-09-30' }), 201));
    expect([next.periodStart, next.periodEnd]).toEqual(['2027-01-01', '2027-09-30']);

    const t1 = await createSoc2Examination(t, { reportType: 'type1', asOfDate: '2026-06-30' });
    await forceExaminationIssuedForTest(t, t1.firm.id, t1.examination.id);
    const n1 = ZSoc2Examination.parse(await ok((await as(t.app, t1.firm.owner)).post(`/api/tenants/${t1.firm.id}/soc2/examinations/${t1.examination.id}/renew`, {}), 201));
    expect(n1).toMatchObject({ reportType: 'type1', asOfDate: '2027-06-30', periodStart: null });
  });

  it('exports the PBC list as XLSX with the headers, states and dates in the locale, for the firm and the organization', async () => {
    const w = await world();
    const contributor = await as(t.app, await buildMembership(t.p, w.organization, 'contributor'));
    const orgViewer = await as(t.app, await buildMembership(t.p, w.organization, 'viewer'));
    await ok(w.auditor.post(`${w.F}/requests/generate`, { dueOn: '2026-11-20' }));
    await ok(w.auditor.post(`${w.F}/requests`, { title: '=Organization chart', dueOn: '2026-12-15' }), 201);
    const evidence = await t.p.db
      .insertInto('evidence')
      .values({ tenant_id: w.organization.id, series_id: crypto.randomUUID(), kind: 'link', title: 'Q1 access review', sha256: 'a'.repeat(64), url: 'https://intranet.example/q1', effective_date: '2026-04-02', status: 'submitted', received_at: new Date(), contemporaneity_days: 30, not_contemporaneous: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    const O = `/api/tenants/${w.organization.id}/soc2/requests`;
    const pbc1 = (await ok<{ items: TSoc2Request[] }>(contributor.get(O))).items.find((r) => r.reference === 'PBC-001')!;
    await ok(contributor.put(`${O}/${pbc1.id}/answer`, { answer: 'Attached.', evidenceIds: [evidence.id] }));
    await ok(contributor.post(`${O}/${pbc1.id}/submit`));
    await ok(w.auditor.post(`${w.F}/requests/${pbc1.id}/return`, { reason: 'The whole quarter is needed.' }));

    const read = async (res: { statusCode: number; body: string; rawPayload: Buffer; headers: Record<string, unknown> }) => {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return wb.worksheets[0]!;
    };
    const fr = await read((await w.auditor.get(`${w.F}/requests.xlsx?locale=fr`)) as never);
    expect(fr.name).toBe('Demandes d’information');
    expect((fr.getRow(1).values as unknown[]).slice(1)).toEqual(['Référence', 'Contrôle', 'Test', 'Élément demandé', 'Échéance', 'État', 'En retard', 'Éléments probants fournis', 'Dernier motif de renvoi']);
    const row = fr.getRow(2);
    expect(row.getCell(1).value).toBe('PBC-001');
    expect(row.getCell(2).value).toBe('ACC-01');
    expect(row.getCell(3).value).toBe(w.test.reference);
    expect(row.getCell(5).value).toEqual(new Date('2026-11-20T00:00:00Z'));
    expect(row.getCell(5).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(6).value).toBe('Renvoyée');
    expect(row.getCell(7).value).toBe('Oui');
    expect(row.getCell(8).value).toBe('Q1 access review');
    expect(row.getCell(9).value).toBe('The whole quarter is needed.');
    // A title that would start a formula is written as text.
    expect(fr.getRow(3).getCell(4).value).toBe("'=Organization chart");
    expect(fr.getRow(3).getCell(6).value).toBe('Ouverte');
    expect(fr.getRow(3).getCell(7).value).toBe('Non');

    const en = await read((await orgViewer.get(`/api/tenants/${w.organization.id}/soc2/org-examinations/${w.examination.id}/requests.xlsx?locale=en`)) as never);
    expect(en.getRow(1).getCell(4).value).toBe('What is requested');
    expect(en.getRow(2).getCell(6).value).toBe('Returned');
    expect(en.getRow(2).getCell(5).numFmt).toBe('dd mmm yyyy');

    // Another tenant's examination: 404 on both sides; a bad locale: 400.
    const other = await createSoc2Examination(t);
    const stranger = await as(t.app, other.firm.owner);
    expect((await stranger.get(`/api/tenants/${other.firm.id}/soc2/examinations/${w.examination.id}/requests.xlsx`)).statusCode).toBe(404);
    const otherOrg = await buildTenant(t.p);
    expect((await (await as(t.app, otherOrg.owner)).get(`/api/tenants/${otherOrg.id}/soc2/org-examinations/${w.examination.id}/requests.xlsx`)).statusCode).toBe(404);
    expect((await w.auditor.get(`${w.F}/requests.xlsx?locale=de`)).statusCode).toBe(400);
  });
});
