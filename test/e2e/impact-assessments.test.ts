import fs from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, it } from 'vitest';
import { insertAiSystem, insertClassification } from '../../src/server/modules/ai-systems/ai-systems-repo.ts';
import { describeInChromium, leadAndOwner, useServerAndBrowser } from './support.ts';

const LEAD = { name: 'Camille Durand', email: 'camille.durand@lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'en' as const };
const OWNER = { name: 'Élise Martin', email: 'elise.martin@lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'fr' as const };

describeInChromium('impact assessments in Chromium: a FRIA written, submitted, approved by someone else, downloaded as a French PDF', () => {
  const e2e = useServerAndBrowser();

  it('the compliance lead completes a FRIA for credit scoring; the owner approves it in French and downloads the PDF', async () => {
    const p = e2e.server.platform;
    const { lead, owner, tenant, ownerId } = await leadAndOwner(e2e, LEAD, OWNER);
    const sys = await insertAiSystem(p.db, tenant.id, { name: 'Credit scoring', lifecycle_stage: 'deployed', roles: ['provider', 'deployer'], created_by: ownerId });
    await insertClassification(p.db, tenant.id, sys.id, {
      ai_system_id: sys.id,
      answers: JSON.stringify({}),
      tier: 'high-risk',
      route: 'annex-iii',
      annex_iii_ref: 'Annex III(5)(b)',
      reasons: JSON.stringify([]),
      catalog_version: '2024',
      roles: ['provider', 'deployer'],
      classified_by: ownerId,
    });

    // The lead starts a FRIA: the form says art. 27 requires one for this system.
    const page = lead.page;
    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}/impact-assessments`);
    await page.getByTestId('ia-new').click();
    await page.getByTestId('ia-create-system').selectOption(sys.id);
    await expect.poll(() => page.getByTestId('ia-create-applicability').textContent()).toContain('A FRIA is required');
    await page.getByTestId('ia-create-variant').selectOption('fria');
    await page.getByTestId('ia-create-title').fill('FRIA — credit scoring');
    await page.getByTestId('ia-create-submit').click();
    await page.getByTestId('ia-fria').waitFor();
    expect(await page.getByTestId('ia-status').textContent()).toBe('Draft');

    // Submitting too early names what is missing.
    await page.getByTestId('ia-submit').click();
    await expect.poll(() => page.getByTestId('ia-missing').textContent()).toContain('affected parties');

    await page.getByTestId('ia-summary').fill('Scoring of consumer loan applications in France.');
    await page.getByTestId('ia-add-affected').click();
    await page.getByTestId('ia-affected-0-name').fill('Loan applicants');
    await page.getByTestId('ia-affected-0-description').fill('Adults applying for consumer credit, including vulnerable customers.');
    await page.getByTestId('ia-add-impact').click();
    await page.getByTestId('ia-impact-0-category').selectOption('discrimination_fairness');
    await page.getByTestId('ia-impact-0-severity').selectOption('4');
    await page.getByTestId('ia-impact-0-description').fill('Lower scores for applicants from some postcodes.');
    await page.getByTestId('ia-impact-0-mitigations').fill('Quarterly bias testing; manual review of every refusal.');
    const fria: Record<string, string> = {
      processes: 'Consumer credit decisions at branch and online.',
      useFrom: '2026-12-01',
      useFrequency: 'Each application, about 400 a day.',
      affectedCategories: 'Loan applicants.',
      risksOfHarm: 'Unfair refusal of credit.',
      humanOversight: 'An analyst reviews every refusal.',
      mitigationMeasures: 'Manual re-examination on request.',
      governanceArrangements: 'Model risk committee, monthly.',
      complaintMechanism: 'Complaint form, answered within 30 days.',
    };
    for (const [k, v] of Object.entries(fria)) await page.getByTestId(`ia-fria-${k}`).fill(v);
    await page.getByTestId('ia-conclusion').fill('Acceptable with the mitigations in place.');
    await page.getByTestId('ia-next-review').fill('2027-11-27');
    await page.getByTestId('ia-submit').click();
    await expect.poll(() => page.getByTestId('ia-status').textContent()).toBe('In review');
    // The lead cannot approve: no approve button is offered.
    expect(await page.getByTestId('ia-approve').count()).toBe(0);

    // The owner, in French, approves it (someone other than its author).
    const o = owner.page;
    await o.goto(`${e2e.server.baseUrl}/t/${tenant.id}/impact-assessments`);
    await o.getByRole('link', { name: 'FRIA — credit scoring' }).click();
    await o.getByTestId('ia-approve').click();
    await o.getByRole('dialog').getByRole('button', { name: 'Approuver' }).click();
    await expect.poll(() => o.getByTestId('ia-status').textContent()).toBe('Approuvée');
    expect(await o.getByTestId('ia-approved-by').textContent()).toContain('Élise Martin');
    // The significant impact now has its risk in the register, one click away.
    await o.getByTestId('ia-impact-0-risk').waitFor();
    expect(await o.getByTestId('ia-impact-0-risk').getAttribute('href')).toMatch(new RegExp(`^/t/${tenant.id}/risks/[0-9a-f-]{36}$`));

    await o.getByTestId('ia-export-lang').selectOption('fr');
    const [download] = await Promise.all([o.waitForEvent('download'), o.getByTestId('ia-export-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/^IA-[0-9A-F]{8}-v1-fr\.pdf$/);
    const bytes = fs.readFileSync((await download.path())!);
    const text = (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text.replace(/\s+/g, ' ');
    for (const s of ['Analyse d’impact sur les droits fondamentaux', 'Lumière Crédit', 'Élise Martin', '27 novembre 2027', 'e) Mesures de contrôle humain', 'An analyst reviews every refusal.'])
      expect(text, s).toContain(s);

    // Beside the FRIA, the lead completes the system's own impact assessment (ISO/IEC 42001 6.1.4);
    // the owner approves it too, in French.
    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}/impact-assessments`);
    await page.getByTestId('ia-new').click();
    await page.getByTestId('ia-create-system').selectOption(sys.id);
    await page.getByTestId('ia-create-variant').selectOption('standard');
    await page.getByTestId('ia-create-title').fill('Impact assessment — credit scoring');
    await page.getByTestId('ia-create-submit').click();
    await page.getByTestId('ia-summary').waitFor();
    expect(await page.getByTestId('ia-fria').count()).toBe(0);
    await page.getByTestId('ia-summary').fill('Effects of automated credit scoring on applicants and society.');
    await page.getByTestId('ia-add-affected').click();
    await page.getByTestId('ia-affected-0-name').fill('Loan applicants');
    await page.getByTestId('ia-affected-0-description').fill('Adults applying for consumer credit.');
    await page.getByTestId('ia-add-impact').click();
    await page.getByTestId('ia-impact-0-category').selectOption('privacy');
    await page.getByTestId('ia-impact-0-severity').selectOption('2');
    await page.getByTestId('ia-impact-0-description').fill('Income data kept longer than the decision needs.');
    await page.getByTestId('ia-impact-0-mitigations').fill('Deletion after 13 months.');
    await page.getByTestId('ia-conclusion').fill('Acceptable.');
    await page.getByTestId('ia-next-review').fill('2027-11-27');
    await page.getByTestId('ia-submit').click();
    await expect.poll(() => page.getByTestId('ia-status').textContent()).toBe('In review');
    await o.goto(`${e2e.server.baseUrl}/t/${tenant.id}/impact-assessments`);
    await o.getByRole('link', { name: 'Impact assessment — credit scoring' }).click();
    await o.getByTestId('ia-approve').click();
    await o.getByRole('dialog').getByRole('button', { name: 'Approuver' }).click();
    await expect.poll(() => o.getByTestId('ia-status').textContent()).toBe('Approuvée');
    expect([...lead.errors, ...owner.errors]).toEqual([]);
  }, 240_000);
});
