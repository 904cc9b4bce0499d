import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { buildTenant } from '../support/factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const LEAD = { name: 'Camille Durand', email: 'camille.controls@lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'en' as const };
const OWNER = { name: 'Élise Martin', email: 'elise.controls@lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'fr' as const };

describeInChromium('Controls in Chromium: start from the ISO/IEC 42001 library, accept a crosswalk suggestion, read the list in French', () => {
  const e2e = useServerAndBrowser();

  it('the compliance lead starts from the library and accepts a crosswalk; the owner reads the list in French', async () => {
    const p = e2e.server.platform;
    const lead = await signedInPage(e2e.browser, e2e.server, LEAD, 'en-GB');
    const owner = await signedInPage(e2e.browser, e2e.server, OWNER, 'fr-FR');
    const ownerRow = (await findUserByEmail(p.db, OWNER.email))!;
    const leadRow = (await findUserByEmail(p.db, LEAD.email))!;
    const tenant = await buildTenant(p, { name: 'Lumière Crédit', owner: { id: ownerRow.id, email: OWNER.email, password: OWNER.password } });
    // The compliance lead administers the programme: adopting frameworks and the library are theirs to decide.
    await insertMembership(p.db, tenant.id, leadRow.id, 'admin');

    const page = lead.page;
    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}`);
    await page.getByRole('link', { name: 'Controls' }).first().click();
    await page.getByTestId('controls-table-empty').waitFor();
    await page.getByTestId('controls-library').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start from the ISO/IEC 42001 library' }).click();
    await expect.poll(() => page.getByTestId('controls-table').locator('tbody tr').count()).toBe(38);
    expect(await page.getByTestId('control-row-AIMS-A.6.2.4').textContent()).toContain('Pre-release testing of AI systems');
    expect(await page.getByTestId('framework-iso-iec-42001-2023').textContent()).toContain('ISO/IEC 42001');

    // Adopt the EU AI Act: the crosswalks now suggest its articles.
    await page.getByTestId('framework-choose').selectOption('eu-ai-act-2024');
    await page.getByTestId('framework-adopt').click();
    await page.getByTestId('framework-eu-ai-act-2024').waitFor();

    await page.getByTestId('control-open-AIMS-A.6.2.4').click();
    await page.getByTestId('control-status').waitFor();
    expect(await page.getByTestId('control-requirements').textContent()).toContain('From the starter library');
    await page.getByTestId('control-suggestion-eu-ai-act-2024-Art. 9').waitFor();
    expect(await page.getByTestId('control-suggestion-eu-ai-act-2024-Art. 9').textContent()).toContain('From iso-iec-42001-2023 A.6.2.4');
    await page.getByTestId('control-accept-eu-ai-act-2024-Art. 9').click();
    await page.getByTestId('control-requirement-eu-ai-act-2024-Art. 9').waitFor();
    expect(await page.getByTestId('control-requirement-eu-ai-act-2024-Art. 9').textContent()).toContain('Accepted from a crosswalk');
    expect(await page.getByTestId('control-suggestion-eu-ai-act-2024-Art. 9').count()).toBe(0);
    await expect.poll(() => page.getByTestId('control-history').textContent()).toContain('Camille Durand linked AIMS-A.6.2.4 to eu-ai-act-2024 Art. 9, accepting the crosswalk from iso-iec-42001-2023 A.6.2.4');

    // The lifecycle moves the status; the list filters by it, the filter lives in the address.
    await page.getByTestId('control-move-implemented').click();
    await expect.poll(() => page.getByTestId('control-status').textContent()).toBe('Implemented');
    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}/controls?status=implemented`);
    await expect.poll(() => page.getByTestId('controls-table').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('controls-filter-status').inputValue()).toBe('implemented');

    // In French, the owner reads the same list: statuses, frequencies and headings in French.
    const fr = owner.page;
    await fr.goto(`${e2e.server.baseUrl}/t/${tenant.id}/controls`);
    await expect.poll(() => fr.getByTestId('controls-table').locator('tbody tr').count()).toBe(38);
    const row = await fr.getByTestId('control-row-AIMS-A.6.2.4').textContent();
    expect(row).toContain('Mise en œuvre');
    expect(row).toContain('Sur événement');
    expect(await fr.getByTestId('control-row-AIMS-A.2.2').textContent()).toContain('Planifiée');
    expect(await fr.getByTestId('controls-table').locator('thead').textContent()).toContain('Responsable');
    await fr.getByTestId('control-open-AIMS-A.6.2.4').click();
    await expect.poll(() => fr.getByTestId('control-requirements').textContent()).toContain('Acceptée depuis une correspondance');
    await expect.poll(() => fr.getByTestId('control-history').textContent()).toContain('Camille Durand a lié AIMS-A.6.2.4 à eu-ai-act-2024 Art. 9');
    expect([...lead.errors, ...owner.errors]).toEqual([]);
  });
});
