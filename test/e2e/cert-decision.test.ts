import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { buildAuditTeam } from '../support/certification-factories.ts';
import { buildDecisionCase } from '../support/decision-factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const ON_TEAM = { name: 'Julien Faure', email: 'julien.faure@verite-certification.example', password: 'Verite-decide-2026-ok', locale: 'fr' as const };
const REVIEWER = { name: 'Inès Caron', email: 'ines.caron@verite-certification.example', password: 'Verite-review-2026-ok', locale: 'en' as const };
const INDEPENDENT = { name: 'Sarah Lambert', email: 'sarah.lambert@verite-certification.example', password: 'Verite-decide-2026-ok', locale: 'en' as const };

describeInChromium('certification decision in Chromium: independence refused with its reason, then a grant by an independent decision maker', () => {
  const e2e = useServerAndBrowser();

  it('refuses a decision maker who was on the stage 2 team (French, with the audit named), then an independent one grants and the certificate appears', async () => {
    const p = e2e.server.platform;
    const c = await buildDecisionCase(p);
    const { page: fr, errors: frErrors } = await signedInPage(e2e.browser, e2e.server, ON_TEAM, 'fr-FR');
    const { page: en, errors: enErrors } = await signedInPage(e2e.browser, e2e.server, INDEPENDENT, 'en-GB');
    const onTeam = (await findUserByEmail(p.db, ON_TEAM.email))!;
    const independent = (await findUserByEmail(p.db, INDEPENDENT.email))!;
    await insertMembership(p.db, c.body.id, onTeam.id, 'decision_maker');
    await insertMembership(p.db, c.body.id, independent.id, 'decision_maker');
    await buildAuditTeam(p, c.body, c.audits.stage2.id, [{ role: 'technical_expert', user: { id: onTeam.id, email: ON_TEAM.email, password: ON_TEAM.password, name: ON_TEAM.name } as never }]);
    // The technical reviewer (on no team) reviews the file in the browser and completes the review.
    const { page: rv, errors: rvErrors } = await signedInPage(e2e.browser, e2e.server, REVIEWER, 'en-GB');
    const reviewer = (await findUserByEmail(p.db, REVIEWER.email))!;
    await insertMembership(p.db, c.body.id, reviewer.id, 'technical_reviewer');
    await rv.goto(`${e2e.server.baseUrl}/t/${c.body.id}/technical-reviews`);
    await rv.getByTestId('reviews-table').waitFor();
    await expect.poll(() => rv.locator(`[data-testid="review-open-audit"] option[value="${c.audits.stage2.id}"]`).count()).toBe(1);
    await rv.getByTestId('review-open-audit').selectOption(c.audits.stage2.id);
    await rv.getByTestId('review-open').click();
    await rv.getByTestId('review-checklist').waitFor();
    expect(await rv.getByTestId('review-item-concluding_report_issued').textContent()).toContain('holds');
    for (const item of ['stage1_report_issued', 'concluding_report_issued', 'majors_verified', 'minors_plans_accepted', 'follow_up_reports_issued', 'declarations_signed', 'competence_valid', 'audit_time_respected', 'scope_sites_consistent', 'soa_version_identified']) {
      await rv.getByTestId(`review-confirm-${item}`).check();
    }
    await rv.getByTestId('review-recommendation').selectOption('grant');
    await rv.getByTestId('review-complete').click();
    await rv.getByRole('dialog').getByRole('button', { name: 'Complete the review' }).click();
    await expect.poll(() => rv.getByTestId('review-state').textContent()).toBe('completed');
    expect(await rv.getByTestId('review-freshness').textContent()).toContain('The file has not changed since this review.');

    // On the team: the form explains the rule and names the audit, before and after trying.
    await fr.goto(`${e2e.server.baseUrl}/t/${c.body.id}/decisions/new?programmeId=${c.programme.id}`);
    const alert = fr.getByTestId('decision-independence');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('ISO/IEC 17021-1 9.5');
    expect(await fr.getByTestId(`independence-seat-${c.audits.stage2.reference}`).textContent()).toContain('Expert technique');
    await fr.getByTestId('decision-reasoning').fill('Dossier complet, étape 2 concluante.');
    await fr.getByTestId('decision-submit').click();
    await expect.poll(async () => (await fr.getByTestId('decision-independence').textContent()) ?? '').toContain(c.audits.stage2.reference);
    expect(await p.db.selectFrom('certification_decisions').select('id').where('tenant_id', '=', c.body.id).execute()).toEqual([]);

    // Independent: from the decisions page, the completed review leads to the form; the grant issues the certificate.
    await en.goto(`${e2e.server.baseUrl}/t/${c.body.id}/decisions`);
    await en.getByTestId(`decide-${c.audits.stage2.reference}`).click();
    await en.getByTestId('decision-no-blockers').waitFor();
    expect(await en.getByTestId('decision-independence').count()).toBe(0);
    await en.getByTestId('decision-reasoning').fill('Stage 2 conclusive; every checklist item confirmed by the technical reviewer.');
    await en.getByTestId('decision-submit').click();
    const number = en.getByTestId('decision-certificate-number');
    await number.waitFor();
    const cert = await p.db.selectFrom('certificates').select(['number', 'status']).where('tenant_id', '=', c.body.id).executeTakeFirstOrThrow();
    expect(cert.status).toBe('valid');
    expect(await number.textContent()).toBe(cert.number);
    expect(await en.getByTestId('decision-kind-value').textContent()).toBe('Grant certification');
    expect(frErrors).toEqual([]);
    expect(enErrors).toEqual([]);
    expect(rvErrors).toEqual([]);
  });
});
