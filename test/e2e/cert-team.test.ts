import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { buildBody, buildEngagement } from '../support/certification-factories.ts';
import { buildMembership, buildTenant } from '../support/factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const MANAGER = { name: 'Claire Moreau', email: 'claire.moreau@verite-certification.example', password: 'Verite-certif-2026-ok', locale: 'fr' as const };

describeInChromium('certification audit team in Chromium (French): a refused assignment says why, the lead signs the declaration', () => {
  const e2e = useServerAndBrowser();

  it('refuses a consultant within the cooling-off period in French, assigns the lead, who signs the impartiality declaration', async () => {
    const p = e2e.server.platform;
    const org = await buildTenant(p, { name: 'Lumière Crédit' });
    const body = await buildBody(p, { name: 'Vérité Certification' });
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, MANAGER, 'fr-FR');
    const manager = (await findUserByEmail(p.db, MANAGER.email))!;
    await insertMembership(p.db, body.id, manager.id, 'scheme_manager');
    const { client, audits } = await buildEngagement(p, body, org);
    await p.db.updateTable('audits').set({ planned_start: '2027-06-01', planned_end: '2027-06-02' }).where('id', '=', audits.stage1.id).execute();
    const consultant = await buildMembership(p, body, 'auditor');
    await p.db.updateTable('users').set({ name: 'Hugo Bernard' }).where('id', '=', consultant.id).execute();
    const record = { tenant_id: body.id, scheme: 'iso42001' as const, qualification: 'Auditeur principal ISO/IEC 42001', iso42001_trained_on: '2025-03-14', ai_domain_areas: ['Notation de crédit'], lead_qualified: true, valid_from: '2025-01-01', valid_until: '2029-12-31' };
    await p.db.insertInto('auditor_competences').values([{ ...record, user_id: consultant.id }, { ...record, user_id: manager.id }]).execute();
    // Hugo advised the client until 1 December 2025: 18 months before the audit, within the 24 months.
    await p.db.insertInto('auditor_conflicts').values({ tenant_id: body.id, client_id: client.id, user_id: consultant.id, kind: 'consultancy', started_on: '2025-01-01', ended_on: '2025-12-01' }).execute();

    await page.goto(`${e2e.server.baseUrl}/t/${body.id}/audits/${audits.stage1.id}/team`);
    await page.getByTestId('audit-team-empty').waitFor();
    await page.getByTestId('team-assign-person').click();
    await page.getByRole('option', { name: /Hugo Bernard/ }).click();
    await page.getByTestId('team-assign-submit').click();
    const refusal = page.getByTestId('team-assign-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      'Hugo Bernard ne peut pas auditer ce client\u00a0: conseil pour le client terminé le 1er décembre 2025, dans le délai de carence de l’organisme de certification de 24\u00a0mois. De nouveau possible à partir du 2 décembre 2027.',
    );
    expect(await p.db.selectFrom('audit_team_members').select('user_id').where('audit_id', '=', audits.stage1.id).execute()).toEqual([]);

    // The manager puts themself on as lead auditor, then signs their declaration.
    await page.getByTestId('team-assign-person').click();
    await page.getByRole('option', { name: /Claire Moreau/ }).click();
    await page.getByTestId('team-assign-role').click();
    await page.getByRole('option', { name: 'Responsable d’audit' }).click();
    await page.getByTestId('team-assign-submit').click();
    await page.getByTestId(`audit-team-${MANAGER.email}`).waitFor();
    await expect.poll(() => page.getByTestId(`team-competence-${MANAGER.email}`).textContent()).toContain('compétent jusqu’au 31 décembre 2029');
    expect(await page.getByTestId(`team-declaration-${MANAGER.email}`).textContent()).toBe('non signée');
    const statement = await page.getByTestId('team-declaration-statement').textContent();
    expect(statement).toContain('Pour cet audit et ce client, je déclare');
    await page.getByTestId('team-declaration-sign').click();
    await expect.poll(() => page.getByTestId(`team-declaration-${MANAGER.email}`).textContent()).toMatch(/^signée le /);
    // The card goes with the next render after the status: wait for it rather than read it at once.
    await expect.poll(() => page.getByTestId('team-declaration-card').count()).toBe(0);
    const signed = await p.db.selectFrom('audit_impartiality_declarations').select(['user_id', 'locale']).where('audit_id', '=', audits.stage1.id).execute();
    expect(signed).toEqual([{ user_id: manager.id, locale: 'fr' }]);
    expect(errors).toEqual([]);
  });
});
