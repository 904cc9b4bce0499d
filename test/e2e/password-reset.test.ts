import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createAccountsService } from '../../src/server/modules/accounts/accounts-service.ts';
import { describeInChromium, useServerAndBrowser } from './support.ts';

const USER = { email: 'claire.martin@lumiere-credit.example', name: 'Claire Martin', password: 'Lumiere-ancien-2026', locale: 'fr' as const };
const NEW_PASSWORD = 'Lumiere-nouveau-2026';

/** Without SMTP the server writes each mail to its outbox folder (0600): read the link there. */
async function resetLinkFromOutbox(dataDir: string, to: string): Promise<string> {
  const dir = path.join(dataDir, 'outbox');
  for (let i = 0; i < 300; i++) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const token = text.includes(`To: ${to}`) ? /\/reset-password#([A-Za-z0-9_-]{43})/.exec(text)?.[1] : undefined;
      if (token) return token;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no reset mail for ${to}`);
}

describeInChromium('forgot password in Chromium, in French', () => {
  const e2e = useServerAndBrowser();

  it('asks for a link from the sign-in page, sets a new password from the mail, then signs in with it', async () => {
    await createAccountsService(e2e.server.platform).createAdmin(USER, { requestId: 'e2e', ip: null, userAgent: null });
    const page = await e2e.browser.newPage({ locale: 'fr-FR' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${e2e.server.baseUrl}/login`);
    await page.getByTestId('login-forgot').click();
    await page.getByTestId('forgot-email').fill(USER.email);
    await page.getByTestId('forgot-submit').click();
    await expect.poll(() => page.getByTestId('forgot-sent').textContent()).toContain(`Si un compte existe pour ${USER.email}`);

    const token = await resetLinkFromOutbox(e2e.server.platform.config.dataDir, USER.email);
    await page.goto(`${e2e.server.baseUrl}/reset-password#${token}`);
    await page.getByTestId('reset-password').fill(NEW_PASSWORD);
    await page.getByTestId('reset-password-confirm').fill(NEW_PASSWORD);
    await page.getByTestId('reset-submit').click();
    await expect.poll(() => page.getByTestId('reset-done').textContent()).toContain('toutes vos sessions ont été fermées');
    // The secret leaves the address bar once used.
    expect(page.url()).not.toContain(token);

    // The same link opened again (another tab) explains itself.
    const again = await e2e.browser.newPage({ locale: 'fr-FR' });
    await again.goto(`${e2e.server.baseUrl}/reset-password#${token}`);
    await expect.poll(() => again.getByTestId('reset-link-problem').textContent()).toContain('a déjà servi');
    await again.close();

    await page.goto(`${e2e.server.baseUrl}/login`);
    await page.getByTestId('login-email').fill(USER.email);
    await page.getByTestId('login-password').fill(NEW_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
    expect(errors).toEqual([]);
  });
});
