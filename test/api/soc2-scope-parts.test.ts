import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZSoc2ComplementaryControl, ZSoc2DescriptionDiff, ZSoc2ScopeParts, ZSoc2SubserviceOrg, type TSoc2ScopeParts } from '../../src/shared/contracts/soc2-scope.ts';
import { listScopeParts } from '../../src/server/modules/soc2/index.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { createSoc2Examination, forceExaminationStateForTest } from '../support/soc2-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * Subservice organizations and complementary controls (CUECs, CSOCs) through the API: the firm
 * writes them while scoping or planning, the organization reads them; criteria are the
 * examination's applicable ones; a CSOC needs a carved-out organization; another tenant gets 404,
 * a read-only role 403. Then the description diff between two versions, on both sides.
 */
describe.skipIf(!backendAvailable)('SOC 2 subservice organizations, CUECs and CSOCs; description diff', { timeout: 240_000 }, () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' });
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  const ok = async <T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  };

  it('adds, edits, reorders and deletes while scoping or planning; 409 after; the organization reads; others 404/403', async () => {
    const { firm, organization, examination } = await createSoc2Examination(t, { categories: ['security', 'availability'] });
    const manager = await as(t.app, firm.owner);
    const auditor = await as(t.app, await buildMembership(t.p, firm, 'auditor'));
    const reviewer = await as(t.app, await buildMembership(t.p, firm, 'technical_reviewer'));
    const orgViewer = await as(t.app, await buildMembership(t.p, organization, 'viewer'));
    const F = `/api/tenants/${firm.id}/soc2/examinations/${examination.id}`;
    const O = `/api/tenants/${organization.id}/soc2/org-examinations/${examination.id}`;

    const aws = ZSoc2SubserviceOrg.parse(
      await ok(
        auditor.post(`${F}/subservice-orgs`, { name: 'Cloud Hosting SAS', services: 'Hosting', treatment: 'carve_out', reportKind: 'soc2-type2', reportPeriodEnd: '2026-03-31', reportOpinion: 'unmodified' }),
        201,
      ),
    );
    expect(aws).toMatchObject({ name: 'Cloud Hosting SAS', treatment: 'carve_out', reportKind: 'soc2-type2', reportPeriodEnd: '2026-03-31', reportOpinion: 'unmodified', position: 0 });
    const pay = ZSoc2SubserviceOrg.parse(await ok(auditor.post(`${F}/subservice-orgs`, { name: 'Payments Ltd', treatment: 'inclusive' }), 201));
    expect(pay.position).toBe(1);
    // A report date without the report's kind; a reviewer cannot write.
    expect((await auditor.post(`${F}/subservice-orgs`, { name: 'X', treatment: 'inclusive', reportOpinion: 'qualified' })).json()).toMatchObject({ code: 'validation_failed' });
    expect((await reviewer.post(`${F}/subservice-orgs`, { name: 'X', treatment: 'inclusive' })).statusCode).toBe(403);

    // CUECs and CSOCs: references per kind, criteria applicable, a CSOC on a carved-out organization.
    const cuec1 = ZSoc2ComplementaryControl.parse(await ok(auditor.post(`${F}/complementary-controls`, { kind: 'cuec', statement: 'User entities review portal access quarterly.', criteria: ['CC6.2', 'A1.2'] }), 201));
    expect(cuec1).toMatchObject({ reference: 'CUEC-01', criteria: ['CC6.2', 'A1.2'], subserviceOrgId: null });
    const cuec2 = ZSoc2ComplementaryControl.parse(await ok(auditor.post(`${F}/complementary-controls`, { kind: 'cuec', statement: 'User entities protect their API keys.' }), 201));
    expect(cuec2.reference).toBe('CUEC-02');
    const refused = (await auditor.post(`${F}/complementary-controls`, { kind: 'cuec', statement: 'x', criteria: ['CC6.1', 'C1.1', 'PI1.2'] })).json();
    expect(refused).toMatchObject({ code: 'soc2_criterion_not_applicable' });
    expect(refused.details.map((d: { field: string }) => d.field)).toEqual(['criteria.1', 'criteria.2']);
    expect((await auditor.post(`${F}/complementary-controls`, { kind: 'csoc', statement: 'x', subserviceOrgId: pay.id })).json()).toMatchObject({ code: 'soc2_csoc_needs_carve_out' });
    expect((await auditor.post(`${F}/complementary-controls`, { kind: 'csoc', statement: 'x' })).json()).toMatchObject({ code: 'soc2_csoc_needs_carve_out' });
    expect((await auditor.post(`${F}/complementary-controls`, { kind: 'cuec', statement: 'x', subserviceOrgId: aws.id })).statusCode).toBe(400);
    const csoc = ZSoc2ComplementaryControl.parse(
      await ok(auditor.post(`${F}/complementary-controls`, { kind: 'csoc', statement: 'The host restricts physical access to its data centres.', criteria: ['CC6.4'], subserviceOrgId: aws.id }), 201),
    );
    expect(csoc).toMatchObject({ reference: 'CSOC-01', subserviceOrgName: 'Cloud Hosting SAS' });
    // A carved-out organization with CSOCs cannot become inclusive.
    expect((await auditor.patch(`${F}/subservice-orgs/${aws.id}`, { treatment: 'inclusive' })).json()).toMatchObject({ code: 'soc2_csoc_needs_carve_out', details: { csocs: ['CSOC-01'] } });
    expect(ZSoc2SubserviceOrg.parse(await ok(auditor.patch(`${F}/subservice-orgs/${pay.id}`, { reportNotes: 'No report: inclusive.' }))).reportNotes).toBe('No report: inclusive.');
    expect(ZSoc2ComplementaryControl.parse(await ok(auditor.patch(`${F}/complementary-controls/${cuec1.id}`, { criteria: ['CC6.2'] }))).criteria).toEqual(['CC6.2']);

    // The next number follows the highest in use.
    expect((await auditor.delete(`${F}/complementary-controls/${cuec2.id}`)).statusCode).toBe(204);
    expect(ZSoc2ComplementaryControl.parse(await ok(auditor.post(`${F}/complementary-controls`, { kind: 'cuec', statement: 'User entities report incidents within 24 hours.' }), 201)).reference).toBe('CUEC-02');

    // Reorder: every id once.
    expect((await auditor.put(`${F}/subservice-orgs/order`, { ids: [pay.id] })).statusCode).toBe(400);
    const reordered = ZSoc2ScopeParts.parse(await ok(auditor.put(`${F}/subservice-orgs/order`, { ids: [pay.id, aws.id] })));
    expect(reordered.subserviceOrgs.map((s) => s.name)).toEqual(['Payments Ltd', 'Cloud Hosting SAS']);

    // The organization reads the same lists (one statement), without the write ability; others get 404.
    const seen = ZSoc2ScopeParts.parse(await ok(orgViewer.get(`${O}/scope`)));
    expect(seen.subserviceOrgs.map((s) => s.name)).toEqual(['Payments Ltd', 'Cloud Hosting SAS']);
    expect(seen.complementaryControls.map((c) => c.reference)).toEqual(['CUEC-01', 'CUEC-02', 'CSOC-01']);
    expect(seen.abilities['soc2Examination.scopeParts']).toBe(false);
    const firmView = ZSoc2ScopeParts.parse(await ok(reviewer.get(`${F}/scope`)));
    expect(firmView.complementaryControls).toEqual(seen.complementaryControls);
    expect(firmView.abilities['soc2Examination.scopeParts']).toBe(false);
    expect(ZSoc2ScopeParts.parse(await ok(auditor.get(`${F}/scope`))).abilities['soc2Examination.scopeParts']).toBe(true);
    expect(await t.queriesDuring(() => auditor.get(`${F}/scope`))).toHaveLength(3);
    const parts = await listScopeParts(t.p.db, firm.id, examination.id);
    expect(parts?.complementaryControls.map((c) => c.reference)).toEqual(['CUEC-01', 'CUEC-02', 'CSOC-01']);
    expect(await listScopeParts(t.p.db, organization.id, examination.id)).toBeNull();

    const otherFirm = await createSoc2Examination(t);
    const stranger = await as(t.app, otherFirm.firm.owner);
    const SF = `/api/tenants/${otherFirm.firm.id}/soc2/examinations/${examination.id}`;
    expect((await stranger.get(`${SF}/scope`)).statusCode).toBe(404);
    expect((await stranger.post(`${SF}/subservice-orgs`, { name: 'X', treatment: 'inclusive' })).statusCode).toBe(404);
    // Another examination's record through this one: 404.
    const ownOther = `/api/tenants/${otherFirm.firm.id}/soc2/examinations/${otherFirm.examination.id}`;
    expect((await stranger.patch(`${ownOther}/subservice-orgs/${aws.id}`, { name: 'Y' })).statusCode).toBe(404);
    expect((await stranger.delete(`${ownOther}/complementary-controls/${csoc.id}`)).statusCode).toBe(404);
    const otherOrg = await buildTenant(t.p);
    expect((await (await as(t.app, otherOrg.owner)).get(`/api/tenants/${otherOrg.id}/soc2/org-examinations/${examination.id}/scope`)).statusCode).toBe(404);

    // Planning still allows changes; fieldwork answers 409 with the state.
    await forceExaminationStateForTest(t, firm.id, examination.id, 'planning');
    await ok(auditor.patch(`${F}/complementary-controls/${csoc.id}`, { statement: 'The host restricts and logs physical access.' }));
    await forceExaminationStateForTest(t, firm.id, examination.id, 'fieldwork');
    const late = await auditor.post(`${F}/subservice-orgs`, { name: 'Late', treatment: 'inclusive' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'soc2_examination_state', details: { state: 'fieldwork' } });
    expect((await auditor.delete(`${F}/subservice-orgs/${aws.id}`)).statusCode).toBe(409);
    await forceExaminationStateForTest(t, firm.id, examination.id, 'planning');

    // Deleting the carved-out organization takes its CSOC with it; the logs keep its reference.
    expect((await manager.delete(`${F}/subservice-orgs/${aws.id}`)).statusCode).toBe(204);
    const after = await ok<TSoc2ScopeParts>(manager.get(`${F}/scope`));
    expect(after.complementaryControls.map((c) => c.reference)).toEqual(['CUEC-01', 'CUEC-02']);

    for (const tenantId of [firm.id, organization.id]) {
      const events = await t.p.db.selectFrom('audit_events').select(['action', 'summary']).where('tenant_id', '=', tenantId).where('action', 'like', 'soc2_%').execute();
      const actions = new Set(events.map((e) => e.action));
      for (const a of [
        'soc2_subservice_org.added',
        'soc2_subservice_org.updated',
        'soc2_subservice_org.removed',
        'soc2_subservice_org.reordered',
        'soc2_complementary_control.added',
        'soc2_complementary_control.updated',
        'soc2_complementary_control.removed',
      ])
        expect(actions.has(a), `${a} in ${tenantId}`).toBe(true);
      const removed = events.find((e) => e.action === 'soc2_subservice_org.removed')!;
      expect(JSON.stringify(removed.summary)).toContain('CSOC-01');
    }
  });

  it('diffs two description versions per section for the firm and the organization; another examination’s version is 404', async () => {
    const { firm, organization, examination } = await createSoc2Examination(t);
    const owner = await as(t.app, organization.owner);
    const firmReader = await as(t.app, await buildMembership(t.p, firm, 'decision_maker'));
    const O = `/api/tenants/${organization.id}/soc2/org-examinations/${examination.id}/description`;
    const F = `/api/tenants/${firm.id}/soc2/examinations/${examination.id}/description`;
    const sections = {
      services: 'Credit scoring.\nLender back office.',
      commitments: 'Availability 99.9 %.',
      infrastructure: 'AWS eu-west-3.',
      software: 'Scoring API.',
      people: 'Engineering.',
      procedures: 'Change management.',
      data: 'Applicant data.',
      boundaries: 'Lender systems are out of scope.',
      incidents: 'None.',
      changes: 'None.',
    };
    await ok(owner.put(O, { sections, assertion: 'We assert.' }));
    const v1 = (await ok<{ versions: { contentSha256: string }[] }>(owner.get(O))).versions[0]!;
    await ok(owner.post(`${O}/sign-off`, { name: 'Claire Martin', title: 'CEO', contentSha256: v1.contentSha256 }));
    await ok(owner.put(O, { sections: { services: 'Credit scoring.\nLender portal.\nLender back office.', incidents: '' } }));

    const diff = ZSoc2DescriptionDiff.parse(await ok(firmReader.get(`${F}/diff?from=1&to=2`)));
    expect(diff.sections.filter((s) => s.changed).map((s) => s.section)).toEqual(['services', 'incidents']);
    expect(diff.sections.find((s) => s.section === 'services')!.lines).toEqual([
      { op: 'unchanged', text: 'Credit scoring.' },
      { op: 'added', text: 'Lender portal.' },
      { op: 'unchanged', text: 'Lender back office.' },
    ]);
    expect(diff.sections.find((s) => s.section === 'incidents')!.lines).toEqual([{ op: 'removed', text: 'None.' }]);
    expect(ZSoc2DescriptionDiff.parse(await ok(owner.get(`${O}/diff?from=1&to=2`)))).toEqual(diff);

    // A version number of another examination (this one has no version 3), another tenant, bad input.
    const other = await createSoc2Examination(t, { firm, organization });
    await ok(owner.put(`/api/tenants/${organization.id}/soc2/org-examinations/${other.examination.id}/description`, { sections: { services: 'a' } }));
    expect((await firmReader.get(`${F}/diff?from=1&to=3`)).statusCode).toBe(404);
    expect((await firmReader.get(`/api/tenants/${firm.id}/soc2/examinations/${other.examination.id}/description/diff?from=1&to=2`)).statusCode).toBe(404);
    expect((await firmReader.get(`${F}/diff?from=0&to=2`)).statusCode).toBe(400);
    const stranger = await buildTenant(t.p);
    expect((await (await as(t.app, stranger.owner)).get(`/api/tenants/${stranger.id}/soc2/org-examinations/${examination.id}/description/diff?from=1&to=2`)).statusCode).toBe(404);
  });
});
