import { expect, it } from 'vitest';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const USER = { email: 'marc.petit@verite-certification.example', name: 'Marc Petit', password: 'Verite-audit-2026', locale: 'fr' as const };

describeInChromium('the framework browser in Chromium', () => {
  const e2e = useServerAndBrowser();

  it('lists the frameworks in French, shows the 42001 tree and a requirement with its crosswalks', async () => {
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, USER, 'fr-FR');

    await page.goto(`${e2e.server.baseUrl}/catalog`);
    const card = page.getByTestId('catalog-framework-iso-iec-42001-2023');
    await expect.poll(() => card.textContent()).toMatch(/42001/);
    for (const id of ['soc2-tsc-2017', 'iso-iec-27001-2022', 'eu-ai-act-2024', 'nist-ai-rmf-1.0']) {
      await page.getByTestId(`catalog-framework-${id}`).waitFor();
    }
    expect(await page.locator('h1').first().textContent()).toContain('Référentiels');
    // The subtitle names every loaded framework, from the data, in French.
    const subtitle = page.getByText(/^Normes et réglementations auxquelles Attest rattache vos travaux/);
    await expect.poll(() => subtitle.textContent()).toBe(
      'Normes et réglementations auxquelles Attest rattache vos travaux\u00a0: règlement européen sur l’IA, ISO/IEC 27001, ISO/IEC 42001, NIST AI RMF et SOC 2.',
    );
    // Edition and publisher in French, not "Regulation (EU) 2024/1689 (AI Act) · European Union".
    expect(await page.getByTestId('catalog-framework-eu-ai-act-2024').getByTestId('catalog-edition').textContent()).toBe(
      'Règlement (UE) 2024/1689 (règlement sur l’IA) · Union européenne',
    );
    expect(await page.getByTestId('catalog-framework-soc2-tsc-2017').getByTestId('catalog-edition').textContent()).toBe(
      'Critères des services de confiance 2017 (points d’attention révisés en 2022) · AICPA',
    );

    await card.getByRole('link').first().click();
    await page.getByTestId('catalog-tree').waitFor();
    await page.getByTestId('catalog-node-A.6.2.4').waitFor();
    expect(await page.locator('[data-testid^="catalog-node-A."]').count()).toBe(9 + 2 + 38);

    await page.getByTestId('catalog-node-A.6.2.8').getByRole('link').first().click();
    await expect.poll(() => page.getByTestId('requirement-ref').textContent()).toContain('A.6.2.8');
    const crosswalks = page.getByTestId('crosswalks-table');
    await expect.poll(() => crosswalks.textContent()).toContain('Art. 12');
    expect(await page.getByTestId('crosswalk-row').count()).toBeGreaterThan(0);

    // The relation's tooltip names both frameworks, not "A.6.2.8 et Art. 12 se recoupent".
    await page.getByTestId('crosswalk-row').filter({ hasText: 'Art. 12' }).first().locator('[data-relation]').hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toMatch(/^A\.6\.2\.8 \(ISO\/IEC 42001\) .*Art\. 12 \(règlement européen sur l’IA\)/);

    await page.getByTestId('crosswalk-link').filter({ hasText: 'Art. 12' }).first().click();
    await expect.poll(() => page.getByTestId('requirement-ref').textContent()).toContain('Art. 12');
    await expect.poll(() => page.getByTestId('crosswalks-table').textContent()).toContain('A.6.2.8');
    expect(errors).toEqual([]);
  });

  it('shows French group titles and finds requirements by their French description, accents folded, page after page', async () => {
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, { ...USER, email: 'lea.martin@verite-certification.example', name: 'Léa Martin' }, 'fr-FR');

    await page.goto(`${e2e.server.baseUrl}/catalog/eu-ai-act-2024`);
    await page.getByTestId('catalog-tree').waitFor();
    expect(await page.getByTestId('catalog-node-Chapter I').locator('a').first().textContent()).toMatch(/^Chapitre IDispositions générales/);
    expect(await page.getByTestId('catalog-node-Annex III(5)(c)').locator('a').first().textContent()).toMatch(/^Annexe III, point 5 c\)/);
    expect(await page.getByTestId('catalog-tree').textContent()).not.toMatch(/Chapter |Annex /);

    // An obligation says which act set its date, and the date the Regulation first set, in French.
    await page.goto(`${e2e.server.baseUrl}/catalog/eu-ai-act-2024/requirements/${encodeURIComponent('Art. 6')}`);
    await expect.poll(() => page.getByTestId('requirement-date-source').textContent()).toContain('Omnibus numérique sur l’IA (2026), modifiant l’art. 113 du règlement (UE) 2024/1689');
    expect(await page.getByTestId('requirement-applies-from').textContent()).toBe('2 décembre 2027 (initialement le 2 août 2026)');

    await page.goto(`${e2e.server.baseUrl}/catalog`);
    const search = page.getByTestId('catalog-search');
    // Found by its French description only ("…comme la supervision humaine"), not by its title.
    await search.fill('supervision humaine');
    const results = page.getByTestId('catalog-search-results');
    await expect.poll(() => results.textContent()).toContain('A.3.2Rôles et responsabilités en matière d’IA');
    await search.fill('integrite');
    await expect.poll(() => results.textContent()).toContain('Intégrité et éthique');

    await search.fill('risque');
    const count = page.getByTestId('catalog-search-count');
    await expect.poll(() => count.textContent()).toMatch(/^20 résultats affichés sur \d+$/);
    const total = Number(await count.getAttribute('data-total'));
    expect(total).toBeGreaterThan(20);
    await page.getByTestId('catalog-search-more').click();
    await expect.poll(() => page.getByTestId('catalog-search-result').count()).toBe(Math.min(40, total));
    expect(errors).toEqual([]);
  });
});
