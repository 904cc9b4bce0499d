import { expect, it } from 'vitest';
import { describeInChromium, leadAndOwner, useServerAndBrowser } from './support.ts';

const LEAD = { name: 'Camille Durand', email: 'camille.durand@lumiere-pret.example', password: 'Lumiere-credit-2026-ok', locale: 'en' as const };
const OWNER = { name: 'Élise Martin', email: 'elise.martin@lumiere-pret.example', password: 'Lumiere-credit-2026-ok', locale: 'fr' as const };

describeInChromium('readiness in Chromium: a requirement goes from missing to covered, and stage 1 blockers are named', () => {
  const e2e = useServerAndBrowser();

  it('the compliance lead links a control and uploads its evidence; 6.1.2 turns covered; the owner reads the page in French', async () => {
    const { lead, owner, tenant } = await leadAndOwner(e2e, LEAD, OWNER);
    const page = lead.page;
    const base = `${e2e.server.baseUrl}/t/${tenant.id}`;
    const status = (ref: string) => page.getByTestId(`readiness-row-${ref}`).locator('[data-status]').getAttribute('data-status');

    await page.goto(base);
    await page.getByTestId('nav-readiness').click();
    await page.getByTestId('readiness-table').waitFor();
    expect(await status('6.1.2')).toBe('missing');
    expect(await page.getByTestId('readiness-blocker-soa_not_approved').textContent()).toBe('No Statement of Applicability is approved yet.');
    expect(await page.getByTestId('readiness-blockers').textContent()).toContain('Missing mandatory documented information: AI policy (5.2)');

    // A control for the risk assessment, through the API the pages use.
    await page.evaluate(async (url) => {
      const csrf = document.cookie.match(/attest_csrf=([^;]+)/)?.[1] ?? '';
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ reference: 'RM-01', title: 'Monthly AI risk assessment', frequency: 'monthly', status: 'operating', requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '6.1.2' }] }) });
      if (res.status !== 201) throw new Error(await res.text());
    }, `/api/tenants/${tenant.id}/controls`);
    await page.reload();
    await page.getByTestId('readiness-table').waitFor();
    expect(await status('6.1.2')).toBe('partial');
    await page.getByTestId('readiness-row-6.1.2').click();
    expect(await page.getByTestId('readiness-details-6.1.2').textContent()).toContain('Controls: 1 operating, 0 implemented, 0 planned');

    // Its evidence, uploaded on the evidence page as a person would.
    await page.getByTestId('nav-evidence').click();
    await page.getByTestId('evidence-new').click();
    await page.getByTestId('evidence-title').fill('November risk assessment minutes');
    await page.getByTestId('evidence-effective-date').fill(new Date().toISOString().slice(0, 10));
    await page.getByTestId('evidence-control-RM-01').check();
    await page.getByTestId('evidence-file').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'risk-minutes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 risk assessment minutes') });
    await page.getByTestId('evidence-submit').click();
    await page.getByTestId('evidence-detail-status').waitFor();

    await page.getByTestId('nav-readiness').click();
    await page.getByTestId('readiness-table').waitFor();
    await expect.poll(() => status('6.1.2')).toBe('covered');
    expect(await page.getByTestId('readiness-count-covered').textContent()).toBe('Covered · 1');

    // The owner reads the same page in French.
    const fr = owner.page;
    await fr.goto(`${base}/readiness`);
    await fr.getByTestId('readiness-table').waitFor();
    expect(await fr.getByTestId('readiness-row-6.1.2').textContent()).toContain('Couverte');
    expect(await fr.getByTestId('readiness-blocker-soa_not_approved').textContent()).toBe('Aucune déclaration d’applicabilité n’est encore approuvée.');
    expect([...lead.errors, ...owner.errors]).toEqual([]);
  });
});
