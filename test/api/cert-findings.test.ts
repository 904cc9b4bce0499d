import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionBlockers } from '../../src/server/modules/certification/index.ts';
import { ZFindingDetail, ZFindingPage, ZOrgFindingDetail, ZOrgFindingPage, type TFindingDetail, type TOrgFindingDetail } from '../../src/shared/contracts/findings.ts';
import { sql } from 'kysely';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { remindOverdueFindings } from '../../src/server/modules/certification/findings/jobs/remind-overdue-findings.ts';
import { sendOverdueFindingMail } from '../../src/server/modules/certification/findings/jobs/send-overdue-finding-mail.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';
import { buildAuditTeam, buildBody, buildClient, buildEngagement } from '../support/certification-factories.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * Audit findings through the API on a real database: raised by the audit's team, shared with the
 * organization at once (its own page and a mirror among its nonconformities), answered by the
 * organization, rejected with a reason then accepted, a major verified by a follow-up audit, the
 * decision gate following along — and refused to everyone else.
 */
describe.skipIf(!backendAvailable)('certification findings', { timeout: 240_000 }, () => {
  let t: TTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const clock = createTestClock(new Date('2027-03-10T09:00:00Z'));
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent', SMTP_URL: smtp.url, JOBS_ENABLED: 'true', PUBLIC_URL: 'https://attest.example' });
    t.p.clock = clock;
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  async function setup() {
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const contributor = await buildMembership(t.p, org, 'contributor');
    const viewer = await buildMembership(t.p, org, 'viewer');
    const body = await buildBody(t.p, { name: 'Vérité Certification' });
    const client = await buildClient(t.p, body, { legalName: 'Lumière Crédit SA', sites: 2, organizationTenantId: org.id });
    const [system] = await t.p.db.insertInto('client_ai_systems').values({ tenant_id: body.id, client_id: client.id, name: 'Score crédit', tier: 'high', role: 'provider' }).returning('id').execute();
    const sites = await t.p.db.selectFrom('client_sites').select(['id', 'name']).where('tenant_id', '=', body.id).where('client_id', '=', client.id).orderBy('is_central', 'desc').execute();
    const e = await buildEngagement(t.p, body, org, { client });
    const stage2 = e.audits.stage2;
    await t.p.db.updateTable('audits').set({ state: 'in_progress', planned_start: '2027-03-08', planned_end: '2027-03-11', actual_start: '2027-03-08' }).where('tenant_id', '=', body.id).where('id', '=', stage2.id).execute();
    const [lead, member] = await buildAuditTeam(t.p, body, stage2.id, [{ role: 'lead_auditor' }, { role: 'technical_expert' }]);
    const outsider = await buildMembership(t.p, body, 'auditor');
    const other = await buildBody(t.p);
    const otherOrg = await buildTenant(t.p);
    return {
      org,
      body,
      e,
      stage2,
      sites,
      system: system!,
      manager: await as(t.app, body.owner),
      lead: await as(t.app, lead!.user),
      leadUser: lead!.user,
      expert: await as(t.app, member!.user),
      outsider: await as(t.app, outsider),
      otherManager: await as(t.app, other.owner),
      otherOrgOwner: await as(t.app, otherOrg.owner),
      owner: await as(t.app, org.owner),
      contributor: await as(t.app, contributor),
      viewer: await as(t.app, viewer),
      A: `/api/tenants/${body.id}/audits/${stage2.id}/findings`,
      F: `/api/tenants/${body.id}/audit-findings`,
      O: `/api/tenants/${org.id}/certification/findings`,
    };
  }

  const json = <T>(r: { statusCode: number; body: string; json(): unknown }, status: number) => {
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  };

  it('raises findings, shares them with the organization, and walks answer → rejection → answer → acceptance', async () => {
    const s = await setup();
    const minor = ZFindingDetail.parse(
      json(
        await s.lead.post(s.A, { class: 'minor', ref: '8.1', statement: 'The release checklist of model v3.2 was not signed.', evidence: 'Release record of 10 February 2027.', siteIds: [s.sites[1]!.id], aiSystemIds: [s.system.id] }),
        201,
      ),
    );
    expect(minor).toMatchObject({ reference: 'NC-2027-0001', class: 'minor', state: 'open', responseDueOn: '2027-04-10', closureDueOn: '2027-06-09', verificationDueOn: null, responseCount: 0 });
    expect(minor.requirement).toMatchObject({ frameworkId: 'iso-iec-42001-2023', ref: '8.1' });
    expect(minor.sites.map((x) => x.name)).toEqual([s.sites[1]!.name]);
    expect(minor.aiSystems.map((x) => x.name)).toEqual(['Score crédit']);
    expect(minor.abilities).toEqual({ 'finding.read': true, 'finding.write': true, 'finding.judge': true });
    clock.advance(60_000);
    const major = json<TFindingDetail>(await s.manager.post(s.A, { class: 'major', ref: 'A.6.2.4', statement: 'No verification and validation of the fraud model before release.' }), 201);
    expect(major).toMatchObject({ reference: 'NC-2027-0002', verificationDueOn: '2027-09-11' });
    clock.advance(60_000);
    const obs = json<TFindingDetail>(await s.lead.post(s.A, { class: 'observation', statement: 'Roles could be described more precisely.' }), 201);
    expect(obs).toMatchObject({ reference: 'OBS-2027-0001', state: 'noted', responseDueOn: null });

    // Bad input: field errors.
    const noRef = await s.lead.post(s.A, { class: 'major', statement: 'x' });
    expect([noRef.statusCode, noRef.json().code, noRef.json().details[0].field]).toEqual([400, 'finding_requirement_required', 'ref']);
    const badRef = await s.lead.post(s.A, { class: 'minor', ref: '99.9', statement: 'x' });
    expect([badRef.statusCode, badRef.json().code]).toEqual([400, 'finding_requirement_unknown']);
    const badSite = await s.lead.post(s.A, { class: 'minor', ref: '8.1', statement: 'x', siteIds: [s.org.id] });
    expect([badSite.statusCode, badSite.json().code, badSite.json().details[0].field]).toEqual([400, 'finding_site_unknown', 'siteIds.0']);
    expect((await s.lead.post(s.A, { class: 'severe', statement: 'x' })).statusCode).toBe(400);
    expect((await s.lead.post(s.A, { class: 'minor', ref: '8.1', statement: '' })).statusCode).toBe(400);

    // The audit says who may raise here (the « Constats » tab shows the form from it): the team's auditors and the scheme manager.
    const auditUrl = `/api/tenants/${s.body.id}/audits/${s.stage2.id}`;
    const mayRaise = async (who: typeof s.lead) => json<{ abilities: Record<string, boolean> }>(await who.get(auditUrl), 200).abilities['finding.write'];
    expect([await mayRaise(s.lead), await mayRaise(s.manager), await mayRaise(s.expert), await mayRaise(s.outsider)]).toEqual([true, true, false, false]);

    // Who may not: a technical expert on the team reads but does not raise; an auditor off the team and another body see nothing.
    expect((await s.expert.get(`${s.F}/${minor.id}`)).statusCode).toBe(200);
    expect((await s.expert.post(s.A, { class: 'observation', statement: 'x' })).statusCode).toBe(403);
    expect((await s.outsider.get(`${s.F}/${minor.id}`)).statusCode).toBe(404);
    expect((await s.outsider.get(s.A)).statusCode).toBe(404);
    expect((await s.otherManager.get(`${s.F}/${minor.id}`)).statusCode).toBe(404);
    expect((await s.otherOrgOwner.get(`${s.O}/${minor.id}`)).statusCode).toBe(404);

    // Lists: per audit in the order raised (keyset), per programme.
    const page1 = ZFindingPage.parse(json(await s.lead.get(`${s.A}?limit=2`), 200));
    expect(page1.items.map((f) => f.reference)).toEqual(['NC-2027-0001', 'NC-2027-0002']);
    const page2 = json<{ items: { reference: string }[]; nextCursor: string | null }>(await s.lead.get(`${s.A}?limit=2&cursor=${page1.nextCursor}`), 200);
    expect([page2.items.map((f) => f.reference), page2.nextCursor]).toEqual([['OBS-2027-0001'], null]);
    expect(json<{ items: unknown[] }>(await s.manager.get(`${s.F}?programmeId=${s.e.programme.id}&class=minor`), 200).items).toHaveLength(1);
    // One statement reads a page, whatever its size (the session and the audit aside).
    const queries = await t.queriesDuring(async () => void json(await s.lead.get(s.A), 200));
    expect(queries.filter((q) => /from audit_findings/i.test(q))).toHaveLength(1);

    // The organization sees them at once, and its nonconformities list the two nonconformities.
    const orgList = ZOrgFindingPage.parse(json(await s.viewer.get(s.O), 200));
    expect(orgList.items.map((f) => f.reference)).toEqual(['NC-2027-0001', 'NC-2027-0002', 'OBS-2027-0001']);
    const orgMinor = ZOrgFindingDetail.parse(json(await s.viewer.get(`${s.O}/${minor.id}`), 200));
    expect(orgMinor.abilities).toEqual({ 'orgFinding.read': true, 'orgFinding.respond': false });
    const nc = json<{ source: string; status: string; sourceRecord: { type: string; id: string; title: string } }>(await s.viewer.get(`/api/tenants/${s.org.id}/nonconformities/${orgMinor.nonconformityId}`), 200);
    expect(nc).toMatchObject({ source: 'external_audit', status: 'open', sourceRecord: { type: 'external_audit_finding', id: minor.id, title: 'NC-2027-0001' } });
    expect(orgList.items.find((f) => f.reference === 'OBS-2027-0001')!.nonconformityId).toBeNull();

    // Edit while unanswered.
    const edited = json<TFindingDetail>(await s.lead.patch(`${s.F}/${minor.id}`, { statement: 'The release checklist of model v3.2 was not signed by its owner.' }), 200);
    expect(edited.statement).toContain('by its owner');
    expect((await s.lead.patch(`${s.F}/${minor.id}`, { class: 'observation' })).statusCode).toBe(400);

    // The organization answers: a viewer may not; bad evidence refused; one answer waits at most.
    const answer = { correction: 'Checklist signed on 12 March.', rootCause: 'The checklist was not signed.', correctiveAction: 'Remind the team.', plannedCompletionOn: '2027-04-30' };
    expect((await s.viewer.post(`${s.O}/${minor.id}/responses`, answer)).statusCode).toBe(403);
    const badEvidence = await s.contributor.post(`${s.O}/${minor.id}/responses`, { ...answer, evidenceIds: [s.org.id] });
    expect([badEvidence.statusCode, badEvidence.json().code, badEvidence.json().details[0].field]).toEqual([400, 'finding_evidence_unknown', 'evidenceIds.0']);
    expect((await s.contributor.post(`${s.O}/${minor.id}/responses`, { ...answer, rootCause: '' })).statusCode).toBe(400);
    const v1 = json<TOrgFindingDetail>(await s.contributor.post(`${s.O}/${minor.id}/responses`, answer), 201);
    expect([v1.state, v1.responses.map((r) => r.version)]).toEqual(['submitted', [1]]);
    expect((await s.contributor.post(`${s.O}/${minor.id}/responses`, answer)).statusCode).toBe(409);
    expect((await s.owner.post(`${s.O}/${obs.id}/responses`, answer)).json().code).toBe('finding_state');
    // Answered: no more edits.
    expect((await s.lead.patch(`${s.F}/${minor.id}`, { statement: 'x' })).statusCode).toBe(409);

    // The body's list of answers to review.
    const toReview = json<{ items: { id: string; reviewWait: unknown }[] }>(await s.manager.get(`${s.F}/to-review`), 200).items;
    expect(toReview.map((f) => [f.id, f.reviewWait])).toEqual([[minor.id, { elapsedBusinessDays: 0, targetBusinessDays: 15, overdue: false }]]);
    // Submitted on Wednesday 10 March; on Thursday 1 April, 16 business days have passed: past the body's 15.
    t.p.clock = createTestClock(new Date('2027-04-01T09:00:00Z'));
    try {
      expect(json<{ reviewWait: unknown }>(await s.lead.get(`${s.F}/${minor.id}`), 200).reviewWait).toEqual({ elapsedBusinessDays: 16, targetBusinessDays: 15, overdue: true });
    } finally {
      t.p.clock = clock;
    }
    expect(json<{ items: unknown[] }>(await s.outsider.get(`${s.F}/to-review`), 200).items).toEqual([]);
    // Filtered by class and by the finding's deadline (a year on, the minor's closure date has passed).
    const ids = async (q: string) => json<{ items: { id: string }[] }>(await s.manager.get(`${s.F}/to-review?${q}`), 200).items.map((f) => f.id);
    expect([await ids('class=minor'), await ids('class=major'), await ids('overdue=false'), await ids('overdue=true')]).toEqual([[minor.id], [], [minor.id], []]);
    t.p.clock = createTestClock(new Date('2028-03-10T09:00:00Z'));
    try {
      expect([await ids('overdue=true'), await ids('overdue=false')]).toEqual([[minor.id], []]);
    } finally {
      t.p.clock = clock;
    }
    expect((await s.manager.get(`${s.F}/to-review?overdue=soon`)).statusCode).toBe(400);

    // Rejected: a reason is required; then answered again and accepted; the history keeps both.
    expect((await s.expert.post(`${s.F}/${minor.id}/verdict`, { verdict: 'accepted' })).statusCode).toBe(403);
    const noReason = await s.lead.post(`${s.F}/${minor.id}/verdict`, { verdict: 'rejected' });
    expect([noReason.statusCode, noReason.json().code]).toEqual([400, 'validation_failed']);
    const rejected = json<TFindingDetail>(await s.lead.post(`${s.F}/${minor.id}/verdict`, { verdict: 'rejected', reason: 'The root cause restates the symptom.' }), 200);
    expect(rejected.state).toBe('open');
    // The organization's copy goes back to open with the rejected answer.
    expect(json<{ status: string }>(await s.viewer.get(`/api/tenants/${s.org.id}/nonconformities/${orgMinor.nonconformityId}`), 200).status).toBe('open');
    json(await s.contributor.post(`${s.O}/${minor.id}/responses`, { ...answer, rootCause: 'Signing was not a blocking step of the deployment pipeline.', correctiveAction: 'The pipeline refuses a release without the signed checklist.' }), 201);
    const accepted = json<TFindingDetail>(await s.lead.post(`${s.F}/${minor.id}/verdict`, { verdict: 'accepted' }), 200);
    expect(accepted.state).toBe('accepted');
    expect(accepted.responses.map((r) => [r.version, r.verdict, r.verdictReason])).toEqual([
      [1, 'rejected', 'The root cause restates the symptom.'],
      [2, 'accepted', ''],
    ]);
    const orgSide = json<TOrgFindingDetail>(await s.viewer.get(`${s.O}/${minor.id}`), 200);
    expect(orgSide.responses.map((r) => r.verdict)).toEqual(['rejected', 'accepted']);
    const mirror = json<{ status: string; rootCause: string }>(await s.viewer.get(`/api/tenants/${s.org.id}/nonconformities/${orgMinor.nonconformityId}`), 200);
    expect(mirror).toMatchObject({ status: 'action_planned', rootCause: 'Signing was not a blocking step of the deployment pipeline.' });

    // Both logs carry each step.
    const actions = async (tenantId: string) =>
      (await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', tenantId).where('action', 'like', 'audit_finding.%').orderBy('seq').execute()).map((r) => r.action);
    const expected = ['audit_finding.raised', 'audit_finding.raised', 'audit_finding.raised', 'audit_finding.updated', 'audit_finding.response_submitted', 'audit_finding.response_rejected', 'audit_finding.response_submitted', 'audit_finding.response_accepted'];
    expect(await actions(s.body.id)).toEqual(expected);
    expect(await actions(s.org.id)).toEqual(expected);

    // The decision gate: the major blocks; the minor's plan is accepted.
    expect((await decisionBlockers(t.p.db, s.body.id, s.e.programme.id, '2027-05-01')).map((b) => [b.code, b.reference])).toEqual([['major_unverified', 'NC-2027-0002']]);

    // The major: answered, accepted, then verified by a follow-up audit, then closed.
    await t.p.db.updateTable('audits').set({ state: 'reported', actual_end: '2027-03-11' }).where('tenant_id', '=', s.body.id).where('id', '=', s.stage2.id).execute();
    json(await s.owner.post(`${s.O}/${major.id}/responses`, answer), 201);
    json(await s.lead.post(`${s.F}/${major.id}/verdict`, { verdict: 'accepted' }), 200);
    expect((await s.lead.post(`${s.F}/${major.id}/close`, {})).json().code).toBe('finding_not_verified');
    const onSiteWithout = await s.lead.post(`${s.F}/${major.id}/verify`, { method: 'on_site' });
    expect([onSiteWithout.statusCode, onSiteWithout.json().details[0].field]).toEqual([400, 'auditId']);
    expect((await s.lead.post(`${s.F}/${major.id}/verify`, { method: 'on_site', auditId: s.stage2.id })).json().code).toBe('finding_verification_audit_invalid');
    const followUp = await t.p.db
      .insertInto('audits')
      .values({ tenant_id: s.body.id, programme_id: s.e.programme.id, engagement_id: s.e.engagement.id, client_id: s.e.client.id, reference: 'AUD-2027-0901', type: 'follow_up', state: 'reported', planned_days: 0.5 })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    const verified = json<TFindingDetail>(await s.lead.post(`${s.F}/${major.id}/verify`, { method: 'on_site', auditId: followUp.id, notes: 'V&V records seen for the last release.' }), 200);
    expect(verified.verification).toMatchObject({ method: 'on_site', auditReference: 'AUD-2027-0901', notes: 'V&V records seen for the last release.' });
    expect(await decisionBlockers(t.p.db, s.body.id, s.e.programme.id, '2027-05-01')).toEqual([]);
    expect((await s.lead.post(`${s.F}/${minor.id}/verify`, { method: 'remote' })).json().code).toBe('finding_not_major');
    json(await s.lead.post(`${s.F}/${minor.id}/close`, { notes: 'Implementation checked.' }), 200);
    const closedMirror = json<{ status: string }>(await s.viewer.get(`/api/tenants/${s.org.id}/nonconformities/${orgMinor.nonconformityId}`), 200);
    expect(closedMirror.status).toBe('closed');
  });

  it('flags overdue items with a moved clock, and past the window requires a new stage 2', async () => {
    const s = await setup();
    const major = json<TFindingDetail>(await s.lead.post(s.A, { class: 'major', ref: '6.1.2', statement: 'No AI risk assessment for the new scoring model.' }), 201);
    expect(major.overdue).toEqual([]);
    const later = createTestClock(new Date('2027-09-12T09:00:00Z'));
    t.p.clock = later;
    try {
      const seen = json<TFindingDetail>(await s.lead.get(`${s.F}/${major.id}`), 200);
      expect(seen.overdue).toEqual([
        { kind: 'response', dueOn: '2027-04-10' },
        { kind: 'verification', dueOn: '2027-09-11' },
      ]);
      expect(await decisionBlockers(t.p.db, s.body.id, s.e.programme.id, '2027-09-12')).toEqual([
        { code: 'major_window_expired', findingId: major.id, reference: major.reference, class: 'major', dueOn: '2027-09-11' },
      ]);
    } finally {
      t.p.clock = clock;
    }
  });

  it('takes the deadlines from the body’s settings (validated), and mails each overdue item once, in each reader’s language', async () => {
    const s = await setup();
    const bad = await s.manager.put(`/api/tenants/${s.body.id}/body-settings`, { publicSlug: s.body.settings.public_slug, legalName: 'Vérité', majorVerificationMonths: 13, minorResponseDays: 0, decisionDays: 91 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { field: string }) => d.field).sort()).toEqual(['decisionDays', 'majorVerificationMonths', 'minorResponseDays']);
    const saved = json<{ minorResponseDays: number; majorVerificationMonths: number; correctiveActionReviewDays: number; decisionDays: number }>(
      await s.manager.put(`/api/tenants/${s.body.id}/body-settings`, {
        publicSlug: s.body.settings.public_slug,
        legalName: 'Vérité',
        minorResponseDays: 14,
        minorClosureDays: 60,
        majorVerificationMonths: 3,
        correctiveActionReviewDays: 10,
        decisionDays: 3,
      }),
      200,
    );
    expect([saved.minorResponseDays, saved.majorVerificationMonths, saved.correctiveActionReviewDays, saved.decisionDays]).toEqual([14, 3, 10, 3]);
    const minor = json<TFindingDetail>(await s.lead.post(s.A, { class: 'minor', ref: '7.5', statement: 'The AI policy is not dated.' }), 201);
    expect([minor.responseDueOn, minor.closureDueOn]).toEqual(['2027-03-25', '2027-05-10']);
    const major = json<TFindingDetail>(await s.lead.post(s.A, { class: 'major', ref: '6.1.2', statement: 'No risk assessment.' }), 201);
    expect(major.verificationDueOn).toBe('2027-06-11');

    await t.p.db.updateTable('users').set({ locale: 'fr' }).where('id', '=', s.org.owner.id).execute();
    clock.set(new Date('2027-03-26T02:00:00Z'));
    try {
      await remindOverdueFindings.handler({ tenantId: s.body.id }, { platform: t.p, jobId: 'test' });
      const toOwner = mailText((await smtp.waitFor(s.org.owner.email)).raw);
      expect(toOwner).toContain(`Le constat ${minor.reference} (non-conformité mineure)`);
      expect(toOwner).toContain('était attendue le 25 mars 2027');
      expect(toOwner).toContain(`https://attest.example/t/${s.org.id}/certification/findings/${minor.id}`);
      const toLead = mailText((await smtp.waitFor(s.leadUser.email)).raw);
      expect(toLead).toContain(`The finding ${minor.reference} (minor nonconformity)`);
      expect(toLead).toContain(`https://attest.example/t/${s.body.id}/findings/${minor.id}`);
      // A second run sends nothing more for the same item and due date.
      await remindOverdueFindings.handler({ tenantId: s.body.id }, { platform: t.p, jobId: 'test' });
      const queued = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${sendOverdueFindingMail.id} AND data->>'findingId' = ${minor.id}`.execute(t.p.db);
      expect(queued.rows[0]!.n).toBe(1);
      // The major's answer (30 days) is not late yet.
      const queuedMajor = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${sendOverdueFindingMail.id} AND data->>'findingId' = ${major.id}`.execute(t.p.db);
      expect(queuedMajor.rows[0]!.n).toBe(0);
    } finally {
      clock.set(new Date('2027-03-10T09:00:00Z'));
    }
  });
});
