import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZIncident } from '../../src/shared/contracts/ai-incidents.ts';
import { ZNonconformity, ZNonconformityList } from '../../src/shared/contracts/nonconformities.ts';
import { as, buildMembership, buildTenant, buildUser } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TClient, type TTestApp } from '../support/test-app.ts';

/*
 * Nonconformities and corrective action (ISO/IEC 42001 10.2) and the AI incidents that raise
 * them, through the API on a real database.
 */
describe.skipIf(!backendAvailable)('nonconformities and AI incidents', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  async function org() {
    const tenant = await buildTenant(t.p);
    const contributorUser = await buildMembership(t.p, tenant, 'contributor');
    const viewerUser = await buildMembership(t.p, tenant, 'viewer');
    const owner = await as(t.app, tenant.owner);
    const T = `/api/tenants/${tenant.id}`;
    const sys = await owner.post(`${T}/ai-systems`, { name: 'Credit scoring', lifecycleStage: 'deployed' });
    expect(sys.statusCode, sys.body).toBe(201);
    return { tenant, T, owner, contributor: await as(t.app, contributorUser), contributorId: contributorUser.id, viewer: await as(t.app, viewerUser), systemId: sys.json().id as string };
  }

  const nc = (o: Record<string, unknown> = {}) => ({ title: 'Drift of the credit model not escalated', source: 'external_audit', ...o });

  async function createNc(c: TClient, T: string, body: object) {
    const res = await c.post(`${T}/nonconformities`, body);
    expect(res.statusCode, res.body).toBe(201);
    // Parses to itself: a field outside the shared contract fails here.
    expect(ZNonconformity.parse(res.json())).toEqual(res.json());
    return ZNonconformity.parse(res.json());
  }

  it('walks a nonconformity from open to closed: correction, root cause and action, verification, effective check; every step an audit event', async () => {
    const { T, owner, contributor, contributorId } = await org();
    const n = await createNc(contributor, T, nc({ ownerId: contributorId, dueOn: '2027-01-31', requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '9.1' }] }));
    expect(n).toMatchObject({ status: 'open', source: 'external_audit', owner: { id: contributorId }, overdue: false, effectivenessCheck: null, abilities: { 'nonconformity.update': true, 'nonconformity.verify': false } });
    expect(n.requirements.map((r) => `${r.frameworkId} ${r.ref}`)).toEqual(['iso-iec-42001-2023 9.1']);
    const url = `${T}/nonconformities/${n.id}`;

    // Guards with the words a person reads.
    const noCorrection = await contributor.post(`${url}/transitions`, { event: 'record_correction' });
    expect(noCorrection.statusCode).toBe(409);
    expect(noCorrection.json().code).toBe('nonconformity_correction_missing');
    expect((await contributor.patch(url, { correction: 'Model rolled back to the previous version' })).statusCode).toBe(200);
    expect((await contributor.post(`${url}/transitions`, { event: 'record_correction' })).json().status).toBe('correction');
    const noCause = await contributor.post(`${url}/transitions`, { event: 'plan_action' });
    expect(noCause.json()).toMatchObject({ code: 'nonconformity_root_cause_missing', message: expect.stringContaining('without a root cause') });
    await contributor.patch(url, { rootCause: 'No drift alert per applicant segment', correctiveAction: 'Segment-level drift alert reviewed weekly' });
    expect((await contributor.post(`${url}/transitions`, { event: 'plan_action' })).json().status).toBe('action_planned');
    const early = await contributor.post(`${url}/transitions`, { event: 'close' });
    expect(early.json()).toMatchObject({ code: 'nonconformity_state' });
    expect((await contributor.post(`${url}/transitions`, { event: 'start_verification' })).json()).toMatchObject({ status: 'verifying', abilities: { 'nonconformity.verify': true } });
    expect((await contributor.post(`${url}/transitions`, { event: 'close' })).json().code).toBe('nonconformity_not_effective');

    // Not effective: back to planning, the check kept on the record.
    const back = ZNonconformity.parse((await contributor.post(`${url}/effectiveness-check`, { checkedOn: '2027-02-01', result: 'not_effective', notes: 'Alert did not fire' })).json());
    expect(back).toMatchObject({ status: 'action_planned', effectivenessCheck: { result: 'not_effective', checkedOn: '2027-02-01', checkedBy: { id: contributorId } } });
    expect((await contributor.post(`${url}/effectiveness-check`, { checkedOn: '2027-02-02', result: 'effective' })).statusCode).toBe(409);
    await contributor.post(`${url}/transitions`, { event: 'start_verification' });
    const closed = ZNonconformity.parse((await contributor.post(`${url}/effectiveness-check`, { checkedOn: '2027-03-01', result: 'effective', notes: 'Fired twice, handled' })).json());
    expect(closed).toMatchObject({ status: 'closed', effectivenessCheck: { result: 'effective' }, abilities: { 'nonconformity.update': false, 'nonconformity.transition': false } });
    expect(closed.closedAt).not.toBeNull();

    // Frozen once closed.
    expect((await contributor.patch(url, { title: 'Changed' })).json()).toMatchObject({ code: 'nonconformity_closed' });

    const actions = (await owner.get(`${T}/audit-events?limit=50`)).json().items.filter((e: { subjectId: string }) => e.subjectId === n.id).map((e: { action: string }) => e.action);
    expect(actions.reverse()).toEqual([
      'nonconformity.created',
      'nonconformity.updated',
      'nonconformity.correction_recorded',
      'nonconformity.updated',
      'nonconformity.action_planned',
      'nonconformity.verification_started',
      'nonconformity.action_not_effective',
      'nonconformity.verification_started',
      'nonconformity.closed',
    ]);
  }, 60_000);

  it('refuses bad input with field errors, a viewer changes nothing, another tenant’s nonconformity is 404', async () => {
    const a = await org();
    const b = await org();
    const outsider = await buildUser(t.p);
    const bad = await a.owner.post(`${a.T}/nonconformities`, nc({ title: 'x'.repeat(201), source: 'ai_incident', dueOn: '31/01/2027' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { field: string }) => d.field).sort()).toEqual(['dueOn', 'source', 'title']);
    expect((await a.owner.post(`${a.T}/nonconformities`, nc({ ownerId: outsider.id }))).json()).toMatchObject({ code: 'records_member_unknown', details: [{ field: 'ownerId' }] });
    expect((await a.owner.post(`${a.T}/nonconformities`, nc({ requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '9.9' }] }))).json()).toMatchObject({ code: 'records_requirement_unknown', details: [{ field: 'requirements.0.ref' }] });
    expect((await a.owner.post(`${a.T}/nonconformities`, nc({ source: 'management_review' }))).json()).toMatchObject({ code: 'validation_failed', details: [{ field: 'managementReviewId' }] });
    expect((await a.owner.get(`${a.T}/nonconformities?cursor=bm90LWEtY3Vyc29y`)).statusCode).toBe(400);

    const n = await createNc(a.owner, a.T, nc());
    expect((await a.viewer.post(`${a.T}/nonconformities`, nc())).statusCode).toBe(403);
    expect((await a.viewer.patch(`${a.T}/nonconformities/${n.id}`, { title: 'Viewer edit' })).statusCode).toBe(403);
    const seen = ZNonconformity.parse((await a.viewer.get(`${a.T}/nonconformities/${n.id}`)).json());
    expect(seen.abilities).toEqual({ 'nonconformity.read': true, 'nonconformity.create': false, 'nonconformity.update': false, 'nonconformity.transition': false, 'nonconformity.verify': false });
    expect((await b.owner.get(`${b.T}/nonconformities/${n.id}`)).statusCode).toBe(404);
    expect((await b.owner.patch(`${b.T}/nonconformities/${n.id}`, { title: 'Theirs' })).statusCode).toBe(404);
    expect((await b.owner.post(`${b.T}/nonconformities/${n.id}/transitions`, { event: 'plan_action' })).statusCode).toBe(404);
    expect((await b.owner.get(`${a.T}/nonconformities`)).statusCode).toBe(404);
    expect((await b.owner.get(`${b.T}/nonconformities`)).json().items).toEqual([]);
  });

  it('lists with keyset pages, filters (open, overdue, status, owner), in one SQL statement per page', async () => {
    const { T, owner, contributorId } = await org();
    for (let i = 0; i < 5; i++) await createNc(owner, T, nc({ title: `NC ${i}`, dueOn: i % 2 ? '2020-01-01' : '2099-01-01', ownerId: i < 2 ? contributorId : null }));
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page = ZNonconformityList.parse((await owner.get(`${T}/nonconformities?limit=2&sort=created&direction=asc${cursor ? `&cursor=${cursor}` : ''}`)).json());
      all.push(...page.items.map((x) => x.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(all).toEqual(['NC 0', 'NC 1', 'NC 2', 'NC 3', 'NC 4']);
    const titles = async (q: string) => (await owner.get(`${T}/nonconformities?${q}`)).json().items.map((x: { title: string }) => x.title).sort();
    expect(await titles('overdue=true')).toEqual(['NC 1', 'NC 3']);
    expect(await titles(`ownerId=${contributorId}`)).toEqual(['NC 0', 'NC 1']);
    expect(await titles('open=false')).toEqual([]);
    expect(await titles('status=open&overdue=false')).toEqual(['NC 0', 'NC 2', 'NC 4']);
    const overdueRow = (await owner.get(`${T}/nonconformities?overdue=true&limit=1`)).json().items[0];
    expect(overdueRow.overdue).toBe(true);
    // The session (one statement) and the page (one statement).
    const sqls = await t.queriesDuring(() => owner.get(`${T}/nonconformities?limit=2&overdue=true&ownerId=${contributorId}`));
    expect(sqls).toHaveLength(2);
    expect(sqls[1]).toMatch(/FROM nonconformities n/);
    const one = all.length ? (await owner.get(`${T}/nonconformities?limit=1`)).json().items[0].id : '';
    expect(await t.queriesDuring(() => owner.get(`${T}/nonconformities/${one}`))).toHaveLength(2);
  });

  it('an AI incident on one of the organization’s systems raises a nonconformity linked back; another tenant’s system is 404', async () => {
    const a = await org();
    const b = await org();
    const body = { aiSystemId: a.systemId, title: 'Refusals spike for applicants under 25', type: 'bias', severity: 'high', occurredAt: '2026-11-20T08:00:00Z', detectedAt: '2026-11-21T14:30:00Z', immediateAction: 'Manual review of every refusal' };
    const foreign = await b.owner.post(`${b.T}/ai-incidents`, { ...body, aiSystemId: a.systemId });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'ai_system_unknown', details: [{ field: 'aiSystemId' }] });
    expect((await a.owner.post(`${a.T}/ai-incidents`, { ...body, detectedAt: '2026-11-19T00:00:00Z' })).json()).toMatchObject({ code: 'validation_failed', details: [{ field: 'detectedAt' }] });
    expect((await a.viewer.post(`${a.T}/ai-incidents`, body)).statusCode).toBe(403);

    const created = await a.contributor.post(`${a.T}/ai-incidents`, body);
    expect(created.statusCode, created.body).toBe(201);
    const incident = ZIncident.parse(created.json());
    expect(created.json()).toEqual(incident);
    expect(incident).toMatchObject({ aiSystem: { id: a.systemId, name: 'Credit scoring' }, status: 'open', serious: false, reportDueOn: null, nonconformity: null, abilities: { 'aiIncident.raiseNc': true } });
    expect((await b.owner.get(`${b.T}/ai-incidents/${incident.id}`)).statusCode).toBe(404);
    expect((await b.owner.post(`${b.T}/ai-incidents/${incident.id}/nonconformity`, {})).statusCode).toBe(404);

    const raised = await a.contributor.post(`${a.T}/ai-incidents/${incident.id}/nonconformity`, { requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: 'A.6.2.6' }] });
    expect(raised.statusCode, raised.body).toBe(201);
    const ncBody = ZNonconformity.parse(raised.json());
    expect(ncBody).toMatchObject({ source: 'ai_incident', title: incident.title, correction: 'Manual review of every refusal', sourceRecord: { type: 'ai_incident', id: incident.id, title: incident.title }, status: 'open' });
    const after = ZIncident.parse((await a.owner.get(`${a.T}/ai-incidents/${incident.id}`)).json());
    expect(after).toMatchObject({ nonconformity: { id: ncBody.id, status: 'open' }, abilities: { 'aiIncident.raiseNc': false } });
    expect((await a.contributor.post(`${a.T}/ai-incidents/${incident.id}/nonconformity`, {})).json()).toMatchObject({ code: 'nonconformity_already_raised' });
    expect((await a.owner.get(`${a.T}/nonconformities?aiIncidentId=${incident.id}`)).json().items.map((x: { id: string }) => x.id)).toEqual([ncBody.id]);

    // Lifecycle and list.
    expect((await a.contributor.post(`${a.T}/ai-incidents/${incident.id}/transitions`, { event: 'investigate' })).json().status).toBe('investigating');
    expect((await a.contributor.post(`${a.T}/ai-incidents/${incident.id}/transitions`, { event: 'reopen' })).json().code).toBe('incident_state');
    const list = await a.owner.get(`${a.T}/ai-incidents?aiSystemId=${a.systemId}&severity=high`);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([incident.id]);
    expect(await t.queriesDuring(() => a.owner.get(`${a.T}/ai-incidents?limit=5&status=investigating`))).toHaveLength(2);
  });

  it('serious incidents: the reporting date follows the organization’s setting, overdue when not reported in time', async () => {
    const { T, owner, contributor, systemId } = await org();
    expect((await owner.get(`${T}/ai-incident-settings`)).json()).toEqual({ seriousReportDays: null, abilities: { 'aiIncident.configure': true } });
    expect((await contributor.put(`${T}/ai-incident-settings`, { seriousReportDays: 15 })).statusCode).toBe(403);
    expect((await owner.put(`${T}/ai-incident-settings`, { seriousReportDays: 0 })).statusCode).toBe(400);
    expect((await owner.put(`${T}/ai-incident-settings`, { seriousReportDays: 15 })).json().seriousReportDays).toBe(15);
    const res = await contributor.post(`${T}/ai-incidents`, { aiSystemId: systemId, title: 'Wrong refusals', type: 'failure', severity: 'critical', occurredAt: '2020-03-01T10:00:00Z', detectedAt: '2020-03-02T10:00:00Z', serious: true });
    const i = ZIncident.parse(res.json());
    expect(i).toMatchObject({ serious: true, reportDueOn: '2020-03-17', reportedOn: null, reportOverdue: true });
    const reported = ZIncident.parse((await contributor.patch(`${T}/ai-incidents/${i.id}`, { reportedOn: '2020-03-10' })).json());
    expect(reported.reportOverdue).toBe(false);
    const events = (await owner.get(`${T}/audit-events?action=ai_incident.updated`)).json().items;
    expect(events[0].summary).toEqual({ before: { reportedOn: null }, after: { reportedOn: '2020-03-10' } });
    expect((await owner.get(`${T}/audit-events/verify`)).json().ok).toBe(true);
  });
});
