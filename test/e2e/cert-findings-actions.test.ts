import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { buildAuditTeam } from '../support/certification-factories.ts';
import { buildDecisionCase } from '../support/decision-factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const AUDITOR = { name: 'Claire Fontaine', email: 'claire.fontaine@verite-actions.example', password: 'Verite-actions-2026-ok', locale: 'fr' as const };
const COMPLIANCE = { name: 'Oliver Grant', email: 'oliver.grant@lumiere-actions.example', password: 'Lumiere-actions-2026-ok', locale: 'en' as const };
const EVIDENCE_TITLE = 'Responsible AI training register, March 2027';

describeInChromium('findings in Chromium: edit, answer with evidence, review, verify and close', () => {
  const e2e = useServerAndBrowser();

  it('an auditor (FR) edits a finding into a major, the organization (EN) answers citing an evidence record, the auditor finds it to review, accepts, verifies remotely and closes', async () => {
    const p = e2e.server.platform;
    const c = await buildDecisionCase(p);
    const { page: auditor, errors: auditorErrors } = await signedInPage(e2e.browser, e2e.server, AUDITOR, 'fr-FR');
    const { page: org, errors: orgErrors } = await signedInPage(e2e.browser, e2e.server, COMPLIANCE, 'en-GB');
    const auditorUser = (await findUserByEmail(p.db, AUDITOR.email))!;
    const orgUser = (await findUserByEmail(p.db, COMPLIANCE.email))!;
    await insertMembership(p.db, c.body.id, auditorUser.id, 'auditor');
    await insertMembership(p.db, c.org.id, orgUser.id, 'contributor');
    await buildAuditTeam(p, c.body, c.audits.stage2.id, [{ role: 'auditor', user: { id: auditorUser.id, email: AUDITOR.email, password: AUDITOR.password, name: AUDITOR.name } as never }]);
    // A submitted evidence record of the organization (the evidence module has its own flows).
    await p.db
      .insertInto('evidence')
      .values({ tenant_id: c.org.id, series_id: randomUUID(), kind: 'link', title: EVIDENCE_TITLE, sha256: 'b'.repeat(64), url: 'https://intranet.example/training', effective_date: '2026-09-20', status: 'submitted', received_at: new Date(), contemporaneity_days: 30, not_contemporaneous: false })
      .execute();
    const base = e2e.server.baseUrl;
    const site = await p.db.selectFrom('client_sites').select('name').where('tenant_id', '=', c.body.id).where('client_id', '=', c.client.id).orderBy('is_central', 'desc').executeTakeFirstOrThrow();

    // The auditor raises a minor, opens it and edits it into a major while nobody has answered.
    await auditor.goto(`${base}/t/${c.body.id}/audits/${c.audits.stage2.id}/findings`);
    await auditor.getByTestId('finding-raise-form').waitFor();
    await auditor.getByTestId('finding-raise-ref').fill('A.6.2.6');
    await auditor.getByTestId('finding-raise-statement').fill('Aucun suivi du modèle de score en production.');
    await auditor.getByTestId('finding-raise-submit').click();
    const row = auditor.locator('[data-testid^="finding-row-NC-"]');
    await row.waitFor();
    const reference = ((await row.getAttribute('data-testid')) ?? '').replace('finding-row-', '');
    await row.getByTestId('finding-open').click();
    await auditor.getByTestId('finding-edit').click();
    await auditor.getByTestId('finding-edit-class').click();
    await auditor.getByRole('option', { name: 'non-conformité majeure' }).click();
    await auditor.getByTestId('finding-edit-statement').fill('Aucune surveillance du modèle de score en production depuis sa mise en service.');
    await auditor.getByTestId('finding-edit-sites').click();
    await auditor.getByRole('option', { name: site.name, exact: true }).click();
    await auditor.getByTestId('finding-edit-submit').click();
    await expect.poll(() => auditor.getByTestId('org-finding-statement').textContent()).toContain('depuis sa mise en service');
    expect(await auditor.getByTestId('finding-sites').textContent()).toContain(site.name);
    expect(await auditor.getByTestId('finding-class').first().textContent()).toBe('non-conformité majeure');
    // Nothing to verify or close before the organization answers: the page says why, in French.
    expect(await auditor.getByTestId('finding-actions-blocked').textContent()).toContain('attend la réponse de l’organisation');

    // The organization reaches its findings from the navigation and answers, citing its evidence record.
    await org.goto(`${base}/t/${c.org.id}`);
    await org.getByTestId('nav-certification-findings').click();
    await org.getByTestId(`org-finding-row-${reference}`).getByTestId('org-finding-open').click();
    await org.getByTestId('answer-form').waitFor();
    await org.getByTestId('answer-correction').fill('Monitoring dashboard switched on for the score model.');
    await org.getByTestId('answer-rootCause').fill('Production monitoring was nobody’s responsibility in the release procedure.');
    await org.getByTestId('answer-correctiveAction').fill('The release procedure names a monitoring owner for every model.');
    await org.getByTestId('answer-evidence').click();
    await org.getByTestId('answer-evidence').fill('Responsible');
    await org.getByRole('option', { name: EVIDENCE_TITLE }).click();
    await org.getByTestId('answer-submit').click();
    await org.getByTestId('org-finding-waiting').waitFor();
    expect(await org.getByTestId('org-finding-history').getByTestId('response-evidence-item').textContent()).toBe(EVIDENCE_TITLE);

    // The auditor finds it among the corrective actions to review, and accepts it.
    await auditor.goto(`${base}/t/${c.body.id}`);
    expect(await auditor.getByTestId('nav-findings').textContent()).toBe('Actions correctives à examiner');
    await auditor.getByTestId('nav-findings').click();
    await auditor.getByTestId(`to-review-row-${reference}`).getByTestId('to-review-open').click();
    await auditor.getByTestId(`finding-pending-${reference}`).waitFor();
    expect(await auditor.getByTestId(`finding-pending-${reference}`).getByTestId('response-evidence-item').textContent()).toBe(EVIDENCE_TITLE);
    // The auditor opens the cited record itself, through the engagement, and comes back.
    await auditor.getByTestId(`finding-pending-${reference}`).getByTestId('response-evidence-item').click();
    await auditor.getByTestId('evidence-read-logged').waitFor();
    expect(await auditor.getByRole('heading', { level: 1 }).textContent()).toBe(EVIDENCE_TITLE);
    expect(await auditor.getByTestId('evidence-read-logged').textContent()).toContain('journal des lectures');
    await auditor.goBack();
    await auditor.getByTestId(`finding-pending-${reference}`).waitFor();
    await auditor.getByTestId('finding-accept').click();
    await auditor.getByTestId('finding-verify-form').waitFor();
    expect(await auditor.getByTestId('finding-actions-blocked').textContent()).toContain('n’est close qu’après sa vérification de suivi');

    // A remote verification, confirmed, then the closure, confirmed.
    await auditor.getByText('À distance (sur les preuves transmises)').click();
    await auditor.getByTestId('finding-verify-notes').fill('Tableau de bord de surveillance consulté à distance le 20 septembre.');
    await auditor.getByTestId('finding-verify-submit').click();
    const verifyDialog = auditor.getByRole('dialog');
    expect(await verifyDialog.textContent()).toContain(`Vérifier ${reference}\u00a0?`);
    await verifyDialog.getByRole('button', { name: 'Enregistrer la vérification' }).click();
    await auditor.getByTestId('finding-close-form').waitFor();
    expect(await auditor.getByTestId('finding-verification').textContent()).toContain('Vérifiée à distance par Claire Fontaine');
    await auditor.getByTestId('finding-close-submit').click();
    await auditor.getByRole('dialog').getByRole('button', { name: 'Clore le constat' }).click();
    await expect.poll(() => auditor.getByTestId('finding-state').first().textContent()).toBe('Clos');
    expect(await auditor.getByTestId('finding-actions').count()).toBe(0);

    // The client's page lists the cycle's findings across its audits; the filter on state keeps it.
    await auditor.goto(`${base}/t/${c.body.id}/clients/${c.client.id}`);
    await auditor.getByTestId(`programme-finding-${reference}`).waitFor();
    expect(await auditor.getByTestId(`programme-finding-${reference}`).getByTestId('finding-state').textContent()).toBe('Clos');
    await auditor.getByTestId('programme-findings-state').selectOption('open');
    await auditor.getByText('Aucun constat de ce cycle ne correspond à ces filtres.').waitFor();

    // The organization sees it closed, its evidence still linked to its own record.
    await org.reload();
    await expect.poll(() => org.getByTestId('finding-state').first().textContent()).toBe('Closed');
    const link = org.getByTestId('org-finding-history').getByTestId('response-evidence-item');
    expect(await link.getAttribute('href')).toMatch(new RegExp(`/t/${c.org.id}/evidence/`));
    expect([...auditorErrors, ...orgErrors]).toEqual([]);
  }, 240_000);
});
