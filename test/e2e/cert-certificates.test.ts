import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { buildBody, buildEngagement, buildIssuedCertificate } from '../support/certification-factories.ts';
import { buildTenant } from '../support/factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const MAKER = { name: 'Sarah Lambert', email: 'sarah.lambert@verite-certification.example', password: 'Verite-decide-2026-ok', locale: 'en' as const };
const CLIENT = { name: 'Claire Martin', email: 'claire.martin@lumiere-credit.example', password: 'Lumiere-claim-2026-ok', locale: 'fr' as const };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A link's target fetched with the page's session: its status, type and first bytes. */
async function download(page: Page, testId: string) {
  const href = (await page.getByTestId(testId).getAttribute('href'))!;
  const res = await page.request.get(new URL(href, page.url()).toString());
  const body = await res.body();
  return { status: res.status(), type: res.headers()['content-type'], head: body.subarray(0, 5).toString('latin1') };
}

describeInChromium('certificates in Chromium: the body suspends and reinstates, the organization in French is told to stop claiming it', () => {
  const e2e = useServerAndBrowser();

  it('lists the certificate, downloads both PDFs, suspends with a reason, shows it to the client in French, then reinstates', { timeout: 360_000 }, async () => {
    const p = e2e.server.platform;
    const { page: dm, errors: dmErrors } = await signedInPage(e2e.browser, e2e.server, MAKER, 'en-GB');
    const { page: org, errors: orgErrors } = await signedInPage(e2e.browser, e2e.server, CLIENT, 'fr-FR');
    const maker = (await findUserByEmail(p.db, MAKER.email))!;
    const client = (await findUserByEmail(p.db, CLIENT.email))!;
    const body = await buildBody(p, { name: 'Vérité Certification' });
    await insertMembership(p.db, body.id, maker.id, 'decision_maker');
    const tenant = await buildTenant(p, { name: 'Lumière Crédit', owner: { id: client.id, email: CLIENT.email, password: CLIENT.password } as never });
    const built = await buildEngagement(p, body, tenant);
    const { certificate: c } = await buildIssuedCertificate(p, body, built, { decidedOn: '2026-11-23', decidedBy: { id: maker.id } as never, scope: { en: 'Credit scoring with AI', fr: 'Notation de crédit par IA' } });

    // The body's list opens the certificate: valid, issued, both PDFs are PDFs.
    await dm.goto(`${e2e.server.baseUrl}/t/${body.id}/certificates`);
    await dm.getByTestId(`certificate-link-${c.number}`).click();
    await dm.getByTestId('certificate-history').waitFor();
    expect(await dm.getByTestId('certificate-status').getAttribute('data-status')).toBe('valid');
    expect(await dm.getByTestId('certificate-history').textContent()).toContain('Issued');
    expect(await dm.getByTestId('certificate-scope').textContent()).toBe('Credit scoring with AI');
    for (const lang of ['en', 'fr']) expect(await download(dm, `certificate-pdf-${lang}`)).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });

    // Suspend on a decision, with its public reason in both languages and an end date.
    const until = isoDay(new Date(Date.now() + 45 * 86_400_000));
    await dm.getByTestId('certificate-change-suspend').click();
    await dm.getByTestId('decision-suspended-until').fill(until);
    await dm.getByLabel('Public reason (English)').fill('Surveillance 1 was not held within 12 months of the decision.');
    await dm.getByLabel('Public reason (French)').fill('La surveillance 1 n’a pas eu lieu dans les 12 mois suivant la décision.');
    await dm.getByTestId('decision-reasoning').fill('Surveillance 1 overdue; the client did not propose a date.');
    await dm.getByTestId('decision-submit').click();
    await dm.getByTestId('decision-certificate-number').waitFor();
    await dm.goto(`${e2e.server.baseUrl}/t/${body.id}/certificates/${c.id}`);
    await expect.poll(() => dm.getByTestId('certificate-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('suspended');
    expect(await dm.getByTestId('certificate-history').textContent()).toContain('Surveillance 1 was not held within 12 months of the decision.');
    expect(await dm.getByTestId('certificate-change-reinstate').count()).toBe(1);

    // The organization, in French: its card says suspended, the page says to stop claiming it, with French dates.
    await org.goto(`${e2e.server.baseUrl}/t/${tenant.id}/certification`);
    const card = org.getByTestId('org-certificates');
    await card.getByTestId(`certificate-link-${c.number}`).waitFor();
    expect(await card.getByTestId('certificate-status').textContent()).toBe('Suspendu');
    await card.getByTestId(`certificate-link-${c.number}`).click();
    const notice = org.getByTestId('certificate-suspended');
    await notice.waitFor();
    const [y, m, d] = until.split('-').map(Number);
    const untilFr = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, d!));
    expect(await notice.textContent()).toContain(`Suspendu jusqu’au ${untilFr.replace(/^1 /, '1er ')}`);
    expect(await notice.textContent()).toContain('cessez d’y faire référence');
    const page = (await org.locator('body').textContent()) ?? '';
    for (const text of ['23 novembre 2026', '22 novembre 2029', 'Notation de crédit par IA', 'La surveillance 1 n’a pas eu lieu dans les 12 mois suivant la décision.']) expect(page, text).toContain(text);
    expect(await org.getByTestId('certificate-change-reinstate').count()).toBe(0);
    expect(await download(org, 'certificate-pdf-fr')).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });

    // Reinstated: valid again, and the history tells both changes.
    await dm.getByTestId('certificate-change-reinstate').click();
    await dm.getByLabel('Public reason (English)').fill('Surveillance 1 held and conclusive.');
    await dm.getByLabel('Public reason (French)').fill('Surveillance 1 réalisée et concluante.');
    await dm.getByTestId('decision-reasoning').fill('Surveillance 1 report issued with no major nonconformity.');
    await dm.getByTestId('decision-submit').click();
    await dm.getByTestId('decision-certificate-number').waitFor();
    await dm.goto(`${e2e.server.baseUrl}/t/${body.id}/certificates/${c.id}`);
    await expect.poll(() => dm.getByTestId('certificate-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('valid');
    const history = (await dm.getByTestId('certificate-history').textContent()) ?? '';
    for (const kind of ['Issued', 'Suspended', 'Reinstated']) expect(history, kind).toContain(kind);
    await org.reload();
    await expect.poll(() => org.getByTestId('certificate-status').textContent(), { timeout: 20_000 }).toBe('Valide');
    expect(await org.getByTestId('certificate-suspended').count()).toBe(0);

    expect(dmErrors).toEqual([]);
    expect(orgErrors).toEqual([]);
  });
});
