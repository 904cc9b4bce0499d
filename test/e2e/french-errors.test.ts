import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { updateMemberRole } from '../../src/server/modules/tenants/members-repo.ts';
import { buildMembership, buildTenant } from '../support/factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const USER = { name: 'Hélène Roux', email: 'helene.roux@lumen-sante.example', password: 'Lumen-sante-2026-ok', locale: 'fr' as const };
const NBSP = '\u00a0';

/*
 * A French user meets the server's refusals in French, each on the field it is about: the web
 * words them from the error's code and details, never from the server's English message.
 */
describeInChromium('errors in French, on the right field', () => {
  const e2e = useServerAndBrowser();

  it('a too-short or too-common password, a duplicate e-mail and a role she may not give; then the audit log in French', async () => {
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, USER, 'fr-FR');
    const fieldError = (testId: string) => page.locator('.mantine-InputWrapper-root', { has: page.getByTestId(testId) }).locator('.mantine-InputWrapper-error');

    // The contract's limit is on the input: the browser stops a 5,000-character name at 120.
    await page.goto(`${e2e.server.baseUrl}/account`);
    const name = page.getByTestId('profile-name');
    expect(await name.getAttribute('maxlength')).toBe('120');
    await name.fill('x'.repeat(5000));
    expect((await name.inputValue()).length).toBe(120);

    // Too short: the form's own check, worded like the server's.
    await page.getByTestId('password-current').fill(USER.password);
    await page.getByTestId('password-new').fill('Court-1');
    await page.getByTestId('password-confirm').fill('Court-1');
    await page.getByTestId('password-submit').click();
    await expect.poll(() => fieldError('password-new').textContent()).toBe('12 caractères au minimum');

    // Too common: only the server knows; its code lands on the new-password field, in French.
    await page.getByTestId('password-new').fill('password1234');
    await page.getByTestId('password-confirm').fill('password1234');
    await page.getByTestId('password-submit').click();
    await expect
      .poll(() => fieldError('password-new').textContent())
      .toBe(`Ce mot de passe est trop courant${NBSP}: choisissez-en un qui ne figure pas sur les listes de mots de passe connus.`);

    const p = e2e.server.platform;
    const me = (await findUserByEmail(p.db, USER.email))!;
    const tenant = await buildTenant(p, { name: 'Lumen Santé SAS', owner: { id: me.id, email: USER.email, password: USER.password } });
    const colleague = await buildMembership(p, tenant, 'contributor');
    await buildMembership(p, tenant, 'owner');

    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}/members`);
    await page.getByTestId('invite-email').waitFor();
    await page.getByTestId('invite-email').fill('marc.petit@lumen-sante.example');
    await page.getByTestId('invite-submit').click();
    await expect.poll(() => page.getByTestId('invite-email').inputValue()).toBe('');

    // A duplicate e-mail: already a member of this tenant.
    await page.getByTestId('invite-email').fill(colleague.email);
    await page.getByTestId('invite-submit').click();
    await expect.poll(() => fieldError('invite-email').textContent()).toBe(`${colleague.email} est déjà membre de cet espace.`);

    // A role she may no longer give: another owner made her an admin while the page was open.
    await updateMemberRole(p.db, tenant.id, me.id, 'admin');
    await page.getByTestId('invite-email').fill('jeanne.martin@lumen-sante.example');
    await page.getByTestId('invite-role').selectOption('owner');
    await page.getByTestId('invite-submit').click();
    await expect.poll(() => fieldError('invite-role').textContent()).toBe('Seul un propriétaire peut attribuer, retirer ou déléguer le rôle de propriétaire.');
    expect(await page.locator('body').textContent()).not.toMatch(/already a member|Only an owner/);

    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}/audit`);
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.textContent()).toContain('Hélène Roux a invité marc.petit@lumen-sante.example comme Contributeur');
    expect(await table.textContent()).not.toContain('member.invited');
    expect(errors).toEqual([]);
  });
});
