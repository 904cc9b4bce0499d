import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import type { TSoc2Description } from '../../src/shared/contracts/soc2-descriptions.ts';
import type { TSoc2Request } from '../../src/shared/contracts/soc2-program.ts';
import type { TSoc2Exception } from '../../src/shared/contracts/soc2-exceptions.ts';
import { buildControl } from '../support/evidence.ts';
import { as, buildTenant } from '../support/factories.ts';
import { buildSoc2TestInFieldwork, createSoc2Examination, raiseSoc2Exception } from '../support/soc2-factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const ADMIN = { name: 'Hélène Marchand', email: 'helene.marchand@lumiere-soc2.example', password: 'Lumiere-soc2-2026-ok', locale: 'fr' as const };
const EVIDENCE_TITLE = 'Revue des accès du premier trimestre 2026';

/** Eight of the ten DC 200 sections and the assertion, written before the browser part (the admin writes the last two). */
const PREWRITTEN = {
  services: 'Notation de crédit en ligne pour les prêteurs de détail ; disponibilité de 99,9 % par mois.',
  commitments: 'Chiffrement des données des emprunteurs, journalisation des accès, reprise en moins de quatre heures.',
  infrastructure: 'AWS eu-west-3 (Paris), deux zones de disponibilité.',
  software: 'API de notation, back-office, entrepôt de données.',
  people: 'Ingénierie, exploitation, risques ; un comité de sécurité mensuel.',
  procedures: 'Gestion des changements par ticket, revue trimestrielle des accès, sauvegardes quotidiennes.',
  data: 'Demandes de crédit, scores, journaux ; conservés cinq ans.',
  boundaries: 'Le centre de contacts, sous-traité, est exclu du système examiné.',
};

