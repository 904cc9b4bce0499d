import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZCertAudit, ZCertAuditPage } from '../../src/shared/contracts/cert-audits.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildAuditTeam, buildBody, buildEngagement } from '../support/certification-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

describe.skipIf(!backendAvailable)('Certification audits: calendar, schedule and lifecycle', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 300_000);
  afterAll(() => t?.close());

  async function setup() {
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const body = await buildBody(t.p, { name: 'Vérité Certification' });
    const built = await buildEngagement(t.p, body, org);
    const manager = await as(t.app, body.owner);
    return { org, body, ...built, manager, A: `/api/tenants/${body.id}/audits` };
  }

  it('lists the programme by date with its team, filters by client, state and overdue, and pages with a cursor', async () => {
    const s = await setup();
    const [lead] = await buildAuditTeam(t.p, s.body, s.audits.stage1.id, [{ role: 'lead_auditor', plannedDays: 1.5 }]);
    expect((await s.manager.patch(`${s.A}/${s.audits.stage1.id}`, { dueBy: '2000-01-31', plannedStart: '2000-01-10', plannedEnd: '2000-01-11' })).statusCode).toBe(200);
    expect((await s.manager.patch(`${s.A}/${s.audits.stage2.id}`, { dueBy: '2999-03-31' })).statusCode).toBe(200);

    const page = ZCertAuditPage.parse((await s.manager.get(`${s.A}?clientId=${s.client.id}`)).json());
    expect(page.items.map((a) => a.type)).toEqual(['stage1', 'stage2', 'surveillance', 'surveillance', 'recertification']);
    expect(page.items[0]).toMatchObject({ clientName: s.client.legal_name, overdue: true, plannedStart: '2000-01-10', team: [{ userId: lead!.user.id, role: 'lead_auditor', plannedDays: 1.5 }] });
    expect(page.items[0]!.abilities).toMatchObject({ 'certAudit.schedule': true, 'certAudit.transition': true, 'certAudit.manageTeam': true });
    expect(page.items[0]!.nextEvents).toEqual(['confirm', 'cancel']);

    const overdue = ZCertAuditPage.parse((await s.manager.get(`${s.A}?overdue=true&clientId=${s.client.id}`)).json());
    expect(overdue.items.map((a) => a.reference)).toEqual([s.audits.stage1.reference]);
    const window = ZCertAuditPage.parse((await s.manager.get(`${s.A}?from=2000-01-01&to=2000-12-31&clientId=${s.client.id}`)).json());
    expect(window.items.map((a) => a.reference)).toEqual([s.audits.stage1.reference]);
    const first = ZCertAuditPage.parse((await s.manager.get(`${s.A}?clientId=${s.client.id}&limit=2`)).json());
    const rest = ZCertAuditPage.parse((await s.manager.get(`${s.A}?clientId=${s.client.id}&limit=10&cursor=${first.nextCursor}`)).json());
    expect([...first.items, ...rest.items].map((a) => a.id)).toEqual(page.items.map((a) => a.id));

    // The lead sees "my audits"; the body's other auditors read the calendar but change nothing.
    const leadClient = await as(t.app, lead!.user);
    const mine = ZCertAuditPage.parse((await leadClient.get(`${s.A}?mine=true`)).json());
    expect(mine.items.map((a) => a.id)).toEqual([s.audits.stage1.id]);
    const other = await as(t.app, await buildMembership(t.p, s.body, 'auditor'));
    const seen = ZCertAudit.parse((await other.get(`${s.A}/${s.audits.stage1.id}`)).json());
    expect(seen.abilities).toMatchObject({ 'certAudit.read': true, 'certAudit.schedule': false, 'certAudit.transition': false });
    expect((await other.patch(`${s.A}/${s.audits.stage1.id}`, { plannedDays: 3 })).statusCode).toBe(403);
    expect((await other.post(`${s.A}/${s.audits.stage1.id}/transitions`, { event: 'confirm' })).statusCode).toBe(403);
  });

  it('walks stage 1 through its lifecycle; stage 2 waits for the stage 1 report; every step is in the log', async () => {
    const s = await setup();
    const one = `${s.A}/${s.audits.stage1.id}`;
    const two = `${s.A}/${s.audits.stage2.id}`;
    expect((await s.manager.post(`${one}/transitions`, { event: 'confirm' })).json()).toMatchObject({ code: 'cert_audit_dates_missing' });
    expect((await s.manager.patch(one, { plannedStart: '2027-01-12', plannedEnd: '2027-01-11' })).json()).toMatchObject({ code: 'cert_audit_dates_order', details: { field: 'plannedEnd' } });
    expect((await s.manager.patch(one, { plannedStart: '2027-01-11', plannedEnd: '2027-01-12', plannedDays: 2, onSiteDays: 2 })).statusCode).toBe(200);
    expect((await s.manager.post(`${one}/transitions`, { event: 'confirm' })).json()).toMatchObject({ code: 'cert_audit_no_lead' });
    const [lead] = await buildAuditTeam(t.p, s.body, s.audits.stage1.id, [{ role: 'lead_auditor' }]);
    expect((await s.manager.post(`${one}/transitions`, { event: 'report' })).json()).toMatchObject({ code: 'cert_audit_state', details: { state: 'planned' } });
    expect((await s.manager.post(`${one}/transitions`, { event: 'confirm' })).json()).toMatchObject({ state: 'confirmed' });

    // Stage 2 cannot be confirmed before stage 1 is reported.
    await buildAuditTeam(t.p, s.body, s.audits.stage2.id, [{ role: 'lead_auditor', user: lead!.user }]);
    expect((await s.manager.patch(two, { plannedStart: '2027-02-15', plannedEnd: '2027-02-17' })).statusCode).toBe(200);
    expect((await s.manager.post(`${two}/transitions`, { event: 'confirm' })).json()).toMatchObject({ code: 'cert_audit_stage1_not_reported' });

    // The lead auditor runs their own audit.
    const leadClient = await as(t.app, lead!.user);
    expect((await leadClient.post(`${one}/transitions`, { event: 'start', date: '2027-01-11' })).json()).toMatchObject({ state: 'in_progress', actualStart: '2027-01-11' });
    expect((await leadClient.patch(one, { plannedDays: 3 })).statusCode).toBe(403);
    expect((await s.manager.patch(one, { plannedDays: 3 })).json()).toMatchObject({ code: 'cert_audit_state' });
    expect((await leadClient.post(`${one}/transitions`, { event: 'report', date: '2027-01-10' })).json()).toMatchObject({ code: 'cert_audit_dates_order' });
    expect((await leadClient.post(`${one}/transitions`, { event: 'report', date: '2027-01-12' })).json()).toMatchObject({ state: 'reported', actualEnd: '2027-01-12', nextEvents: ['close'] });

    expect((await s.manager.post(`${two}/transitions`, { event: 'confirm' })).json()).toMatchObject({ state: 'confirmed' });
    expect((await s.manager.post(`${two}/transitions`, { event: 'cancel' })).json()).toMatchObject({ code: 'validation_failed', details: { field: 'reason' } });
    expect((await s.manager.post(`${two}/transitions`, { event: 'cancel', reason: 'The client postponed to spring.' })).json()).toMatchObject({ state: 'cancelled', nextEvents: [] });
    expect((await s.manager.post(`${two}/transitions`, { event: 'start' })).statusCode).toBe(409);

    const log = await t.p.db.selectFrom('audit_events').select(['action', 'summary']).where('tenant_id', '=', s.body.id).where('subject_id', '=', s.audits.stage1.id).orderBy('seq').execute();
    expect(log.map((e) => e.action)).toEqual(['cert_audit.scheduled', 'cert_audit.confirmed', 'cert_audit.started', 'cert_audit.reported']);
    expect(log[2]!.summary.after).toMatchObject({ reference: s.audits.stage1.reference, from: 'confirmed', to: 'in_progress', date: '2027-01-11' });
  });

  it('keeps bodies apart: another body’s audit is 404, an organization member cannot list audits, bad input is 400', async () => {
    const s = await setup();
    const other = await buildBody(t.p);
    const stranger = await as(t.app, other.owner);
    expect((await stranger.get(`${s.A}/${s.audits.stage1.id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/tenants/${other.id}/audits/${s.audits.stage1.id}`)).statusCode).toBe(404);
    expect((await stranger.patch(`/api/tenants/${other.id}/audits/${s.audits.stage1.id}`, { plannedDays: 1 })).statusCode).toBe(404);
    const orgOwner = await as(t.app, s.org.owner);
    expect((await orgOwner.get(s.A)).statusCode).toBe(404);
    expect((await orgOwner.get(`/api/tenants/${s.org.id}/audits`)).statusCode).toBe(403);
    const bad = await s.manager.patch(`${s.A}/${s.audits.stage1.id}`, { plannedDays: 1.3, dueBy: '31/01/2027' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { field: string }) => d.field).sort()).toEqual(['dueBy', 'plannedDays']);
    expect((await s.manager.post(`${s.A}/${s.audits.stage1.id}/transitions`, { event: 'teleport' })).statusCode).toBe(400);
    expect((await s.manager.get(`${s.A}?state=nope`)).statusCode).toBe(400);
  });
});
