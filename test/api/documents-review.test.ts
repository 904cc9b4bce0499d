import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindDocumentReviews } from '../../src/server/modules/documents/jobs/remind-document-reviews.ts';
import { sendDocumentReviewMail } from '../../src/server/modules/documents/jobs/send-document-review-mail.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildMembership, buildTenant, buildUser } from '../support/factories.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe.skipIf(!backendAvailable)('document reviews: the daily job reminds the owner once the review date has passed', () => {
  let t: TTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const clock = createTestClock(new Date('2026-11-27T09:00:00Z'));
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, JOBS_ENABLED: 'true', PUBLIC_URL: 'https://attest.example' });
    t.p.clock = clock;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('is scheduled daily, reminds after the date (not on it), once per date, in the owner’s language', async () => {
    expect(remindDocumentReviews.schedule?.cron).toBe('45 1 * * *');
    const tenant = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const docOwner = await buildMembership(t.p, tenant, 'contributor', await buildUser(t.p, { locale: 'fr', name: 'Camille Durand' }));
    const admin = await as(t.app, await buildMembership(t.p, tenant, 'admin'));
    const c = await as(t.app, tenant.owner);
    const T = `/api/tenants/${tenant.id}`;
    const text = 'Politique IA de Lumière Crédit.';
    const d = (await c.post(`${T}/documents`, { title: 'Politique IA', type: 'policy', kind: 'maintained', ownerId: docOwner.id, nextReviewOn: '2026-12-15', mandatoryItem: 'ai-policy-5.2', text })).json();
    // A draft past its date is not reminded: only published documents are.
    await c.post(`${T}/documents`, { title: 'Brouillon', type: 'procedure', kind: 'maintained', ownerId: docOwner.id, nextReviewOn: '2026-12-01', text: 'x' });
    await c.post(`${T}/documents/${d.id}/versions/1/submit`);
    await admin.post(`${T}/documents/${d.id}/versions/1/approve`, { sha256: sha(text) });
    await admin.post(`${T}/documents/${d.id}/versions/1/publish`);

    clock.set(new Date('2026-12-15T23:00:00Z'));
    await remindDocumentReviews.handler({ tenantId: tenant.id }, { platform: t.p, jobId: 'test' });
    expect((await c.get(`${T}/audit-events?action=document.review_overdue`)).json().items).toHaveLength(0);

    clock.set(new Date('2026-12-16T01:45:00Z'));
    await remindDocumentReviews.handler({}, { platform: t.p, jobId: 'test' });
    const events = (await c.get(`${T}/audit-events?action=document.review_overdue`)).json().items;
    expect(events).toMatchObject([{ subjectId: d.id, actorType: 'system', summary: { after: { title: 'Politique IA', nextReviewOn: '2026-12-15', ownerId: docOwner.id } } }]);
    const checklist = (await c.get(`${T}/documents/mandatory`)).json();
    expect(checklist.items.find((i: { key: string }) => i.key === 'ai-policy-5.2').state).toBe('overdue');

    const mail = mailText((await smtp.waitFor(docOwner.email)).raw);
    expect(mail).toContain('Le document «\u00a0Politique IA\u00a0» (version 1) de Lumière Crédit devait être revu le 15 décembre 2026');
    expect(mail).toContain(`https://attest.example/t/${tenant.id}/documents/${d.id}`);

    // Another run finds nothing more to do; a new review date arms the reminder again.
    await remindDocumentReviews.handler({}, { platform: t.p, jobId: 'test' });
    const queued = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${sendDocumentReviewMail.id} AND data->>'documentId' = ${d.id}`.execute(t.p.db)).rows[0]!.n;
    expect(await queued()).toBe(1);
    await c.patch(`${T}/documents/${d.id}`, { nextReviewOn: '2026-12-20' });
    clock.set(new Date('2026-12-21T01:45:00Z'));
    await remindDocumentReviews.handler({}, { platform: t.p, jobId: 'test' });
    expect(await queued()).toBe(2);
  });
});
