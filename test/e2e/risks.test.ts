import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { buildTenant } from '../support/factories.ts';
import { describeInChromium, leadAndOwner, signedInPage, useServerAndBrowser } from './support.ts';

const LEAD = { name: 'Camille Durand', email: 'camille.durand@lumiere-risques.example', password: 'Lumiere-credit-2026-ok', locale: 'en' as const };
const OWNER = { name: 'Élise Martin', email: 'elise.martin@lumiere-risques.example', password: 'Lumiere-credit-2026-ok', locale: 'fr' as const };

describeInChromium('risk register in Chromium: a risk scored and treated, refused to a contributor, accepted by the owner in French', () => {
  const e2e = useServerAndBrowser();

  it('the compliance lead records and treats a risk; above the threshold only the owner may accept it', async () => {
    const { lead, owner, tenant } = await leadAndOwner(e2e, LEAD, OWNER);

    // The contributor scores a risk on the default 5 × 5 matrix and plans its treatment.
    const page = lead.page;
    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}/risks`);
    await page.getByTestId('risks-new').click();
    await page.getByTestId('risk-title').fill('Credit-scoring drift on young applicants');
    await page.getByTestId('risk-description').fill('Approval rates for applicants under 25 drift after the 2026 launch.');
    await page.getByTestId('risk-owner').selectOption({ label: LEAD.name });
    await page.getByTestId('risk-inherent-likelihood').selectOption('4');
    await page.getByTestId('risk-inherent-impact').selectOption('4');
    await page.getByTestId('risk-treatment').selectOption('mitigate');
    await page.getByTestId('risk-add-action').click();
    await page.getByTestId('risk-action-0-title').fill('Monthly drift report reviewed by the model owner');
    await page.getByTestId('risk-action-0-due').fill('2027-01-31');
    await page.getByTestId('risk-residual-likelihood').selectOption('3');
    await page.getByTestId('risk-residual-impact').selectOption('4');
    await page.getByTestId('risk-review-date').fill('2027-06-30');
    await page.getByTestId('risk-requirements').fill('iso-iec-42001-2023 6.1.3');
    await page.getByTestId('risk-requirements').press('Enter');
    await page.getByTestId('risk-save').click();

    await page.getByTestId('risk-status').waitFor({ timeout: 10_000 }).catch(async (e) => {
      throw new Error(`${e}\n${await page.locator('form').innerText()}`);
    });
    expect(await page.getByTestId('risk-status').textContent()).toBe('Open');
    expect(await page.getByTestId('risk-inherent').textContent()).toBe('High · 16');
    expect(await page.getByTestId('risk-residual').textContent()).toBe('High · 12');
    expect(await page.getByTestId('risk-matrix-version').textContent()).toBe('Scored on matrix version 1');
    expect(await page.getByTestId('risk-requirements-value').textContent()).toContain('6.1.3');
    expect(await page.getByTestId('risk-plan').textContent()).toContain('31 January 2027');
    // Residual 12 is above the threshold 9: the contributor is offered no acceptance, and told why.
    expect(await page.getByTestId('risk-accept').count()).toBe(0);
    expect(await page.getByTestId('risk-accept-refused').textContent()).toContain('only Owner, Administrator may accept it');
    const riskUrl = page.url();
    const riskId = riskUrl.split('/').at(-1)!;
    // The server refuses it too, whatever the page shows.
    const refused = await page.evaluate(async (url) => {
      const csrf = document.cookie.match(/attest_csrf=([^;]+)/)?.[1] ?? '';
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ rationale: 'Fine by me', expiresOn: '2027-06-30' }) });
      return { status: res.status, code: (await res.json()).code };
    }, `/api/tenants/${tenant.id}/risks/${riskId}/accept`);
    expect(refused).toEqual({ status: 403, code: 'risk_acceptance_role' });

    // The owner, in French, finds it on the heat map and accepts the residual risk.
    const o = owner.page;
    await o.goto(`${e2e.server.baseUrl}/t/${tenant.id}/risks`);
    await o.getByTestId('heat-residual-3-4').click();
    await o.getByTestId('risks-cell-filter').waitFor();
    await expect.poll(() => o.getByTestId(`risk-row-${riskId}`).count()).toBe(1);
    await o.getByTestId(`risk-open-${riskId}`).click();
    await o.getByTestId('risk-accept').click();
    expect(await o.getByTestId('risk-accept-above').textContent()).toContain('dépasse le seuil d’acceptation');
    await o.getByTestId('risk-accept-rationale').fill('Dérive suivie chaque mois ; dans l’appétence validée par le conseil le 12 novembre 2026.');
    await o.getByTestId('risk-accept-expires').fill('2027-05-31');
    await o.getByTestId('risk-accept-confirm').click();
    await expect.poll(() => o.getByTestId('risk-status').textContent()).toBe('Accepté');
    expect(await o.getByTestId('risk-current-acceptance').textContent()).toContain('jusqu’au 31 mai 2027');
    // Frozen: no edit until someone re-opens it.
    expect(await o.getByTestId('risk-edit').count()).toBe(0);
    expect(await o.getByTestId('risk-reopen').count()).toBe(1);
    expect(lead.errors).toEqual([]);
    expect(owner.errors).toEqual([]);
  });

  it('the owner changes the matrix: a new version, and the recorded risk keeps the version it was scored on', async () => {
    const p = e2e.server.platform;
    const ADMIN = { name: 'Hugo Petit', email: 'hugo.petit@lumiere-risques.example', password: 'Lumiere-credit-2026-ok', locale: 'en' as const };
    const { page } = await signedInPage(e2e.browser, e2e.server, ADMIN, 'en-GB');
    const adminRow = (await findUserByEmail(p.db, ADMIN.email))!;
    const tenant = await buildTenant(p, { name: 'Lumière Assurances', owner: { id: adminRow.id, email: ADMIN.email, password: ADMIN.password } });
    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}/risks`);
    const created = await page.evaluate(async (url) => {
      const csrf = document.cookie.match(/attest_csrf=([^;]+)/)?.[1] ?? '';
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ title: 'Chatbot gives wrong contract terms', source: 'ai_system', inherentLikelihood: 3, inherentImpact: 3 }) });
      return (await res.json()) as { id: string };
    }, `/api/tenants/${tenant.id}/risks`);

    await page.getByTestId('risks-matrix').click();
    await expect.poll(() => page.getByTestId('matrix-version').textContent()).toContain('Version 1');
    await page.getByTestId('matrix-threshold').fill('12');
    await page.getByTestId('matrix-role-admin').click();
    await page.getByTestId('matrix-save').click();
    await expect.poll(() => page.getByTestId('matrix-version').textContent()).toContain('Version 2');
    expect(await page.getByTestId('matrix-older').textContent()).toBe('1 open risk is still scored on an older version.');

    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}/risks/${created.id}`);
    await page.getByTestId('risk-matrix-outdated').waitFor();
    expect(await page.getByTestId('risk-matrix-version').textContent()).toBe('Scored on matrix version 1');
    expect(await page.getByTestId('risk-inherent').textContent()).toBe('Medium · 9');
  });
});
