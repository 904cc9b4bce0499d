import { expect, it } from 'vitest';
import { invitationToken } from '../../src/server/modules/tenants/invitations-service.ts';
import { describeInChromium, useServerAndBrowser } from './support.ts';

const ADMIN = { name: 'Claire Martin', email: 'claire.martin@lumiere-credit.example', password: 'Lumiere-scoring-2026' };
const INVITEE = 'ines.dubois@lumiere-credit.example';

describeInChromium('the web shell in Chromium', () => {
  const e2e = useServerAndBrowser();

  it('first run, sign in, create an organization, invite a member, switch to French', async () => {
    const page = await e2e.browser.newPage({ locale: 'en-GB' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(e2e.server.baseUrl);
    await page.waitForURL(/\/setup/);
    const icon = await page.locator('link[rel=icon]').getAttribute('href');
    const iconRes = await page.request.get(new URL(icon!, e2e.server.baseUrl).href);
    expect([iconRes.status(), iconRes.headers()['content-type']]).toEqual([200, 'image/svg+xml']);
    await page.getByTestId('setup-name').fill(ADMIN.name);
    await page.getByTestId('setup-email').fill(ADMIN.email);
    await page.getByTestId('setup-password').fill(ADMIN.password);
    await page.getByTestId('setup-password-confirm').fill(ADMIN.password);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-email').fill(ADMIN.email);
    await page.getByTestId('login-password').fill('wrong-password-000');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/\S/);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('welcome-create-tenant').click();

    await page.getByTestId('tenant-name').fill('Lumière Crédit Scoring et Services Financiers SAS');
    await page.getByTestId('tenant-kind-organization').click();
    await page.getByTestId('tenant-create-submit').click();
    await page.waitForURL(/\/t\/[0-9a-f-]{36}/);
    const tenantId = page.url().match(/\/t\/([0-9a-f-]{36})/)![1]!;
    // A long name is not cut at a fixed width: the switcher grows and keeps the whole name as its title.
    const switcher = page.getByTestId('tenant-switcher');
    await expect.poll(() => switcher.getAttribute('title')).toContain('Lumière Crédit Scoring et Services Financiers SAS');
    expect((await switcher.boundingBox())!.width).toBeGreaterThan(320);

    await page.getByTestId('nav-members').click();
    await page.getByTestId('members-table').waitFor();
    await expect.poll(() => page.getByTestId('members-table').textContent()).toContain(ADMIN.email);
    await page.getByTestId('invite-email').fill(INVITEE);
    await page.getByTestId('invite-role').selectOption('contributor');
    await page.getByTestId('invite-locale').selectOption('fr');
    await page.getByTestId('invite-submit').click();
    await expect.poll(() => page.getByTestId('invitations-table').textContent()).toContain(INVITEE);

    await expect.poll(() => page.getByTestId('nav-members').textContent()).toContain('Members');
    await page.getByTestId('language-switch').getByText('FR').click();
    await expect.poll(() => page.getByTestId('nav-members').textContent()).toContain('Membres');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-members').textContent()).toContain('Membres');
    await expect.poll(() => page.getByTestId('nav-overview').textContent()).toContain('Vue d’ensemble');

    await page.getByTestId('nav-audit').click();
    await expect.poll(() => page.getByTestId('audit-chain-status').getAttribute('data-status')).toBe('intact');
    await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain(`${ADMIN.name} a invité ${INVITEE} comme Contributeur`);
    expect(errors).toEqual([]);

    // The invitee opens the signed link in another browser profile and joins, in French.
    const inv = await e2e.server.platform.db.selectFrom('invitations').selectAll().where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    const token = invitationToken(e2e.server.platform.secretKey, tenantId, inv.id, inv.expires_at);
    const other = await e2e.browser.newContext({ locale: 'fr-FR' });
    const p2 = await other.newPage();
    await p2.goto(`${e2e.server.baseUrl}/invite/${token}`);
    await p2.getByTestId('invite-accept-name').fill('Inès Dubois');
    await p2.getByTestId('invite-accept-password').fill('Une-Phrase-Solide-2026');
    await p2.getByTestId('invite-accept-password-confirm').fill('Une-Phrase-Solide-2026');
    await p2.getByTestId('invite-accept-submit').click();
    await p2.waitForURL(/\/t\/[0-9a-f-]{36}/);
    await expect.poll(() => p2.getByTestId('nav-overview').textContent()).toContain('Vue d’ensemble');
    await other.close();
  });
});
