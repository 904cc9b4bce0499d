import { expect, it } from 'vitest';
import { buildControl } from '../support/evidence.ts';
import { describeInChromium, leadAndOwner, useServerAndBrowser } from './support.ts';

const LEAD = { name: 'Camille Durand', email: 'camille.durand@lumiere-preuves.example', password: 'Lumiere-credit-2026-ok', locale: 'en' as const };
const OWNER = { name: 'Élise Martin', email: 'elise.martin@lumiere-preuves.example', password: 'Lumiere-credit-2026-ok', locale: 'fr' as const };

/** A calendar day `days` before today, as the date input takes it. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describeInChromium('evidence in Chromium: a contributor uploads a file for a control, a late upload is flagged, the owner reads it in French', () => {
  const e2e = useServerAndBrowser();

  it('uploads a file as evidence for a control, sees it listed; a late one shows « not contemporaneous »; the French owner reads French', async () => {
    const { lead, owner, tenant } = await leadAndOwner(e2e, LEAD, OWNER);
    const control = await buildControl(e2e.server.platform, tenant.id, { reference: 'OPS-7', title: 'Nightly backup restore test' });
    const page = lead.page;

    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}`);
    await page.getByTestId('nav-evidence').click();
    await page.getByTestId('evidence-new').click();
    await page.getByTestId('evidence-title').fill('Restore report, 2 days ago');
    await page.getByTestId('evidence-effective-date').fill(daysAgo(2));
    await page.getByTestId('evidence-control-OPS-7').check();
    await page.getByTestId('evidence-file').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'restore-report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 restore test passed') });
    await page.getByTestId('evidence-submit').click();
    await page.getByTestId('evidence-detail-status').waitFor();
    expect(await page.getByTestId('evidence-detail-status').textContent()).toBe('Submitted');
    expect(await page.getByTestId('evidence-detail-late').count()).toBe(0);
    expect(await page.getByTestId('evidence-controls-value').textContent()).toContain('OPS-7');
    const firstId = page.url().split('/').at(-1)!;

    // Forty days after the control operated: beyond the 30-day window.
    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}/evidence/new`);
    await page.getByTestId('evidence-title').fill('Restore report, 40 days ago');
    await page.getByTestId('evidence-effective-date').fill(daysAgo(40));
    await page.getByTestId('evidence-control-OPS-7').check();
    await page.getByTestId('evidence-file').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'old-report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 old run') });
    await page.getByTestId('evidence-submit').click();
    await page.getByTestId('evidence-detail-late').waitFor();
    expect(await page.getByTestId('evidence-late-explained').textContent()).toContain('40 days after its effective date');
    const lateId = page.url().split('/').at(-1)!;

    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}/evidence`);
    await page.getByTestId(`evidence-row-${firstId}`).waitFor();
    expect(await page.getByTestId(`evidence-row-${lateId}-late`).textContent()).toBe('Not contemporaneous');
    expect(await page.getByTestId(`evidence-row-${firstId}-late`).count()).toBe(0);
    await page.getByTestId('evidence-filter-late').check();
    await expect.poll(() => page.getByTestId(`evidence-row-${firstId}`).count()).toBe(0);
    expect(await page.getByTestId(`evidence-row-${lateId}`).count()).toBe(1);
    await page.getByTestId('evidence-filter-late').uncheck();
    await page.getByTestId('evidence-filter-control').selectOption(control.id);
    await expect.poll(() => page.getByTestId(`evidence-row-${firstId}`).count()).toBe(1);

    // The owner, in French, reads the flag and the dates in French and accepts the first one.
    const o = owner.page;
    await o.goto(`${e2e.server.baseUrl}/t/${tenant.id}/evidence`);
    await o.getByTestId(`evidence-row-${lateId}`).waitFor();
    expect(await o.getByTestId(`evidence-row-${lateId}-late`).textContent()).toBe('Non contemporaine');
    expect(await o.getByTestId(`evidence-row-${firstId}-status`).textContent()).toBe('Soumise');
    await o.getByTestId(`evidence-open-${lateId}`).click();
    expect(await o.getByTestId('evidence-late-explained').textContent()).toContain('Reçue 40 jours après sa date d’effet');
    await o.goto(`${e2e.server.baseUrl}/t/${tenant.id}/evidence/${firstId}`);
    await o.getByTestId('evidence-accept').click();
    await expect.poll(() => o.getByTestId('evidence-detail-status').textContent()).toBe('Acceptée');
    await expect.poll(() => o.getByTestId('evidence-history').textContent()).toContain('a accepté la preuve');
    expect(lead.errors).toEqual([]);
    expect(owner.errors).toEqual([]);
  });
});
