import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ZAuditTimeCalculation,
  ZAuditTimeCalculationPage,
  ZAuditTimeOverview,
  ZAuditTimeTable,
  ZCalculateAuditTimeResponse,
  type TAuditTimeInputsIn,
} from '../../src/shared/contracts/audit-time.ts';
import { DEFAULT_AUDIT_TIME_TABLE } from '../../src/server/modules/certification/audit-time/default-table.ts';
import { auditTimeTraceLines } from '../../src/shared/audit-time-trace.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildBody, buildClient } from '../support/certification-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

const startup: TAuditTimeInputsIn = { employeesFullTime: 18, employeesPartTime: 4, partTimeFte: 2, aiSystems: 2, aiRoles: ['provider'], sectorRisk: 'medium', aimsMaturity: 'initial' };
const midSize: TAuditTimeInputsIn = { employeesFullTime: 140, aiSystems: 7, highRiskAiSystems: 2, aiRoles: ['provider', 'user'], sectorRisk: 'high', aimsMaturity: 'established', existingCertifications: ['iso27001'], sites: 2 };
const large: TAuditTimeInputsIn = { employeesFullTime: 1800, aiSystems: 24, highRiskAiSystems: 5, aiRoles: ['developer', 'user'], sectorRisk: 'high', aimsMaturity: 'established', existingCertifications: ['iso27001', 'iso9001'], sites: 6 };

