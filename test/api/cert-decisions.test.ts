import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZDecision, ZDecisionDetail, ZDecisionPreview } from '../../src/shared/contracts/cert-decisions.ts';
import { buildCertificationFile } from '../../src/server/modules/certification/decisions/certification-file.ts';
import { createTestClock, type TTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildAuditTeam } from '../support/certification-factories.ts';
import { buildDecisionCase, buildFinding, issueReport, type TDecisionCase } from '../support/decision-factories.ts';
import { backendAvailable, createTestApp, type TClient, type TTestApp } from '../support/test-app.ts';

/*
 * The certification decision (ISO/IEC 17021-1 9.5, 9.6): taken by a decision maker who took no part
 * in the client's audits of the cycle, never while a nonconformity blocks, on a file reviewed as it
 * is; its effects on the programme and the certificate in the same transaction.
 */
describe.skipIf(!backendAvailable)('Certification decisions', { timeout: 120_000 }, () => {
  let t: TTestApp;
  const clock: TTestClock = createTestClock(new Date('2026-11-02T09:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp();
    t.p.clock = clock;
  }, 300_000);
  afterAll(() => t?.close());

  const D = (tenantId: string) => `/api/tenants/${tenantId}/decisions`;
  const R = (tenantId: string) => `/api/tenants/${tenantId}/technical-reviews`;
  const GRANT = 'Stage 2 conclusive; the major nonconformity was verified remotely on the evidence sent.';

  /** The independent reviewer reviews the file as it is now and recommends `recommendation`. */
  async function review(c: TDecisionCase, auditId = c.audits.stage2.id, recommendation = 'grant') {
    const reviewer = await as(t.app, c.reviewer);
    const created = await reviewer.post(R(c.body.id), { programmeId: c.programme.id, auditId });
    expect(created.statusCode, created.body).toBe(201);
    const items = (created.json().checklist as { item: string; fact: { holds: boolean } }[]).map((e) => ({ item: e.item, confirmed: true, note: e.fact.holds ? '' : 'Checked by hand.' }));
    expect((await reviewer.patch(`${R(c.body.id)}/${created.json().id}`, { items, recommendation })).statusCode).toBe(200);
    const done = await reviewer.post(`${R(c.body.id)}/${created.json().id}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    return done.json() as { id: string; fileSha256: string };
  }

  async function granted(c: TDecisionCase, dm: TClient) {
    await review(c);
    const res = await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'grant', reasoning: GRANT });
    expect(res.statusCode, res.body).toBe(201);
    return ZDecision.parse(res.json());
  }

  it('refuses a decision maker who was on an audit team of the client in this cycle — stage 2 or a follow-up audit — naming the audits and roles', async () => {
    const c = await buildDecisionCase(t.p);
    await review(c);
    // The stage 2 lead auditor is also a decision maker of the body.
    await t.p.db.updateTable('memberships').set({ role: 'decision_maker' }).where('tenant_id', '=', c.body.id).where('user_id', '=', c.lead.id).execute();
    const lead = await as(t.app, c.lead);
    const refused = await lead.post(D(c.body.id), { programmeId: c.programme.id, kind: 'grant', reasoning: GRANT });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'cert_decision_not_independent',
      details: {
        audits: [
          { auditId: c.audits.stage1.id, reference: c.audits.stage1.reference, type: 'stage1', role: 'lead_auditor' },
          { auditId: c.audits.stage2.id, reference: c.audits.stage2.reference, type: 'stage2', role: 'lead_auditor' },
        ],
      },
    });
    expect(refused.json().message).toContain('ISO/IEC 17021-1 9.5');
    // The preview tells them before they try.
    const preview = ZDecisionPreview.parse((await lead.get(`${D(c.body.id)}/preview?programmeId=${c.programme.id}`)).json());
    expect(preview.teamSeats.map((s) => s.type)).toEqual(['stage1', 'stage2']);

    // A decision maker who only joined the follow-up verification is refused too.
    const followUpMember = await buildMembership(t.p, c.body, 'decision_maker');
    const followUp = await t.p.db
      .insertInto('audits')
      .values({ tenant_id: c.body.id, programme_id: c.programme.id, engagement_id: c.engagement.id, client_id: c.client.id, reference: 'AUD-2026-0901', type: 'follow_up', state: 'planned', planned_days: 0.5 })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await buildAuditTeam(t.p, c.body, followUp.id, [{ role: 'technical_expert', user: followUpMember }]);
    const fm = await as(t.app, followUpMember);
    const refused2 = await fm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'refuse', reasoning: 'Not convinced.' });
    expect(refused2.statusCode).toBe(403);
    expect(refused2.json()).toMatchObject({ code: 'cert_decision_not_independent', details: { audits: [{ auditId: followUp.id, type: 'follow_up', role: 'technical_expert' }] } });
    expect(await t.p.db.selectFrom('certification_decisions').select('id').where('tenant_id', '=', c.body.id).execute()).toEqual([]);
  });

  it('refuses a grant while a major is unverified or a minor has no accepted plan, each blocker named; then grants once they are dealt with', async () => {
    const c = await buildDecisionCase(t.p);
    const major = await buildFinding(t.p, c, { class: 'major', state: 'accepted' });
    const minor = await buildFinding(t.p, c, { class: 'minor', state: 'submitted' });
    await buildFinding(t.p, c, { class: 'observation', state: 'noted' });
    const dm = await as(t.app, c.decisionMaker);
    const blocked = await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'grant', reasoning: GRANT });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('cert_decision_blocked');
    expect(blocked.json().details.blockers.map((b: { code: string; reference: string }) => [b.code, b.reference])).toEqual([
      ['major_unverified', major.reference],
      ['minor_plan_not_accepted', minor.reference],
    ]);
    // A refusal is not blocked: the body may refuse with nonconformities open.
    await t.p.db.updateTable('audit_findings').set({ state: 'verified', verified_at: new Date(), verified_by: c.lead.id, verification_method: 'remote' }).where('id', '=', major.id).execute();
    await t.p.db.updateTable('audit_findings').set({ state: 'accepted' }).where('id', '=', minor.id).execute();
    const decision = await granted(c, dm);
    expect(decision.kind).toBe('grant');
  });

  it('a major not verified within 6 months of stage 2’s last day requires a new stage 2', async () => {
    const c = await buildDecisionCase(t.p, { stage2End: '2026-03-10' });
    await buildFinding(t.p, c, { class: 'major', state: 'accepted' });
    const dm = await as(t.app, c.decisionMaker);
    const res = await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'grant', reasoning: GRANT });
    expect(res.statusCode).toBe(409);
    expect(res.json().details.blockers).toEqual([expect.objectContaining({ code: 'major_window_expired', dueOn: '2026-09-10' })]);
  });

  it('a grant needs a completed review of the file as it is: none, or the file changed since, is refused', async () => {
    const c = await buildDecisionCase(t.p);
    const dm = await as(t.app, c.decisionMaker);
    expect((await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'grant', reasoning: GRANT })).json().code).toBe('cert_decision_no_review');
    const reviewed = await review(c);
    // An observation raised after the review changes the file.
    await buildFinding(t.p, c, { class: 'observation', state: 'noted' });
    const changed = await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'grant', reasoning: GRANT });
    expect(changed.statusCode).toBe(409);
    const now = await buildCertificationFile(t.p.db, c.body.id, c.programme.id);
    expect(changed.json()).toMatchObject({ code: 'cert_decision_file_changed', details: { reviewId: reviewed.id, reviewedSha256: reviewed.fileSha256, currentSha256: now!.sha256 } });
    const preview = ZDecisionPreview.parse((await dm.get(`${D(c.body.id)}/preview?programmeId=${c.programme.id}`)).json());
    expect(preview.review).toMatchObject({ id: reviewed.id, stale: true });
    // Reasoning is required.
    expect((await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'grant', reasoning: ' ' })).statusCode).toBe(400);
  });

  it('a grant dates the programme (surveillance 1 within 12 months of the decision), issues the certificate and stores the file as decided', async () => {
    const c = await buildDecisionCase(t.p);
    const dm = await as(t.app, c.decisionMaker);
    const decision = await granted(c, dm);
    expect(decision.reference).toMatch(/^DEC-2026-\d{4}$/);
    expect(decision.decidedOn).toBe('2026-11-02');
    expect(decision.certificateId).not.toBeNull();
    expect(decision.certificateNumber).toMatch(/\S/);
    const programme = await t.p.db
      .selectFrom('audit_programmes')
      .select((eb) => [eb.cast<string>('decision_date', 'text').as('d'), eb.cast<string>('expiry_date', 'text').as('e')])
      .where('id', '=', c.programme.id)
      .executeTakeFirstOrThrow();
    expect(programme).toEqual({ d: '2026-11-02', e: '2029-11-01' });
    const slots = await t.p.db
      .selectFrom('audits')
      .select(['id', (eb) => eb.cast<string>('due_by', 'text').as('due')])
      .where('programme_id', '=', c.programme.id)
      .where('type', 'in', ['surveillance', 'recertification'])
      .orderBy('type')
      .orderBy('sequence')
      .execute();
    expect(slots.map((s) => s.due)).toEqual(['2029-10-31', '2027-11-01', '2028-11-01']);
    expect(slots[1]!.due <= '2027-11-02').toBe(true);
    const cert = await t.p.db.selectFrom('certificates').selectAll().where('id', '=', decision.certificateId!).executeTakeFirstOrThrow();
    expect(cert).toMatchObject({ status: 'valid', decision_id: decision.id, client_id: c.client.id });
    const detail = ZDecisionDetail.parse((await dm.get(`${D(c.body.id)}/${decision.id}`)).json());
    expect(detail.file.programme.id).toBe(c.programme.id);
    expect(detail.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    // The organization's log says what was decided.
    const orgEvents = await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', c.org.id).where('subject_id', '=', decision.id).execute();
    expect(orgEvents.map((e) => e.action)).toEqual(['cert_decision.taken']);
    // Granted once: a second grant is refused.
    expect((await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'grant', reasoning: GRANT })).json().code).toBe('cert_decision_already_granted');
    const list = await dm.get(`${D(c.body.id)}?programmeId=${c.programme.id}`);
    expect(list.json().items.map((d: { id: string }) => d.id)).toEqual([decision.id]);
  });

  it('measures the business days from the completed review to the decision against the body’s target (seed: 3–5 business days)', async () => {
    const c = await buildDecisionCase(t.p);
    const dm = await as(t.app, c.decisionMaker);
    await review(c); // Completed on Monday 2 November 2026.
    const waitOf = async () => (await dm.get(`${R(c.body.id)}?programmeId=${c.programme.id}`)).json().items[0].decisionWait;
    expect(await waitOf()).toEqual({ elapsedBusinessDays: 0, targetBusinessDays: 5, overdue: false, decidedOn: null });
    try {
      // Tuesday 10 November: six business days later, past the body's five.
      clock.set(new Date('2026-11-10T09:00:00Z'));
      expect(await waitOf()).toEqual({ elapsedBusinessDays: 6, targetBusinessDays: 5, overdue: true, decidedOn: null });
      expect((await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'grant', reasoning: GRANT })).statusCode).toBe(201);
      // Decided: the wait stops on the decision's day, whatever the date now.
      clock.set(new Date('2026-12-01T09:00:00Z'));
      expect(await waitOf()).toEqual({ elapsedBusinessDays: 6, targetBusinessDays: 5, overdue: true, decidedOn: '2026-11-10' });
    } finally {
      clock.set(new Date('2026-11-02T09:00:00Z'));
    }
  });

  it('a refusal issues no certificate and keeps the engagement', async () => {
    const c = await buildDecisionCase(t.p);
    const dm = await as(t.app, c.decisionMaker);
    const res = await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'refuse', reasoning: 'The AIMS is not implemented across the declared scope.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'refuse', certificateId: null });
    expect(await t.p.db.selectFrom('certificates').select('id').where('tenant_id', '=', c.body.id).execute()).toEqual([]);
    expect((await t.p.db.selectFrom('engagements').select('status').where('id', '=', c.engagement.id).executeTakeFirstOrThrow()).status).toBe('active');
  });

  it('suspends (within the body’s maximum), reinstates and withdraws the certificate', async () => {
    const c = await buildDecisionCase(t.p);
    const dm = await as(t.app, c.decisionMaker);
    const grant = await granted(c, dm);
    const certificateId = grant.certificateId!;
    const reason = { en: 'Surveillance audit refused by the client.', fr: 'Audit de surveillance refusé par le client.' };
    const tooLong = await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'suspend', certificateId, suspendedUntil: '2027-12-31', reasoning: 'Refused the audit.', publicReason: reason });
    expect(tooLong.json()).toMatchObject({ code: 'cert_decision_suspension_too_long', details: { months: 6 } });
    expect((await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'suspend', reasoning: 'x y z', suspendedUntil: '2027-01-31' })).statusCode).toBe(400);
    const suspended = await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'suspend', certificateId, suspendedUntil: '2027-04-30', reasoning: 'Refused the audit.', publicReason: reason });
    expect(suspended.statusCode, suspended.body).toBe(201);
    expect((await t.p.db.selectFrom('certificates').select('status').where('id', '=', certificateId).executeTakeFirstOrThrow()).status).toBe('suspended');
    expect((await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'suspend', certificateId, suspendedUntil: '2027-04-30', reasoning: 'Again.', publicReason: reason })).json().code).toBe('cert_decision_certificate_state');
    const reinstated = await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'reinstate', certificateId, reasoning: 'Surveillance audit held and conclusive.' });
    expect(reinstated.statusCode, reinstated.body).toBe(201);
    expect((await t.p.db.selectFrom('certificates').select('status').where('id', '=', certificateId).executeTakeFirstOrThrow()).status).toBe('valid');
    const withdrawn = await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'withdraw', certificateId, reasoning: 'Client request.', publicReason: { en: 'At the client’s request.', fr: 'À la demande du client.' } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    expect((await t.p.db.selectFrom('certificates').select('status').where('id', '=', certificateId).executeTakeFirstOrThrow()).status).toBe('withdrawn');
    const events = await t.p.db.selectFrom('certificate_events').select('kind').where('certificate_id', '=', certificateId).orderBy('created_at').execute();
    expect(events.map((e) => e.kind)).toEqual(['issued', 'suspended', 'reinstated', 'withdrawn']);
  });

  it('renews before expiry: the expiry chains from the old one and the next cycle opens', async () => {
    const c = await buildDecisionCase(t.p);
    const dm = await as(t.app, c.decisionMaker);
    const grant = await granted(c, dm);
    // Three years later: the recertification audit is reported, its report issued, and reviewed.
    clock.set(new Date('2029-09-15T09:00:00Z'));
    try {
      const recert = c.audits.recertification;
      await buildAuditTeam(t.p, c.body, recert.id, [{ role: 'lead_auditor', user: c.lead, competent: false }]);
      await t.p.db.updateTable('audits').set({ state: 'reported', planned_start: '2029-09-01', planned_end: '2029-09-03', actual_start: '2029-09-01', actual_end: '2029-09-03' }).where('id', '=', recert.id).execute();
      await issueReport(t.p, c.body.id, recert.id, 'audit');
      await review(c, recert.id, 'renew');
      const res = await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'renew', certificateId: grant.certificateId, reasoning: 'Recertification audit conclusive.' });
      expect(res.statusCode, res.body).toBe(201);
      const renewed = await t.p.db
        .selectFrom('certificates')
        .select(['status', 'number', (eb) => eb.cast<string>('expiry_date', 'text').as('expiry')])
        .where('id', '=', res.json().certificateId)
        .executeTakeFirstOrThrow();
      // Chained from the old expiry (2029-11-01), not from the decision.
      expect(renewed).toMatchObject({ status: 'valid', number: grant.certificateNumber, expiry: '2032-11-01' });
      const cycles = await t.p.db.selectFrom('audit_programmes').select(['cycle', 'status']).where('engagement_id', '=', c.engagement.id).orderBy('cycle').execute();
      expect(cycles).toEqual([
        { cycle: 1, status: 'completed' },
        { cycle: 2, status: 'active' },
      ]);
    } finally {
      clock.set(new Date('2026-11-02T09:00:00Z'));
    }
  });

  it('maintains after surveillance: the form proposes the team’s recommendation, and the register’s history says surveillance confirmed the certificate', async () => {
    const c = await buildDecisionCase(t.p);
    const dm = await as(t.app, c.decisionMaker);
    const grant = await granted(c, dm);
    const sv1 = c.audits.surveillance1;
    await buildAuditTeam(t.p, c.body, sv1.id, [{ role: 'lead_auditor', user: c.lead, competent: false }]);
    await t.p.db.updateTable('audits').set({ state: 'reported', actual_start: '2027-09-01', actual_end: '2027-09-02' }).where('id', '=', sv1.id).execute();
    await issueReport(t.p, c.body.id, sv1.id, 'audit', 'maintain');
    const preview = ZDecisionPreview.parse((await dm.get(`${D(c.body.id)}/preview?certificateId=${grant.certificateId}`)).json());
    expect(preview.auditRecommendation).toEqual({ auditId: sv1.id, auditReference: sv1.reference, auditType: 'surveillance', sequence: 1, recommendation: 'maintain', decisionKind: 'maintain' });
    const res = await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'maintain', certificateId: grant.certificateId, reasoning: 'Surveillance 1 conclusive, no nonconformity.' });
    expect(res.statusCode, res.body).toBe(201);
    const events = await t.p.db.selectFrom('certificate_events').select(['kind', 'reason_en', 'reason_fr', 'decision_id']).where('certificate_id', '=', grant.certificateId!).orderBy('created_at').execute();
    expect(events.map((e) => e.kind)).toEqual(['issued', 'maintained']);
    expect(events[1]).toMatchObject({
      decision_id: res.json().id,
      reason_en: 'Surveillance audit 1 confirmed the certificate: certification is maintained.',
      reason_fr: 'L’audit de surveillance 1 a confirmé le certificat\u00a0: la certification est maintenue.',
    });
    const register = await t.app.inject({ method: 'GET', url: `/api/register/certificates/${encodeURIComponent(grant.certificateNumber!)}` });
    expect(register.statusCode, register.body).toBe(200);
    expect(register.json()).toMatchObject({ status: 'valid', history: [{ kind: 'issued' }, { kind: 'maintained', effectiveOn: '2026-11-02', reason: { en: 'Surveillance audit 1 confirmed the certificate: certification is maintained.' } }] });
    // The decision maker's own words for the register, when given.
    const again = await dm.post(D(c.body.id), {
      programmeId: c.programme.id,
      kind: 'maintain',
      certificateId: grant.certificateId,
      reasoning: 'Special audit after a complaint: no nonconformity.',
      publicReason: { en: 'Short-notice audit after a complaint: certification maintained.', fr: 'Audit à court préavis après une plainte : certification maintenue.' },
    });
    expect(again.statusCode, again.body).toBe(201);
    const last = await t.p.db.selectFrom('certificate_events').select(['kind', 'reason_en']).where('decision_id', '=', again.json().id).executeTakeFirstOrThrow();
    expect(last).toEqual({ kind: 'maintained', reason_en: 'Short-notice audit after a complaint: certification maintained.' });
  });

  it('extends then reduces the scope through decisions: a revised certificate with the same number and the next revision supersedes the old one, with both PDFs, and the register shows it', async () => {
    const c = await buildDecisionCase(t.p);
    const dm = await as(t.app, c.decisionMaker);
    const grant = await granted(c, dm);
    const number = grant.certificateNumber!;
    const original = await t.p.db.selectFrom('certificates').select([(eb) => eb.cast<string>('expiry_date', 'text').as('expiry'), (eb) => eb.cast<string>('original_issue_date', 'text').as('original')]).where('id', '=', grant.certificateId!).executeTakeFirstOrThrow();
    clock.set(new Date('2027-03-10T09:00:00Z'));
    try {
      const noScope = await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'extend_scope', certificateId: grant.certificateId, reasoning: 'Fraud detection added.' });
      expect(noScope.statusCode).toBe(400);
      const extended = await dm.post(D(c.body.id), {
        programmeId: c.programme.id,
        kind: 'extend_scope',
        certificateId: grant.certificateId,
        reasoning: 'Special audit of the fraud-detection system conclusive.',
        scope: { en: 'Credit scoring and fraud detection', fr: 'Notation de crédit et détection de la fraude' },
      });
      expect(extended.statusCode, extended.body).toBe(201);
      const rev1Id = extended.json().certificateId as string;
      expect(rev1Id).not.toBe(grant.certificateId);
      const rows = async () =>
        t.p.db
          .selectFrom('certificates')
          .select(['id', 'number', 'revision', 'status', 'supersedes_id', 'scope_en', 'documents', (eb) => eb.cast<string>('effective_date', 'text').as('effective'), (eb) => eb.cast<string>('expiry_date', 'text').as('expiry'), (eb) => eb.cast<string>('original_issue_date', 'text').as('original')])
          .where('number', '=', number)
          .orderBy('revision')
          .execute();
      let all = await rows();
      expect(all.map((r) => [r.revision, r.status])).toEqual([
        [0, 'superseded'],
        [1, 'valid'],
      ]);
      expect(all[1]).toMatchObject({ id: rev1Id, supersedes_id: grant.certificateId, scope_en: 'Credit scoring and fraud detection', effective: '2027-03-10', expiry: original.expiry, original: original.original });
      const docs = all[1]!.documents as { en?: { sha256: string }; fr?: { sha256: string } };
      expect(docs.en?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(docs.fr?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(docs.en!.sha256).not.toBe(docs.fr!.sha256);
      expect(docs.en!.sha256).not.toBe((all[0]!.documents as { en: { sha256: string } }).en.sha256);

      const reduced = await dm.post(D(c.body.id), {
        programmeId: c.programme.id,
        kind: 'reduce_scope',
        certificateId: rev1Id,
        reasoning: 'The fraud-detection system was withdrawn from the AIMS.',
        scope: { en: 'Credit scoring', fr: 'Notation de crédit' },
        publicReason: { en: 'Fraud detection removed from the scope at the client’s request.', fr: 'Détection de la fraude retirée du périmètre à la demande du client.' },
      });
      expect(reduced.statusCode, reduced.body).toBe(201);
      all = await rows();
      expect(all.map((r) => [r.revision, r.status])).toEqual([
        [0, 'superseded'],
        [1, 'superseded'],
        [2, 'valid'],
      ]);
      expect(all[2]).toMatchObject({ supersedes_id: rev1Id, scope_en: 'Credit scoring', expiry: original.expiry, original: original.original });

      const register = await t.app.inject({ method: 'GET', url: `/api/register/certificates/${encodeURIComponent(number)}` });
      expect(register.statusCode, register.body).toBe(200);
      const page = register.json() as { revision: number; status: string; scope: { en: string }; revisions: { revision: number; status: string }[]; history: { kind: string; revision: number }[] };
      expect(page).toMatchObject({ revision: 2, status: 'valid', scope: { en: 'Credit scoring' } });
      expect(page.revisions.map((r) => [r.revision, r.status])).toEqual([
        [2, 'valid'],
        [1, 'superseded'],
        [0, 'superseded'],
      ]);
      expect(page.history.map((h) => `${h.revision}:${h.kind}`)).toEqual(['0:issued', '0:superseded', '1:scope_extended', '1:superseded', '2:scope_reduced']);
      // The current revision's credential is signed for its revision.
      const credential = await t.app.inject({ method: 'GET', url: `/api/register/certificates/${encodeURIComponent(number)}/credential` });
      expect(credential.json()).toMatchObject({ credentialSubject: { certificate: { number, revision: 2, scope: { en: 'Credit scoring' } } } });
    } finally {
      clock.set(new Date('2026-11-02T09:00:00Z'));
    }
  });

  it('roles, tenants and input', async () => {
    const c = await buildDecisionCase(t.p);
    const body = { programmeId: c.programme.id, kind: 'refuse', reasoning: 'Not ready.' };
    for (const who of [c.body.owner, c.reviewer, c.auditor]) {
      expect((await (await as(t.app, who)).post(D(c.body.id), body)).statusCode).toBe(403);
    }
    const dm = await as(t.app, c.decisionMaker);
    // Another body's programme is not found; another tenant is not found.
    const other = await buildDecisionCase(t.p);
    expect((await dm.post(D(c.body.id), { ...body, programmeId: other.programme.id })).statusCode).toBe(404);
    expect((await dm.get(D(other.body.id))).statusCode).toBe(404);
    expect((await dm.get(`${D(c.body.id)}/preview?programmeId=${other.programme.id}`)).statusCode).toBe(404);
    const stranger = await as(t.app, (await buildTenant(t.p, { kind: 'certification_body' })).owner);
    expect((await stranger.post(D(c.body.id), body)).statusCode).toBe(404);
    // Bad input.
    expect((await dm.post(D(c.body.id), { ...body, kind: 'approve' })).statusCode).toBe(400);
    expect((await dm.post(D(c.body.id), { ...body, reasoning: 'x'.repeat(8001) })).statusCode).toBe(400);
    expect((await dm.post(D(c.body.id), { ...body, programmeId: 'p' })).statusCode).toBe(400);
    expect((await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'withdraw', reasoning: 'No certificate named.' })).statusCode).toBe(400);
    expect((await dm.get(`${D(c.body.id)}/preview`)).statusCode).toBe(400);
    // Acting on a certificate when there is none.
    const none = await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'withdraw', certificateId: c.programme.id, reasoning: 'No such certificate.' });
    expect(none.statusCode).toBe(404);
  });

  it('lists decisions in one query', async () => {
    const c = await buildDecisionCase(t.p);
    const dm = await as(t.app, c.decisionMaker);
    await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'refuse', reasoning: 'Not ready.' });
    const queries = await t.queriesDuring(() => dm.get(D(c.body.id)));
    expect(queries.filter((q) => /certification_decisions/.test(q))).toHaveLength(1);

    // One per page (newest first, the id breaking a tie): the cursor walks both without repeating one; a foreign cursor reads as the first page.
    expect((await dm.post(D(c.body.id), { programmeId: c.programme.id, kind: 'refuse', reasoning: 'Still not ready.' })).statusCode).toBe(201);
    const first = (await dm.get(`${D(c.body.id)}?limit=1`)).json();
    expect(first.items).toHaveLength(1);
    const second = (await dm.get(`${D(c.body.id)}?limit=1&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((d: { reasoning: string }) => d.reasoning).sort()).toEqual(['Not ready.', 'Still not ready.']);
    expect(second.nextCursor).toBeNull();
    expect((await dm.get(`${D(c.body.id)}?limit=1&cursor=bm90LWEtY3Vyc29y`)).json().items[0].id).toBe(first.items[0].id);
  });
});
