import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { invitationToken } from '../../src/server/modules/tenants/invitations-service.ts';
import { buildMembership, buildTenant } from '../support/factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const OWNER = { name: 'Hélène Roux', email: 'helene.roux@lumen-sante.example', password: 'Lumen-sante-2026-ok', locale: 'en' as const };
const INVITEE = 'marc.petit@lumen-sante.example';

describeInChromium('members page in Chromium: buttons from per-record abilities, invitations replaced', () => {
  const e2e = useServerAndBrowser();

  it('the last owner has no remove button; the invite form starts afresh; a replaced link says so in French', async () => {
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, OWNER, 'en-GB');
    const p = e2e.server.platform;
    const owner = await findUserByEmail(p.db, OWNER.email);
    const tenant = await buildTenant(p, { name: 'Lumen Santé SAS', owner: { id: owner!.id, email: OWNER.email, password: OWNER.password } });
    const admin = await buildMembership(p, tenant, 'admin');

    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}/members`);
    await page.getByTestId(`member-row-${admin.id}`).waitFor();
    // The server says the last owner can be neither removed nor demoted: no such controls on that row.
    expect(await page.getByTestId(`member-remove-${owner!.id}`).count()).toBe(0);
    expect(await page.getByTestId(`member-role-${owner!.id}`).count()).toBe(0);
    expect(await page.getByTestId(`member-remove-${admin.id}`).count()).toBe(1);
    expect(await page.getByTestId(`member-role-${admin.id}`).count()).toBe(1);

    const invite = async () => {
      await page.getByTestId('invite-email').fill(INVITEE);
      await page.getByTestId('invite-role').selectOption('admin');
      await page.getByTestId('invite-locale').selectOption('fr');
      await page.getByTestId('invite-submit').click();
      await expect.poll(() => page.getByTestId('invite-email').inputValue()).toBe('');
    };
    await invite();
    // One person's role and language do not carry over into the next invitation.
    expect(await page.getByTestId('invite-role').inputValue()).toBe('contributor');
    expect(await page.getByTestId('invite-locale').inputValue()).toBe('en');
    const first = await p.db.selectFrom('invitations').selectAll().where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow();
    await invite();
    await expect.poll(async () => (await page.getByTestId('invitations-table').locator('tbody tr').count())).toBe(1);

    const other = await e2e.browser.newContext({ locale: 'fr-FR' });
    const p2 = await other.newPage();
    await p2.goto(`${e2e.server.baseUrl}/invite/${invitationToken(p.secretKey, tenant.id, first.id, first.expires_at)}`);
    await expect.poll(() => p2.getByTestId('invitation-invalid').textContent()).toContain('remplacée par une plus récente');
    await other.close();
    expect(errors).toEqual([]);
  });
});
