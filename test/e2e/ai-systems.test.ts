import { expect, it } from 'vitest';
import { describeInChromium, leadAndOwner, useServerAndBrowser } from './support.ts';

const LEAD = { name: 'Camille Durand', email: 'camille.ai@lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'en' as const };
const OWNER = { name: 'Élise Martin', email: 'elise.ai@lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'fr' as const };
const ARTICLES = ['Art. 9', 'Art. 10', 'Art. 11', 'Art. 12', 'Art. 13', 'Art. 14', 'Art. 15', 'Art. 16', 'Art. 17'];

describeInChromium('AI-system inventory in Chromium: record credit scoring, classify it high-risk, read its obligations in English and French', () => {
  const e2e = useServerAndBrowser();

  it('the compliance lead records and classifies credit scoring; the owner reads the same obligations in French', async () => {
    const { lead, owner, tenant } = await leadAndOwner(e2e, LEAD, OWNER);

    const page = lead.page;
    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}/ai-systems`);
    await page.getByTestId('ai-new').click();
    await page.getByTestId('ai-form-name').fill('Credit scoring');
    await page.getByTestId('ai-form-lifecycleStage').selectOption('deployed');
    await page.getByTestId('ai-form-role-provider').check();
    await page.getByTestId('ai-form-personalData').check();
    await page.getByTestId('ai-form-automatedDecisions').check();
    await page.getByTestId('ai-form-purpose').fill('Scores consumer credit applications.');
    await page.getByTestId('ai-form-submit').click();
    await page.getByTestId('ai-classify').waitFor();
    expect(await page.getByTestId('ai-field-roles').textContent()).toBe('Provider');

    await page.getByTestId('ai-classify').click();
    await page.getByTestId('ai-wizard-annexIIIRef').selectOption('Annex III(5)(b)');
    await page.getByTestId('ai-wizard-profiling').check();
    await page.getByTestId('ai-wizard-submit').click();
    await expect.poll(() => page.getByTestId('ai-tier').textContent()).toBe('High-risk');
    expect(await page.getByTestId('ai-route').textContent()).toBe('Annex III use');
    expect(await page.getByTestId('ai-annex-iii').textContent()).toContain('Creditworthiness and credit scoring');
    for (const ref of ARTICLES) {
      const text = await page.getByTestId(`ai-obligation-${ref}`).textContent();
      expect(text, ref).toContain('Applies from 2 December 2027');
      expect(text, ref).toContain('to be confirmed');
    }
    expect(await page.getByTestId('ai-obligation-Art. 27').count()).toBe(0);
    await expect.poll(() => page.getByTestId('ai-history').textContent()).toContain('Camille Durand classified an AI system: High-risk (version 1)');
    expect(await page.getByTestId('ai-classification-roles').textContent()).toBe('Made for the organization’s roles: Provider');
    expect(await page.getByTestId('ai-roles-changed').count()).toBe(0);

    // The organization also deploys it: the classification keeps the provider's obligations it was
    // made for (no deployer's Art. 26 slips in) and asks, visibly, to be made again.
    await page.getByTestId('ai-edit').click();
    await page.getByTestId('ai-form-role-deployer').check();
    await page.getByTestId('ai-form-submit').click();
    await page.getByTestId('ai-roles-changed').waitFor();
    expect(await page.getByTestId('ai-roles-changed').textContent()).toContain('now: Provider, Deployer');
    expect(await page.getByTestId('ai-reclassify-badge').textContent()).toBe('Made for other roles — re-classify');
    expect(await page.getByTestId('ai-classification-roles').textContent()).toBe('Made for the organization’s roles: Provider');
    expect(await page.getByTestId('ai-obligation-Art. 9').count()).toBe(1);
    expect(await page.getByTestId('ai-obligation-Art. 26').count()).toBe(0);

    // The list filters by tier; the filter lives in the address, so a reload keeps it.
    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}/ai-systems`);
    await page.getByTestId('ai-table').waitFor();
    await page.getByTestId('ai-filter-tier').selectOption('unclassified');
    await page.getByTestId('ai-table-empty').waitFor();
    await page.getByTestId('ai-filter-tier').selectOption('high-risk');
    await page.waitForURL(/tier=high-risk/);
    await expect.poll(() => page.getByTestId('ai-table').textContent()).toContain('Credit scoring');
    await page.reload();
    expect(await page.getByTestId('ai-filter-tier').inputValue()).toBe('high-risk');
    await expect.poll(() => page.getByTestId('ai-table').textContent()).toContain('Credit scoring');

    // In French, the owner reads the same classification, dates per locale.
    const fr = owner.page;
    await fr.goto(`${e2e.server.baseUrl}/t/${tenant.id}/ai-systems`);
    await fr.getByText('Credit scoring').click();
    await expect.poll(() => fr.getByTestId('ai-tier').textContent()).toBe('Haut risque');
    const art9 = await fr.getByTestId('ai-obligation-Art. 9').textContent();
    expect(art9).toContain('Applicable à partir du 2 décembre 2027');
    expect(art9).toContain('à confirmer');
    expect(art9).toContain('Système de gestion des risques');
    expect(await fr.getByTestId('ai-reasons').textContent()).toContain('Usage visé\u00a0: Annexe III, point 5 b)');
    expect(await fr.getByTestId('ai-reclassify-badge').textContent()).toBe('Établie pour d’autres rôles — à classer à nouveau');
    expect(await fr.getByTestId('ai-roles-changed').textContent()).toContain('(désormais\u00a0: Fournisseur, Déployeur)');
    expect([...lead.errors, ...owner.errors]).toEqual([]);
  });
});
