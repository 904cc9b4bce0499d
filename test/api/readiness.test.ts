import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZReadiness, type TReadiness, type TReadinessRequirement } from '../../src/shared/contracts/readiness.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildMembership, buildTenant, buildUser } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TClient, type TTestApp } from '../support/test-app.ts';

const FW = 'iso-iec-42001-2023';

describe.skipIf(!backendAvailable)('readiness: requirement by requirement, from missing to covered, and what blocks stage 1', () => {
  let t: TTestApp;
  const clock = createTestClock(new Date('2026-11-27T09:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp();
    t.p.clock = clock;
  });
  afterAll(async () => t?.close());

  const read = async (c: TClient, tenantId: string, fw = FW) => {
    const res = await c.get(`/api/tenants/${tenantId}/readiness/${fw}`);
    expect(res.statusCode, res.body).toBe(200);
    // The route writes JSON with a compiled serializer: what it wrote must be exactly the contract's shape.
    const body = res.json() as TReadiness;
    expect(ZReadiness.parse(body)).toEqual(body);
    return body;
  };
  const req = (r: TReadiness, ref: string) => r.requirements.find((q) => q.ref === ref) as TReadinessRequirement;

  it('moves 6.1.2 from missing to partial to covered as a control and its evidence arrive; stale evidence, an open NC and an SoA exclusion count', async () => {
    const tenant = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const admin = await buildMembership(t.p, tenant, 'admin', await buildUser(t.p));
    const c = await as(t.app, tenant.owner);
    const T = `/api/tenants/${tenant.id}`;

    let r = await read(c, tenant.id);
    expect(r.framework).toMatchObject({ id: FW, adopted: false });
    expect(req(r, '6.1.2')).toMatchObject({ status: 'missing', leaf: true, evidence: { state: 'missing' } });
    expect(r.totals.byStatus.covered).toBe(0);
    expect(r.blockers.map((b) => b.kind)).toContain('soa_not_approved');
    const missingItems = () => r.blockers.flatMap((b) => (b.kind === 'mandatory_information_missing' ? [b.item] : []));
    expect(missingItems()).toEqual(expect.arrayContaining(['ai-policy-5.2', 'soa-6.1.3', 'scope-4.3']));

    const control = (await c.post(`${T}/controls`, { reference: 'RM-01', title: 'AI risk assessment run', frequency: 'monthly', status: 'operating', requirements: [{ frameworkId: FW, ref: '6.1.2' }, { frameworkId: 'iso-iec-27001-2022', ref: '6.1.2' }] })).json();
    expect(control.id).toBeTruthy();
    r = await read(c, tenant.id);
    expect(req(r, '6.1.2')).toMatchObject({ status: 'partial', controls: { operating: 1 } });

    // Evidence from seven months ago: a monthly control's evidence is stale by now.
    const old = await c.post(`${T}/evidence`, { kind: 'link', url: 'https://ci.example/runs/1', title: 'April risk run', effectiveDate: '2026-04-30', controlIds: [control.id] });
    expect(old.statusCode, old.body).toBe(201);
    r = await read(c, tenant.id);
    expect(req(r, '6.1.2')).toMatchObject({ status: 'partial', evidence: { state: 'stale', stale: 1 } });

    const fresh = await c.post(`${T}/evidence`, { kind: 'link', url: 'https://ci.example/runs/2', title: 'November risk run', effectiveDate: '2026-11-20', controlIds: [control.id] });
    expect(fresh.statusCode, fresh.body).toBe(201);
    r = await read(c, tenant.id);
    expect(req(r, '6.1.2')).toMatchObject({ status: 'covered', evidence: { state: 'fresh', fresh: 1, stale: 1 } });
    expect(req(r, '6.1')!.rollup!.covered).toBe(1);
    expect(r.totals.byStatus.covered).toBe(1);
    // The same evidence counts for 27001, which the control also maps to.
    expect(req(await read(c, tenant.id, 'iso-iec-27001-2022'), '6.1.2')).toMatchObject({ status: 'covered', evidence: { fresh: 1 } });

    // An open nonconformity against the clause holds it back.
    const nc = await c.post(`${T}/nonconformities`, { title: 'Risk criteria not reviewed', source: 'other', requirements: [{ frameworkId: FW, ref: '6.1.2' }] });
    expect(nc.statusCode, nc.body).toBe(201);
    r = await read(c, tenant.id);
    expect(req(r, '6.1.2')).toMatchObject({ status: 'partial', openNonconformities: 1 });

    // Months later, with nothing new, the fresh evidence ages.
    clock.set(new Date('2027-03-01T09:00:00Z'));
    expect(req(await read(c, tenant.id), '6.1.2').evidence.state).toBe('stale');
    clock.set(new Date('2026-11-27T09:00:00Z'));

    // The SoA: A.10.4 excluded and approved by another member → not applicable, and the blocker goes.
    const ac = await as(t.app, admin);
    expect((await c.post(`${T}/soa/draft`, {})).statusCode).toBe(201);
    const draft = (await c.get(`${T}/soa/draft`)).json();
    for (const e of draft.entries as { frameworkId: string; ref: string }[]) {
      const excluded = e.ref === 'A.10.4';
      const res = await c.patch(`${T}/soa/draft/entries/${e.frameworkId}/${e.ref}`, { applicable: !excluded, justification: excluded ? 'We offer no AI system to customers.' : 'Treats our AI risks.', implementationStatus: excluded ? null : 'in_progress' });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await c.post(`${T}/soa/draft/submit`, {})).statusCode).toBe(200);
    const approved = await ac.post(`${T}/soa/draft/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    r = await read(c, tenant.id);
    expect(req(r, 'A.10.4')).toMatchObject({ status: 'not_applicable', soa: { version: 1, applicable: false } });
    expect(req(r, 'A.6.2.4').soa).toMatchObject({ version: 1, applicable: true });
    expect(r.blockers.map((b) => b.kind)).not.toContain('soa_not_approved');
    expect(missingItems()).not.toContain('soa-6.1.3');
    expect(missingItems()).toContain('ai-policy-5.2');
  });

  it('lists a high risk without treatment as a blocker, reads in one statement, and answers 404 across tenants', async () => {
    const tenant = await buildTenant(t.p);
    const other = await buildTenant(t.p);
    const c = await as(t.app, tenant.owner);
    const T = `/api/tenants/${tenant.id}`;
    const risk = (await c.post(`${T}/risks`, { title: 'Unmonitored drift', source: 'ai_system', inherentLikelihood: 5, inherentImpact: 5 })).json();
    await c.post(`${T}/risks`, { title: 'Treated', source: 'process', inherentLikelihood: 5, inherentImpact: 5, treatment: 'avoid' });
    const statements = await t.queriesDuring(() => read(c, tenant.id));
    expect(statements.filter((s) => !/FROM sessions/.test(s))).toHaveLength(1);
    const r = await read(c, tenant.id);
    expect(r.blockers.filter((b) => b.kind === 'high_risk_untreated')).toEqual([{ kind: 'high_risk_untreated', riskId: risk.id, title: 'Unmonitored drift', level: expect.any(String), score: 25 }]);

    const viewer = await as(t.app, await buildMembership(t.p, tenant, 'viewer', await buildUser(t.p)));
    expect((await viewer.get(`${T}/readiness/${FW}`)).statusCode).toBe(200);
    expect((await c.get(`/api/tenants/${other.id}/readiness/${FW}`)).statusCode).toBe(404);
    expect((await c.get(`${T}/readiness/no-such-framework`)).statusCode).toBe(404);
    expect((await c.get(`${T}/readiness/NOT%20AN%20ID`)).statusCode).toBe(400);
  });
});
