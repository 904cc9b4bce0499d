import { expect, it } from 'vitest';
import { describeInChromium, useServerAndBrowser } from './support.ts';

describeInChromium('the API documentation page in Chromium', () => {
  const e2e = useServerAndBrowser();

  it('loads without a Content-Security-Policy error and shows each operation with its summary', async () => {
    const page = await e2e.browser.newPage({ locale: 'en-GB' });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${e2e.server.baseUrl}/api/docs`);
    const login = page.locator('.opblock-summary', { hasText: '/api/auth/login' }).first();
    await login.waitFor({ timeout: 60_000 });
    expect(await login.locator('.opblock-summary-description').innerText()).toMatch(/\w{3,}/);
    // Swagger UI virtualizes its list: only the operations in view are in the page, so the page is
    // judged on the rows it shows, and the document on holding every operation.
    const total = await page.evaluate(async () => {
      const spec = (await (await fetch('/api/docs/json')).json()) as { paths: Record<string, object> };
      return Object.values(spec.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    });
    expect(total).toBeGreaterThan(150);
    await expect.poll(() => page.locator('.opblock-summary').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
    // Every operation on screen has its summary (read in one pass while rendering goes on).
    const seen = await page.evaluate(() => [...document.querySelectorAll('.opblock-summary')].map((o) => o.querySelector('.opblock-summary-description')?.textContent?.trim() ?? ''));
    expect(seen.filter((s) => s).length).toBe(seen.length);
    await login.click();
    await page.locator('.responses-table').first().waitFor();
    const codes = await page.locator('.opblock.is-open .responses-table .response-col_status').allInnerTexts();
    expect(codes.map((c) => c.trim())).toEqual(expect.arrayContaining(['200', '400', '401', '429']));
    expect(problems).toEqual([]);
  }, 180_000);
});
