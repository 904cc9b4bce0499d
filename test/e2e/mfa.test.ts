import { expect, it } from 'vitest';
import { currentTotp } from '../../src/server/platform/auth/totp.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const USER = { email: 'anne.leroy@verite-certification.example', name: 'Anne Leroy', password: 'Verite-programme-2026', locale: 'en' as const };

describeInChromium('two-factor authentication in Chromium', () => {
  const e2e = useServerAndBrowser();

  it('enrols with the QR page, shows recovery codes once, then sign-in asks for the code', async () => {
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, USER, 'en-GB');

    await page.goto(`${e2e.server.baseUrl}/account`);
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
