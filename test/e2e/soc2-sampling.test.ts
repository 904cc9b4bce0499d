import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { buildTenant } from '../support/factories.ts';
import { buildCpaFirm, changeTicketsCsv, createSoc2Fieldwork, createSoc2Population } from '../support/soc2-factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser, type TE2eUser } from './support.ts';

const AUDITOR = { name: 'Hélène Dubois', email: 'helene.dubois@lafayette-sampling.example', password: 'Lafayette-sampling-2026-ok', locale: 'fr' as const };
const MANAGER = { name: 'Daniel Okafor', email: 'daniel.okafor@lafayette-sampling.example', password: 'Lafayette-manager-2026-ok', locale: 'en' as const };
const WHOLE = { name: 'Inès Marchand', email: 'ines.marchand@lafayette-sampling.example', password: 'Lafayette-whole-2026-ok', locale: 'fr' as const };
const COUNTS = { name: 'Lucas Bernard', email: 'lucas.bernard@lafayette-sampling.example', password: 'Lafayette-counts-2026-ok', locale: 'fr' as const };
const SHEETS = { name: 'Julie Moreau', email: 'julie.moreau@lafayette-sampling.example', password: 'Lafayette-sheets-2026-ok', locale: 'en' as const };
const NB = '\u00a0';

