import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { raiseCycleAlerts } from '../../src/server/modules/certification/cycle/jobs/raise-cycle-alerts.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { formatLongDate } from '../../src/shared/format.ts';
import { buildBody, buildClient, buildEngagement, type TBuiltBody } from '../support/certification-factories.ts';
import { buildTenant } from '../support/factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const MANAGER = { name: 'Hélène Dubois', email: 'helene.dubois@verite-certification.example', password: 'Verite-schedule-2026-ok', locale: 'fr' as const };
const CLIENT = { name: 'Tom Becker', email: 'tom.becker@nuage-clair.example', password: 'Nuage-cycle-2026-ok', locale: 'en' as const };

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const frDay = (iso: string) => formatLongDate('fr', new Date(`${iso}T12:00:00Z`), 'UTC');
const enDay = (iso: string) => formatLongDate('en', new Date(`${iso}T12:00:00Z`), 'UTC');

describeInChromium('surveillance and recertification dashboard in Chromium: overdue surveillance and recertification not started, in French; the client’s card', () => {
  const e2e = useServerAndBrowser();

  it('shows the scheme manager each certified client’s due and overdue audits with the alerts, filters them, and shows the client its own', { timeout: 360_000 }, async () => {
    const p = e2e.server.platform;
    const { page: fr, errors: frErrors } = await signedInPage(e2e.browser, e2e.server, MANAGER, 'fr-FR');
    const { page: en, errors: enErrors } = await signedInPage(e2e.browser, e2e.server, CLIENT, 'en-GB');
    const manager = (await findUserByEmail(p.db, MANAGER.email))!;
    const clientUser = (await findUserByEmail(p.db, CLIENT.email))!;
    const body = await buildBody(p, { name: 'Vérité Certification' });
    await insertMembership(p.db, body.id, manager.id, 'scheme_manager');

    async function certified(b: TBuiltBody, org: { id: string; name: string }, decision: string, expiry: string, due: { s1: string; s2: string; r: string }, reported: ('surveillance1' | 'surveillance2')[] = []) {
      const e = await buildEngagement(p, b, org, { client: await buildClient(p, b, { legalName: `${org.name} SAS`, organizationTenantId: org.id }) });
      await p.db.updateTable('audit_programmes').set({ decision_date: decision, expiry_date: expiry }).where('tenant_id', '=', b.id).where('id', '=', e.programme.id).execute();
      const set = (id: string, v: { due_by: string; state?: 'reported' }) => p.db.updateTable('audits').set(v).where('tenant_id', '=', b.id).where('id', '=', id).execute();
      await set(e.audits.surveillance1.id, { due_by: due.s1, ...(reported.includes('surveillance1') ? { state: 'reported' as const } : {}) });
      await set(e.audits.surveillance2.id, { due_by: due.s2, ...(reported.includes('surveillance2') ? { state: 'reported' as const } : {}) });
      await set(e.audits.recertification.id, { due_by: due.r });
      return e;
    }
    // Nuage Clair: certified about 18 months ago, surveillance 1 due six months ago and never held.
    // Dates follow today's, so the flow reads the same whatever day it runs.
    const now = Date.now();
    const nuageDates = { decision: isoDay(now - 545 * DAY), expiry: isoDay(now + 550 * DAY), s1: isoDay(now - 180 * DAY), s2: isoDay(now + 185 * DAY), r: isoDay(now + 549 * DAY) };
    const nuage = await buildTenant(p, { name: 'Nuage Clair', owner: { id: clientUser.id, email: CLIENT.email, password: CLIENT.password } as never });
    const late = await certified(body, nuage, nuageDates.decision, nuageDates.expiry, { s1: nuageDates.s1, s2: nuageDates.s2, r: nuageDates.r });
    // TriMed Santé: both surveillances held, expires in 60 days, recertification audit not confirmed.
    const expiry = isoDay(now + 60 * DAY);
    const expiring = await certified(body, await buildTenant(p, { name: 'TriMed Santé' }), isoDay(now + 61 * DAY - 3 * 365 * DAY), expiry, { s1: isoDay(now - 700 * DAY), s2: isoDay(now - 330 * DAY), r: isoDay(now + 59 * DAY) }, ['surveillance1', 'surveillance2']);
    // The daily job raises the alerts the dashboard shows.
    await raiseCycleAlerts.handler({ tenantId: body.id }, { platform: p, jobId: 'e2e' });

    await fr.goto(`${e2e.server.baseUrl}/t/${body.id}/surveillance`);
    const lateRow = fr.getByTestId(`cycle-row-${late.client.reference}`);
    await lateRow.waitFor();
    expect(await fr.getByRole('heading', { level: 1 }).textContent()).toBe('Surveillance et renouvellement');
    const lateText = (await lateRow.textContent()) ?? '';
    for (const text of ['Nuage Clair', `décidé le ${frDay(nuageDates.decision)}`, `en retard depuis le ${frDay(nuageDates.s1)}`, `au plus tard le ${frDay(nuageDates.s2)}`, frDay(nuageDates.expiry), 'Une surveillance en retard peut conduire à la suspension.'])
      expect(lateText, text).toContain(text);
    expect(await lateRow.getByTestId('cycle-alert-surveillance_overdue').textContent()).toBe('surveillance en retard');
    expect(await lateRow.getByTestId('cycle-overdue').count()).toBe(1);

    const expiringRow = fr.getByTestId(`cycle-row-${expiring.client.reference}`);
    const expiringText = (await expiringRow.textContent()) ?? '';
    for (const text of ['TriMed Santé', frDay(expiry), 'Audit de renouvellement pas encore confirmé']) expect(expiringText, text).toContain(text);
    expect(await expiringRow.getByTestId('cycle-alert-recertification_not_started').textContent()).toBe('renouvellement non engagé');
    expect(await expiringRow.getByTestId('cycle-overdue').count()).toBe(0);

    // The filters, with their counts, keep one row each.
    await fr.getByText('En retard (1)').click();
    await expect.poll(() => fr.getByTestId(`cycle-row-${expiring.client.reference}`).count(), { timeout: 20_000 }).toBe(0);
    expect(await fr.getByTestId(`cycle-row-${late.client.reference}`).count()).toBe(1);
    expect(fr.url()).toContain('status=overdue');
    await fr.getByText('Renouvellement non engagé (1)').click();
    await expect.poll(() => fr.getByTestId(`cycle-row-${late.client.reference}`).count(), { timeout: 20_000 }).toBe(0);
    expect(await fr.getByTestId(`cycle-row-${expiring.client.reference}`).count()).toBe(1);

    // The client, in English, sees its own surveillance late on its Certification page, and nobody else's.
    await en.goto(`${e2e.server.baseUrl}/t/${nuage.id}/certification`);
    const card = en.getByTestId('org-cycle-card');
    await card.waitFor();
    const cardText = (await card.textContent()) ?? '';
    for (const text of ['Vérité Certification SAS', `overdue since ${enDay(nuageDates.s1)}`, 'surveillance overdue']) expect(cardText, text).toContain(text);
    expect(cardText).not.toContain('TriMed');

    expect(frErrors).toEqual([]);
    expect(enErrors).toEqual([]);
  });
});