describeInChromium('SOC 2 in Chromium: the organization writes and signs off its system description, then answers an information request', () => {
  const e2e = useServerAndBrowser();

  it('an administrator in French writes two sections, saves, signs off the draft, answers a PBC request with an evidence record and submits it; the firm sees it submitted', { timeout: 360_000 }, async () => {
    const p = e2e.server.platform;
    const base = e2e.server.baseUrl;
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, ADMIN, 'fr-FR');
    const admin = (await findUserByEmail(p.db, ADMIN.email))!;
    const org = await buildTenant(p, { name: 'Lumière Crédit' });
    await insertMembership(p.db, org.id, admin.id, 'admin');
    const { firm, examination } = await createSoc2Examination(p, { organization: org });

    // The firm confirms the scope (planning) and prepares one test whose request is already overdue.
    const app = e2e.server.app;
    const firmApi = await as(app, firm.owner);
    const ownerApi = await as(app, org.owner);
    const E = `/api/tenants/${firm.id}/soc2/examinations/${examination.id}`;
    const ok = async (res: Promise<{ statusCode: number; body: string }>, status = 200) => {
      const r = await res;
      expect(r.statusCode, r.body).toBe(status);
      return JSON.parse(r.body) as unknown;
    };
    await ok(firmApi.post(`${E}/confirm-scope`, {}));
    const control = await buildControl(p, org.id, { reference: 'ACC-01', title: 'Revue trimestrielle des accès' });
    await ok(firmApi.post(`${E}/matrix/links`, { criterionRef: 'CC6.1', controlId: control.id }));
    await ok(firmApi.post(`${E}/tests`, { controlId: control.id, methods: ['inspection'], procedure: 'Inspecter la revue des accès.', evidenceRequested: 'Export de la revue des accès de chaque trimestre', frequency: 'quarterly' }), 201);
    await ok(firmApi.post(`${E}/requests/generate`, { dueOn: '2026-02-15' }));
    await p.db
      .insertInto('evidence')
      .values({ tenant_id: org.id, series_id: randomUUID(), kind: 'link', title: EVIDENCE_TITLE, sha256: 'c'.repeat(64), url: 'https://intranet.example/acces-t1', effective_date: '2026-04-02', status: 'submitted', received_at: new Date(), contemporaneity_days: 30, not_contemporaneous: false })
      .execute();
    await ok(ownerApi.put(`/api/tenants/${org.id}/soc2/org-examinations/${examination.id}/description`, { sections: PREWRITTEN, assertion: 'La direction affirme que la description présente fidèlement le système sur la période.' }));

    // « Programme SOC 2 » in the navigation; the examination with its period in French.
    await page.goto(`${base}/t/${org.id}`);
    await page.getByTestId('nav-soc2-programme').click();
    const row = page.getByTestId(`soc2-exam-row-${examination.reference}`);
    await row.waitFor();
    expect(await row.getByTestId('soc2-exam-period').textContent()).toMatch(/^du 1er janvier 2026 au 30 juin 2026$/);
    expect(await row.getByTestId('soc2-description-state').textContent()).toBe('Brouillon');
    await expect.poll(() => row.getByTestId('soc2-exam-pending').textContent(), { timeout: 30_000 }).toBe('1 à traiterEn retard');
    await row.getByTestId('soc2-exam-open').click();

    // The last two sections, written and saved.
    await page.getByTestId('soc2-description-form').waitFor();
    expect(await page.getByTestId('soc2-signoff-missing').textContent()).toContain('Incidents significatifs, Changements significatifs');
    await page.getByTestId('soc2-description-incidents').fill('Aucun incident significatif pendant la période.');
    await page.getByTestId('soc2-description-changes').fill('Migration de l’entrepôt de données vers PostgreSQL 15 en mars 2026.');
    expect(await page.getByTestId('soc2-signoff-unsaved').count()).toBe(1);
    await page.getByTestId('soc2-description-save').click();
    await expect.poll(() => page.getByTestId('soc2-signoff-missing').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('soc2-signoff-unsaved').count()).toBe(0);

    // Sign-off: the dialog names what is signed and the draft's SHA-256, which the server checks.
    const saved = (await ok(ownerApi.get(`/api/tenants/${org.id}/soc2/org-examinations/${examination.id}/description`))) as TSoc2Description;
    expect(saved.versions[0]).toMatchObject({ version: 1, state: 'draft' });
    expect(await page.getByTestId('soc2-signoff-name').inputValue()).toBe(ADMIN.name);
    await page.getByTestId('soc2-signoff-title').fill('Directrice générale');
    await page.getByTestId('soc2-signoff-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const message = (await dialog.textContent()) ?? '';
    expect(message).toContain(`Au nom de la direction de Lumière Crédit, vous approuvez la version 1 de la description du système de l’examen ${examination.reference}`);
    expect(await dialog.getByTestId('soc2-signoff-sha').textContent()).toBe(saved.versions[0]!.contentSha256);
    await dialog.getByRole('button', { name: 'Approuver', exact: true }).click();
    const current = page.getByTestId('soc2-description-current');
    await current.waitFor();
    expect(await current.getByTestId('soc2-description-state').textContent()).toBe('Approuvée');
    expect(await current.getByTestId('soc2-description-status').textContent()).toMatch(/^Version 1 approuvée le .+ par Hélène Marchand, Directrice générale\. Elle est figée\.$/);
    expect(await page.getByTestId('soc2-description-form').count()).toBe(0);
    expect(await current.getByTestId('soc2-description-text-changes').textContent()).toContain('PostgreSQL 15');
    const signed = (await ok(firmApi.get(`${E}/description`))) as TSoc2Description;
    expect(signed.versions[0]).toMatchObject({ version: 1, state: 'signed_off', contentSha256: saved.versions[0]!.contentSha256, signedOff: { name: ADMIN.name, title: 'Directrice générale' } });

    // A new version starts from the signed text (not saved here: the signed version stays in force).
    await page.getByTestId('soc2-description-new-version').click();
    expect(await page.getByTestId('soc2-description-changes').inputValue()).toBe('Migration de l’entrepôt de données vers PostgreSQL 15 en mars 2026.');
    await page.getByTestId('soc2-description-changes').fill('Migration de l’entrepôt de données vers PostgreSQL 15 en mars 2026 ; nouveau fournisseur de messagerie.');
    expect(await page.getByTestId('soc2-description-changed-changes').textContent()).toBe('Section modifiée depuis la version 1');
    expect(await page.getByTestId('soc2-description-changed-incidents').count()).toBe(0);

    // The information request list: PBC-001, overdue since 15 February 2026.
    await page.getByTestId('soc2-tab-requests').click();
    const request = page.getByTestId('soc2-request-row-PBC-001');
    await request.waitFor();
    expect(await request.getByTestId('soc2-request-overdue').textContent()).toBe('En retard');
    expect(await request.textContent()).toContain('15 février 2026');
    expect(await request.getByTestId('soc2-request-state').textContent()).toBe('À traiter');
    await request.getByTestId('soc2-request-open').click();

    // Answer with the evidence record, save, then submit behind a confirmation.
    await page.getByTestId('soc2-request-form').waitFor();
    await page.getByTestId('soc2-request-answer-text').fill('La revue du premier trimestre a été faite le 2 avril ; l’export est joint.');
    await page.getByTestId('soc2-request-evidence-picker').click();
    await page.getByTestId('soc2-request-evidence-picker').fill('premier trimestre');
    await page.getByRole('option', { name: EVIDENCE_TITLE }).click();
    // The picker's list stays open for a second record: close it before reaching the buttons below it.
    await page.keyboard.press('Escape');
    await page.getByTestId('soc2-request-save').click();
    await expect.poll(() => page.getByTestId('soc2-request-submit').isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('soc2-request-submit').click();
    const submitDialog = page.getByRole('dialog');
    expect(await submitDialog.textContent()).toContain('La réponse à PBC-001 et la preuve qu’elle cite sont transmises à Cabinet Lafayette CPA.');
    await submitDialog.getByRole('button', { name: 'Soumettre au cabinet' }).click();
    await page.getByTestId('soc2-request-waiting').waitFor();
    expect(await page.getByTestId('soc2-request-form').count()).toBe(0);
    expect(await page.getByTestId('soc2-request-evidence').textContent()).toBe(EVIDENCE_TITLE);

    // The firm's side sees it submitted, with the answer and the evidence.
    const list = (await ok(firmApi.get(`${E}/requests`))) as { items: TSoc2Request[] };
    expect(list.items[0]).toMatchObject({ reference: 'PBC-001', state: 'submitted', answer: 'La revue du premier trimestre a été faite le 2 avril ; l’export est joint.', evidence: [{ title: EVIDENCE_TITLE }] });
    expect(errors).toEqual([]);
  });

  it('the organization responds to an exception in French with context, remediation and evidence; the auditor concludes and the organization reads the conclusion', { timeout: 360_000 }, async () => {
    const p = e2e.server.platform;
    const base = e2e.server.baseUrl;
    const user = { ...ADMIN, email: 'helene.marchand@lumiere-exceptions.example' };
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, user, 'fr-FR');
    const admin = (await findUserByEmail(p.db, user.email))!;
    const org = await buildTenant(p, { name: 'Lumière Crédit' });
    await insertMembership(p.db, org.id, admin.id, 'admin');
    const built = await buildSoc2TestInFieldwork(p, { built: await createSoc2Examination(p, { organization: org }), controlRef: 'ACC-02' });
    const raised = await raiseSoc2Exception(p, { firmId: built.firm.id, examinationId: built.examination.id, testId: built.test.id, description: 'La revue des accès du deuxième trimestre a été approuvée trois semaines après la fin du trimestre.' });
    await p.db
      .insertInto('evidence')
      .values({ tenant_id: org.id, series_id: randomUUID(), kind: 'link', title: 'Procédure de revue des accès, version 3', sha256: 'd'.repeat(64), url: 'https://intranet.example/procedure-acces', effective_date: '2026-07-15', status: 'submitted', received_at: new Date(), contemporaneity_days: 30, not_contemporaneous: false })
      .execute();

    await page.goto(`${base}/t/${org.id}/soc2-programme/${built.examination.id}/exceptions`);
    const card = page.getByTestId(`soc2-exception-${raised.reference}`);
    await card.waitFor();
    expect(await page.getByTestId('soc2-exceptions-control-ACC-02').textContent()).toContain('CC6.1');
    expect(await card.getByTestId('soc2-exception-state').textContent()).toBe('En attente de réponse');
    expect(await card.getByTestId('soc2-exception-description').textContent()).toContain('trois semaines après la fin du trimestre');
    await card.getByTestId('soc2-exception-context-input').fill('Le responsable de la revue était absent ; personne ne le suppléait.');
    await card.getByTestId('soc2-exception-remediation-input').fill('Un suppléant est désigné depuis juillet 2026 ; la procédure le prévoit.');
    await card.getByTestId('soc2-exception-evidence-picker').click();
    await card.getByTestId('soc2-exception-evidence-picker').fill('Procédure');
    await page.getByRole('option', { name: 'Procédure de revue des accès, version 3' }).click();
    await page.keyboard.press('Escape');
    await card.getByTestId('soc2-exception-save').click();
    await card.getByTestId('soc2-exception-response').waitFor();
    await expect.poll(() => card.getAttribute('data-state')).toBe('responded');
    expect(await card.getByTestId('soc2-exception-evidence').textContent()).toBe('Procédure de revue des accès, version 3');

    // The firm reads the response and concludes; the organization sees the conclusion and can no longer respond.
    const firmApi = await as(e2e.server.app, built.firm.owner);
    const X = `/api/tenants/${built.firm.id}/soc2/examinations/${built.examination.id}/exceptions/${raised.id}`;
    const seen = await firmApi.get(X);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json() as TSoc2Exception).toMatchObject({ state: 'responded', response: { remediation: 'Un suppléant est désigné depuis juillet 2026 ; la procédure le prévoit.', evidence: [{ title: 'Procédure de revue des accès, version 3' }] } });
    const concluded = await firmApi.post(`${X}/conclusion`, { conclusion: 'isolated', criterionImpact: 'none', notes: 'Un seul trimestre concerné.' });
    expect(concluded.statusCode, concluded.body).toBe(200);
    await page.reload();
    const conclusion = page.getByTestId(`soc2-exception-${raised.reference}`).getByTestId('soc2-exception-conclusion');
    await conclusion.waitFor();
    expect(await conclusion.textContent()).toContain('Conclusion\u00a0: exception isolée\u00a0; incidence sur le critère\u00a0: aucune.');
    expect(await page.getByTestId('soc2-exception-edit').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