describeInChromium('SOC 2 in Chromium: the firm’s auditor samples and tests a control, in French', () => {
  const e2e = useServerAndBrowser();

  /** An auditor of a new CPA firm, signed in, and that firm's examination in fieldwork with one test. */
  async function auditorInFieldwork(user: TE2eUser, browserLocale: string, firmName: string) {
    const p = e2e.server.platform;
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, user, browserLocale);
    const auditor = (await findUserByEmail(p.db, user.email))!;
    const firm = await buildCpaFirm(p, { name: firmName });
    await insertMembership(p.db, firm.id, auditor.id, 'auditor');
    const w = await createSoc2Fieldwork(p, { firm, organization: await buildTenant(p, { name: 'Banque Orée' }) });
    return { p, page, errors, w, fieldworkUrl: `${e2e.server.baseUrl}/t/${firm.id}/soc2-examinations/${w.examination.id}/fieldwork` };
  }

  it('uploads a population (a refused file first), draws with a seed, re-draws it (same seed: same items; another: others), records results with one exception, extends the sample and adds an item by judgment, concludes; a manager reads it in English', { timeout: 360_000 }, async () => {
    const p = e2e.server.platform;
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, AUDITOR, 'fr-FR');
    const auditor = (await findUserByEmail(p.db, AUDITOR.email))!;
    const firm = await buildCpaFirm(p, { name: 'Cabinet Lafayette CPA' });
    await insertMembership(p.db, firm.id, auditor.id, 'auditor');
    const organization = await buildTenant(p, { name: 'Lumière Crédit' });
    // A weekly change-approval control at lower risk: the conventional table asks for 5 items.
    const w = await createSoc2Fieldwork(p, { firm, organization, frequency: 'weekly', risk: 'lower' });

    await page.goto(`${e2e.server.baseUrl}/t/${firm.id}/soc2-examinations/${w.examination.id}/tests`);
    await page.getByTestId('soc2-tab-fieldwork').click();
    await page.getByTestId('soc2-population-upload').waitFor();

    // A file with a row outside the period (1 January – 30 June 2026) is refused whole, the row named in French.
    const bad = 'ticket,deployed_on,title\nCHG-1,2026-01-05,Change 1\nCHG-2,2025-12-01,Change 2\n';
    const fill = async (name: string, csv: string) => {
      await page.getByTestId('soc2-population-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByTestId('soc2-population-name-input').fill('Tickets de changement');
      await page.getByTestId('soc2-population-key').fill('ticket');
      await page.getByTestId('soc2-population-date').fill('deployed_on');
      await page.getByTestId('soc2-population-text').fill('title');
      await page.getByTestId('soc2-population-submit').click();
    };
    await fill('changements-faux.csv', bad);
    const refused = page.getByTestId('soc2-population-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain(`Le fichier est refusé${NB}: 1 ligne est fausse`);
    expect(await page.getByTestId('soc2-population-refused-row-3').textContent()).toBe(`Ligne 3${NB}: le 2025-12-01 est hors de la période.`);

    // The good file: frozen with its SHA-256 and row count, then the completeness check is recorded.
    const csv = changeTicketsCsv(26, '2026-01-01', 180);
    await fill('changements.csv', csv);
    await page.getByTestId('soc2-population-sha256').waitFor();
    expect(await page.getByTestId('soc2-population-sha256').textContent()).toBe(createHash('sha256').update(csv).digest('hex'));
    expect(await page.getByTestId('soc2-population-rows').textContent()).toBe('26');
    expect(await page.getByTestId('soc2-population-checks').textContent()).toContain(`Contrôle d’exhaustivité réussi${NB}: 26 lignes`);
    await page.getByTestId('soc2-population-completeness-text').fill('Nombre de tickets rapproché du rapport de l’outil de gestion des changements (26 au 30 juin 2026).');
    await page.getByTestId('soc2-population-completeness-save').click();

    // Draw: a random seed is proposed; a new one replaces it; the auditor types their own.
    const seed = page.getByTestId('soc2-draw-seed');
    await seed.waitFor();
    const proposed = await seed.inputValue();
    expect(proposed).toMatch(/^[0-9a-f]{32}$/);
    await page.getByTestId('soc2-draw-new-seed').click();
    expect(await seed.inputValue()).not.toBe(proposed);
    await seed.fill('lafayette-2026');
    await page.getByTestId('soc2-draw-submit').click();
    const sample = page.getByTestId('soc2-sample-0');
    await sample.waitFor();
    expect(await sample.getByTestId('soc2-sample-seed').textContent()).toBe('lafayette-2026');
    expect(await sample.getByTestId('soc2-sample-algorithm').textContent()).toBe('attest-stratified-v1');
    expect(await sample.getByTestId('soc2-sample-size').textContent()).toBe('5');
    expect(await sample.getByTestId('soc2-sample-size-trace').textContent()).toBe(`Table conventionnelle attest-soc2-conventional-v1${NB}: Hebdomadaire, Risque faible → 5 éléments.`);

    // Re-draw check: the recorded seed gives the same items; another seed gives others.
    const result = sample.getByTestId('soc2-redraw-result');
    await page.getByTestId('soc2-redraw-run').click();
    await expect.poll(() => result.getAttribute('data-identical'), { timeout: 30_000 }).toBe('true');
    expect(await page.getByTestId('soc2-redraw-verdict').textContent()).toBe('Mêmes éléments');
    expect(await page.getByTestId('soc2-redraw-explanation').textContent()).toBe('La graine enregistrée lafayette-2026 tire exactement les éléments enregistrés.');
    await page.getByTestId('soc2-redraw-seed').fill('une-autre-graine');
    await page.getByTestId('soc2-redraw-run').click();
    await expect.poll(() => result.getAttribute('data-identical'), { timeout: 30_000 }).toBe('false');
    expect(await result.getAttribute('data-recorded-seed')).toBe('false');
    expect(await page.getByTestId('soc2-redraw-verdict').textContent()).toBe('Éléments différents');

    // Results: the first item is an exception (with a note), the others have none.
    const rows = sample.locator('[data-testid^="soc2-item-CHG-"]');
    await rows.first().waitFor();
    const keys = (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('soc2-item-', '')))).filter((k) => !k.startsWith('form-'));
    expect(keys).toHaveLength(5);
    for (const [n, key] of keys.entries()) {
      await page.getByTestId(`soc2-item-edit-${key}`).click();
      const form = page.getByTestId(`soc2-item-form-${key}`);
      if (n === 0) {
        await form.getByTestId('soc2-item-form-result-exception').check();
        await form.getByTestId('soc2-item-form-notes').fill('Déployé sans approbation préalable du responsable du changement.');
      }
      await form.getByTestId('soc2-item-form-save').click();
      await expect.poll(() => page.getByTestId(`soc2-item-${key}`).getAttribute('data-result'), { timeout: 30_000 }).toBe(n === 0 ? 'exception' : 'no_exception');
    }
    expect(await page.getByTestId(`soc2-item-result-${keys[0]}`).textContent()).toBe('Exception');
    await expect.poll(() => page.getByTestId('soc2-work-pending').textContent(), { timeout: 30_000 }).toBe('0');
    expect(await page.getByTestId('soc2-work-exceptions').textContent()).toBe('1');
    expect(await page.getByTestId('soc2-work-deviation-rate').textContent()).toBe(`20${NB}%`);
    // After an exception the sample is extended by one row not yet sampled, and the auditor adds row 2 (CHG-00001) by judgment.
    await page.getByTestId('soc2-extend-size').fill('1');
    await page.getByTestId('soc2-extend-submit').click();
    const extension = page.getByTestId('soc2-sample-1');
    await extension.waitFor();
    expect(await extension.getByTestId('soc2-sample-seed').textContent()).toBe('lafayette-2026');
    expect(await extension.getByTestId('soc2-sample-size-trace').textContent()).toBe(`Extension après une exception${NB}: 1 élément demandé.`);
    const added = (await extension.locator('[data-testid^="soc2-item-CHG-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('soc2-item-', ''))));
    expect(added).toHaveLength(1);
    expect(keys).not.toContain(added[0]);
    const judged = keys.includes('CHG-00001') || added.includes('CHG-00001') ? null : 'CHG-00001';
    if (judged) {
      await sample.getByTestId('soc2-judgmental-open').click();
      await sample.getByTestId('soc2-judgmental-row').fill('2');
      await sample.getByTestId('soc2-judgmental-reason').fill('Premier changement de la période, déployé pendant la migration.');
      await sample.getByTestId('soc2-judgmental-submit').click();
      await sample.getByTestId(`soc2-item-${judged}`).waitFor();
      expect(await sample.getByTestId(`soc2-item-${judged}`).textContent()).toContain('Sur jugement');
    }
    for (const key of [...added, ...(judged ? [judged] : [])]) {
      await page.getByTestId(`soc2-item-edit-${key}`).click();
      await page.getByTestId(`soc2-item-form-${key}`).getByTestId('soc2-item-form-save').click();
      await expect.poll(() => page.getByTestId(`soc2-item-${key}`).getAttribute('data-result'), { timeout: 30_000 }).toBe('no_exception');
    }
    await expect.poll(() => page.getByTestId('soc2-work-pending').textContent(), { timeout: 30_000 }).toBe('0');

    // The test is concluded with an exception (the default once an item is one).
    expect(await page.getByTestId('soc2-work-conclusion-select').inputValue()).toBe('exception');
    await page.getByTestId('soc2-work-conclusion-notes').fill('Un changement sur cinq déployé sans approbation : exception communiquée à la direction.');
    await page.getByTestId('soc2-work-conclude').click();
    await expect.poll(() => page.getByTestId('soc2-work-conclusion').getAttribute('data-conclusion'), { timeout: 30_000 }).toBe('exception');
    expect(await page.getByTestId('soc2-work-conclusion-value').textContent()).toBe('Exception');
    // Concluded: no more result buttons, no draw or extension.
    expect(await page.getByTestId(`soc2-item-edit-${keys[1]}`).count()).toBe(0);
    expect(await page.getByTestId('soc2-extend').count()).toBe(0);
    expect(await page.getByTestId('soc2-coverage').textContent()).toContain('Couverture de la période');
    expect(errors).toEqual([]);

    // One check in English: the scheme manager reads the concluded test and re-draws it.
    const { page: en, errors: enErrors } = await signedInPage(e2e.browser, e2e.server, MANAGER, 'en-GB');
    const manager = (await findUserByEmail(p.db, MANAGER.email))!;
    await insertMembership(p.db, firm.id, manager.id, 'scheme_manager');
    await en.goto(`${e2e.server.baseUrl}/t/${firm.id}/soc2-examinations/${w.examination.id}/fieldwork`);
    await en.getByTestId('soc2-work-conclusion-value').waitFor();
    expect(await en.getByTestId('soc2-work-conclusion-value').textContent()).toBe('Exception');
    // One exception over the 5 drawn items, the extension's one and the judgmental one (when not already drawn).
    const tested = 6 + (judged ? 1 : 0);
    expect(await en.getByTestId('soc2-work-deviation-rate').textContent()).toBe(`${Math.round(1000 / tested) / 10}%`);
    const first = en.getByTestId('soc2-sample-0');
    await first.getByTestId('soc2-redraw-run').click();
    await expect.poll(() => first.getByTestId('soc2-redraw-verdict').textContent(), { timeout: 30_000 }).toBe('Same items');
    expect(await en.getByTestId('soc2-sample-1').getByTestId('soc2-sample-size-trace').textContent()).toBe('Extension after an exception: 1 item requested.');
    expect(await en.getByTestId('soc2-work-test').inputValue()).toBe(w.test.id);
    expect(enErrors).toEqual([]);
  });

  it('concludes a test examined as a whole, without drawing a sample (the server accepts it and reporting waits for it)', { timeout: 240_000 }, async () => {
    const { p, page, errors, w, fieldworkUrl } = await auditorInFieldwork(WHOLE, 'fr-FR', 'Cabinet Lafayette Ensemble');

    await page.goto(fieldworkUrl);
    await page.getByTestId('soc2-work-no-sample').waitFor();
    expect(await page.getByTestId('soc2-work-no-sample').textContent()).toContain(`se conclut ci-dessous sans échantillon`);
    expect(await page.getByTestId('soc2-work-conclusion-select').inputValue()).toBe('no_exception');
    await page.getByTestId('soc2-work-conclusion-notes').fill('Paramétrage unique du pipeline inspecté, qui exige l’approbation avant tout déploiement.');
    await page.getByTestId('soc2-work-conclude').click();
    await expect.poll(() => page.getByTestId('soc2-work-conclusion').getAttribute('data-conclusion'), { timeout: 30_000 }).toBe('no_exception');
    const row = await p.db.selectFrom('soc2_tests').select(['conclusion', 'conclusion_notes']).where('id', '=', w.test.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ conclusion: 'no_exception', conclusion_notes: 'Paramétrage unique du pipeline inspecté, qui exige l’approbation avant tout déploiement.' });
    expect(errors).toEqual([]);
  });

  it('writes a large population’s row count as French groups digits, in the completeness badge and the population picker', { timeout: 240_000 }, async () => {
    const { p, page, errors, w, fieldworkUrl } = await auditorInFieldwork(COUNTS, 'fr-FR', 'Cabinet Lafayette Comptes');
    await createSoc2Population(p, w, { rows: 1200, name: 'Tickets (export 1)' });
    await createSoc2Population(p, w, { rows: 1201, name: 'Tickets (export 2)' });

    await page.goto(fieldworkUrl);
    await page.getByTestId('soc2-population-checks').waitFor();
    expect(await page.getByTestId('soc2-population-checks').textContent()).toMatch(/réussi\u00a0: 1[\u00a0\u202f]20[01] lignes/);
    const options = await page.getByTestId('soc2-population-pick').locator('option').allTextContents();
    expect(options.some((o) => /· 1[\u00a0\u202f]200 lignes$/.test(o)), options.join(' | ')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('in English: imports an Excel workbook’s named worksheet as the population (the server reads XLSX as well as CSV)', { timeout: 240_000 }, async () => {
    const { p, page, errors, w, fieldworkUrl } = await auditorInFieldwork(SHEETS, 'en-GB', 'Lafayette Workbooks');
    // A first sheet that is not the population, then the export: the worksheet is named.
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Notes').addRow(['Exported from the ticketing tool']);
    const sheet = book.addWorksheet('Changes');
    sheet.addRow(['ticket', 'deployed_on', 'title']);
    for (let i = 1; i <= 30; i++) sheet.addRow([`CHG-${String(i).padStart(5, '0')}`, new Date(Date.UTC(2026, 0, i * 5)), `Change ${i}`]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());

    await page.goto(fieldworkUrl);
    await page.getByTestId('soc2-population-file').setInputFiles({ name: 'changes.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
    await page.getByTestId('soc2-population-worksheet').fill('Changes');
    expect(await page.getByTestId('soc2-population-delimiter').count()).toBe(0);
    await page.getByTestId('soc2-population-key').fill('ticket');
    await page.getByTestId('soc2-population-date').fill('deployed_on');
    await page.getByTestId('soc2-population-submit').click();
    await page.getByTestId('soc2-population-sha256').waitFor();
    expect(await page.getByTestId('soc2-population-sha256').textContent()).toBe(createHash('sha256').update(xlsx).digest('hex'));
    expect(await page.getByTestId('soc2-population-rows').textContent()).toBe('30');
    expect(await page.getByTestId('soc2-work-population').textContent()).toContain('Excel workbook');
    expect(errors).toEqual([]);
  });
});
