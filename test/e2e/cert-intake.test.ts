import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { buildTenant } from '../support/factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const MANAGER = { name: 'Sophie Lambert', email: 'sophie.lambert@verite-certification.example', password: 'Verite-certif-2026-ok', locale: 'en' as const };

describeInChromium('certification intake in Chromium: a public quote request in French becomes a client', () => {
  const e2e = useServerAndBrowser();

  it('a prospect asks for a quote without an account; the scheme manager converts the enquiry into a client', async () => {
    const p = e2e.server.platform;
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, MANAGER, 'en-GB');
    const manager = await findUserByEmail(p.db, MANAGER.email);
    const body = await buildTenant(p, { kind: 'certification_body', name: 'Vérité Certification', owner: { id: manager!.id, email: MANAGER.email, password: MANAGER.password } });

    // The body opens its public page from its settings.
    await page.goto(`${e2e.server.baseUrl}/t/${body.id}/body-settings`);
    await page.getByTestId('settings-not-configured').waitFor();
    await page.getByTestId('settings-publicSlug').fill('verite-certification');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-public-url').waitFor();

    // A visitor in French, no account.
    const visitor = await e2e.browser.newContext({ locale: 'fr-FR' });
    const v = await visitor.newPage();
    await v.goto(`${e2e.server.baseUrl}/quote/verite-certification`);
    await v.getByTestId('quote-organizationName').waitFor();
    expect(await v.getByRole('heading', { level: 1 }).textContent()).toBe('Demander un devis à Vérité Certification');
    await v.getByTestId('quote-organizationName').fill('Lumière Crédit SAS');
    await v.getByTestId('quote-registeredAddress').fill('12 rue de la Paix, 75002 Paris');
    await v.getByTestId('quote-contactName').fill('Camille Martin');
    await v.getByTestId('quote-contactEmail').fill('camille.martin@lumiere-credit.example');
    await v.getByTestId('quote-employeesFullTime').fill('140');
    await v.getByTestId('quote-employeesPartTime').fill('12');
    await v.getByTestId('quote-aiSystemsCount').fill('6');
    await v.getByTestId('quote-highRiskAiSystems').fill('9');
    await v.getByTestId('quote-submit').click();
    // More high-risk systems than systems: refused on the field, in French, before anything is sent.
    await expect.poll(() => v.getByText('Au plus 6').count()).toBeGreaterThan(0);
    await v.getByTestId('quote-highRiskAiSystems').fill('2');
    await v.getByTestId('quote-preAudit').check();
    await v.getByTestId('quote-submit').click();
    await expect.poll(() => v.getByTestId('quote-sent').textContent()).toContain('Vérité Certification a bien reçu votre demande');
    await visitor.close();

    // The scheme manager finds it in the inbox and converts it.
    await page.goto(`${e2e.server.baseUrl}/t/${body.id}/enquiries`);
    await page.getByTestId('enquiry-open-Lumière Crédit SAS').click();
    await expect.poll(() => page.getByTestId('enquiry-standards').textContent()).toBe('ISO/IEC 42001');
    await page.getByTestId('enquiry-convert').click();
    await expect.poll(() => page.getByTestId('client-form-legalName').inputValue()).toBe('Lumière Crédit SAS');
    await page.getByTestId('client-form-sectorRisk').selectOption('high');
    await page.getByTestId('client-form-partTimeFte').fill('7.5');
    await page.getByTestId('client-form-site-0-name').fill('Siège');
    await page.getByTestId('client-form-submit').click();
    await expect.poll(() => page.getByTestId('client-effective-personnel').textContent()).toBe('147.5 (140 full-time + 7.5 FTE of 12 part-time)');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('CLI-0001 — Lumière Crédit SAS');
    expect(await page.getByTestId('client-site-Siège').textContent()).toContain('central function');

    await page.goto(`${e2e.server.baseUrl}/t/${body.id}/enquiries`);
    await expect.poll(() => page.getByTestId('enquiries-table').textContent()).toContain('Converted');
    expect(errors).toEqual([]);
  }, 300_000);
});
