import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireRiskAcceptances } from '../../src/server/modules/risks/jobs/expire-risk-acceptances.ts';
import { sendRiskAcceptanceExpiredMail } from '../../src/server/modules/risks/jobs/send-risk-acceptance-expired-mail.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildMembership, buildTenant, buildUser } from '../support/factories.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

describe.skipIf(!backendAvailable)('risk acceptances expire: the daily job re-opens them and reminds the owner', () => {
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

  it('is scheduled daily, re-opens on the expiry date (not before), records it and mails the owner in French', async () => {
    expect(expireRiskAcceptances.schedule?.cron).toBe('30 1 * * *');
    const tenant = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const riskOwner = await buildMembership(t.p, tenant, 'contributor', await buildUser(t.p, { locale: 'fr', name: 'Camille Durand' }));
    const c = await as(t.app, tenant.owner);
    const T = `/api/tenants/${tenant.id}`;
    const r = (await c.post(`${T}/risks`, { title: 'Dérive du modèle', source: 'ai_system', ownerId: riskOwner.id, inherentLikelihood: 3, inherentImpact: 3, residualLikelihood: 2, residualImpact: 2 })).json();
    const kept = (await c.post(`${T}/risks`, { title: 'Accepted and re-opened by hand', source: 'process', inherentLikelihood: 1, inherentImpact: 1, residualLikelihood: 1, residualImpact: 1 })).json();
    expect((await c.post(`${T}/risks/${r.id}/accept`, { rationale: 'Faible résiduel.', expiresOn: '2026-12-15' })).statusCode).toBe(200);
    expect((await c.post(`${T}/risks/${kept.id}/accept`, { rationale: 'Low.', expiresOn: '2026-12-15' })).statusCode).toBe(200);
    expect((await c.post(`${T}/risks/${kept.id}/reopen`, { reason: 'Changed our mind.' })).statusCode).toBe(200);

    clock.set(new Date('2026-12-14T23:00:00Z'));
    await expireRiskAcceptances.handler({ tenantId: tenant.id }, { platform: t.p, jobId: 'test' });
    expect((await c.get(`${T}/risks/${r.id}`)).json().status).toBe('accepted');

    clock.set(new Date('2026-12-15T01:30:00Z'));
    await expireRiskAcceptances.handler({}, { platform: t.p, jobId: 'test' });
    const reopened = (await c.get(`${T}/risks/${r.id}`)).json();
    expect(reopened).toMatchObject({ status: 'open', currentAcceptance: null, acceptances: [{ reopenKind: 'expired', reopenedBy: null, expiresOn: '2026-12-15' }] });
    const events = (await c.get(`${T}/audit-events?action=risk.acceptance_expired`)).json().items;
    expect(events).toMatchObject([{ subjectId: r.id, actorType: 'system', summary: { before: { status: 'accepted' }, after: { expiresOn: '2026-12-15' } } }]);
    // The risk re-opened by hand has no acceptance in force: the job leaves it alone.
    expect(events).toHaveLength(1);

    const mail = mailText((await smtp.waitFor(riskOwner.email)).raw);
    expect(mail).toContain('L’acceptation du risque «\u00a0Dérive du modèle\u00a0» dans Lumière Crédit a expiré le 15 décembre 2026');
    expect(mail).toContain('15 décembre 2026');
    expect(mail).toContain(`https://attest.example/t/${tenant.id}/risks/${r.id}`);

    // A second run the same day finds nothing more to do and queues no second mail.
    await expireRiskAcceptances.handler({}, { platform: t.p, jobId: 'test' });
    const queued = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${sendRiskAcceptanceExpiredMail.id} AND data->>'riskId' = ${r.id}`.execute(t.p.db);
    expect(queued.rows[0]!.n).toBe(1);
  });
});
