import { expect, it } from 'vitest';
import { insertAiSystem } from '../../src/server/modules/ai-systems/ai-systems-repo.ts';
import { describeInChromium, leadAndOwner, useServerAndBrowser } from './support.ts';

const LEAD = { name: 'Camille Durand', email: 'camille.durand@lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'en' as const };
const OWNER = { name: 'Élise Martin', email: 'elise.martin@lumiere-credit.example', password: 'Lumiere-credit-2026-ok', locale: 'fr' as const };

describeInChromium('audit & improvement in Chromium: a bias incident raises a nonconformity taken through 10.2 and closed by someone else; an internal audit planned with its finding', () => {
  const e2e = useServerAndBrowser();

  it('the compliance lead records a bias incident and its nonconformity, the owner verifies and closes it in French, the lead plans an audit and records a finding, then reads it all in French', async () => {
    const p = e2e.server.platform;
    const { lead, owner, tenant, leadId, ownerId } = await leadAndOwner(e2e, LEAD, OWNER);
    const sys = await insertAiSystem(p.db, tenant.id, { name: 'Lumen credit score', lifecycle_stage: 'deployed', roles: ['provider', 'deployer'], created_by: ownerId });
    const base = `${e2e.server.baseUrl}/t/${tenant.id}/improvement`;
    const page = lead.page;

    // The page is in the navigation, and opens on the internal audits.
    await page.goto(`${e2e.server.baseUrl}/t/${tenant.id}`);
    await page.getByRole('link', { name: 'Audit & improvement' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Audit & improvement');
    expect(await page.getByTestId('improvement-tab-audits').getAttribute('aria-selected')).toBe('true');

    // 1. A bias event on the credit score.
    await page.getByTestId('improvement-tab-incidents').click();
    await page.getByTestId('incident-new').click();
    await page.getByTestId('incident-system').selectOption(sys.id);
    await page.getByTestId('incident-title').fill('Lower acceptance rate for applicants under 25');
    await page.getByTestId('incident-type').selectOption('bias');
    await page.getByTestId('incident-severity').selectOption('high');
    await page.getByTestId('incident-occurred').fill('2026-11-10T09:30');
    await page.getByTestId('incident-detected').fill('2026-11-12T14:00');
    await page.getByTestId('incident-description').fill('Weekly monitoring shows a 6-point gap in acceptance rate for applicants under 25.');
    await page.getByTestId('incident-create').click();
    await page.getByTestId('incident-detail').waitFor();
    expect(await page.getByTestId('incident-detail-title').textContent()).toBe('Lower acceptance rate for applicants under 25');
    expect(await page.getByTestId('incident-detail-type').textContent()).toBe('Bias event');
    expect(await page.getByTestId('incident-detail-system').textContent()).toBe('Lumen credit score');
    expect(await page.getByTestId('incident-detail-detected').textContent()).toContain('12 November 2026');
    await expect.poll(() => page.getByTestId('incident-table').textContent()).toContain('Lumen credit score');
    // Learnt later: it is a serious incident, reported two days after detection. The reporting period is the owner's setting.
    expect(await page.getByTestId('incident-report-days').textContent()).toBe('No reporting period set');
    await page.getByTestId('incident-edit').click();
    await page.getByTestId('incident-edit-serious').check();
    await page.getByTestId('incident-edit-reported').fill('2026-11-14');
    await page.getByTestId('incident-edit-save').click();
    await page.getByTestId('incident-detail-serious').waitFor();
    expect(await page.getByTestId('incident-detail-reported').textContent()).toBe('14 November 2026');

    // …raises a nonconformity, owned by the lead.
    await page.getByTestId('raise-owner').selectOption(leadId);
    await page.getByTestId('raise-due').fill('2026-12-31');
    await page.getByTestId('raise-submit').click();
    await page.getByTestId('incident-nc-link').click();

    // 2. The 10.2 steps, on the nonconformity.
    await page.getByTestId('nc-detail').waitFor();
    expect(page.url()).toContain('/improvement/nonconformities?id=');
    expect(await page.getByTestId('nc-detail-status').textContent()).toBe('Open');
    expect(await page.getByTestId('nc-source-link').textContent()).toBe('AI incident — Lower acceptance rate for applicants under 25');
    await page.getByTestId('nc-correction').fill('Human review of every refusal for applicants under 25 until the model is fixed.');
    await page.getByTestId('nc-step-record_correction').click();
    await expect.poll(() => page.getByTestId('nc-detail-status').textContent()).toBe('Correction made');
    // Planning the corrective action without a root cause: the server's refusal lands on that field.
    await page.getByTestId('nc-step-plan_action').click();
    await expect.poll(() => page.getByTestId('nc-root-cause').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('nc-detail').textContent()).toContain('cannot be planned without a root cause');
    await page.getByTestId('nc-root-cause').fill('The training data under-represents applicants under 25 with a short credit history.');
    await page.getByTestId('nc-corrective-action').fill('Re-weight the training data and add an age-band fairness test to the validation gate.');
    await page.getByTestId('nc-step-plan_action').click();
    await expect.poll(() => page.getByTestId('nc-detail-status').textContent()).toBe('Action planned');
    await page.getByTestId('nc-step-start_verification').click();
    await expect.poll(() => page.getByTestId('nc-detail-status').textContent()).toBe('Verifying');
    const ncUrl = page.url();

    // 3. The owner, in French, checks the corrective action and finds it effective: it closes.
    const o = owner.page;
    await o.goto(ncUrl);
    await o.getByTestId('nc-detail').waitFor();
    expect(await o.getByTestId('nc-detail-status').textContent()).toBe('En vérification');
    await o.getByTestId('nc-checked-on').fill('2026-11-25');
    await o.getByTestId('nc-result').selectOption('effective');
    await o.getByTestId('nc-check-notes').fill('Écart ramené à 0,8 point sur quatre semaines de surveillance.');
    await o.getByTestId('nc-check-submit').click();
    await expect.poll(() => o.getByTestId('nc-detail-status').textContent()).toBe('Close');
    expect(await o.getByTestId('nc-effectiveness').textContent()).toContain('Efficace — vérifiée le 25 novembre 2026 par Élise Martin');
    expect(await o.getByTestId('nc-correction').isDisabled()).toBe(true);
    await expect.poll(() => o.getByTestId('nc-table').textContent()).toContain('Close');
    // The owner sets the organization's reporting period for serious incidents.
    await o.getByTestId('improvement-tab-incidents').click();
    await o.getByTestId('incident-report-days-input').fill('15');
    await o.getByTestId('incident-report-days-save').click();
    await expect.poll(() => o.getByTestId('incident-report-days-save').isDisabled()).toBe(true);

    // 4. The lead plans an internal audit: a member never audits an area they own.
    await page.goto(`${base}/audits`);
    await page.getByTestId('programme-new').click();
    await page.getByTestId('programme-title').fill('Internal audit programme 2026');
    await page.getByTestId('programme-create').click();
    await expect.poll(() => page.getByTestId('programme-table').textContent()).toContain('Internal audit programme 2026');
    await page.getByTestId('audit-new').click();
    await page.getByTestId('audit-title').fill('Audit of AI risk management');
    await page.getByTestId('audit-planned').fill('2026-12-15');
    await page.getByTestId('audit-auditor').selectOption(leadId);
    await page.getByTestId('audit-auditees').click({ force: true });
    await page.getByRole('listbox', { name: 'Owners of the audited areas' }).getByRole('option', { name: 'Camille Durand' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('audit-create').click();
    await expect.poll(() => page.getByText('Camille Durand owns an area this audit covers and cannot audit it').count()).toBeGreaterThan(0);
    // An external auditor instead.
    await page.getByLabel('An external auditor').check();
    await page.getByTestId('audit-auditor-name').fill('Cabinet Véritas Conseil');
    await page.getByTestId('audit-create').click();
    await page.getByTestId('audit-detail').waitFor();
    expect(await page.getByTestId('audit-detail-status').textContent()).toBe('Planned');
    expect(await page.getByTestId('audit-detail-planned').textContent()).toBe('15 December 2026');
    expect(await page.getByTestId('audit-detail-auditor').textContent()).toBe('Cabinet Véritas Conseil (external)');
    await page.getByTestId('audit-start').click();
    await expect.poll(() => page.getByTestId('audit-detail-status').textContent()).toBe('In progress');

    // A nonconformity finding names its requirement: the form says so before anything is sent.
    await page.getByTestId('finding-type').selectOption('minor_nonconformity');
    await page.getByTestId('finding-description').fill('The risk acceptance criteria have not been reviewed for 14 months.');
    await page.getByTestId('finding-add').click();
    await expect.poll(() => page.getByTestId('finding-requirement').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('finding-requirement').fill('6.1.2');
    await page.getByTestId('finding-add').click();
    await page.getByTestId('finding-table').waitFor();
    expect(await page.getByTestId('finding-table').textContent()).toContain('Minor nonconformity');
    expect(await page.getByTestId('finding-table').textContent()).toContain('6.1.2');
    // Completed with its conclusion, the audit is frozen.
    await page.getByTestId('audit-conclusion').fill('Risk assessments are current for both systems; the acceptance criteria are overdue for review.');
    await page.getByTestId('audit-complete').click();
    await expect.poll(() => page.getByTestId('audit-detail-status').textContent()).toBe('Completed');
    expect(await page.getByTestId('finding-add').count()).toBe(0);
    // The finding raised its nonconformity.
    await page.getByTestId('improvement-tab-nonconformities').click();
    await expect.poll(() => page.getByTestId('nc-table').textContent()).toContain('6.1.2 — The risk acceptance criteria');

    // 5. The management review: completed only once every 9.3.2 input has notes.
    await page.getByTestId('improvement-tab-reviews').click();
    await page.getByTestId('review-new').click();
    await page.getByTestId('review-title').fill('AIMS management review — autumn 2026');
    await page.getByTestId('review-held').fill('2026-11-20');
    await page.getByTestId('review-attendees').fill('Élise Martin');
    await page.keyboard.press('Enter');
    await page.getByTestId('review-create').click();
    await page.getByTestId('review-detail').waitFor();
    expect(await page.getByTestId('review-missing').textContent()).toContain('7 inputs still have no notes');
    const inputs = ['previous_actions', 'issues_changes', 'interested_parties_changes', 'aims_performance', 'monitoring_results', 'audit_results', 'improvement_opportunities'];
    for (const k of inputs) await page.getByTestId(`review-input-${k}`).fill(`Notes on ${k.replaceAll('_', ' ')} for the autumn review.`);
    await page.getByTestId('review-add-decision').click();
    await page.getByTestId('review-decision-0').fill('Re-train the credit score on a re-weighted data set.');
    await page.getByTestId('review-decision-owner-0').selectOption(leadId);
    await page.getByTestId('review-decision-due-0').fill('2027-01-31');
    await page.getByTestId('review-save').click();
    await expect.poll(() => page.getByTestId('review-missing').count()).toBe(0);
    await page.getByTestId('review-complete').click();
    await expect.poll(() => page.getByTestId('review-detail-status').textContent()).toBe('Completed');
    expect(await page.getByTestId('review-decision').textContent()).toContain('Re-train the credit score');
    expect(await page.getByTestId('review-decision').textContent()).toContain('31 January 2027');

    // 6. In French: the labels and the dates.
    await page.getByTestId('language-switch').getByText('FR').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Audit et amélioration');
    expect(await page.getByTestId('review-detail-held').textContent()).toBe('20 novembre 2026');
    expect(await page.getByTestId('review-detail-status').textContent()).toBe('Clôturée');
    expect(await page.getByTestId('review-decision').textContent()).toContain('échéance 31 janvier 2027');
    await page.getByTestId('improvement-tab-nonconformities').click();
    expect(await page.getByTestId('improvement-tab-nonconformities').textContent()).toBe('Non-conformités');
    await expect.poll(() => page.getByTestId('nc-table').textContent()).toContain('Close');
    expect(await page.getByTestId('nc-table').textContent()).toContain('Audit interne');
    expect(await page.getByTestId('nc-table').textContent()).toContain('31 décembre 2026');
    await page.getByTestId('improvement-tab-incidents').click();
    await expect.poll(() => page.getByTestId('incident-report-days').textContent()).toBe('Les incidents graves sont signalés dans un délai de 15 jours après leur détection (paramètre de l’organisation).');
    expect(await page.getByTestId('incident-table').textContent()).toContain('Biais');
    await page.getByTestId('improvement-tab-audits').click();
    await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain('15 décembre 2026');
    expect(await page.getByTestId('audit-table').textContent()).toContain('Terminé');
    expect(lead.errors).toEqual([]);
    expect(owner.errors).toEqual([]);
  }, 300_000);
});
