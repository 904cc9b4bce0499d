import fs from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { buildAuditTeam, buildBody, buildEngagement } from '../support/certification-factories.ts';
import { buildControl } from '../support/evidence.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const AUDITOR = { name: 'Hugo Bernard', email: 'hugo.bernard@verite-certification.example', password: 'Verite-certif-2026-ok', locale: 'en' as const };

describeInChromium('certification audit checklist in Chromium: stage 2 worked by the lead auditor, the report issued in French', () => {
  const e2e = useServerAndBrowser();

  it('generates the checklist from the approved SoA, records a nonconformity with evidence, filters by verdict, issues the report in French and downloads its PDF', async () => {
    const p = e2e.server.platform;
    const app = e2e.server.app;

    // The organization: an approved SoA (every fifth Annex A control excluded) and a submitted evidence, through its own API.
    const org = await buildTenant(p, { name: 'Lumière Crédit' });
    const contributor = await as(app, await buildMembership(p, org, 'contributor'));
    const owner = await as(app, org.owner);
    const S = `/api/tenants/${org.id}/soa`;
    const draft = (await contributor.post(`${S}/draft`, { from: 'blank' })).json() as { id: string; entries: { ref: string }[] };
    const excluded = draft.entries.filter((_, i) => i % 5 === 4).map((e) => e.ref);
    await p.db.updateTable('soa_entries').set({ applicable: true, justification: 'Needed for credit scoring.', implementation_status: 'implemented' }).where('tenant_id', '=', org.id).where('version_id', '=', draft.id).execute();
    await p.db.updateTable('soa_entries').set({ applicable: false, justification: 'Sans objet.', implementation_status: null }).where('tenant_id', '=', org.id).where('ref', 'in', excluded).execute();
    expect((await contributor.post(`${S}/draft/submit`)).statusCode).toBe(200);
    expect((await owner.post(`${S}/draft/approve`, {})).statusCode).toBe(200);
    const control = await buildControl(p, org.id, { reference: 'GOV-1', title: 'AI policy approved by the board' });
    const ev = await contributor.post(`/api/tenants/${org.id}/evidence`, { kind: 'link', url: 'https://intranet.example/risk-criteria', title: 'Risk criteria, board minutes', effectiveDate: '2026-11-20', controlIds: [control.id] });
    expect(ev.statusCode, ev.body).toBe(201);
    const evidenceId = (ev.json() as { id: string }).id;

    // The certification body: an engagement with the client, the stage 2 in progress, the signed-in auditor as its lead.
    const body = await buildBody(p, { name: 'Vérité Certification' });
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, AUDITOR, 'en-GB');
    const auditorRow = (await findUserByEmail(p.db, AUDITOR.email))!;
    await insertMembership(p.db, body.id, auditorRow.id, 'auditor');
    const engagement = await buildEngagement(p, body, org);
    const stage2 = engagement.audits.stage2;
    await p.db.updateTable('audits').set({ state: 'in_progress', planned_start: '2026-12-01', planned_end: '2026-12-03' }).where('id', '=', stage2.id).execute();
    await buildAuditTeam(p, body, stage2.id, [{ role: 'lead_auditor', user: { id: auditorRow.id, email: AUDITOR.email, password: AUDITOR.password } }, { role: 'auditor' }]);

    // Generate.
    await page.goto(`${e2e.server.baseUrl}/t/${body.id}/audits/${stage2.id}`);
    await page.getByTestId('audit-tab-checklist').click();
    await page.getByTestId('checklist-generate').click();
    await expect.poll(() => page.getByTestId('checklist-basis').textContent()).toBe('Clauses 4–10 and the applicable Annex A controls');
    expect(await page.getByTestId('checklist-source').textContent()).toContain('Statement of Applicability version 1');
    const total = await page.locator('[data-row]').count();
    expect(total).toBeGreaterThan(60);
    expect(await page.getByTestId('checklist-progress-text').textContent()).toBe(`0 of ${total} items judged`);
    // Grouped by clause and Annex A theme; excluded controls are not on it.
    await page.getByRole('group', { name: '6 Planning' }).waitFor();
    await page.getByRole('group', { name: 'A.2 Policies related to AI' }).waitFor();
    expect(await page.getByTestId(`checklist-row-${excluded[0]}`).count()).toBe(0);

    // A nonconformity on 6.1.2 with a note and the client's evidence, picked through the engagement.
    await page.getByTestId('checklist-row-6.1.2').click();
    await expect.poll(() => page.getByTestId('checklist-item-title').textContent()).toMatch(/^6\.1\.2 /);
    await page.getByTestId('checklist-verdict').getByText('Nonconforming', { exact: true }).click();
    // Without notes, a nonconformity cannot be saved.
    expect(await page.getByTestId('checklist-save').isDisabled()).toBe(true);
    await page.getByTestId('checklist-notes').fill('Risk acceptance criteria are not approved by top management.');
    await page.getByTestId('checklist-evidence').click();
    await page.getByTestId('checklist-evidence').fill('Risk criteria');
    await page.getByRole('option', { name: /Risk criteria, board minutes/ }).click();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('checklist-save-state').getAttribute('data-state')).toBe('unsaved');
    await page.getByTestId('checklist-save').click();
    await expect.poll(() => page.getByTestId('checklist-save-state').getAttribute('data-state')).toBe('saved');
    expect(await page.getByTestId('checklist-row-6.1.2').getByTestId('verdict-badge').textContent()).toBe('Nonconforming');
    expect(await page.getByTestId('checklist-progress-text').textContent()).toBe(`1 of ${total} items judged`);

    const saved = await p.db.selectFrom('audit_checklist_items').select(['verdict', 'notes']).where('audit_id', '=', stage2.id).where('ref', '=', '6.1.2').executeTakeFirstOrThrow();
    expect(saved).toEqual({ verdict: 'nonconforming', notes: 'Risk acceptance criteria are not approved by top management.' });
    // Citing the evidence was a read of the client's records, in both audit logs.
    for (const tenantId of [org.id, body.id]) {
      const reads = await p.db.selectFrom('audit_events').select('summary').where('tenant_id', '=', tenantId).where('action', '=', 'engagement.aims_read').execute();
      expect(reads.some((r) => r.summary.after?.resource === 'evidence' && r.summary.after?.recordId === evidenceId)).toBe(true);
    }

    // Filter by verdict: the address carries it and the open item; a reload lands on the same view.
    await page.getByTestId('checklist-filter').getByText('Nonconforming · 1').click();
    await expect.poll(() => page.locator('[data-row]').count()).toBe(1);
    expect(page.url()).toContain('verdict=nonconforming');
    expect(page.url()).toMatch(/item=[0-9a-f-]{36}/);
    await page.reload();
    await expect.poll(() => page.locator('[data-row]').count()).toBe(1);
    expect(await page.getByTestId('checklist-notes').inputValue()).toBe('Risk acceptance criteria are not approved by top management.');
    await page.getByTestId('checklist-filter').getByText(/^Open · /).click();
    await expect.poll(() => page.locator('[data-row]').count()).toBe(total - 1);

    // The other items are judged the same way, one by one: written directly here.
    await p.db.updateTable('audit_checklist_items').set({ verdict: 'conforming' }).where('audit_id', '=', stage2.id).where('verdict', 'is', null).execute();

    // The report, in French.
    await page.getByTestId('language-switch').getByText('FR').click();
    await page.goto(`${e2e.server.baseUrl}/t/${body.id}/audits/${stage2.id}/report`);
    await page.getByTestId('report-form').waitFor();
    await expect.poll(() => page.getByTestId('report-count-nonconforming').textContent()).toBe('1');
    expect(await page.getByTestId('report-count-conforming').textContent()).toBe(String(total - 1));
    await page.getByTestId('report-summary').fill('Le SMIA est mis en œuvre pour le système de notation de crédit.');
    await page.getByTestId('report-conclusions').fill('Une non-conformité mineure sur 6.1.2 : critères d’acceptation des risques non approuvés.');
    await page.getByTestId('report-closingMeetingDate').fill('2026-12-03');
    await page.getByTestId('report-attendee-add').click();
    await page.getByTestId('report-attendee-0-name').fill('Claire Martin');
    await page.getByTestId('report-attendee-0-organization').fill('Lumière Crédit');
    await page.getByTestId('report-attendee-0-role').fill('Directrice conformité');
    await page.getByTestId('report-recommendation-grant_after_corrections').click();
    await page.getByTestId('report-save').click();
    await expect.poll(() => page.getByTestId('report-unsaved').count()).toBe(0);
    await page.getByTestId('report-issue').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Émettre', exact: true }).click();
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('Émis');
    // Issued reports are read-only.
    expect(await page.getByTestId('report-form').count()).toBe(0);
    expect(await page.getByTestId('report-view-recommendation').textContent()).toBe('L’équipe recommande la certification une fois les actions correctives des non-conformités acceptées.');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download-fr-pdf').click()]);
    const bytes = fs.readFileSync((await download.path())!);
    const text = (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text.replace(/\s+/g, ' ').replace(/\u00a0/g, ' ');
    for (const s of ['Rapport d’audit — étape 2', 'Réunion de clôture', '3 décembre 2026', 'Claire Martin', 'L’équipe recommande la certification une fois les actions correctives', 'Risk acceptance criteria are not approved by top management.'])
      expect(text, s).toContain(s);

    // Surveillance 1: the team adds an Annex A control to the proposed sample; 6.1.2, nonconforming at stage 2, comes first.
    const s1 = engagement.audits.surveillance1;
    await p.db.updateTable('audits').set({ state: 'in_progress' }).where('id', '=', s1.id).execute();
    await buildAuditTeam(p, body, s1.id, [{ role: 'lead_auditor', user: { id: auditorRow.id, email: AUDITOR.email, password: AUDITOR.password } }]);
    await page.goto(`${e2e.server.baseUrl}/t/${body.id}/audits/${s1.id}/checklist`);
    await page.getByTestId('checklist-sample').click();
    await page.getByTestId('checklist-sample').fill('A.6.2.4');
    await page.getByRole('option', { name: /^A\.6\.2\.4 / }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('checklist-generate').click();
    await page.getByRole('group', { name: 'Non-conformités antérieures · 6 Planification' }).waitFor();
    const refs = await page.locator('[data-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.replace('checklist-row-', '')));
    expect(refs).toEqual(['6.1.2', '6.2', '6.3', '8.1', '9.2.1', '9.2.2', '9.3.1', '9.3.2', '9.3.3', '10.1', '10.2', 'A.6.2.4']);
    expect(errors).toEqual([]);
  });
});
