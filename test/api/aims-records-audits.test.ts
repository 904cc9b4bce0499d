import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZAudit, ZAuditList, ZProgramme } from '../../src/shared/contracts/internal-audits.ts';
import { ZReview, ZReviewList } from '../../src/shared/contracts/management-reviews.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/* Internal audits (9.2) and management reviews (9.3) through the API on a real database. */
describe.skipIf(!backendAvailable)('internal audits and management reviews', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  async function org() {
    const tenant = await buildTenant(t.p);
    const contributorUser = await buildMembership(t.p, tenant, 'contributor');
    const viewerUser = await buildMembership(t.p, tenant, 'viewer');
    return { T: `/api/tenants/${tenant.id}`, ownerId: tenant.owner.id, owner: await as(t.app, tenant.owner), contributor: await as(t.app, contributorUser), contributorId: contributorUser.id, viewer: await as(t.app, viewerUser) };
  }

  it('plans an audit in a programme, refuses an auditor who owns an audited area, records findings; a nonconformity finding raises a linked nonconformity', async () => {
    const o = await org();
    const b = await org();
    const prog = await o.contributor.post(`${o.T}/audit-programmes`, { title: 'Programme 2027', periodStart: '2027-01-01', periodEnd: '2027-12-31', requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '9.2' }] });
    expect(prog.statusCode, prog.body).toBe(201);
    const programme = ZProgramme.parse(prog.json());
    expect(prog.json()).toEqual(programme);
    expect((await o.owner.post(`${o.T}/audit-programmes`, { title: 'Backwards', periodStart: '2027-12-31', periodEnd: '2027-01-01' })).json().details[0].field).toBe('periodEnd');

    const base = { programmeId: programme.id, title: 'AI development process', plannedOn: '2027-03-15', requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '8.1' }] };
    const selfAudit = await o.owner.post(`${o.T}/internal-audits`, { ...base, auditorId: o.contributorId, auditeeIds: [o.contributorId, o.ownerId] });
    expect(selfAudit.statusCode).toBe(409);
    expect(selfAudit.json()).toMatchObject({ code: 'auditor_not_independent', details: { field: 'auditorId' } });
    expect((await o.owner.post(`${o.T}/internal-audits`, { ...base, auditorId: o.contributorId, auditorName: 'Both' })).statusCode).toBe(400);
    expect((await b.owner.post(`${b.T}/internal-audits`, { ...base, auditorName: 'X' })).json()).toMatchObject({ details: [{ field: 'programmeId' }] });

    const created = await o.owner.post(`${o.T}/internal-audits`, { ...base, auditorId: o.contributorId, auditeeIds: [o.ownerId] });
    expect(created.statusCode, created.body).toBe(201);
    const audit = ZAudit.parse(created.json());
    expect(created.json()).toEqual(audit);
    expect(audit).toMatchObject({ status: 'planned', auditor: { member: { id: o.contributorId }, externalName: null }, auditees: [{ id: o.ownerId }], abilities: { 'internalAudit.addFinding': false } });
    const url = `${o.T}/internal-audits/${audit.id}`;
    // Making the auditor an area owner later is refused too.
    expect((await o.owner.patch(url, { auditeeIds: [o.contributorId] })).json().code).toBe('auditor_not_independent');

    const finding = { type: 'minor_nonconformity', requirement: { frameworkId: 'iso-iec-42001-2023', ref: '8.1' }, description: 'Release checklist not signed for model v3.2', evidence: 'Release record 2027-02-10' };
    expect((await o.contributor.post(`${url}/findings`, finding)).json().code).toBe('internal_audit_state');
    expect((await o.contributor.post(`${url}/transitions`, { event: 'start' })).json().status).toBe('in_progress');
    expect((await o.contributor.post(`${url}/findings`, { ...finding, requirement: null })).json()).toMatchObject({ code: 'validation_failed', details: [{ field: 'requirement' }] });
    const withNc = await o.contributor.post(`${url}/findings`, { ...finding, ownerId: o.ownerId, dueOn: '2027-04-30' });
    expect(withNc.statusCode, withNc.body).toBe(201);
    await o.contributor.post(`${url}/findings`, { type: 'observation', description: 'Good traceability of datasets' });
    const a2 = ZAudit.parse(withNc.json());
    const f = a2.findingList[0]!;
    expect(f).toMatchObject({ type: 'minor_nonconformity', requirement: { ref: '8.1' }, nonconformity: { status: 'open' } });
    const nc = (await o.owner.get(`${o.T}/nonconformities/${f.nonconformity!.id}`)).json();
    expect(nc).toMatchObject({ source: 'internal_audit', sourceRecord: { type: 'internal_audit_finding', id: f.id, parentId: audit.id }, owner: { id: o.ownerId }, dueOn: '2027-04-30', requirements: [{ ref: '8.1' }] });

    expect((await o.contributor.post(`${url}/transitions`, { event: 'complete' })).json().code).toBe('internal_audit_conclusion_missing');
    await o.contributor.patch(url, { conclusion: 'Conforms, one minor nonconformity.' });
    const done = ZAudit.parse((await o.contributor.post(`${url}/transitions`, { event: 'complete' })).json());
    expect(done).toMatchObject({ status: 'completed', findings: { nonconformities: 1, observations: 1, opportunities: 0 }, abilities: { 'internalAudit.update': false } });
    expect((await o.contributor.patch(url, { title: 'Later' })).json().code).toBe('internal_audit_state');

    expect((await o.viewer.post(`${o.T}/internal-audits`, { ...base, auditorName: 'X' })).statusCode).toBe(403);
    expect((await b.owner.get(url.replace(o.T, b.T))).statusCode).toBe(404);
    const list = ZAuditList.parse((await o.viewer.get(`${o.T}/internal-audits?status=completed&programmeId=${programme.id}`)).json());
    expect(list.items.map((x) => x.id)).toEqual([audit.id]);
    expect(await t.queriesDuring(() => o.viewer.get(`${o.T}/internal-audits?limit=5`))).toHaveLength(2);
    expect(await t.queriesDuring(() => o.viewer.get(`${o.T}/audit-programmes?limit=5`))).toHaveLength(2);
    expect((await o.owner.get(`${o.T}/audit-programmes/${programme.id}`)).json().audits).toEqual({ planned: 0, inProgress: 0, completed: 1 });
  }, 60_000);

  it('a management review is incomplete until every 9.3.2 input is addressed; decisions with owners; frozen once completed', async () => {
    const o = await org();
    const b = await org();
    const res = await o.contributor.post(`${o.T}/management-reviews`, {
      title: 'Management review Q1 2027',
      heldOn: '2027-03-30',
      attendees: ['Claire Martin', 'Hugo Petit'],
      inputs: { previous_actions: 'All closed', audit_results: 'One minor nonconformity' },
      decisions: [{ decision: 'Extend drift monitoring to the chatbot', ownerId: o.contributorId, dueOn: '2020-06-30' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const review = ZReview.parse(res.json());
    expect(res.json()).toEqual(review);
    expect(review.missingInputs).toEqual(['issues_changes', 'interested_parties_changes', 'aims_performance', 'monitoring_results', 'improvement_opportunities']);
    expect(review.decisions).toMatchObject([{ owner: { id: o.contributorId }, overdue: true }]);
    const url = `${o.T}/management-reviews/${review.id}`;
    const refused = await o.contributor.post(`${url}/complete`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'review_inputs_missing', details: { missing: review.missingInputs } });
    const all = { issues_changes: 'New EU AI Act guidance', interested_parties_changes: 'Regulator asks for FRIA', aims_performance: 'Two NCs, one closed', monitoring_results: 'Drift within bounds', improvement_opportunities: 'Automate evidence' };
    const filled = ZReview.parse((await o.contributor.patch(url, { inputs: all, decisions: [{ id: review.decisions[0]!.id, decision: 'Extend drift monitoring', ownerId: o.contributorId, dueOn: '2027-06-30' }] })).json());
    expect(filled.missingInputs).toEqual([]);
    expect(filled.decisions).toMatchObject([{ id: review.decisions[0]!.id, decision: 'Extend drift monitoring', overdue: false }]);
    expect((await o.viewer.post(`${url}/complete`)).statusCode).toBe(403);
    const done = ZReview.parse((await o.contributor.post(`${url}/complete`)).json());
    expect(done).toMatchObject({ status: 'completed', abilities: { 'managementReview.update': false, 'managementReview.complete': false } });
    expect((await o.contributor.patch(url, { title: 'Later' })).json().code).toBe('review_completed');
    expect((await b.owner.get(url.replace(o.T, b.T))).statusCode).toBe(404);
    // A nonconformity raised by the review names it.
    const nc = await o.owner.post(`${o.T}/nonconformities`, { title: 'Objectives not measured', source: 'management_review', managementReviewId: review.id });
    expect(nc.json()).toMatchObject({ sourceRecord: { type: 'management_review', id: review.id } });
    expect((await b.owner.post(`${b.T}/nonconformities`, { title: 'X', source: 'management_review', managementReviewId: review.id })).json()).toMatchObject({ details: [{ field: 'managementReviewId' }] });
    const list = ZReviewList.parse((await o.viewer.get(`${o.T}/management-reviews?status=completed`)).json());
    expect(list.items.map((x) => x.id)).toEqual([review.id]);
    expect(await t.queriesDuring(() => o.viewer.get(`${o.T}/management-reviews?limit=5`))).toHaveLength(2);
    const events = (await o.owner.get(`${o.T}/audit-events?limit=20`)).json().items.map((e: { action: string }) => e.action);
    expect(events).toEqual(expect.arrayContaining(['management_review.created', 'management_review.updated', 'management_review.completed']));
  }, 60_000);
});
