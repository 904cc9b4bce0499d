import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchBrowser, startE2eServer } from './support.ts';

describe.skipIf(!chromiumAvailable && process.env.CI !== 'true')('the API documentation page in Chromium', () => {
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

  it('loads without a Content-Security-Policy error and shows each operation with its summary', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.baseUrl}/api/docs`);
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
