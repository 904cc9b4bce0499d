import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchBrowser, signedInPage, startE2eServer } from './support.ts';

const USER = { email: 'marc.petit@verite-certification.example', name: 'Marc Petit', password: 'Verite-audit-2026', locale: 'fr' as const };

describe.skipIf(!chromiumAvailable && process.env.CI !== 'true')('the framework browser in Chromium', () => {
  let server: Awaited<ReturnType<typeof startE2eServer>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the frameworks in French, shows the 42001 tree and a requirement with its crosswalks', async () => {
    const { page, errors } = await signedInPage(browser, server, USER, 'fr-FR');

    await page.goto(`${server.baseUrl}/catalog`);
    const card = page.getByTestId('catalog-framework-iso-iec-42001-2023');
    await expect.poll(() => card.textContent()).toMatch(/42001/);
    for (const id of ['soc2-tsc-2017', 'iso-iec-27001-2022', 'eu-ai-act-2024', 'nist-ai-rmf-1.0']) {
      await page.getByTestId(`catalog-framework-${id}`).waitFor();
    }
    expect(await page.locator('h1').first().textContent()).toContain('Référentiels');

    await card.getByRole('link').first().click();
    await page.getByTestId('catalog-tree').waitFor();
    await page.getByTestId('catalog-node-A.6.2.4').waitFor();
    expect(await page.locator('[data-testid^="catalog-node-A."]').count()).toBe(9 + 2 + 38);

    await page.getByTestId('catalog-node-A.6.2.8').getByRole('link').first().click();
    await expect.poll(() => page.getByTestId('requirement-ref').textContent()).toContain('A.6.2.8');
    const crosswalks = page.getByTestId('crosswalks-table');
    await expect.poll(() => crosswalks.textContent()).toContain('Art. 12');
    expect(await page.getByTestId('crosswalk-row').count()).toBeGreaterThan(0);

    await page.getByTestId('crosswalk-link').filter({ hasText: 'Art. 12' }).first().click();
    await expect.poll(() => page.getByTestId('requirement-ref').textContent()).toContain('Art. 12');
    await expect.poll(() => page.getByTestId('crosswalks-table').textContent()).toContain('A.6.2.8');
    expect(errors).toEqual([]);
  });
});
