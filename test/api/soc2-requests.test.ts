import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZSoc2Request, type TSoc2Request } from '../../src/shared/contracts/soc2-program.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { remindSoc2Requests } from '../../src/server/modules/soc2/requests/jobs/remind-requests.ts';
import { sendRequestReminderMail } from '../../src/server/modules/soc2/requests/jobs/send-request-reminder-mail.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildBody, buildEngagement } from '../support/certification-factories.ts';
import { buildControl } from '../support/evidence.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * The information request list through the API on a real database: generated from the tests, the
 * organization answers with its own evidence and submits, the firm returns then accepts; overdue
 * flags on both sides; reminders once per request and due date, in each recipient's language.
 */
describe.skipIf(!backendAvailable)('SOC 2 information request list', () => {
  let t: TTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const clock = createTestClock(new Date('2026-11-27T09:00:00Z'));
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ LOG_LEVEL: 'silent', SMTP_URL: smtp.url, JOBS_ENABLED: 'true', PUBLIC_URL: 'https://attest.example' });
    t.p.clock = clock;
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  }, 240_000);

  const ok = async <T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  };

  async function world() {
    const firm = await buildBody(t.p, { name: 'Cabinet Durand CPA' });
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const { engagement, client } = await buildEngagement(t.p, firm, org, { scheme: 'soc2-type2' });
    const exam = await t.p.db
      .insertInto('soc2_examinations')
      .values({ tenant_id: firm.id, reference: 'SOC2-2026-0001', engagement_id: engagement.id, organization_tenant_id: org.id, client_id: client.id, report_type: 'type2', period_start: '2026-01-01', period_end: '2026-06-30', categories: ['security'], state: 'planning' })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow();
    const control = await buildControl(t.p, org.id, { reference: 'ACC-01', title: 'Quarterly access review' });
    const auditor = await as(t.app, await buildMembership(t.p, firm, 'auditor'));
    const reviewer = await as(t.app, await buildMembership(t.p, firm, 'decision_maker'));
    const contributor = await as(t.app, await buildMembership(t.p, org, 'contributor'));
    const orgViewer = await as(t.app, await buildMembership(t.p, org, 'viewer'));
    const E = `/api/tenants/${firm.id}/soc2/examinations/${exam.id}`;
    await ok(auditor.post(`${E}/matrix/links`, { criterionRef: 'CC6.1', controlId: control.id }));
    const test = { controlId: control.id, methods: ['inspection'], procedure: 'Inspect the review.', frequency: 'quarterly' };
    await ok(auditor.post(`${E}/tests`, { ...test, evidenceRequested: 'Access review export for each quarter' }), 201);
    await ok(auditor.post(`${E}/tests`, { ...test, evidenceRequested: '' }), 201);
    const evidence = await t.p.db
      .insertInto('evidence')
      .values({ tenant_id: org.id, series_id: crypto.randomUUID(), kind: 'link', title: 'Q1 access review', sha256: 'a'.repeat(64), url: 'https://intranet.example/q1', effective_date: '2026-04-02', status: 'submitted', received_at: new Date(), contemporaneity_days: 30, not_contemporaneous: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { firm, org, exam, E, O: `/api/tenants/${org.id}/soc2/requests`, auditor, reviewer, contributor, orgViewer, orgOwner: await as(t.app, org.owner), evidenceId: evidence.id };
  }

  it('generates one request per test, the organization answers and submits, the firm returns then accepts', { timeout: 240_000 }, async () => {
    const w = await world();
    const gen = await ok<{ added: number; items: TSoc2Request[] }>(w.auditor.post(`${w.E}/requests/generate`, { dueOn: '2026-12-10' }));
    expect(gen.added).toBe(2);
    expect(gen.items.map((r) => [r.reference, r.title, r.testReference])).toEqual([
      ['PBC-001', 'T-ACC-01-01 — Access review export for each quarter', 'T-ACC-01-01'],
      ['PBC-002', 'T-ACC-01-02 — Inspect the review.', 'T-ACC-01-02'],
    ]);
    expect((await ok<{ added: number }>(w.auditor.post(`${w.E}/requests/generate`, { dueOn: '2026-12-10' }))).added).toBe(0);
    const free = ZSoc2Request.parse(await ok(w.auditor.post(`${w.E}/requests`, { title: 'Organization chart', dueOn: '2026-12-20' }), 201));
    expect(free).toMatchObject({ reference: 'PBC-003', testId: null, state: 'open', overdue: false });

    // The organization sees its requests; a viewer reads but cannot answer; another organization gets 404.
    const mine = await ok<{ items: TSoc2Request[] }>(w.orgViewer.get(w.O));
    expect(mine.items.map((r) => r.reference)).toEqual(['PBC-001', 'PBC-002', 'PBC-003']);
    const pbc1 = mine.items[0]!;
    expect((await w.orgViewer.put(`${w.O}/${pbc1.id}/answer`, { answer: 'x' })).statusCode).toBe(403);
    const otherOrg = await buildTenant(t.p);
    const stranger = await as(t.app, otherOrg.owner);
    expect((await stranger.get(`/api/tenants/${otherOrg.id}/soc2/requests/${pbc1.id}`)).statusCode).toBe(404);
    expect((await stranger.put(`/api/tenants/${otherOrg.id}/soc2/requests/${pbc1.id}/answer`, { answer: 'x' })).statusCode).toBe(404);
    // Evidence of another tenant cannot be linked.
    const foreign = await t.p.db
      .insertInto('evidence')
      .values({ tenant_id: otherOrg.id, series_id: crypto.randomUUID(), kind: 'link', title: 'Not theirs', sha256: 'b'.repeat(64), url: 'https://x.example', effective_date: '2026-04-02', status: 'submitted', received_at: new Date(), contemporaneity_days: 30, not_contemporaneous: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await w.contributor.put(`${w.O}/${pbc1.id}/answer`, { answer: 'x', evidenceIds: [foreign.id] })).json()).toMatchObject({ code: 'soc2_evidence_unknown' });
    expect((await w.contributor.post(`${w.O}/${pbc1.id}/submit`)).statusCode).toBe(400);

    const answered = ZSoc2Request.parse(await ok(w.contributor.put(`${w.O}/${pbc1.id}/answer`, { answer: 'Export attached.', evidenceIds: [w.evidenceId] })));
    expect(answered.evidence).toEqual([{ id: w.evidenceId, title: 'Q1 access review' }]);
    // Only a submitted request is reviewed; a read-only firm role cannot review.
    expect((await w.auditor.post(`${w.E}/requests/${pbc1.id}/accept`)).json()).toMatchObject({ code: 'soc2_request_state' });
    expect(ZSoc2Request.parse(await ok(w.contributor.post(`${w.O}/${pbc1.id}/submit`))).state).toBe('submitted');
    expect((await w.contributor.put(`${w.O}/${pbc1.id}/answer`, { answer: 'again' })).json()).toMatchObject({ code: 'soc2_request_state' });
    expect((await w.reviewer.post(`${w.E}/requests/${pbc1.id}/accept`)).statusCode).toBe(403);

    const returned = ZSoc2Request.parse(await ok(w.auditor.post(`${w.E}/requests/${pbc1.id}/return`, { reason: 'Only January; the whole quarter is needed.' })));
    expect(returned).toMatchObject({ state: 'returned', returnReason: 'Only January; the whole quarter is needed.' });
    await ok(w.contributor.put(`${w.O}/${pbc1.id}/answer`, { answer: 'Whole quarter attached.', evidenceIds: [w.evidenceId] }));
    await ok(w.contributor.post(`${w.O}/${pbc1.id}/submit`));
    expect(ZSoc2Request.parse(await ok(w.auditor.post(`${w.E}/requests/${pbc1.id}/accept`))).state).toBe('accepted');

    // Written in both tenants' logs.
    const events = await t.p.db.selectFrom('audit_events').select(['tenant_id', 'action']).where('action', 'like', 'soc2_request.%').where('tenant_id', 'in', [w.firm.id, w.org.id]).execute();
    for (const tenant of [w.firm.id, w.org.id])
      expect(new Set(events.filter((e) => e.tenant_id === tenant).map((e) => e.action))).toEqual(
        new Set(['soc2_request.created', 'soc2_request.answered', 'soc2_request.submitted', 'soc2_request.returned', 'soc2_request.accepted']),
      );
  });

  it('flags overdue requests on both sides and reminds once per request and due date, in each recipient’s language', { timeout: 240_000 }, async () => {
    const w = await world();
    await t.p.db.updateTable('body_settings').set({ soc2_request_reminder_days: 3 }).where('tenant_id', '=', w.firm.id).execute();
    await t.p.db.updateTable('users').set({ locale: 'fr' }).where('id', '=', w.org.owner.id).execute();
    const gen = await ok<{ items: TSoc2Request[] }>(w.auditor.post(`${w.E}/requests/generate`, { dueOn: '2026-12-10' }));
    const [a, b] = gen.items as [TSoc2Request, TSoc2Request];
    const queued = async (id: string) =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${sendRequestReminderMail.id} AND data->>'requestId' = ${id}`.execute(t.p.db)).rows[0]!.n;
    try {
      clock.set(new Date('2026-12-06T03:00:00Z'));
      await remindSoc2Requests.handler({}, { platform: t.p, jobId: 'test' });
      expect(await queued(a.id)).toBe(0);

      clock.set(new Date('2026-12-07T03:00:00Z'));
      await remindSoc2Requests.handler({}, { platform: t.p, jobId: 'test' });
      const toOwner = mailText((await smtp.waitFor(w.org.owner.email)).raw);
      expect(toOwner).toMatch(/demande d’information PBC-00[12] de l’examen SOC 2 SOC2-2026-0001/);
      expect(toOwner).toContain('10 décembre 2026');
      expect(toOwner).toContain(`https://attest.example/t/${w.org.id}/soc2/requests/`);
      await remindSoc2Requests.handler({}, { platform: t.p, jobId: 'test' });
      expect(await queued(a.id)).toBe(1);

      // b is answered and submitted: no overdue reminder for it; a is overdue on both sides.
      await ok(w.contributor.put(`${w.O}/${b.id}/answer`, { answer: 'Done.' }));
      await ok(w.contributor.post(`${w.O}/${b.id}/submit`));
      clock.set(new Date('2026-12-11T03:00:00Z'));
      const firmList = await ok<{ items: TSoc2Request[] }>(w.auditor.get(`${w.E}/requests`));
      expect(firmList.items.map((r) => [r.reference, r.overdue])).toEqual([
        [a.reference, true],
        [b.reference, false],
      ]);
      const orgList = await ok<{ items: TSoc2Request[] }>(w.orgOwner.get(w.O));
      expect(orgList.items.find((r) => r.id === a.id)!.overdue).toBe(true);
      await remindSoc2Requests.handler({}, { platform: t.p, jobId: 'test' });
      await remindSoc2Requests.handler({}, { platform: t.p, jobId: 'test' });
      expect(await queued(a.id)).toBe(2);
      expect(await queued(b.id)).toBe(1);

      // A new due date brings the reminders back.
      await ok(w.auditor.patch(`${w.E}/requests/${a.id}`, { dueOn: '2026-12-20' }));
      clock.set(new Date('2026-12-17T03:00:00Z'));
      await remindSoc2Requests.handler({}, { platform: t.p, jobId: 'test' });
      expect(await queued(a.id)).toBe(3);
    } finally {
      clock.set(new Date('2026-11-27T09:00:00Z'));
    }
  });
});
