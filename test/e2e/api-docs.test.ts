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
    await login.waitFor();
    expect(await login.locator('.opblock-summary-description').innerText()).toMatch(/\w{3,}/);
    const summaries = await page.locator('.opblock-summary-description').allInnerTexts();
    const operations = await page.locator('.opblock-summary').count();
    expect(operations).toBeGreaterThan(30);
    expect(summaries.filter((s) => s.trim()).length).toBe(operations);
    await login.click();
    await page.locator('.responses-table').first().waitFor();
    const codes = await page.locator('.opblock.is-open .responses-table .response-col_status').allInnerTexts();
    expect(codes.map((c) => c.trim())).toEqual(expect.arrayContaining(['200', '400', '401', '429']));
    expect(problems).toEqual([]);
  });
});
