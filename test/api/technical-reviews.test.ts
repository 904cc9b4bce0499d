import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZTechnicalReview } from '../../src/shared/contracts/cert-decisions.ts';
import { buildCertificationFile } from '../../src/server/modules/certification/decisions/certification-file.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildAuditTeam } from '../support/certification-factories.ts';
import { buildDecisionCase, buildFinding } from '../support/decision-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * The technical review of a certification file (ISO/IEC 17021-1 9.5): by a technical reviewer who
 * took no part in the client's audits of the cycle; a fixed checklist with the facts from the file;
 * completing freezes the file's hash.
 */
describe.skipIf(!backendAvailable)('Technical review of the certification file', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 300_000);
  afterAll(() => t?.close());

  const R = (tenantId: string) => `/api/tenants/${tenantId}/technical-reviews`;

  it('builds the file in one round trip, deterministic: same records, same hash; a change changes it', async () => {
    const c = await buildDecisionCase(t.p);
    const queries = await t.queriesDuring(() => buildCertificationFile(t.p.db, c.body.id, c.programme.id));
    expect(queries).toHaveLength(1);
    const a = await buildCertificationFile(t.p.db, c.body.id, c.programme.id);
    const b = await buildCertificationFile(t.p.db, c.body.id, c.programme.id);
    expect(a!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b!.sha256).toBe(a!.sha256);
    expect(a!.snapshot.audits.map((x) => x.type)).toEqual(['stage1', 'stage2', 'surveillance', 'surveillance', 'recertification']);
    const s2 = a!.snapshot.audits[1]!;
    expect(s2.report?.status).toBe('issued');
    expect(s2.report?.documents).toHaveLength(2);
    expect(s2.team.map((m) => [m.role, m.declaration !== null, m.competence.length > 0])).toEqual([
      ['lead_auditor', true, true],
      ['auditor', true, true],
    ]);
    await buildFinding(t.p, c, { class: 'minor', state: 'open' });
    const after = await buildCertificationFile(t.p.db, c.body.id, c.programme.id);
    expect(after!.sha256).not.toBe(a!.sha256);
    expect(after!.snapshot.findings).toHaveLength(1);
    // Another body's tenant id finds nothing.
    expect(await buildCertificationFile(t.p.db, c.org.id, c.programme.id)).toBeUndefined();
  });

  it('a reviewer opens, fills in and completes the review; the file hash is frozen', async () => {
    const c = await buildDecisionCase(t.p);
    const reviewer = await as(t.app, c.reviewer);
    const created = await reviewer.post(R(c.body.id), { programmeId: c.programme.id, auditId: c.audits.stage2.id });
    expect(created.statusCode, created.body).toBe(201);
    const review = ZTechnicalReview.parse(created.json());
    expect(review.state).toBe('draft');
    expect(review.reviewer.id).toBe(c.reviewer.id);
    expect(review.checklist.map((e) => e.item)).toHaveLength(10);
    expect(review.checklist.find((e) => e.item === 'concluding_report_issued')!.fact.holds).toBe(true);
    expect(review.checklist.find((e) => e.item === 'audit_time_respected')!.fact).toEqual({ holds: false, refs: ['none'] });
    expect(review.abilities['technicalReview.complete']).toBe(true);

    // Not yet complete: every item answered and a recommendation.
    const early = await reviewer.post(`${R(c.body.id)}/${review.id}/complete`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'cert_review_incomplete', details: { recommendation: 'missing' } });
    expect(early.json().details.items).toHaveLength(10);

    const items = review.checklist.map((e) => ({ item: e.item, confirmed: e.fact.holds, note: e.fact.holds ? '' : 'Audit time agreed at contract review; see the proposal.' }));
    const filled = await reviewer.patch(`${R(c.body.id)}/${review.id}`, { items, recommendation: 'grant', notes: 'File complete.' });
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.json().recommendation).toBe('grant');

    const done = await reviewer.post(`${R(c.body.id)}/${review.id}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    const completed = ZTechnicalReview.parse(done.json());
    const file = await buildCertificationFile(t.p.db, c.body.id, c.programme.id);
    expect(completed).toMatchObject({ state: 'completed', fileSha256: file!.sha256, stale: false });
    const stored = await t.p.db.selectFrom('technical_reviews').select(['file_snapshot', 'file_sha256']).where('id', '=', review.id).executeTakeFirstOrThrow();
    expect(stored.file_snapshot).toEqual(file!.snapshot);

    // Frozen: no more changes.
    expect((await reviewer.patch(`${R(c.body.id)}/${review.id}`, { notes: 'late' })).json().code).toBe('cert_review_completed');
    // The file changes: the review says it is stale.
    await buildFinding(t.p, c, { class: 'observation', state: 'noted' });
    const read = await reviewer.get(`${R(c.body.id)}/${review.id}`);
    expect(read.json()).toMatchObject({ stale: true, fileSha256: file!.sha256 });

    const list = await reviewer.get(`${R(c.body.id)}?programmeId=${c.programme.id}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([review.id]);

    const events = await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', c.body.id).where('subject_id', '=', review.id).orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual(['technical_review.created', 'technical_review.updated', 'technical_review.completed']);
  });

  it('refuses a reviewer who was on an audit team of the client in this cycle (a follow-up audit too), naming the audit', async () => {
    const c = await buildDecisionCase(t.p);
    const onFollowUp = await buildMembership(t.p, c.body, 'technical_reviewer');
    const followUp = await t.p.db
      .insertInto('audits')
      .values({ tenant_id: c.body.id, programme_id: c.programme.id, engagement_id: c.engagement.id, client_id: c.client.id, reference: 'AUD-2026-0900', type: 'follow_up', state: 'planned', planned_days: 0.5 })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await buildAuditTeam(t.p, c.body, followUp.id, [{ role: 'auditor', user: onFollowUp }]);
    const client = await as(t.app, onFollowUp);
    const res = await client.post(R(c.body.id), { programmeId: c.programme.id, auditId: c.audits.stage2.id });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'cert_review_not_independent', details: { audits: [{ auditId: followUp.id, reference: 'AUD-2026-0900', type: 'follow_up', role: 'auditor' }] } });

    // The scheme manager cannot assign the stage 2 lead either.
    await t.p.db.insertInto('memberships').values({ tenant_id: c.body.id, user_id: c.lead.id, role: 'technical_reviewer' }).onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ role: 'technical_reviewer' })).execute();
    const manager = await as(t.app, c.body.owner);
    const assigned = await manager.post(R(c.body.id), { programmeId: c.programme.id, auditId: c.audits.stage2.id, reviewerId: c.lead.id });
    expect(assigned.statusCode).toBe(403);
    expect(assigned.json().code).toBe('cert_review_not_independent');
    expect(assigned.json().details.audits.map((s: { type: string }) => s.type)).toEqual(['stage1', 'stage2']);
    // … and assigns an independent reviewer.
    const ok = await manager.post(R(c.body.id), { programmeId: c.programme.id, auditId: c.audits.stage2.id, reviewerId: c.reviewer.id });
    expect(ok.statusCode, ok.body).toBe(201);
    // Only that reviewer fills it in.
    const other = await as(t.app, await buildMembership(t.p, c.body, 'technical_reviewer'));
    expect((await other.patch(`${R(c.body.id)}/${ok.json().id}`, { notes: 'x' })).statusCode).toBe(403);
  });

  it('refuses an audit that does not conclude, a stage 2 not reported, a person who is not a reviewer; roles, tenants and input', async () => {
    const c = await buildDecisionCase(t.p);
    const reviewer = await as(t.app, c.reviewer);
    const stage1 = await reviewer.post(R(c.body.id), { programmeId: c.programme.id, auditId: c.audits.stage1.id });
    expect(stage1.json()).toMatchObject({ code: 'cert_review_audit_not_concluding' });
    const surveillance = await reviewer.post(R(c.body.id), { programmeId: c.programme.id, auditId: c.audits.surveillance1.id });
    expect(surveillance.json()).toMatchObject({ code: 'cert_review_audit_not_concluding', details: { state: 'planned' } });
    const manager = await as(t.app, c.body.owner);
    expect((await manager.post(R(c.body.id), { programmeId: c.programme.id, auditId: c.audits.stage2.id })).json().code).toBe('cert_review_not_reviewer');
    expect((await manager.post(R(c.body.id), { programmeId: c.programme.id, auditId: c.audits.stage2.id, reviewerId: c.decisionMaker.id })).json().code).toBe('cert_review_not_reviewer');
    // Roles: an auditor or a decision maker does not open a review.
    expect((await (await as(t.app, c.auditor)).post(R(c.body.id), { programmeId: c.programme.id, auditId: c.audits.stage2.id })).statusCode).toBe(403);
    expect((await (await as(t.app, c.decisionMaker)).post(R(c.body.id), { programmeId: c.programme.id, auditId: c.audits.stage2.id })).statusCode).toBe(403);
    // Another body: its programme is not found; a stranger's tenant is not found.
    const other = await buildDecisionCase(t.p);
    expect((await reviewer.post(R(c.body.id), { programmeId: other.programme.id, auditId: other.audits.stage2.id })).statusCode).toBe(404);
    expect((await reviewer.get(R(other.body.id))).statusCode).toBe(404);
    const stranger = await as(t.app, (await buildTenant(t.p, { kind: 'certification_body' })).owner);
    expect((await stranger.get(`${R(c.body.id)}/${c.programme.id}`)).statusCode).toBe(404);
    // Bad input.
    const bad = await reviewer.post(R(c.body.id), { programmeId: 'nope', auditId: c.audits.stage2.id });
    expect(bad.statusCode).toBe(400);
    const created = await reviewer.post(R(c.body.id), { programmeId: c.programme.id, auditId: c.audits.stage2.id });
    expect((await reviewer.patch(`${R(c.body.id)}/${created.json().id}`, { items: [{ item: 'unknown', confirmed: true, note: '' }] })).statusCode).toBe(400);
    expect((await reviewer.patch(`${R(c.body.id)}/${created.json().id}`, { notes: 'x'.repeat(4001) })).statusCode).toBe(400);
  });
});
