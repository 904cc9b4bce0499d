import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindAssessmentReviews } from '../../src/server/modules/impact-assessments/jobs/remind-assessment-reviews.ts';
import { sendAssessmentReviewMail } from '../../src/server/modules/impact-assessments/jobs/send-assessment-review-mail.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { ZOrganizationDashboard } from '../../src/shared/contracts/dashboard.ts';
import { as, buildMembership, buildTenant, buildUser } from '../support/factories.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';
import { backendAvailable, createTestApp, type TClient, type TTestApp } from '../support/test-app.ts';

const content = (nextReviewOn: string) => ({
  summary: 'Scoring of consumer loan applications.',
  affected: [{ scope: 'individuals', name: 'Loan applicants', description: 'Adults applying for consumer credit.' }],
  impacts: [
    {
      category: 'discrimination_fairness',
      description: 'Lower scores for applicants from some postcodes.',
      affected: 'Loan applicants',
      severity: 3,
      likelihood: 3,
      reversibility: 'partly_reversible',
      mitigations: 'Quarterly bias testing.',
    },
  ],
  conclusion: 'Acceptable with the mitigations.',
  nextReviewOn,
  fria: null,
});

describe.skipIf(!backendAvailable)('impact-assessment reviews: the daily job reminds the author and the approver once the review date has come', () => {
  let t: TTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const clock = createTestClock(new Date('2026-11-27T09:00:00Z'));
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, JOBS_ENABLED: 'true', PUBLIC_URL: 'https://attest.example' });
    t.p.clock = clock;
    // PGlite with jobs on starts slowly on a loaded machine.
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const ok = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json() as { id: string };
  };
  const run = (tenantId?: string) => remindAssessmentReviews.handler(tenantId ? { tenantId } : {}, { platform: t.p, jobId: 'test' });
  const events = async (c: TClient, T: string) => (await c.get(`${T}/audit-events?action=impact_assessment.review_due`)).json().items as { subjectId: string; actorType: string; summary: { after: Record<string, unknown> } }[];

  it('is scheduled daily, reminds on the date (not before), once per date, each person in their language; the dashboard counts it overdue beside the risk reviews', async () => {
    expect(remindAssessmentReviews.schedule?.cron).toBe('50 1 * * *');
    const tenant = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const author = await buildMembership(t.p, tenant, 'contributor', await buildUser(t.p, { locale: 'en', name: 'Sam Author' }));
    const approver = await buildMembership(t.p, tenant, 'admin', await buildUser(t.p, { locale: 'fr', name: 'Camille Durand' }));
    const owner = await as(t.app, tenant.owner);
    const writer = await as(t.app, author);
    const admin = await as(t.app, approver);
    const T = `/api/tenants/${tenant.id}`;
    const sys = await ok(owner.post(`${T}/ai-systems`, { name: 'Credit scoring', lifecycleStage: 'deployed', roles: ['provider'] }));
    const a = await ok(writer.post(`${T}/impact-assessments`, { aiSystemId: sys.id, variant: 'standard', title: 'Credit scoring impacts' }));
    const A = `${T}/impact-assessments/${a.id}`;
    await ok(writer.patch(A, { content: content('2026-12-15') }));
    await ok(writer.post(`${A}/submit`, {}));
    await ok(admin.post(`${A}/approve`, {}));
    // A draft past its date is not reminded: only the version in force is.
    const draft = await ok(writer.post(`${T}/impact-assessments`, { aiSystemId: sys.id, variant: 'standard', title: 'Draft only' }));
    await ok(writer.patch(`${T}/impact-assessments/${draft.id}`, { content: content('2026-12-01') }));

    clock.set(new Date('2026-12-14T23:00:00Z'));
    await run();
    expect(await events(owner, T)).toHaveLength(0);

    clock.set(new Date('2026-12-15T01:50:00Z'));
    // Another organization's run leaves this one alone.
    await run((await buildTenant(t.p)).id);
    expect(await events(owner, T)).toHaveLength(0);
    await run(tenant.id);
    expect(await events(owner, T)).toMatchObject([
      { subjectId: a.id, actorType: 'system', summary: { after: { title: 'Credit scoring impacts', version: 1, nextReviewOn: '2026-12-15', overdue: false, remindedUserIds: [author.id, approver.id] } } },
    ]);
    const fr = mailText((await smtp.waitFor(approver.email)).raw);
    expect(fr).toContain('L’analyse d’impact «\u00a0Credit scoring impacts\u00a0» (version 1, système d’IA «\u00a0Credit scoring\u00a0») de Lumière Crédit devait être revue le 15 décembre 2026');
    expect(fr).toContain(`https://attest.example/t/${tenant.id}/impact-assessments/${a.id}`);
    const en = mailText((await smtp.waitFor(author.email)).raw);
    expect(en).toContain('The impact assessment “Credit scoring impacts” (version 1, AI system “Credit scoring”) in Lumière Crédit was due for review on 15 December 2026');

    // Due today is not yet overdue on the dashboard; the next day it is, beside the risk reviews.
    const dashboard = async () => ZOrganizationDashboard.parse((await owner.get(`${T}/dashboard`)).json());
    expect((await dashboard()).impactAssessments).toMatchObject({ approved: 1, open: 1, reviewsDue: 0, oldestOverdue: [] });
    clock.set(new Date('2026-12-16T01:50:00Z'));
    await run();
    expect(await events(owner, T)).toHaveLength(1);
    const d = await dashboard();
    expect(d.impactAssessments).toMatchObject({ reviewsDue: 1, oldestOverdue: [{ id: a.id, title: 'Credit scoring impacts', reviewDate: '2026-12-15' }] });
    expect(d.risks!.overdueReviews).toBe(0);

    // Once per date: one mail queued per person. A new approved version with a new date arms it
    // again; a person who has left the organization is no longer reminded.
    const queued = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${sendAssessmentReviewMail.id} AND data->>'assessmentId' = ${a.id}`.execute(t.p.db)).rows[0]!.n;
    expect(await queued()).toBe(2);
    await ok(writer.post(`${A}/versions`, {}));
    await ok(writer.patch(A, { content: content('2026-12-20') }));
    await ok(writer.post(`${A}/submit`, {}));
    await ok(admin.post(`${A}/approve`, {}));
    expect((await dashboard()).impactAssessments!.reviewsDue).toBe(0);
    await t.p.db.deleteFrom('memberships').where('tenant_id', '=', tenant.id).where('user_id', '=', author.id).execute();
    clock.set(new Date('2026-12-22T01:50:00Z'));
    await run();
    const all = await events(owner, T);
    expect(all.map((e) => [e.summary.after.version, e.summary.after.nextReviewOn, e.summary.after.overdue, e.summary.after.remindedUserIds])).toEqual([
      [2, '2026-12-20', true, [approver.id]],
      [1, '2026-12-15', false, [author.id, approver.id]],
    ]);
    expect(await queued()).toBe(3);
  });
});
