import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireEvidence } from '../../src/server/modules/evidence/jobs/expire-evidence.ts';
import { sendEvidenceExpiredMail } from '../../src/server/modules/evidence/jobs/send-evidence-expired-mail.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildMembership, buildTenant, buildUser } from '../support/factories.ts';
import { buildControl } from '../support/evidence.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

describe.skipIf(!backendAvailable)('evidence expires: the daily job marks it and tells its owner', () => {
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

  it('is scheduled daily, expires the day after valid-until (not before), records it as the system and mails the owner in French', async () => {
    expect(expireEvidence.schedule?.cron).toBe('45 1 * * *');
    const tenant = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const owner = await buildMembership(t.p, tenant, 'contributor', await buildUser(t.p, { locale: 'fr', name: 'Camille Durand' }));
    const c = await as(t.app, owner);
    const control = await buildControl(t.p, tenant.id);
    const T = `/api/tenants/${tenant.id}/evidence`;
    const post = async (title: string, o: Record<string, unknown>) => (await c.post(T, { kind: 'link', url: `https://ci.example.com/${title}`, title, effectiveDate: '2026-11-20', controlIds: [control.id], ...o })).json();
    const e = await post('Revue des accès', { validUntil: '2026-12-15' });
    const noEnd = await post('Sans fin', {});
    const draft = await post('Brouillon', { validUntil: '2026-12-01', status: 'draft' });
    const corrected = await post('Corrigée', { validUntil: '2026-12-01' });
    const correction = (await c.post(`${T}/${corrected.id}/revisions`, { title: 'Corrigée', effectiveDate: '2026-11-20', validUntil: '2027-12-01', url: 'https://ci.example.com/v2' })).json();

    clock.set(new Date('2026-12-15T23:00:00Z'));
    await expireEvidence.handler({ tenantId: tenant.id }, { platform: t.p, jobId: 'test' });
    expect((await c.get(`${T}/${e.id}`)).json().status).toBe('submitted');

    clock.set(new Date('2026-12-16T01:45:00Z'));
    await expireEvidence.handler({}, { platform: t.p, jobId: 'test' });
    const expired = (await c.get(`${T}/${e.id}`)).json();
    expect(expired).toMatchObject({ status: 'expired', expiredAt: '2026-12-16T01:45:00.000Z', abilities: { 'evidence.revise': true } });
    expect((await c.get(`${T}/${noEnd.id}`)).json().status).toBe('submitted');
    expect((await c.get(`${T}/${draft.id}`)).json().status).toBe('draft');
    // The corrected revision is history; its correction is valid until 2027.
    expect((await c.get(`${T}/${corrected.id}`)).json().status).toBe('submitted');
    expect((await c.get(`${T}/${correction.id}`)).json().status).toBe('submitted');
    expect((await c.get(`${T}?status=expired`)).json().items.map((x: { id: string }) => x.id)).toEqual([e.id]);

    const events = (await (await as(t.app, tenant.owner)).get(`/api/tenants/${tenant.id}/audit-events?action=evidence.expired`)).json().items;
    expect(events).toMatchObject([{ subjectId: e.id, actorType: 'system', summary: { before: { status: 'submitted' }, after: { validUntil: '2026-12-15', status: 'expired', revision: 1 } } }]);

    const mail = mailText((await smtp.waitFor(owner.email)).raw);
    expect(mail).toContain('La preuve «\u00a0Revue des accès\u00a0» dans Lumière Crédit était valide jusqu’au 15 décembre 2026');
    expect(mail).toContain(`https://attest.example/t/${tenant.id}/evidence/${e.id}`);

    // A second run the same day finds nothing more to do and queues no second mail.
    await expireEvidence.handler({}, { platform: t.p, jobId: 'test' });
    const queued = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${sendEvidenceExpiredMail.id} AND data->>'evidenceId' = ${e.id}`.execute(t.p.db);
    expect(queued.rows[0]!.n).toBe(1);
  });
});