describe.skipIf(!backendAvailable)('audit time (IAF MD5)', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  async function body() {
    const b = await buildBody(t.p);
    const auditor = await buildMembership(t.p, b, 'auditor');
    const reviewer = await buildMembership(t.p, b, 'technical_reviewer');
    return { b, T: `/api/tenants/${b.id}/audit-time`, manager: await as(t.app, b.owner), auditor: await as(t.app, auditor), reviewer: await as(t.app, reviewer) };
  }

  it('calculates the seed’s three profiles within their ranges with the shipped default, and keeps nothing without a client', async () => {
    const o = await body();
    const overview = ZAuditTimeOverview.parse((await o.auditor.get(o.T)).json());
    expect(overview.current).toMatchObject({ source: 'default', version: 1, id: null });
    expect(overview.abilities).toEqual({ 'auditTime.read': true, 'auditTime.calculate': true, 'auditTime.record': false, 'auditTime.configure': false });
    expect(ZAuditTimeOverview.parse((await o.manager.get(o.T)).json()).abilities).toMatchObject({ 'auditTime.record': true, 'auditTime.configure': true });

    const days = async (inputs: TAuditTimeInputsIn) => {
      const res = await o.auditor.post(`${o.T}/calculate`, { inputs });
      expect(res.statusCode, res.body).toBe(200);
      const r = ZCalculateAuditTimeResponse.parse(res.json());
      expect(r.calculation).toBeNull();
      return r.result;
    };
    const s = await days(startup);
    const m = await days(midSize);
    const l = await days(large);
    expect(s.initialDays).toBeGreaterThanOrEqual(3);
    expect(s.initialDays).toBeLessThanOrEqual(5);
    expect(m.initialDays).toBeGreaterThanOrEqual(6);
    expect(m.initialDays).toBeLessThanOrEqual(10);
    expect(l.initialDays).toBeGreaterThanOrEqual(10);
    expect(l).toMatchObject({ stage1Days: 6.5, stage2Days: 16, siteSample: { sites: 6, otherSites: 5, initial: 3, surveillance: 2, recertification: 2 }, table: { source: 'default', version: 1 } });
    expect(auditTimeTraceLines(l.trace, 'fr')[0]).toBe('Effectif\u00a0: 1\u202f800 personnes à temps plein.');
    expect((await o.manager.get(`${o.T}/calculations`)).json().items).toEqual([]);
  });

  it('keeps a calculation on a client with its inputs and table version; the list is one statement', async () => {
    const o = await body();
    const client = await buildClient(t.p, o.b, { employees: 140, aiSystems: 7, highRisk: 2, sites: 2 });
    const suggested = (await o.manager.get(`${o.T}/clients/${client.id}/inputs`)).json();
    expect(suggested).toMatchObject({ clientId: client.id, clientReference: client.reference, inputs: { employeesFullTime: 140, aiSystems: 7, highRiskAiSystems: 2, sites: 2, aiRoles: ['provider'], sectorRisk: 'high' } });

    // An auditor may try figures but not keep them on a client.
    expect((await o.auditor.post(`${o.T}/calculate`, { inputs: midSize, clientId: client.id })).statusCode).toBe(403);
    const kept = await o.manager.post(`${o.T}/calculate`, { inputs: suggested.inputs, clientId: client.id, note: 'From the quote request.' });
    expect(kept.statusCode, kept.body).toBe(200);
    const calc = ZCalculateAuditTimeResponse.parse(kept.json()).calculation!;
    expect(calc).toMatchObject({ clientId: client.id, clientReference: client.reference, note: 'From the quote request.', inputs: suggested.inputs, result: { table: { source: 'default', version: 1 } } });
    expect(calc.createdBy?.id).toBe(o.b.owner.id);

    const read = ZAuditTimeCalculation.parse((await o.reviewer.get(`${o.T}/calculations/${calc.id}`)).json());
    expect(read).toEqual(calc);
    const row = await t.p.db.selectFrom('audit_time_calculations').select(['table_source', 'table_version', 'table_id', 'initial_days', 'cycle_days']).where('id', '=', calc.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ table_source: 'default', table_version: 1, table_id: null });
    expect(Number(row.initial_days)).toBe(calc.result.initialDays);

    const events = (await o.manager.get(`/api/tenants/${o.b.id}/audit-events?limit=5`)).json().items;
    expect(events[0]).toMatchObject({ action: 'audit_time.calculation_recorded', subjectId: calc.id });
    expect(events[0].summary.after).toMatchObject({ clientReference: client.reference, tableSource: 'default', tableVersion: 1, initialDays: calc.result.initialDays, cycleDays: calc.result.cycleDays });

    // Keyset pages, newest first, filtered by client; one SQL statement per page after the session lookup.
    const other = await buildClient(t.p, o.b);
    await o.manager.post(`${o.T}/calculate`, { inputs: startup, clientId: other.id });
    await o.manager.post(`${o.T}/calculate`, { inputs: large, clientId: client.id });
    const page1 = ZAuditTimeCalculationPage.parse((await o.manager.get(`${o.T}/calculations?limit=2`)).json());
    expect(page1.items).toHaveLength(2);
    const page2 = ZAuditTimeCalculationPage.parse((await o.manager.get(`${o.T}/calculations?limit=2&cursor=${page1.nextCursor}`)).json());
    expect([...page1.items, ...page2.items].map((c) => c.id)).toHaveLength(3);
    expect(new Set([...page1.items, ...page2.items].map((c) => c.id)).size).toBe(3);
    expect(page2.nextCursor).toBeNull();
    const mine = ZAuditTimeCalculationPage.parse((await o.manager.get(`${o.T}/calculations?clientId=${client.id}`)).json());
    expect(mine.items.map((c) => c.clientId)).toEqual([client.id, client.id]);
    expect(await t.queriesDuring(() => o.manager.get(`${o.T}/calculations?limit=2`))).toHaveLength(2);
  });

  it('a scheme manager saves new table versions; calculations name the version they used, and old versions stay', async () => {
    const o = await body();
    const client = await buildClient(t.p, o.b);
    const before = ZCalculateAuditTimeResponse.parse((await o.manager.post(`${o.T}/calculate`, { inputs: startup, clientId: client.id })).json());

    const config = { ...DEFAULT_AUDIT_TIME_TABLE, personnelBands: DEFAULT_AUDIT_TIME_TABLE.personnelBands.map((b) => ({ ...b, days: b.days + 1 })) };
    expect((await o.auditor.post(`${o.T}/tables`, { name: 'Ours', note: 'x', config })).statusCode).toBe(403);
    const v1 = await o.manager.post(`${o.T}/tables`, { name: 'Vérité AIMS 2027', note: 'Procedure PR-07 rev. 3: one more day per band.', config });
    expect(v1.statusCode, v1.body).toBe(201);
    expect(ZAuditTimeTable.parse(v1.json())).toMatchObject({ source: 'body', version: 1, name: 'Vérité AIMS 2027' });
    const v2 = ZAuditTimeTable.parse((await o.manager.post(`${o.T}/tables`, { name: 'Vérité AIMS 2027b', note: 'Back to the default.', config: DEFAULT_AUDIT_TIME_TABLE })).json());
    expect(v2.version).toBe(2);

    const overview = ZAuditTimeOverview.parse((await o.reviewer.get(o.T)).json());
    expect(overview.current).toMatchObject({ source: 'body', version: 2 });
    expect(overview.shippedDefault).toMatchObject({ source: 'default', version: 1 });
    expect(ZAuditTimeTable.parse((await o.reviewer.get(`${o.T}/tables/1`)).json()).config.personnelBands[0]!.days).toBe(4);
    expect((await o.reviewer.get(`${o.T}/tables`)).json().items.map((x: { version: number }) => x.version)).toEqual([2, 1]);
    expect((await o.reviewer.get(`${o.T}/tables/9`)).statusCode).toBe(404);

    const after = ZCalculateAuditTimeResponse.parse((await o.manager.post(`${o.T}/calculate`, { inputs: startup, clientId: client.id })).json());
    expect(after.result.table).toEqual({ source: 'body', version: 2, name: 'Vérité AIMS 2027b' });
    expect(before.result.table.source).toBe('default');
    const row = await t.p.db.selectFrom('audit_time_calculations').select(['table_id']).where('id', '=', after.calculation!.id).executeTakeFirstOrThrow();
    expect(row.table_id).toBe(v2.id);

    // The IAF limits are the schema's: a 35 % cap or 70 % on site is refused, field by field.
    const bad = await o.manager.post(`${o.T}/tables`, { name: 'Too generous', note: 'x', config: { ...DEFAULT_AUDIT_TIME_TABLE, reductionCapPct: 35, onSiteMinPct: 70 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { field: string }) => d.field).sort()).toEqual(['config.onSiteMinPct', 'config.reductionCapPct']);
    const events = (await o.manager.get(`/api/tenants/${o.b.id}/audit-events?limit=10`)).json().items.map((e: { action: string }) => e.action);
    expect(events.filter((a: string) => a === 'audit_time.table_version_created')).toHaveLength(2);
  });

  it('refuses bad inputs field by field', async () => {
    const o = await body();
    const res = await o.auditor.post(`${o.T}/calculate`, { inputs: { ...startup, aiSystems: 1, highRiskAiSystems: 3, integratedAudit: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field).sort()).toEqual(['inputs.highRiskAiSystems', 'inputs.integratedAudit']);
    expect((await o.auditor.post(`${o.T}/calculate`, { inputs: { ...startup, aiRoles: ['robot'] } })).statusCode).toBe(400);
    expect((await o.auditor.post(`${o.T}/calculate`, { inputs: startup, extra: 1 })).statusCode).toBe(400);
    expect((await o.manager.get(`${o.T}/calculations?cursor=not-a-cursor!`)).statusCode).toBe(400);
  });

  it('isolates bodies: another body’s client or calculation answers 404; an organization has no audit time', async () => {
    const a = await body();
    const b = await body();
    const clientOfA = await buildClient(t.p, a.b);
    const calc = ZCalculateAuditTimeResponse.parse((await a.manager.post(`${a.T}/calculate`, { inputs: startup, clientId: clientOfA.id })).json()).calculation!;

    expect((await b.manager.post(`${b.T}/calculate`, { inputs: startup, clientId: clientOfA.id })).statusCode).toBe(404);
    expect((await b.manager.get(`${b.T}/calculations/${calc.id}`)).statusCode).toBe(404);
    expect((await b.manager.get(`${b.T}/clients/${clientOfA.id}/inputs`)).statusCode).toBe(404);
    expect((await b.manager.get(`${a.T}/calculations/${calc.id}`)).statusCode).toBe(404);
    expect((await b.manager.get(`${a.T}`)).statusCode).toBe(404);
    expect((await b.manager.get(`${b.T}/calculations`)).json().items).toEqual([]);

    const org = await buildTenant(t.p);
    const owner = await as(t.app, org.owner);
    expect((await owner.get(`/api/tenants/${org.id}/audit-time`)).statusCode).toBe(403);
    expect((await owner.post(`/api/tenants/${org.id}/audit-time/calculate`, { inputs: startup })).statusCode).toBe(403);
  });
});
