import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { buildTenant } from '../support/factories.ts';
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
  // Generous: on a loaded 2-core machine migrating a fresh database and starting Chromium can take minutes.
  beforeAll(async () => {
    e2e.server = await startE2eServer();
    e2e.browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.server?.stop();
  }, 120_000);
  return e2e;
}

/**
 * The AIMS flows' cast: an English-speaking compliance lead (contributor) and a French-speaking
 * owner, each signed in through the form, in an organization « Lumière Crédit » owned by the latter.
 */
export async function leadAndOwner(e2e: { server: Awaited<ReturnType<typeof startE2eServer>>; browser: Browser }, lead: TE2eUser, owner: TE2eUser) {
  const p = e2e.server.platform;
  const leadPage = await signedInPage(e2e.browser, e2e.server, lead, 'en-GB');
  const ownerPage = await signedInPage(e2e.browser, e2e.server, owner, 'fr-FR');
  const ownerRow = (await findUserByEmail(p.db, owner.email))!;
  const leadRow = (await findUserByEmail(p.db, lead.email))!;
  const tenant = await buildTenant(p, { name: 'Lumière Crédit', owner: { id: ownerRow.id, email: owner.email, password: owner.password } });
  await insertMembership(p.db, tenant.id, leadRow.id, 'contributor');
  return { lead: leadPage, owner: ownerPage, tenant, leadId: leadRow.id, ownerId: ownerRow.id };
}
