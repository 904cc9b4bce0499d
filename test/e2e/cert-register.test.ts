import { expect, it } from 'vitest';
import { buildBody, buildCertificate } from '../support/certification-factories.ts';
import { describeInChromium, useServerAndBrowser } from './support.ts';

describeInChromium('public register in Chromium: a visitor in French finds a certificate and sees it verified', () => {
  const e2e = useServerAndBrowser();

  it('searches by the beginning of the name, opens the certificate, reads its status, dates in French and « Vérifié »', async () => {
    const p = e2e.server.platform;
    const body = await buildBody(p, { name: 'Vérité Certification' });
    const valid = await buildCertificate(p, body, { holderName: 'Lumière Crédit SAS', number: 'AIMS-2026-00001', effectiveDate: '2026-01-15', expiryDate: '2029-01-14' });
    await buildCertificate(p, body, { holderName: 'Lumière Assurances SA', number: 'AIMS-2026-00002', status: 'suspended' });

    const visitor = await e2e.browser.newContext({ locale: 'fr-FR' });
    const v = await visitor.newPage();
    const errors: string[] = [];
    v.on('pageerror', (e) => errors.push(e.message));
    await v.goto(`${e2e.server.baseUrl}/register`);
    await v.getByTestId('register-q').waitFor();
    expect(await v.getByRole('heading', { level: 1 }).textContent()).toBe('Registre public des certificats');

    await v.getByTestId('register-q').fill('lumière');
    await v.getByTestId('register-search').click();
    await expect.poll(() => v.getByTestId('register-row').count()).toBe(2);
    const suspendedRow = v.getByTestId('register-row').filter({ hasText: 'Lumière Assurances SA' });
    expect(await suspendedRow.getByTestId('register-status').textContent()).toBe('Suspendu');

    // Only the suspended ones.
    await v.getByTestId('register-status-filter').selectOption('suspended');
    await expect.poll(() => v.getByTestId('register-row').count()).toBe(1);
    await v.getByTestId('register-status-filter').selectOption('');
    await expect.poll(() => v.getByTestId('register-row').count()).toBe(2);

    await v.getByRole('link', { name: valid.number }).click();
    await v.getByTestId('register-number').waitFor();
    expect(await v.getByTestId('register-number').textContent()).toBe('AIMS-2026-00001');
    expect(await v.getByTestId('register-holder').textContent()).toBe('Lumière Crédit SAS');
    expect(await v.getByTestId('register-status').textContent()).toBe('Valide');
    expect(await v.getByTestId('register-effective').textContent()).toBe('15 janvier 2026');
    expect(await v.getByTestId('register-expiry').textContent()).toBe('14 janvier 2029');
    expect(await v.getByTestId('register-scope').textContent()).toContain('Conception et exploitation');
    await expect.poll(() => v.getByTestId('register-verification').getAttribute('data-verified')).toBe('true');
    expect(await v.getByTestId('register-verification').textContent()).toContain('Vérifié');
    expect(await v.getByTestId('register-history').textContent()).toContain('Délivré');

    // An unknown number says so, in French.
    await v.goto(`${e2e.server.baseUrl}/register/AIMS-1999-99999`);
    await expect.poll(() => v.getByTestId('register-unknown').textContent()).toContain('Aucun certificat numéroté');
    expect(errors).toEqual([]);
    await visitor.close();
  });
});
