import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseCycleAlerts } from '../../src/server/modules/certification/cycle/jobs/raise-cycle-alerts.ts';
import { sendCycleAlertMail } from '../../src/server/modules/certification/cycle/jobs/send-cycle-alert-mail.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildTenant, buildUser } from '../support/factories.ts';
import { buildBody, buildEngagement } from '../support/certification-factories.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * The daily surveillance and recertification job, with a moved clock and the real SMTP receiver:
 * each threshold raises its alert once, mails the client's contact, the organization's owners and
 * admins and the body's scheme managers in their own language, and clears when the condition goes.
 */
describe.skipIf(!backendAvailable)('surveillance and recertification alerts: the daily job', () => {
  let t: TTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const clock = createTestClock(new Date('2027-03-15T09:00:00Z'));
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, JOBS_ENABLED: 'true', PUBLIC_URL: 'https://attest.example' });
    t.p.clock = clock;
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('alerts an overdue surveillance and the recertification thresholds once each, in each recipient’s language', async () => {
    expect(raiseCycleAlerts.schedule?.cron).toBe('15 2 * * *');
    const body = await buildBody(t.p, { name: 'Vérité Certification' });
    const orgOwner = await buildUser(t.p, { locale: 'fr', name: 'Camille Durand' });
    const org = await buildTenant(t.p, { name: 'Lumière Crédit', owner: orgOwner });
    const e = await buildEngagement(t.p, body, org);
    const contact = `dpo-${e.client.id.slice(0, 8)}@lumiere.example`;
    await t.p.db.updateTable('clients').set({ contact_email: contact, contact_name: 'Inès Martin', preferred_locale: 'fr' }).where('tenant_id', '=', body.id).where('id', '=', e.client.id).execute();
    await t.p.db.updateTable('audit_programmes').set({ decision_date: '2027-03-15', expiry_date: '2030-03-14' }).where('tenant_id', '=', body.id).where('id', '=', e.programme.id).execute();
    const due = { surveillance1: '2028-03-14', surveillance2: '2029-03-14', recertification: '2030-03-13' } as const;
    for (const [k, d] of Object.entries(due)) await t.p.db.updateTable('audits').set({ due_by: d }).where('tenant_id', '=', body.id).where('id', '=', e.audits[k as keyof typeof due].id).execute();
    const run = () => raiseCycleAlerts.handler({ tenantId: body.id }, { platform: t.p, jobId: 'test' });
    const alerts = () =>
      t.p.db.selectFrom('cycle_alerts').select(['kind', 'threshold', 'cleared_at']).where('tenant_id', '=', body.id).orderBy('created_at').orderBy('kind').execute();
    const queued = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${sendCycleAlertMail.id} AND data->>'tenantId' = ${body.id}`.execute(t.p.db)).rows[0]!.n;

    // On the due date nothing is late; the day after, surveillance 1 is.
    clock.set(new Date('2028-03-14T02:15:00Z'));
    await run();
    expect(await alerts()).toEqual([]);
    clock.set(new Date('2028-03-15T02:15:00Z'));
    await run();
    await run();
    expect(await alerts()).toEqual([{ kind: 'surveillance_overdue', threshold: `${e.audits.surveillance1.id}:2028-03-14`, cleared_at: null }]);
    expect(await queued()).toBe(1);

    const fr = mailText((await smtp.waitFor(orgOwner.email)).raw);
    expect(fr).toContain(`L’audit de surveillance ${e.audits.surveillance1.reference}`);
    expect(fr).toContain('au plus tard le 14 mars 2028');
    expect(fr).toContain('peut conduire à la suspension du certificat');
    expect(fr).toContain(`https://attest.example/t/${org.id}/certification`);
    expect(mailText((await smtp.waitFor(contact)).raw)).toContain('Bonjour Inès Martin');
    const en = mailText((await smtp.waitFor(body.owner.email)).raw);
    expect(en).toContain(`Surveillance audit ${e.audits.surveillance1.reference}`);
    expect(en).toContain('can lead to the suspension of the certificate');
    expect(en).toContain(`https://attest.example/t/${body.id}/surveillance`);

    // Both logs say so; reporting the audit clears the alert.
    const c = await as(t.app, orgOwner);
    expect((await c.get(`/api/tenants/${org.id}/audit-events?action=programme.alert_raised`)).json().items).toMatchObject([{ actorType: 'system', summary: { after: { kind: 'surveillance_overdue', dueOn: '2028-03-14' } } }]);
    await t.p.db.updateTable('audits').set({ state: 'reported' }).where('tenant_id', '=', body.id).where('id', '=', e.audits.surveillance1.id).execute();
    clock.set(new Date('2028-03-16T02:15:00Z'));
    await run();
    expect((await alerts())[0]!.cleared_at).not.toBeNull();

    // Six months before expiry: the first reminder, once.
    await t.p.db.updateTable('audits').set({ state: 'reported' }).where('tenant_id', '=', body.id).where('id', '=', e.audits.surveillance2.id).execute();
    clock.set(new Date('2029-09-14T02:15:00Z'));
    await run();
    await run();
    expect((await alerts()).filter((a) => !a.cleared_at).map((a) => [a.kind, a.threshold])).toEqual([['recertification_reminder', '6m:2030-03-14']]);
    expect(await queued()).toBe(2);
    expect(mailText((await smtp.waitFor(orgOwner.email, 15_000, 2)).raw)).toContain('L’audit de renouvellement doit être réalisé');

    // Three months before, the recertification audit still not confirmed: the alert, with the 4-month reminder.
    clock.set(new Date('2029-12-14T02:15:00Z'));
    await run();
    expect((await alerts()).filter((a) => !a.cleared_at).map((a) => [a.kind, a.threshold])).toEqual([
      ['recertification_not_started', '3m:2030-03-14'],
      ['recertification_reminder', '4m:2030-03-14'],
    ]);
    expect(await queued()).toBe(4);
    // Confirming the audit clears "not started" at the next run and raises nothing new.
    await t.p.db.updateTable('audits').set({ state: 'confirmed' }).where('tenant_id', '=', body.id).where('id', '=', e.audits.recertification.id).execute();
    clock.set(new Date('2029-12-15T02:15:00Z'));
    await run();
    expect((await alerts()).filter((a) => !a.cleared_at).map((a) => a.kind)).toEqual(['recertification_reminder']);
    expect(await queued()).toBe(4);
  });
});
