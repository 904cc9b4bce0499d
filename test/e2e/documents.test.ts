import { expect, it } from 'vitest';
import { describeInChromium, leadAndOwner, useServerAndBrowser } from './support.ts';

const LEAD = { name: 'Camille Durand', email: 'camille.durand@lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'en' as const };
const OWNER = { name: 'Élise Martin', email: 'elise.martin@lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'fr' as const };

describeInChromium('documents in Chromium: the AI policy written, submitted, approved and published by someone else; the checklist says so', () => {
  const e2e = useServerAndBrowser();

  it('the compliance lead writes the AI policy and submits it; the owner approves and publishes it in French; the checklist shows it current', async () => {
    const { lead, owner, tenant } = await leadAndOwner(e2e, LEAD, OWNER);
    const base = `${e2e.server.baseUrl}/t/${tenant.id}/documents`;

    // Before: the AI policy is missing from the mandatory documented information.
    const page = lead.page;
    await page.goto(`${base}/mandatory`);
    await expect.poll(() => page.getByTestId('checklist-state-ai-policy-5.2').textContent()).toBe('Missing');

    await page.goto(base);
    await page.getByTestId('documents-new').click();
    await page.getByTestId('document-title').fill('AI policy');
    await page.getByTestId('document-type').selectOption('policy');
    await page.getByTestId('document-kind').selectOption('maintained');
    await page.getByTestId('document-mandatory').selectOption('ai-policy-5.2');
    await page.getByTestId('document-review').fill('2027-11-30');
    // Markup in the text stays text: it is never rendered as HTML.
    await page.getByTestId('document-text').fill('# AI policy\n\nLumière Crédit keeps a person accountable for every AI-assisted decision. <img src=x onerror="window.__pwned=1">');
    await page.getByTestId('document-create').click();
    await page.getByTestId('version-1').waitFor();
    await expect.poll(() => page.getByTestId('version-text-1').textContent()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.getByTestId('version-submit-1').click();
    await expect.poll(() => page.getByTestId('version-1').getByText('In review', { exact: true }).count()).toBe(1);
    // The lead may not approve: no button is offered.
    expect(await page.getByTestId('version-approve-1').count()).toBe(0);
    const sha = (await page.getByTestId('version-sha-1').textContent())!.trim();
    expect(sha).toMatch(/^[0-9a-f]{64}$/);

    // The owner, in French, approves and publishes.
    const o = owner.page;
    await o.goto(base);
    await o.getByRole('link', { name: 'AI policy' }).click();
    await o.getByTestId('version-approve-1').click();
    await expect.poll(() => o.getByTestId('version-1').getByText('Approuvée', { exact: true }).count()).toBe(1);
    const approvals = o.getByTestId('version-approvals-1');
    expect(await approvals.textContent()).toContain('Élise Martin');
    expect(await approvals.textContent()).toContain(sha.slice(0, 16));
    await o.getByTestId('version-publish-1').click();
    await expect.poll(() => o.getByTestId('document-published').textContent()).toBe('1');
    expect(await o.getByTestId('document-next-review').textContent()).toBe('30 novembre 2027');

    // The checklist: current for the lead in English, « À jour » for the owner in French.
    await page.goto(`${base}/mandatory`);
    await expect.poll(() => page.getByTestId('checklist-state-ai-policy-5.2').textContent()).toBe('Current');
    expect(await page.getByTestId('checklist-ai-policy-5.2').textContent()).toContain('AI policy');
    await o.goto(`${base}/mandatory`);
    await expect.poll(() => o.getByTestId('checklist-state-ai-policy-5.2').textContent()).toBe('À jour');
    expect(await o.getByTestId('checklist-ai-policy-5.2').textContent()).toContain('Politique IA');
    expect(await o.getByRole('heading', { level: 1 }).textContent()).toBe('Informations documentées obligatoires');
    expect(lead.errors).toEqual([]);
    expect(owner.errors).toEqual([]);
  });
});
