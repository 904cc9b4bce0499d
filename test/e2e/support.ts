import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createAccountsService } from '../../src/server/modules/accounts/accounts-service.ts';
import { loadConfig } from '../../src/server/config.ts';
import { startServer, type TRunning } from '../../src/server/server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = fs.existsSync(CHROMIUM);

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

/** The real server on a free port over a fresh embedded database, serving the built web app. */
export async function startE2eServer(): Promise<TRunning & { baseUrl: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-e2e-'));
  const config = loadConfig({ ATTEST_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
  const running = await startServer({ config });
  const addr = running.app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    ...running,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TE2eUser = { email: string; name: string; password: string; locale: 'en' | 'fr' };

/** A page signed in through the real sign-in form as a user created directly on the server. */
export async function signedInPage(browser: Browser, server: { baseUrl: string; platform: TRunning['platform'] }, user: TE2eUser, locale: string): Promise<{ page: Page; errors: string[] }> {
  await createAccountsService(server.platform).createAdmin(user, { requestId: 'e2e', ip: null, userAgent: null });
  const page = await browser.newPage({ locale });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.baseUrl}/login`);
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
  return { page, errors };
}

/** Browser flows run wherever Chromium is installed, and are mandatory in CI. */
export const describeInChromium = describe.skipIf(!chromiumAvailable && process.env.CI !== 'true');

/** One real server and one browser per test file, started before its tests and stopped after. */
export function useServerAndBrowser() {
  const e2e = {} as { server: Awaited<ReturnType<typeof startE2eServer>>; browser: Browser };
  beforeAll(async () => {
    e2e.server = await startE2eServer();
    e2e.browser = await launchBrowser();
  });
  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.server?.stop();
  });
  return e2e;
}
