import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { currentTotp } from '../../src/server/platform/auth/totp.ts';
import { chromiumAvailable, launchBrowser, signedInPage, startE2eServer } from './support.ts';

const USER = { email: 'anne.leroy@verite-certification.example', name: 'Anne Leroy', password: 'Verite-programme-2026', locale: 'en' as const };

describe.skipIf(!chromiumAvailable && process.env.CI !== 'true')('two-factor authentication in Chromium', () => {
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

  it('enrols with the QR page, shows recovery codes once, then sign-in asks for the code', async () => {
    const { page, errors } = await signedInPage(browser, server, USER, 'en-GB');

    await page.goto(`${server.baseUrl}/account`);
    await page.getByTestId('mfa-enrol').click();
    await page.getByTestId('mfa-qr').waitFor();
    const secret = (await page.getByTestId('mfa-secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByTestId('mfa-code').fill(currentTotp(secret));
    await page.getByTestId('mfa-confirm').click();
    await page.getByTestId('mfa-recovery-codes').waitFor();
    expect(await page.getByTestId('mfa-recovery-code').count()).toBe(10);
    const recovery = (await page.getByTestId('mfa-recovery-code').first().textContent())!.trim();
    await page.getByTestId('mfa-recovery-done').click();

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-email').fill(USER.email);
    await page.getByTestId('login-password').fill(USER.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-mfa-code').fill(recovery);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
    expect(errors).toEqual([]);
  });
});
