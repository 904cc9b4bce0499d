import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { buildAuditTeam } from '../support/certification-factories.ts';
import { buildDecisionCase } from '../support/decision-factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const AUDITOR = { name: 'Marc Petit', email: 'marc.petit@verite-findings.example', password: 'Verite-findings-2026-ok', locale: 'fr' as const };
const COMPLIANCE = { name: 'Inès Dubois', email: 'ines.dubois@lumiere-findings.example', password: 'Lumiere-findings-2026-ok', locale: 'fr' as const };

describeInChromium('findings in Chromium: an auditor raises a minor, the organization answers, the auditor rejects then accepts', () => {
  const e2e = useServerAndBrowser();

  it('walks a minor nonconformity from the audit page to an accepted corrective action, in French on both sides', async () => {
    const p = e2e.server.platform;
    const c = await buildDecisionCase(p);
    const { page: auditor, errors: auditorErrors } = await signedInPage(e2e.browser, e2e.server, AUDITOR, 'fr-FR');
    const { page: org, errors: orgErrors } = await signedInPage(e2e.browser, e2e.server, COMPLIANCE, 'fr-FR');
    const auditorUser = (await findUserByEmail(p.db, AUDITOR.email))!;
    const orgUser = (await findUserByEmail(p.db, COMPLIANCE.email))!;
    await insertMembership(p.db, c.body.id, auditorUser.id, 'auditor');
    await insertMembership(p.db, c.org.id, orgUser.id, 'contributor');
    await buildAuditTeam(p, c.body, c.audits.stage2.id, [{ role: 'auditor', user: { id: auditorUser.id, email: AUDITOR.email, password: AUDITOR.password, name: AUDITOR.name } as never }]);

    // The auditor raises a minor against 7.2 on the stage 2 audit's « Constats » tab.
    await auditor.goto(`${e2e.server.baseUrl}/t/${c.body.id}/audits/${c.audits.stage2.id}/findings`);
    await auditor.getByTestId('finding-raise-form').waitFor();
    await auditor.getByTestId('finding-raise-ref').fill('7.2');
    await auditor.getByTestId('finding-raise-statement').fill('Deux analystes de crédit n’ont pas d’attestation de formation à l’IA responsable.');
    await auditor.getByTestId('finding-raise-submit').click();
    const row = auditor.locator('[data-testid^="finding-row-NC-"]');
    await row.waitFor();
    const reference = ((await row.getAttribute('data-testid')) ?? '').replace('finding-row-', '');

    // The organization finds it in its Certification area and answers.
    const answer = async (rootCause: string) => {
      await org.goto(`${e2e.server.baseUrl}/t/${c.org.id}/certification/findings`);
      await org.getByTestId(`org-finding-row-${reference}`).getByTestId('org-finding-open').click();
      await org.getByTestId('answer-form').waitFor();
      await org.getByTestId('answer-correction').fill('Les deux analystes ont suivi la formation.');
      await org.getByTestId('answer-rootCause').fill(rootCause);
      await org.getByTestId('answer-correctiveAction').fill('La formation devient un prérequis de l’habilitation au score.');
      await org.getByTestId('answer-submit').click();
      await org.getByTestId('org-finding-waiting').waitFor();
    };
    await answer('Les analystes n’avaient pas été formés.');

    // The auditor rejects it: a root cause that restates the finding; the reason is required.
    const judge = async (verdict: 'accept' | 'reject') => {
      await auditor.reload();
      const button = auditor.getByTestId(`finding-${verdict}`);
      await button.waitFor();
      if (verdict === 'reject') {
        expect(await button.isDisabled()).toBe(true);
        await auditor.getByTestId('finding-verdict-reason').fill('La cause racine reformule le constat : pourquoi la formation n’était-elle pas exigée ?');
      }
      await button.click();
      await expect.poll(() => auditor.getByTestId(`finding-${verdict}`).count()).toBe(0);
    };
    await judge('reject');
    await answer('L’habilitation à l’outil ne dépendait d’aucun prérequis de formation.');
    await judge('accept');

    // The organization sees the history: the rejection with its reason, then the acceptance.
    await org.reload();
    await org.getByTestId('org-finding-history').waitFor();
    await expect.poll(() => org.locator('[data-testid="response-verdict"][data-verdict="accepted"]').count()).toBe(1);
    expect(await org.locator('[data-testid="response-verdict"][data-verdict="rejected"]').count()).toBe(1);
    expect(await org.getByTestId('org-finding-history').textContent()).toContain('reformule le constat');
    expect(await org.getByTestId('answer-form').count()).toBe(0);
    expect([...auditorErrors, ...orgErrors]).toEqual([]);
  });
});
