import { expect, it } from 'vitest';
import { insertAiSystem } from '../../src/server/modules/ai-systems/ai-systems-repo.ts';
import { describeInChromium, leadAndOwner, useServerAndBrowser } from './support.ts';

const LEAD = { name: 'Camille Durand', email: 'camille.aims@lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'en' as const };
const OWNER = { name: 'Élise Martin', email: 'elise.aims@lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'fr' as const };

describeInChromium('management system in Chromium: the scope approved by someone else, an interested party, an AI objective met, read again in French', () => {
  const e2e = useServerAndBrowser();

  it('the compliance lead writes the scope and the owner approves it; the lead records a party and an objective with a result, then reads it all in French', async () => {
    const p = e2e.server.platform;
    const { lead, owner, tenant, ownerId } = await leadAndOwner(e2e, LEAD, OWNER);
    await insertAiSystem(p.db, tenant.id, { name: 'Credit scoring', lifecycle_stage: 'deployed', roles: ['provider', 'deployer'], in_aims_scope: true, created_by: ownerId });
    await insertAiSystem(p.db, tenant.id, { name: 'Marketing copy assistant', lifecycle_stage: 'deployed', roles: ['deployer'], in_aims_scope: false, created_by: ownerId });
    const base = `${e2e.server.baseUrl}/t/${tenant.id}/management-system`;

    // The lead finds the page in the navigation and writes the first version of the scope.
    const page = lead.page;
    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}`);
    await page.getByRole('link', { name: 'Management system' }).first().click();
    await page.getByTestId('scope-empty').waitFor();
    await page.getByTestId('scope-start').click();
    await page.getByTestId('scope-draft').waitFor();
    // Only the inventory's systems marked in the AIMS scope are listed.
    await expect.poll(() => page.getByTestId('scope-ai-systems').textContent()).toBe('Credit scoring');
    await page.getByTestId('scope-field-boundaries').fill('Consumer credit in France: the scoring of loan applications, from the Lyon head office.');
    await page.getByTestId('scope-field-applicability').fill('Lumière Crédit is provider and deployer of the credit-scoring model.');
    await page.getByTestId('scope-add-exclusion').click();
    // An exclusion without its reason is refused on the field, in words, before anything is sent.
    await page.getByTestId('scope-exclusion-0-item').fill('Marketing copy assistant');
    await page.getByTestId('scope-save').click();
    await expect.poll(() => page.getByTestId('scope-draft').getByText('Required.').count()).toBe(1);
    await page.getByTestId('scope-exclusion-0-reason').fill('A general-purpose writing aid that takes no decision about people.');
    await page.getByTestId('scope-save').click();
    await expect.poll(() => page.getByTestId('scope-save').isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('scope-versions').locator('tbody tr').count()).toBe(1);
    // A contributor writes the scope but does not approve it.
    expect(await page.getByTestId('scope-approve').count()).toBe(0);

    // The owner, in French, approves the version the lead wrote.
    const o = owner.page;
    await o.goto(base);
    await o.getByTestId('scope-draft').waitFor();
    expect(await o.getByTestId('scope-draft').textContent()).toContain('Consumer credit in France');
    await o.getByTestId('scope-approval-comment').fill('Revue en comité des risques du 26 novembre.');
    await o.getByTestId('scope-approve').click();
    await expect.poll(() => o.getByTestId('scope-approved-status').textContent()).toBe('Approuvée');
    expect(await o.getByTestId('scope-approved-approval').textContent()).toContain('Approuvée par Élise Martin le');
    expect(await o.getByTestId('scope-ai-systems').textContent()).toBe('Credit scoring');
    expect(await o.getByTestId('scope-draft').count()).toBe(0);

    // The lead records an interested party with one of its requirements.
    await page.goto(`${base}/parties`);
    await page.getByTestId('party-new').click();
    await page.getByTestId('party-name').fill('ACPR (French banking supervisor)');
    await page.getByTestId('party-category').selectOption('regulator');
    await page.getByTestId('party-add-need').click();
    await page.getByTestId('party-submit').click();
    await expect.poll(() => page.getByRole('form').getByText('Required.').count()).toBe(1);
    await page.getByTestId('party-need-0-description').fill('Explain every credit refusal to the applicant.');
    await page.getByTestId('party-need-0-how').fill('Adverse-action reasons produced by the scoring model and reviewed by an analyst.');
    await page.getByTestId('party-submit').click();
    const party = page.getByTestId('parties-table').locator('tbody tr', { hasText: 'ACPR (French banking supervisor)' });
    await party.waitFor();
    expect(await party.textContent()).toContain('Regulator');
    expect(await party.textContent()).toContain('Explain every credit refusal to the applicant.');
    expect(await party.textContent()).toContain('1 of 1');

    // An AI objective with a target, then a result that meets it.
    await page.getByTestId('records-tab-objectives').click();
    await page.getByTestId('objective-new').click();
    await page.getByTestId('objective-title').fill('Keep the approval-rate gap between groups small');
    await page.getByTestId('objective-measure').fill('Largest gap in approval rate between age groups, measured each quarter on the live portfolio.');
    await page.getByTestId('objective-direction').selectOption('at_most');
    await page.getByTestId('objective-target-value').fill('3');
    await page.getByTestId('objective-unit').fill('points');
    await page.getByTestId('objective-due').fill('2027-06-30');
    await page.getByTestId('objective-submit').click();
    await page.getByTestId('objective-detail').waitFor();
    expect(await page.getByTestId('objective-target').textContent()).toBe('At most 3 points by 30 June 2027');
    await page.getByTestId('result-date').fill('2026-10-31');
    await page.getByTestId('result-value').fill('2.4');
    await page.getByTestId('result-comment').fill('Third-quarter review.');
    await page.getByTestId('result-submit').click();
    await expect.poll(() => page.getByTestId('objective-results').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('objective-results').textContent()).toContain('31 October 2026');
    expect(await page.getByTestId('objective-detail').getByTestId('objective-met').first().textContent()).toBe('Met');
    const objective = page.getByTestId('objectives-table').locator('tbody tr', { hasText: 'Keep the approval-rate gap' });
    await expect.poll(() => objective.textContent()).toContain('2.4 points — 31 October 2026');

    // The lead switches to French: the approved scope and the records, in French.
    await page.getByTestId('language-switch').getByText('FR').click();
    await page.getByTestId('records-tab-scope').click();
    await expect.poll(() => page.getByTestId('scope-approved-status').textContent()).toBe('Approuvée');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Système de management');
    expect(await page.getByTestId('scope-approved').textContent()).toContain('Périmètre en vigueur — version 1');
    expect(await page.getByTestId('scope-approved-approval').textContent()).toMatch(/Approuvée par Élise Martin le \d{1,2} \S+ \d{4} — Revue en comité des risques du 26 novembre\./);
    expect(await page.getByTestId('records-tab-parties').textContent()).toBe('Parties intéressées');
    await page.getByTestId('records-tab-objectives').click();
    await expect.poll(() => page.getByTestId('objectives-table').locator('tbody tr').first().textContent()).toContain('2,4 points — 31 octobre 2026');
    expect(await page.getByTestId('objectives-table').textContent()).toContain('Au plus 3 points d’ici le 30 juin 2027');
    expect(await page.getByTestId('objectives-table').textContent()).toContain('Atteinte');

    expect(lead.errors).toEqual([]);
    expect(owner.errors).toEqual([]);
  });
});
