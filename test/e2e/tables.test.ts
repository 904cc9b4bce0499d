import { expect, it } from 'vitest';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const USER = { email: 'claire.martin@lumiere-credit.example', name: 'Claire Martin', password: 'Lumiere-registre-2026', locale: 'en' as const };
const LONG_NAME = `Zeta nightly evidence collector for the credit-scoring model registry ${'x'.repeat(30)}`.slice(0, 100);

describeInChromium('lists in Chromium (DataTable)', () => {
  const e2e = useServerAndBrowser();

  it('keeps row actions on screen for long names, sorts by a column, and shows the empty state', async () => {
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, USER, 'en-GB');
    await page.goto(`${e2e.server.baseUrl}/tenants/new`);
    await page.getByTestId('tenant-name').fill('Lumière Crédit');
    await page.getByTestId('tenant-kind-organization').click();
    await page.getByTestId('tenant-create-submit').click();
    await page.waitForURL(/\/t\/[0-9a-f-]{36}/);
    const tenantId = page.url().match(/\/t\/([0-9a-f-]{36})/)![1]!;

    await page.goto(`${e2e.server.baseUrl}/t/${tenantId}/api-tokens`);
    await page.getByTestId('api-tokens-table-empty').waitFor();

    for (const name of [LONG_NAME, 'Alpha CI']) {
      await page.getByTestId('api-token-name').fill(name);
      await page.getByTestId('api-token-submit').click();
      await page.getByTestId('api-token-reveal-done').click();
    }
    const rows = page.locator('[data-testid^=api-token-row-]');
    await expect.poll(() => rows.count()).toBe(2);

    // The long name is cut with an ellipsis and keeps its full text as a title; Revoke stays visible.
    const viewport = page.viewportSize()!;
    const longRow = rows.filter({ hasText: 'Zeta nightly' });
    expect(await longRow.locator('[title]').first().getAttribute('title')).toBe(LONG_NAME);
    const revoke = longRow.locator('[data-testid^=api-token-revoke-]');
    const box = (await revoke.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);

    await page.getByTestId('api-tokens-table-sort-name').click();
    await expect.poll(() => rows.first().textContent()).toContain('Alpha CI');
    expect(await page.locator('[data-testid=api-tokens-table] th[aria-sort=ascending]').count()).toBe(1);
    await page.getByTestId('api-tokens-table-sort-name').click();
    await expect.poll(() => rows.first().textContent()).toContain('Zeta nightly');
    expect(errors).toEqual([]);
  });
});
