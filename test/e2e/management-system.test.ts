import { expect, it } from 'vitest';
import { insertAiSystem } from '../../src/server/modules/ai-systems/ai-systems-repo.ts';
import { describeInChromium, leadAndOwner, useServerAndBrowser } from './support.ts';

const LEAD = { name: 'Camille Durand', email: 'camille.aims@lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'en' as const };
const OWNER = { name: 'Élise Martin', email: 'elise.aims@lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'fr' as const };

describeInChromium('management system in Chromium: the scope approved by someone else, an interested party, an AI objective met, read again in French', () => {
  const e2e = useServerAndBrowser();

  it('the compliance lead writes the scope and the owner approves it; the lead records a party, an objective with a result and a competence with its certificate, revises the scope, then reads it all in French', async () => {
    const p = e2e.server.platform;
    const { lead, owner, tenant, ownerId, leadId } = await leadAndOwner(e2e, LEAD, OWNER);
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
    await expect.poll(() => page.getByTestId('scope-versions').textContent()).toContain('Version 1');
    expect(await page.getByTestId('scope-versions').locator('tbody tr').count()).toBe(1);
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
    // Its history says who recorded it, worded like the audit log.
    await party.getByRole('button', { name: 'History' }).click();
    await expect.poll(() => page.getByTestId('party-history').textContent()).toContain('Camille Durand recorded the interested party “ACPR (French banking supervisor)”');

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
    // The empty table is a row too: wait for the result itself.
    await expect.poll(() => page.getByTestId('objective-results').textContent()).toContain('31 October 2026');
    expect(await page.getByTestId('objective-results').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('objective-detail').getByTestId('objective-met').first().textContent()).toBe('Met');
    const objective = page.getByTestId('objectives-table').locator('tbody tr', { hasText: 'Keep the approval-rate gap' });
    await expect.poll(() => objective.textContent()).toContain('2.4 points — 31 October 2026');
    await expect.poll(() => page.getByTestId('objective-history').textContent()).toContain('Camille Durand recorded a result of 2.4 points for “Keep the approval-rate gap between groups small” measured on 31 October 2026: target met');

    // Competence, with the training certificate attached as a file.
    await page.getByTestId('records-tab-competence').click();
    await page.getByTestId('competence-new').click();
    await page.getByTestId('competence-person').selectOption(leadId);
    await page.getByTestId('competence-role').fill('AIMS compliance lead');
    await page.getByTestId('competence-required').fill('ISO/IEC 42001 lead implementer training; knowledge of the EU AI Act obligations of deployers.');
    await page.getByTestId('competence-evidence').fill('Lead implementer course, five days, passed.');
    await page.getByTestId('competence-file').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'lead-implementer-certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 certificate of Camille Durand') });
    await page.getByTestId('competence-achieved').fill('2026-03-12');
    await page.getByTestId('competence-renewal').fill('2029-03-12');
    await page.getByTestId('competence-ack').fill('2026-04-01');
    await page.getByTestId('competence-submit').click();
    const competence = page.getByTestId('competence-table').locator('tbody tr', { hasText: 'AIMS compliance lead' });
    await competence.waitFor();
    expect(await competence.textContent()).toContain('12 March 2029');
    const link = competence.getByTestId('competence-file-link');
    expect(await link.textContent()).toContain('lead-implementer-certificate.pdf');
    const href = (await link.getAttribute('href'))!;
    expect(await page.evaluate((url) => fetch(url).then((r) => r.text()), href)).toBe('%PDF-1.4 certificate of Camille Durand');

    // A new version of the scope: the lead revises it, the owner approves it, version 1 is superseded.
    await page.getByTestId('records-tab-scope').click();
    await page.getByTestId('scope-revise').click();
    await page.getByTestId('scope-draft').waitFor();
    expect(await page.getByTestId('scope-field-boundaries').inputValue()).toContain('Consumer credit in France');
    await page.getByTestId('scope-field-boundaries').fill('Consumer credit in France and Belgium: the scoring of loan applications, from the Lyon head office.');
    await page.getByTestId('scope-save').click();
    await expect.poll(() => page.getByTestId('scope-save').isDisabled()).toBe(true);
    await o.goto(base);
    await o.getByTestId('scope-approve').click();
    await expect.poll(() => o.getByTestId('scope-approved').textContent()).toContain('version 2');

    // The lead switches to French: the approved scope and the records, in French.
    await page.goto(base);
    await expect.poll(() => page.getByTestId('scope-approved').textContent()).toContain('Scope in force — version 2');
    await page.getByTestId('language-switch').getByText('FR').click();
    await expect.poll(() => page.getByTestId('scope-approved').textContent()).toContain('Périmètre en vigueur — version 2');
    expect(await page.getByTestId('scope-approved-status').textContent()).toBe('Approuvée');
    expect(await page.getByTestId('scope-approved').textContent()).toContain('France and Belgium');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Système de management');
    expect(await page.getByTestId('scope-approved-approval').textContent()).toMatch(/^Approuvée par Élise Martin le \d{1,2} \S+ \d{4}$/);
    // Version 1, superseded, keeps its own text, its approval and the AI systems as approved.
    await page.getByTestId('scope-open-1').click();
    await expect.poll(() => page.getByTestId('scope-opened-status').textContent()).toBe('Remplacée');
    expect(await page.getByTestId('scope-opened').textContent()).not.toContain('Belgium');
    expect(await page.getByTestId('scope-opened').textContent()).toContain('Systèmes d’IA dans le périmètre à l’approbation');
    expect(await page.getByTestId('scope-opened-approval').textContent()).toMatch(/Approuvée par Élise Martin le \d{1,2} \S+ \d{4} — Revue en comité des risques du 26 novembre\./);
    expect(page.url()).toContain('version=1');
    expect(await page.getByTestId('records-tab-parties').textContent()).toBe('Parties intéressées');
    await page.getByTestId('records-tab-objectives').click();
    await expect.poll(() => page.getByTestId('objectives-table').textContent()).toContain('2,4 points — 31 octobre 2026');
    expect(await page.getByTestId('objectives-table').textContent()).toContain('Au plus 3 points d’ici le 30 juin 2027');
    expect(await page.getByTestId('objectives-table').textContent()).toContain('Atteinte');

    expect(lead.errors).toEqual([]);
    expect(owner.errors).toEqual([]);
    // Four record types and two approvals in one flow: longer than the project's default per-test budget.
  }, 180_000);
});
