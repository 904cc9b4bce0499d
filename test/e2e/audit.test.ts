import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const USER = { email: 'marie.curie@lumen-sante.example', name: 'Marie Curie', password: 'Lumen-radium-2026', locale: 'fr' as const };

/** A same-origin API call from the signed-in page, with the double-submit CSRF token. */
const call = (page: Page, method: string, url: string, body?: unknown) =>
  page.evaluate(
    async ([m, u, b]) => {
      const csrf = document.cookie.match(/attest_csrf=([^;]+)/)?.[1] ?? '';
      const res = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: b === undefined ? undefined : JSON.stringify(b) });
      return res.json();
    },
    [method, url, body] as const,
  );

describeInChromium('the audit log in French', () => {
  const e2e = useServerAndBrowser();

  it('reads as French sentences, filters by a translated action, shows the hash, and the account page shows the security history', async () => {
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, USER, 'fr-FR');
    const { tenant } = await call(page, 'POST', '/api/tenants', { name: 'Lumen Santé SAS', kind: 'organization' });
    await call(page, 'POST', `/api/tenants/${tenant.id}/invitations`, { email: 'jean@exemple.fr', role: 'contributor', locale: 'fr' });
    await call(page, 'PATCH', `/api/tenants/${tenant.id}`, { name: 'Lumen Santé SAS', requireMfa: false });
    await call(page, 'PATCH', `/api/tenants/${tenant.id}`, { name: 'Lumen Santé', requireMfa: false });

    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}/audit`);
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.textContent()).toContain('Marie Curie a invité jean@exemple.fr comme Contributeur');
    const text = (await table.textContent())!;
    expect(text).toContain('Marie Curie a créé «\u00a0Lumen Santé SAS\u00a0» (Organisation)');
    expect(text).toContain('Marie Curie a modifié les paramètres\u00a0: nom\u00a0: Lumen Santé SAS → Lumen Santé');
    expect(text).toContain('Membre invité');
    expect(text).not.toContain('member.invited');
    expect(text).not.toContain('founderRole');
    // Re-sending an unchanged form changed nothing, so it says nothing.
    expect(text).not.toMatch(/nom\u00a0: Lumen Santé SAS → Lumen Santé SAS/);

    const hash = page.getByTestId('audit-hash').first();
    await hash.waitFor();
    const box = (await hash.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);

    await page.getByTestId('audit-filter-action').click();
    await page.getByRole('option', { name: 'Membre invité' }).click();
    await expect.poll(async () => page.getByTestId('audit-sentence').count()).toBe(1);
    expect(await page.getByTestId('audit-sentence').first().textContent()).toBe('Marie Curie a invité jean@exemple.fr comme Contributeur');

    await page.goto(`${e2e.server.baseUrl}/account`);
    const history = page.getByTestId('security-history');
    await expect.poll(() => history.textContent()).toContain('Marie Curie s’est connecté');
    expect(errors).toEqual([]);
  });
});
