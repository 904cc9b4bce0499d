import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZCycleDashboard } from '../../src/shared/contracts/cycle.ts';
import { raiseCycleAlerts } from '../../src/server/modules/certification/cycle/jobs/raise-cycle-alerts.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildBody, buildEngagement } from '../support/certification-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/* « Surveillance & recertification »: the body's dashboard and the organization's card. */
describe.skipIf(!backendAvailable)('surveillance and recertification dashboards', () => {
  let t: TTestApp;
  const clock = createTestClock(new Date('2029-12-20T09:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp();
    t.p.clock = clock;
  }, 240_000);
  afterAll(() => t?.close());

  async function certified(body: Awaited<ReturnType<typeof buildBody>>, decision: string, expiry: string, due: { s1: string; s2: string; r: string }, s1State = 'planned') {
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const e = await buildEngagement(t.p, body, org);
    await t.p.db.updateTable('audit_programmes').set({ decision_date: decision, expiry_date: expiry }).where('tenant_id', '=', body.id).where('id', '=', e.programme.id).execute();
    const set = (id: string, v: { due_by: string; state?: 'planned' | 'reported' }) => t.p.db.updateTable('audits').set(v).where('tenant_id', '=', body.id).where('id', '=', id).execute();
    await set(e.audits.surveillance1.id, { due_by: due.s1, state: s1State as 'planned' });
    await set(e.audits.surveillance2.id, { due_by: due.s2 });
    await set(e.audits.recertification.id, { due_by: due.r });
    return { org, e };
  }

  it('lists due and overdue audits, expiring certificates and not-started alerts, filtered, for the body and the organization', async () => {
    const body = await buildBody(t.p, { name: 'Vérité Certification' });
    // A: expires 14 March 2030 (within 6 months), recertification not confirmed → not started once the job ran.
    const a = await certified(body, '2027-03-15', '2030-03-14', { s1: '2028-03-14', s2: '2029-03-14', r: '2030-03-13' }, 'reported');
    await t.p.db.updateTable('audits').set({ state: 'reported' }).where('tenant_id', '=', body.id).where('id', '=', a.e.audits.surveillance2.id).execute();
    // B: certified 1 January 2029: surveillance 1 overdue since 1 January 2030? No — due 31 December 2029: due soon.
    const b = await certified(body, '2029-01-01', '2031-12-31', { s1: '2029-12-31', s2: '2030-12-31', r: '2031-12-30' });
    // C: certified 1 June 2028, surveillance 1 past due (31 May 2029) and not reported.
    const c = await certified(body, '2028-06-01', '2031-05-31', { s1: '2029-05-31', s2: '2030-05-31', r: '2031-05-30' });
    // Not certified yet: not listed.
    await buildEngagement(t.p, body, await buildTenant(t.p));
    await raiseCycleAlerts.handler({ tenantId: body.id }, { platform: t.p, jobId: 'test' });

    const manager = await as(t.app, body.owner);
    const get = async (qs = '') => {
      const res = await manager.get(`/api/tenants/${body.id}/surveillance${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return ZCycleDashboard.parse(res.json());
    };
    const all = await get();
    expect(all.today).toBe('2029-12-20');
    expect(all.items.map((i) => i.programmeId)).toEqual([c.e.programme.id, b.e.programme.id, a.e.programme.id]);
    expect(all.totals).toEqual({ overdue: 1, dueSoon: 2, expiring: 1, notStarted: 1 });
    const rowA = all.items.find((i) => i.programmeId === a.e.programme.id)!;
    expect(rowA).toMatchObject({ expiringSoon: true, recertificationStarted: false, expiryDate: '2030-03-14' });
    expect(rowA.alerts.map((x) => x.kind).sort()).toEqual(['recertification_not_started', 'recertification_reminder']);
    const rowC = all.items.find((i) => i.programmeId === c.e.programme.id)!;
    expect(rowC.audits[0]).toMatchObject({ type: 'surveillance', sequence: 1, dueBy: '2029-05-31', overdue: true });
    expect(rowC.alerts).toMatchObject([{ kind: 'surveillance_overdue', dueOn: '2029-05-31' }]);

    expect((await get('?status=overdue')).items.map((i) => i.programmeId)).toEqual([c.e.programme.id]);
    expect((await get('?status=expiring')).items.map((i) => i.programmeId)).toEqual([a.e.programme.id]);
    expect((await get('?status=not_started')).items.map((i) => i.programmeId)).toEqual([a.e.programme.id]);
    expect((await get('?status=due_soon')).items.map((i) => i.programmeId).sort()).toEqual([a.e.programme.id, b.e.programme.id].sort());
    expect((await get(`?clientId=${b.e.client.id}`)).items.map((i) => i.programmeId)).toEqual([b.e.programme.id]);
    expect((await manager.get(`/api/tenants/${body.id}/surveillance?status=nope`)).statusCode).toBe(400);

    // The organization sees its own, with the same alerts; nobody else's.
    const client = await as(t.app, c.org.owner);
    const mine = ZCycleDashboard.parse((await client.get(`/api/tenants/${c.org.id}/certification/cycle`)).json());
    expect(mine.items.map((i) => [i.programmeId, i.counterpart])).toEqual([[c.e.programme.id, 'Vérité Certification SAS']]);
    expect(mine.items[0]!.alerts.map((x) => x.kind)).toEqual(['surveillance_overdue']);
  });

  it('answers 404 to another tenant’s member and 403 to the wrong side', async () => {
    const body = await buildBody(t.p);
    const org = await buildTenant(t.p);
    const stranger = await as(t.app, (await buildBody(t.p)).owner);
    expect((await stranger.get(`/api/tenants/${body.id}/surveillance`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/tenants/${org.id}/certification/cycle`)).statusCode).toBe(404);
    expect((await (await as(t.app, org.owner)).get(`/api/tenants/${org.id}/surveillance`)).statusCode).toBe(403);
    expect((await (await as(t.app, await buildMembership(t.p, body, 'auditor'))).get(`/api/tenants/${body.id}/certification/cycle`)).statusCode).toBe(403);
  });
});
