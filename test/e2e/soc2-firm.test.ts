import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { uncoveredCriteria } from '../../src/server/modules/soc2/program.ts';
import { buildControl } from '../support/evidence.ts';
import { buildTenant } from '../support/factories.ts';
import { buildCpaFirm, buildSoc2TestInFieldwork, createSoc2Examination, raiseSoc2Exception } from '../support/soc2-factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const MANAGER = { name: 'Daniel Okafor', email: 'daniel.okafor@lafayette-cpa.example', password: 'Lafayette-opinion-2026-ok', locale: 'en' as const };
const AUDITOR = { name: 'Hélène Dubois', email: 'helene.dubois@lafayette-cpa.example', password: 'Lafayette-soc2-2026-ok', locale: 'fr' as const };

describeInChromium('SOC 2 in Chromium: the firm’s auditor, in French, from scope to the fieldwork gate', () => {
  const e2e = useServerAndBrowser();

  it('opens the examination, edits and confirms the scope, links a control to an uncovered criterion, generates the PBC list and reads why fieldwork cannot start', { timeout: 360_000 }, async () => {
    const p = e2e.server.platform;
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, AUDITOR, 'fr-FR');
    const auditor = (await findUserByEmail(p.db, AUDITOR.email))!;
    const firm = await buildCpaFirm(p, { name: 'Cabinet Lafayette CPA' });
    await insertMembership(p.db, firm.id, auditor.id, 'auditor');
    const organization = await buildTenant(p, { name: 'Lumière Crédit' });
    await buildControl(p, organization.id, { reference: 'ACC-01', title: 'Revue trimestrielle des accès' });
    const { examination: x } = await createSoc2Examination(p, { firm, organization, services: 'Notation de crédit en ligne.' });

    // The firm's list, reached from the navigation, in French: reference, organization, type, period with French dates, state.
    await page.goto(`${e2e.server.baseUrl}/t/${firm.id}`);
    await page.getByTestId('nav-soc2-examinations').click();
    const row = page.getByTestId(`soc2-examination-row-${x.reference}`);
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    for (const text of ['Lumière Crédit', 'type II', 'du 1er janvier 2026 au 30 juin 2026', 'Définition du périmètre']) expect(rowText, text).toContain(text);
    await page.getByTestId(`soc2-examination-link-${x.reference}`).click();
    await page.getByTestId('soc2-examination-title').waitFor();
    expect(await page.getByTestId('soc2-examination-state').getAttribute('data-state')).toBe('scoping');

    // Scope: the rule of the period is explained, the services are rewritten, saved, then confirmed into planning.
    expect(await page.getByTestId('soc2-scope-period-rule').textContent()).toContain('au plus tard le 31 décembre 2026');
    await page.getByTestId('soc2-scope-services').fill('Notation de crédit en ligne pour les prêteurs de détail.');
    await page.getByTestId('soc2-scope-save').click();
    await expect.poll(() => page.getByTestId('soc2-scope-save').isDisabled(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('soc2-scope-confirm').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer le périmètre' }).click();
    await expect.poll(() => page.getByTestId('soc2-examination-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('planning');
    await page.getByTestId('soc2-scope-view').waitFor();
    expect(await page.getByTestId('soc2-scope-services-view').textContent()).toBe('Notation de crédit en ligne pour les prêteurs de détail.');

    // Matrix: every criterion starts uncovered (red); ACC-01 is linked to CC6.1, which no longer is.
    await page.getByTestId('soc2-tab-matrix').click();
    const cc61 = page.getByTestId('soc2-matrix-row-CC6.1');
    await cc61.waitFor();
    expect(await cc61.getAttribute('data-uncovered')).toBe('true');
    expect(await cc61.getByTestId('soc2-matrix-flag-uncovered').textContent()).toBe('Aucun contrôle');
    await page.getByTestId('soc2-matrix-link-CC6.1').click();
    await page.getByTestId('soc2-matrix-pick-control').selectOption({ label: 'ACC-01 · Revue trimestrielle des accès' });
    await page.getByTestId('soc2-matrix-link-submit').click();
    await expect.poll(() => cc61.getAttribute('data-uncovered'), { timeout: 30_000 }).toBe('false');
    await cc61.getByTestId('soc2-matrix-control-CC6.1-ACC-01').waitFor();
    expect(await cc61.getByTestId('soc2-matrix-flag-untested').textContent()).toBe('Un contrôle n’a pas de test');

    // A test procedure for the control, then the PBC list generated from it.
    await page.getByTestId('soc2-tab-tests').click();
    await page.getByTestId('soc2-test-add').click();
    await page.getByTestId('soc2-test-control').selectOption({ label: 'ACC-01 · Revue trimestrielle des accès' });
    await page.getByTestId('soc2-test-procedure').fill('Inspecter les revues d’accès trimestrielles et leur approbation.');
    await page.getByTestId('soc2-test-evidence').fill('Les comptes rendus des revues d’accès de la période.');
    await page.getByTestId('soc2-test-submit').click();
    const test = page.locator('[data-testid^="soc2-test-row-T-"]');
    await test.first().waitFor();
    expect(await test.first().textContent()).toContain('Trimestrielle');
    // Refined: the control runs monthly (the control itself cannot change).
    await page.locator('[data-testid^="soc2-test-edit-T-"]').first().click();
    expect(await page.getByTestId('soc2-test-control').isDisabled()).toBe(true);
    await page.getByTestId('soc2-test-frequency').selectOption('monthly');
    await page.getByTestId('soc2-test-submit').click();
    await expect.poll(async () => (await test.first().textContent()) ?? '', { timeout: 30_000 }).toContain('Mensuelle');

    await page.getByTestId('soc2-tab-requests').click();
    await page.getByTestId('soc2-requests-generate').click();
    const request = page.getByTestId('soc2-request-row-PBC-001');
    await request.waitFor();
    expect(await request.getByTestId('soc2-request-state').textContent()).toBe('Ouverte');
    expect(await page.getByTestId('soc2-requests-summary').textContent()).toContain('Demandes\u00a0: 1 · ouvertes\u00a0: 1');

    // Fieldwork is refused, and the page says why in words: the criteria still without a control.
    await page.getByTestId('soc2-fieldwork-start').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Commencer les travaux sur le terrain' }).click();
    const blocked = page.getByTestId('soc2-fieldwork-blocked');
    await blocked.waitFor();
    const why = (await blocked.textContent()) ?? '';
    expect(why).toContain('Les travaux sur le terrain ne peuvent pas encore commencer');
    expect(why).toMatch(/\d+ critères n’ont aucun contrôle accepté/);
    expect(await page.getByTestId('soc2-fieldwork-uncovered').textContent()).toContain('CC1.1 — ');
    expect(await page.getByTestId('soc2-fieldwork-uncovered').textContent()).not.toContain('CC6.1 — ');
    expect(await page.getByTestId('soc2-examination-state').getAttribute('data-state')).toBe('planning');
    expect(errors).toEqual([]);
  });

  it('in English: concludes an exception, is told why reporting cannot start, names the partner and records a qualified opinion over its warning', { timeout: 360_000 }, async () => {
    const p = e2e.server.platform;
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, MANAGER, 'en-GB');
    const manager = (await findUserByEmail(p.db, MANAGER.email))!;
    const firm = await buildCpaFirm(p, { name: 'Cabinet Lafayette CPA (opinion)' });
    await insertMembership(p.db, firm.id, manager.id, 'scheme_manager');
    const built = await createSoc2Examination(p, { firm, organization: await buildTenant(p, { name: 'Lumière Crédit' }) });
    const { test, control, examination: x } = await buildSoc2TestInFieldwork(p, { built, controlRef: 'ACC-01' });
    const ex = await raiseSoc2Exception(p, {
      firmId: firm.id,
      examinationId: x.id,
      testId: test.id,
      description: 'The Q2 access review was approved three weeks after the quarter ended.',
      response: { context: 'The approver was on leave.', remediation: 'A deputy approver is now named for each review.' },
    });

    await page.goto(`${e2e.server.baseUrl}/t/${firm.id}/soc2-examinations/${x.id}/exceptions`);
    const card = page.getByTestId(`soc2-exception-${ex.reference}`);
    await card.waitFor();
    expect(await card.getByTestId('soc2-exception-state').textContent()).toBe('Responded');
    expect(await card.getByTestId('soc2-exception-response').textContent()).toContain('A deputy approver is now named for each review.');
    await card.getByTestId('soc2-exception-conclusion-systematic').check();
    await card.getByTestId('soc2-exception-impact').selectOption('partial');
    await card.getByTestId('soc2-exception-conclude-submit').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Conclude' }).click();
    await expect.poll(() => card.getByTestId('soc2-exception-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('concluded');
    expect(await card.getByTestId('soc2-exception-conclusion').textContent()).toContain('Concluded systematic, impact on the criterion: criterion partly met');

    // The test itself has no conclusion yet, and only CC6.1 rests on a tested control: reporting is
    // refused and the page names the test and the criteria left without one.
    await page.getByTestId('soc2-reporting-start').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move to reporting' }).click();
    await page.getByTestId('soc2-reporting-blocked').waitFor();
    const why = (await page.getByTestId('soc2-reporting-blocked').textContent()) ?? '';
    expect(why).toContain(`${test.reference} (ACC-01)`);
    expect(why).toMatch(/\d+ applicable criteria have no tested control:/);
    const untested = (await page.getByTestId('soc2-reporting-untested').textContent()) ?? '';
    expect(untested).toContain('CC1.1');
    expect(untested.split(', ')).not.toContain('CC6.1');
    // Its conclusion comes from the testing workspace (not in this flow), and the other criteria were
    // mapped to the same control at planning: both set here.
    await p.db.updateTable('soc2_tests').set({ conclusion: 'exception' }).where('id', '=', test.id).execute();
    const rest = (await uncoveredCriteria(p.db, firm.id, x.id)) ?? [];
    await p.db
      .insertInto('soc2_matrix_links')
      .values(rest.map((ref) => ({ tenant_id: firm.id, examination_id: x.id, criterion_ref: ref, control_id: control.id, control_ref: 'ACC-01', control_title: 'Quarterly access review' })))
      .execute();
    await page.getByTestId('soc2-reporting-start').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move to reporting' }).click();
    await expect.poll(() => page.getByTestId('soc2-examination-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('reporting');

    // Opinion: the systematic exception is a warning; the manager names himself partner, then records a qualified opinion.
    await page.getByTestId('soc2-tab-opinion').click();
    await page.getByTestId('soc2-opinion-warnings').waitFor();
    expect(await page.getByTestId('soc2-opinion-warnings').textContent()).toContain(`${ex.reference} on ${test.reference}`);
    await page.getByTestId('soc2-opinion-partner-pick').selectOption({ label: MANAGER.name });
    await page.getByTestId('soc2-opinion-partner-save').click();
    await expect.poll(() => page.getByTestId('soc2-opinion-partner').textContent(), { timeout: 30_000 }).toBe(MANAGER.name);
    await page.getByTestId('soc2-opinion-form').waitFor();
    await page.getByTestId('soc2-opinion-kind-qualified').check();
    await page.getByTestId('soc2-opinion-basis-input').fill('Access reviews were not approved on time in Q2 2026 (CC6.1 partly met).');
    await page.getByTestId('soc2-opinion-record').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Record the opinion' }).click();
    await expect.poll(() => page.getByTestId('soc2-opinion-value').textContent(), { timeout: 30_000 }).toBe('Qualified');
    expect(await page.getByTestId('soc2-opinion-basis').textContent()).toContain('CC6.1 partly met');
    expect(errors).toEqual([]);
  });
});
