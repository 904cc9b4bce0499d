import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZOrgSoc2Examination, ZOrgSoc2ExaminationPage, ZSoc2Examination, ZSoc2ExaminationPage } from '../../src/shared/contracts/soc2-examinations.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildCpaFirm, buildSoc2Engagement, createSoc2Examination } from '../support/soc2-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * SOC 2 examinations through the API on a real database: the firm opens one on its SOC 2 engagement
 * (licence, scheme, dates and categories checked), reads its list and detail; the organization reads
 * its own through the engagement; anyone else gets 404 and a viewer or auditor cannot open one.
 */
describe.skipIf(!backendAvailable)('SOC 2 examinations', { timeout: 240_000 }, () => {
  let t: TTestApp;
  const clock = createTestClock(new Date('2026-01-10T09:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' });
    t.p.clock = clock;
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  it('opens a Type II examination: Security always, period checked, reference numbered, both logs written', async () => {
    const firm = await buildCpaFirm(t, { name: 'Cabinet Lafayette CPA' });
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const { engagement } = await buildSoc2Engagement(t, firm, org, { reportType: 'type2' });
    const manager = await as(t.app, firm.owner);
    const base = `/api/tenants/${firm.id}/soc2/examinations`;
    const body = { engagementId: engagement.id, reportType: 'type2', periodStart: '2026-01-01', periodEnd: '2026-06-30', categories: ['availability', 'processing_integrity'], services: 'Credit scoring API' };

    const short = await manager.post(base, { ...body, periodEnd: '2026-03-30' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'soc2_period_too_short', details: { minMonths: 3, earliestEnd: '2026-03-31' } });
    const long = await manager.post(base, { ...body, periodEnd: '2027-01-01' });
    expect(long.json()).toMatchObject({ code: 'soc2_period_too_long', details: { maxMonths: 12, latestEnd: '2026-12-31' } });
    expect((await manager.post(base, { ...body, periodStart: null })).json().code).toBe('soc2_period_required');
    expect((await manager.post(base, { ...body, reportType: 'type1', asOfDate: '2026-06-30' })).json()).toMatchObject({ code: 'soc2_engagement_scheme', details: { scheme: 'soc2-type2' } });

    const res = await manager.post(base, body);
    expect(res.statusCode).toBe(201);
    const exam = ZSoc2Examination.parse(res.json());
    expect(exam).toMatchObject({
      reference: 'SOC2-2026-0001',
      reportType: 'type2',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      asOfDate: null,
      categories: ['security', 'availability', 'processing_integrity'],
      state: 'scoping',
      organizationName: 'Lumière Crédit',
      firmName: 'Cabinet Lafayette CPA',
      descriptionState: null,
      abilities: { 'soc2Examination.read': true, 'soc2Examination.create': true, 'soc2Examination.scope': true },
    });
    // Exactly three months is enough.
    expect((await manager.post(base, { ...body, periodStart: '2026-07-01', periodEnd: '2026-09-30' })).statusCode).toBe(201);

    for (const tenantId of [firm.id, org.id]) {
      const events = await t.p.db.selectFrom('audit_events').select(['action', 'subject_type']).where('tenant_id', '=', tenantId).where('action', '=', 'soc2_examination.opened').execute();
      expect(events.length).toBe(2);
      expect(events[0]!.subject_type).toBe(tenantId === firm.id ? 'soc2_examination' : 'engagement');
    }
  });

  it('refuses a firm without a CPA licence, a non-SOC 2 engagement and the wrong roles', async () => {
    const firm = await buildCpaFirm(t, { licensed: false });
    const org = await buildTenant(t.p);
    const { engagement } = await buildSoc2Engagement(t, firm, org, { reportType: 'type1' });
    const manager = await as(t.app, firm.owner);
    const base = `/api/tenants/${firm.id}/soc2/examinations`;
    const body = { engagementId: engagement.id, reportType: 'type1', asOfDate: '2026-03-31' };
    const refused = await manager.post(base, body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('soc2_firm_not_licensed');

    await t.p.db.updateTable('body_settings').set({ cpa_firm: true, cpa_licence_authority: 'CNOEC', cpa_licence_number: '75-000123' }).where('tenant_id', '=', firm.id).execute();
    expect((await manager.post(base, { ...body, asOfDate: null })).json().code).toBe('soc2_as_of_date_required');
    expect((await manager.post(base, { ...body, periodStart: '2026-01-01', periodEnd: '2026-06-30' })).json().code).toBe('soc2_period_not_allowed');
    const auditor = await as(t.app, await buildMembership(t.p, firm, 'auditor'));
    expect((await auditor.post(base, body)).statusCode).toBe(403);
    expect((await manager.post(base, { ...body, engagementId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    const ok = await manager.post(base, body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ reportType: 'type1', asOfDate: '2026-03-31', periodStart: null, categories: ['security'] });
  });

  it('lists by keyset for the firm and the organization in one statement; other tenants get 404', async () => {
    const built = await createSoc2Examination(t);
    const { firm, organization } = built;
    for (let i = 0; i < 2; i++) await createSoc2Examination(t, { firm, organization: await buildTenant(t.p) });
    const manager = await as(t.app, firm.owner);
    const base = `/api/tenants/${firm.id}/soc2/examinations`;
    const first = ZSoc2ExaminationPage.parse((await manager.get(`${base}?limit=2`)).json());
    expect(first.items.length).toBe(2);
    expect(first.nextCursor).not.toBeNull();
    const second = ZSoc2ExaminationPage.parse((await manager.get(`${base}?limit=2&cursor=${first.nextCursor}`)).json());
    expect(second.items.length).toBe(1);
    expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(3);
    expect((await manager.get(`${base}?cursor=nonsense`)).statusCode).toBe(400);
    const queries = await t.queriesDuring(() => manager.get(`${base}?limit=50`));
    expect(queries.filter((q) => /soc2_examinations/.test(q)).length).toBe(1);
    // Filtered by report type (the firm's list filters by state and type).
    await createSoc2Examination(t, { firm, organization: await buildTenant(t.p), reportType: 'type1' });
    const type1 = ZSoc2ExaminationPage.parse((await manager.get(`${base}?reportType=type1`)).json());
    expect(type1.items.map((e) => e.reportType)).toEqual(['type1']);
    expect(ZSoc2ExaminationPage.parse((await manager.get(`${base}?reportType=type2&state=scoping`)).json()).items.length).toBe(3);
    expect((await manager.get(`${base}?reportType=type3`)).statusCode).toBe(400);

    const viewer = await as(t.app, await buildMembership(t.p, organization, 'viewer'));
    const orgBase = `/api/tenants/${organization.id}/soc2/org-examinations`;
    const page = ZOrgSoc2ExaminationPage.parse((await viewer.get(orgBase)).json());
    expect(page.items.map((e) => e.id)).toEqual([built.examination.id]);
    const detail = ZOrgSoc2Examination.parse((await viewer.get(`${orgBase}/${built.examination.id}`)).json());
    expect(detail.abilities).toEqual({ 'orgSoc2Examination.read': true, 'soc2Description.write': false, 'soc2Description.signOff': false });
    const owner = await as(t.app, organization.owner);
    expect(ZOrgSoc2Examination.parse((await owner.get(`${orgBase}/${built.examination.id}`)).json()).abilities['soc2Description.signOff']).toBe(true);

    const other = await createSoc2Examination(t);
    expect((await manager.get(`${base}/${other.examination.id}`)).statusCode).toBe(404);
    expect((await owner.get(`${orgBase}/${other.examination.id}`)).statusCode).toBe(404);
    // The organization cannot use the firm's routes, nor the firm the organization's.
    expect((await owner.get(`/api/tenants/${firm.id}/soc2/examinations`)).statusCode).toBe(404);
    expect((await manager.get(`/api/tenants/${firm.id}/soc2/org-examinations`)).statusCode).toBe(403);
  });
});
