import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { describeInChromium, leadAndOwner, useServerAndBrowser } from './support.ts';

const LEAD = { name: 'Camille Durand', email: 'camille.durand@soa.lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'en' as const };
const OWNER = { name: 'Élise Martin', email: 'elise.martin@soa.lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'fr' as const };

describeInChromium('Statement of Applicability in Chromium: drafted and submitted by the compliance lead, approved by the owner in French, downloaded as XLSX', () => {
  const e2e = useServerAndBrowser();

  it('the lead decides A.2.2 in the dialog, submits; the owner approves in French; the lead downloads version 1 as XLSX with the 38 Annex A refs', async () => {
    const p = e2e.server.platform;
    const { lead, owner, tenant } = await leadAndOwner(e2e, LEAD, OWNER);
    const page = lead.page;
    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}/soa`);
    expect(await page.getByTestId('soa-in-force').textContent()).toBe('No approved version yet.');
    await page.getByTestId('soa-start-blank').click();
    await page.getByTestId('soa-entries').waitFor();
    expect(await page.getByTestId('soa-status').textContent()).toBe('Draft');
    expect(await page.getByTestId('soa-progress').textContent()).toBe('0 of 38 decided, 0 applicable');

    // One decision through the dialog.
    await page.getByTestId('soa-edit-A.2.2').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Applicable', { exact: true }).click();
    await dialog.getByTestId('soa-edit-justification').fill('Our AI policy governs every credit-scoring model.');
    await dialog.getByTestId('soa-edit-status').click();
    await page.getByRole('option', { name: 'Implemented' }).click();
    await dialog.getByTestId('soa-edit-save').click();
    await expect.poll(() => page.getByTestId('soa-entry-A.2.2').textContent()).toContain('Implemented');
    expect(await page.getByTestId('soa-progress').textContent()).toBe('1 of 38 decided, 1 applicable');

    // Submitting with 37 undecided controls says so.
    await page.getByTestId('soa-submit').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Submit for approval' }).click();
    await expect.poll(() => page.getByText('37 controls are not ready').count()).toBe(1);
    expect(await page.getByTestId('soa-incomplete-refs').textContent()).toMatch(/^A\.2\.3, A\.2\.4, /);

    // The other 37 decisions are written directly: the dialog is the same for each.
    await p.db
      .updateTable('soa_entries')
      .set({ applicable: true, justification: 'Applies to our credit-scoring models.', implementation_status: 'in_progress' })
      .where('tenant_id', '=', tenant.id)
      .where('applicable', 'is', null)
      .execute();
    await page.reload();
    await expect.poll(() => page.getByTestId('soa-progress').textContent()).toBe('38 of 38 decided, 38 applicable');
    await page.getByTestId('soa-submit').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Submit for approval' }).click();
    await expect.poll(() => page.getByTestId('soa-status').textContent()).toBe('In review');
    // The lead drafted it and is a contributor: no approve button.
    expect(await page.getByTestId('soa-approve').count()).toBe(0);

    // The owner approves it, in French.
    const o = owner.page;
    await o.goto(`${e2e.server.baseUrl}/t/${tenant.id}/soa`);
    await o.getByTestId('soa-entries').waitFor();
    expect(await o.getByRole('heading', { level: 1 }).textContent()).toBe('Déclaration d’applicabilité');
    expect(await o.getByTestId('soa-status').textContent()).toBe('En revue');
    expect(await o.getByTestId('soa-entries').locator('thead').textContent()).toContain('Mesure de l’annexe A');
    await o.getByTestId('soa-approve').click();
    await o.getByRole('dialog').getByRole('button', { name: 'Approuver' }).click();
    await expect.poll(() => o.getByTestId('soa-status').textContent()).toBe('Approuvée');
    expect(await o.getByTestId('soa-version-title').textContent()).toBe('Version 1');
    await expect.poll(() => o.getByTestId('soa-in-force').textContent()).toMatch(/^En vigueur\u00a0: version 1, approuvée le \d{1,2}(er)? \p{L}+ \d{4} par Élise Martin$/u);

    // The lead downloads version 1 as XLSX, in English.
    await page.reload();
    await expect.poll(() => page.getByTestId('soa-status').textContent()).toBe('Approved');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('soa-download-xlsx-en').click()]);
    expect(download.suggestedFilename()).toBe('SoA-v1-en.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const refs = (wb.worksheets[1]!.getColumn(1).values.slice(2) as string[]).filter(Boolean);
    expect(refs).toHaveLength(38);
    expect(refs[0]).toBe('A.2.2');
    expect(refs).toContain('A.10.4');
    expect(wb.worksheets[1]!.getCell('D2').value).toBe('Our AI policy governs every credit-scoring model.');
    expect(lead.errors).toEqual([]);
    expect(owner.errors).toEqual([]);
  });
});
