import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { buildAuditTeam, buildBody, buildEngagement } from '../support/certification-factories.ts';
import { buildTenant } from '../support/factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const LEAD = { name: 'Léa Dubois', email: 'lea.dubois@verite-certification.example', password: 'Verite-plan-2026-ok', locale: 'fr' as const };
const ADMIN = { name: 'Claire Martin', email: 'claire.martin@lumiere-credit.example', password: 'Lumiere-plan-2026-ok', locale: 'fr' as const };

describeInChromium('certification audit plan in Chromium: issued in French by the lead auditor, acknowledged by the organization', () => {
  const e2e = useServerAndBrowser();

  it('the lead auditor issues the plan in French, the organization’s admin acknowledges it, the body sees who and when', async () => {
    const p = e2e.server.platform;
    const org = await buildTenant(p, { name: 'Lumière Crédit' });
    const body = await buildBody(p, { name: 'Vérité Certification' });

    const lead = await signedInPage(e2e.browser, e2e.server, LEAD, 'fr-FR');
    const leadRow = (await findUserByEmail(p.db, LEAD.email))!;
    await insertMembership(p.db, body.id, leadRow.id, 'auditor');
    const engagement = await buildEngagement(p, body, org);
    const stage2 = engagement.audits.stage2;
    await p.db.updateTable('audits').set({ state: 'confirmed', planned_start: '2026-12-01', planned_end: '2026-12-03' }).where('id', '=', stage2.id).execute();
    await buildAuditTeam(p, body, stage2.id, [{ role: 'lead_auditor', user: { id: leadRow.id, email: LEAD.email, password: LEAD.password } }]);
    await p.db.insertInto('client_ai_systems').values({ tenant_id: body.id, client_id: engagement.client.id, name: 'Score crédit', tier: 'high', role: 'provider' }).execute();
    await p.db.updateTable('clients').set({ preferred_locale: 'fr' }).where('id', '=', engagement.client.id).execute();

    // The lead auditor drafts and issues the plan, in French.
    const { page } = lead;
    await page.goto(`${e2e.server.baseUrl}/t/${body.id}/audits/${stage2.id}/plan`);
    await page.getByTestId('plan-editor').waitFor();
    await page.getByTestId('plan-objectives').fill('Confirmer la conformité du SMIA à l’ISO/IEC 42001.');
    await page.getByTestId('plan-add-session').click();
    const session = page.getByTestId('plan-session-0');
    await session.getByTestId('session-topic').fill('Leadership et politique IA');
    await session.getByTestId('session-interviewees').fill('Directrice générale');
    await session.getByTestId('session-requirements').fill('5.1, 5.2, A.2.2');
    await page.getByTestId('plan-sample-Score crédit').click();
    await page.getByTestId('plan-sample-reason-Score crédit').fill('Système à haut risque.');
    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan-saved').waitFor();
    await page.getByTestId('plan-issue').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Émettre et envoyer', exact: true }).click();
    await expect.poll(() => page.getByTestId('plan-version-1').getByTestId('plan-status').textContent()).toBe('Envoyé');
    expect(await page.getByTestId('plan-version-1').textContent()).toContain('(Français)');

    // The organization's administrator acknowledges it from the page the mail links to.
    const admin = await signedInPage(e2e.browser, e2e.server, ADMIN, 'fr-FR');
    const adminRow = (await findUserByEmail(p.db, ADMIN.email))!;
    await insertMembership(p.db, org.id, adminRow.id, 'admin');
    await admin.page.goto(`${e2e.server.baseUrl}/t/${org.id}/certification/${engagement.engagement.id}`);
    const card = admin.page.getByTestId(`org-plan-${stage2.reference}-v1`);
    await card.waitFor();
    expect(await card.textContent()).toContain('Leadership et politique IA');
    await card.getByTestId('org-plan-acknowledge').click();
    await admin.page.getByRole('dialog').getByRole('button', { name: 'Accuser réception', exact: true }).click();
    await expect.poll(() => card.getByTestId('org-plan-ack').textContent()).toContain('Claire Martin');

    // The body sees the acknowledgement with who and when.
    await page.reload();
    await expect.poll(() => page.getByTestId('plan-version-1').getByTestId('plan-status').textContent()).toBe('Accusé de réception');
    const ack = await page.getByTestId('plan-ack').textContent();
    expect(ack).toMatch(/^Réception accusée le .+ par Claire Martin$/);
    // The client's page shows its programme, an audit past its deadline in red.
    await p.db.updateTable('audits').set({ due_by: '2026-01-15' }).where('id', '=', engagement.audits.stage1.id).execute();
    await page.goto(`${e2e.server.baseUrl}/t/${body.id}/clients/${engagement.client.id}`);
    await page.getByTestId(`client-audit-${stage2.reference}`).waitFor();
    expect(await page.getByTestId(`client-audit-${engagement.audits.stage1.reference}`).textContent()).toContain('15 janvier 2026 · en retard');
    expect(await page.getByTestId(`client-audit-${stage2.reference}`).textContent()).toContain('Confirmé');
    expect(lead.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  });
});
