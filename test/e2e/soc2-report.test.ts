import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { loadUserActor } from '../../src/server/platform/auth/sessions.ts';
import { readerToken } from '../../src/server/modules/soc2/readers/reader-common.ts';
import { createReaderLinkService } from '../../src/server/modules/soc2/readers/reader-link-service.ts';
import { createSoc2ReadersService } from '../../src/server/modules/soc2/readers/readers-service.ts';
import { createSoc2BridgeLetterService } from '../../src/server/modules/soc2/report/bridge-letter-service.ts';
import { buildTenant } from '../support/factories.ts';
import { buildCpaFirm, buildSoc2ReportReady, createSoc2ExaminationThroughProposal, issueSoc2Report } from '../support/soc2-factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const MANAGER = { name: 'Daniel Okafor', email: 'daniel.okafor@lafayette-nda.example', password: 'Lafayette-nda-2026-ok', locale: 'en' as const };
const PARTNER = { name: 'Mathilde Garnier', email: 'mathilde.garnier@lafayette-cpa.example', password: 'Lafayette-rapport-2026-ok', locale: 'fr' as const };
const RENEWER = { name: 'Priya Raman', email: 'priya.raman@lafayette-renew.example', password: 'Lafayette-renew-2026-ok', locale: 'en' as const };
const CTX = { requestId: null, ip: '203.0.113.7', userAgent: 'Lecteur/1.0' };

const pdfPages = async (bytes: Buffer) => (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false })).text.map((x) => x.replace(/\s+/g, ' '));
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describeInChromium('SOC 2 in Chromium: the firm’s report, its readers and the terms they accept', () => {
  const e2e = useServerAndBrowser();

  it('previews the draft, issues the report behind a confirmation, downloads the French PDF (reference and opinion in it), then sees a reader and their logged access', { timeout: 360_000 }, async () => {
    const p = e2e.server.platform;
    const base = e2e.server.baseUrl;
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, PARTNER, 'fr-FR');
    const partner = (await findUserByEmail(p.db, PARTNER.email))!;
    const firm = await buildCpaFirm(p, { name: 'Cabinet Lafayette CPA' });
    await insertMembership(p.db, firm.id, partner.id, 'auditor');
    const organization = await buildTenant(p, { name: 'Lumière Crédit' });
    const w = await buildSoc2ReportReady(p, { firm, organization });
    const x = w.examination;
    // The signed-in auditor is the engagement partner (the factory names the firm's founder).
    await p.db.updateTable('soc2_examinations').set({ partner_user_id: partner.id }).where('id', '=', x.id).execute();

    // Before issue: nothing stops it, the readers tab says there is no report yet.
    await page.goto(`${base}/t/${firm.id}/soc2-examinations/${x.id}/readers`);
    await page.getByTestId('soc2-firm-readers-no-report').waitFor();
    await page.getByTestId('soc2-tab-report').click();
    await page.getByTestId('soc2-report-ready').waitFor();
    expect(await page.getByTestId('soc2-report-status').getAttribute('data-issued')).toBe('false');
    expect(await page.getByTestId('soc2-report-ready').textContent()).toBe('Rien n’empêche d’émettre le rapport.');

    // The French draft: what the link opens, through the signed-in session, marked on every page.
    const previewHref = (await page.getByTestId('soc2-report-preview-fr').getAttribute('href'))!;
    const preview = await page.request.get(`${base}${previewHref}`);
    expect(preview.status()).toBe(200);
    expect(preview.headers()['content-type']).toBe('application/pdf');
    (await pdfPages(await preview.body())).forEach((text, i) => expect(text, `preview page ${i + 1}`).toContain('PROJET — non émis'));

    // Issue: the confirmation says the report becomes immutable.
    await page.getByTestId('soc2-report-issue').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain(`Le rapport ${x.reference} sera émis en votre nom d’associé responsable`);
    expect(await dialog.textContent()).toContain('Un rapport émis devient immuable');
    await dialog.getByRole('button', { name: 'Émettre le rapport' }).click();
    await page.getByTestId('soc2-report-issued').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('soc2-report-reference').textContent()).toBe(x.reference);
    expect(await page.getByTestId('soc2-report-issued-by').textContent()).toBe(PARTNER.name);
    expect(await page.getByTestId('soc2-report-issued-at').textContent()).toMatch(/\d{4}/);
    expect(await page.getByTestId('soc2-report-model-sha').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await expect.poll(() => page.getByTestId('soc2-examination-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('issued');
    expect(await page.getByTestId('soc2-report-issue').count()).toBe(0);

    // The French PDF, downloaded as stored: its SHA-256 is the one shown; the reference and the qualified opinion are in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('soc2-report-file-fr-pdf').click()]);
    const pdf = fs.readFileSync((await download.path())!);
    expect(sha256(pdf)).toBe(await page.getByTestId('soc2-report-file-fr-pdf-sha').textContent());
    const text = (await pdfPages(pdf)).join(' ');
    expect(text).toContain(x.reference);
    expect(text).toContain('À notre avis, à l’exception des points décrits dans le fondement de l’opinion avec réserve');
    expect(text).not.toContain('PROJET — non émis');

    // The general-use summary is offered to the partner once the report is issued.
    await page.getByTestId('soc2-general-use-issue').waitFor();
    expect(await page.getByTestId('soc2-bridge-letters-empty').textContent()).toBe('L’organisation n’a émis aucune lettre de continuité.');

    // The organization invites a reader, who accepts the terms and downloads a French copy (through the services).
    const owner = (await loadUserActor(p.database, organization.owner.id))!;
    const reader = await createSoc2ReadersService(p).invite(owner, organization.id, x.id, { email: 'rssi@banque-oree.example', name: 'Éloïse Durand', company: 'Banque Orée', locale: 'fr' }, CTX);
    const link = createReaderLinkService(p);
    const token = readerToken(p.secretKey, firm.id, reader.id);
    const view = await link.preview(token, CTX);
    await link.accept(token, { name: 'Éloïse Durand', ndaVersion: view.nda.version, ndaSha256: view.nda.sha256 }, CTX);
    await link.download(token, 'fr', CTX);
    // …and its management issues a bridge letter up to 30 September 2026.
    const letter = await createSoc2BridgeLetterService(p).issue(owner, organization.id, x.id, { coversUntil: '2026-09-30', changes: [], incidents: [], signatory: { name: 'Camille Roussel', title: 'Directrice générale' } }, CTX);

    // The firm's readers tab: the reader, the terms they accepted, their expiry, and the access log (who, when, what).
    await page.getByTestId('soc2-tab-readers').click();
    const row = page.getByTestId(`firm-reader-row-${reader.id}`);
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    for (const s of ['Éloïse Durand', 'rssi@banque-oree.example', 'Banque Orée', `Version ${view.nda.version} le `]) expect(rowText, s).toContain(s);
    expect(await page.getByTestId(`firm-reader-state-${reader.id}`).textContent()).toBe('Conditions acceptées');
    expect(await page.getByTestId('soc2-firm-readers-report').textContent()).toContain(x.reference);
    const log = (await page.getByTestId('soc2-firm-readers-log').textContent()) ?? '';
    for (const s of ['Éloïse Durand', 'Invitation', 'Conditions acceptées', 'Exemplaire téléchargé (français)', 'Exemplaire de Éloïse Durand (Banque Orée)', '203.0.113.7']) expect(log, s).toContain(s);
    expect(await page.getByText('Inviter un lecteur').count()).toBe(0);

    // The organization's bridge letter, listed on the report tab with its files (read afresh: it came from the other tenant).
    await page.getByTestId('soc2-tab-report').click();
    await page.reload();
    const bridge = page.getByTestId(`soc2-bridge-letter-${letter.reference}`);
    await bridge.waitFor();
    expect(await bridge.textContent()).toContain('30 septembre 2026');
    await bridge.getByTestId(`soc2-bridge-letter-file-${letter.reference}-fr-pdf`).waitFor();
    await page.getByTestId('soc2-tab-readers').click();

    // The terms readers accept, reached from the readers tab: version 1 in both languages.
    await page.getByTestId('soc2-firm-readers-nda').click();
    await page.getByTestId('soc2-nda-current').waitFor();
    expect(await page.getByTestId('soc2-nda-current-version').textContent()).toBe('Version 1 — en vigueur');
    expect(await page.getByTestId('soc2-nda-text-1-fr').textContent()).toContain('Diffusion restreinte — conditions d’accès à ce rapport SOC 2');
    expect(await page.getByTestId('soc2-nda-publish').count()).toBe(0);

    expect(errors).toEqual([]);
  });

  it('the scheme manager goes from an accepted SOC 2 proposal to its engagement’s examinations, reads the terms readers accept and publishes version 2 in English and French; version 1 stays in the history', { timeout: 240_000 }, async () => {
    const p = e2e.server.platform;
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, MANAGER, 'en-GB');
    const manager = (await findUserByEmail(p.db, MANAGER.email))!;
    const firm = await buildCpaFirm(p, { name: 'Cabinet Lafayette NDA' });
    await insertMembership(p.db, firm.id, manager.id, 'scheme_manager');

    // From an accepted SOC 2 proposal to its engagement's examinations, and from there to the terms.
    const flow = await createSoc2ExaminationThroughProposal(p, { firm, organization: await buildTenant(p, { name: 'Lumière Crédit' }) });
    await createSoc2ExaminationThroughProposal(p, { firm, organization: await buildTenant(p, { name: 'Banque Orée' }) });
    await page.goto(`${e2e.server.baseUrl}/t/${firm.id}/proposals/${flow.proposal.id}`);
    await page.getByTestId('proposal-soc2-examinations').click();
    await page.getByTestId(`soc2-examination-row-${flow.examination.reference}`).waitFor();
    expect(await page.getByTestId('soc2-examinations-engagement').textContent()).toContain(`Examinations of the engagement with ${flow.organization.name}`);
    expect(await page.locator('[data-testid^="soc2-examination-row-"]').count()).toBe(1);
    // Its report tab, in scoping: what stops the report, in words; no preview, no issue for someone who is not the partner.
    await page.getByTestId(`soc2-examination-link-${flow.examination.reference}`).click();
    await page.getByTestId('soc2-tab-report').click();
    await page.getByTestId('soc2-report-gate').waitFor();
    expect(await page.getByTestId('soc2-report-gap-state').textContent()).toBe('The examination is not in reporting (it is in “Scoping”).');
    expect(await page.getByTestId('soc2-report-gap-opinion').textContent()).toBe('The engagement partner has not recorded the opinion.');
    expect(await page.getByTestId('soc2-report-gap-signedOffDescription').textContent()).toBe('Management has not signed off the system description.');
    expect(await page.getByTestId('soc2-report-preview-en').count()).toBe(0);
    expect(await page.getByTestId('soc2-report-only-partner').textContent()).toMatch(/^Only the engagement partner/);
    await page.goBack();
    await page.goBack();
    await page.getByTestId('soc2-examinations-engagement-clear').click();
    await expect.poll(() => page.locator('[data-testid^="soc2-examination-row-"]').count(), { timeout: 30_000 }).toBe(2);
    await page.getByTestId('soc2-nda-link').click();
    await page.getByTestId('soc2-nda-current').waitFor();
    expect(await page.getByTestId('soc2-nda-current-version').textContent()).toBe('Version 1 — in force');
    expect(await page.getByTestId('soc2-nda-publish-submit').isDisabled()).toBe(true);

    const en = 'Restricted use. This report is for the service organization, its customers and their auditors only; do not pass it on. Version 2.';
    const fr = 'Usage restreint. Ce rapport est réservé à l’organisation de services, à ses clients et à leurs auditeurs ; ne le transmettez pas. Version 2.';
    await page.getByTestId('soc2-nda-text-en').fill(en);
    await page.getByTestId('soc2-nda-text-fr').fill(fr);
    await page.getByTestId('soc2-nda-publish-submit').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('Version 2 will apply to every reader who accepts from now on.');
    await dialog.getByRole('button', { name: 'Publish version 2' }).click();
    await expect.poll(() => page.getByTestId('soc2-nda-current-version').textContent(), { timeout: 30_000 }).toBe('Version 2 — in force');
    expect(await page.getByTestId('soc2-nda-text-2-en').textContent()).toBe(en);
    expect(await page.getByTestId('soc2-nda-text-2-fr').textContent()).toBe(fr);
    expect(await page.getByTestId('soc2-nda-current').textContent()).toContain(`by ${MANAGER.name}`);
    await page.getByTestId('soc2-nda-version-1').click();
    await expect.poll(() => page.getByTestId('soc2-nda-text-1-fr').textContent(), { timeout: 30_000 }).toContain('Diffusion restreinte — conditions d’accès à ce rapport SOC 2');

    expect(errors).toEqual([]);
  });

  it('the scheme manager opens the next period from an issued report: the new examination is in scoping, and each page links to the other', { timeout: 240_000 }, async () => {
    const p = e2e.server.platform;
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, RENEWER, 'en-GB');
    const manager = (await findUserByEmail(p.db, RENEWER.email))!;
    const firm = await buildCpaFirm(p, { name: 'Cabinet Lafayette Renouvellement' });
    await insertMembership(p.db, firm.id, manager.id, 'scheme_manager');
    const issued = await issueSoc2Report(p, { firm });
    const base = `${e2e.server.baseUrl}/t/${firm.id}/soc2-examinations`;

    await page.goto(`${base}/${issued.examination.id}/report`);
    await page.getByTestId('soc2-renewal-open').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain(`The issued report of ${issued.examination.reference} does not change.`);
    await dialog.getByRole('button', { name: 'Open the next period' }).click();
    // The new examination: another reference, in scoping, the period after the issued one.
    await page.getByTestId('soc2-renewal-previous').waitFor();
    expect(await page.getByTestId('soc2-renewal-previous').textContent()).toBe(`Previous period: ${issued.examination.reference}`);
    await expect.poll(() => page.getByTestId('soc2-examination-state').getAttribute('data-state')).toBe('scoping');
    const title = (await page.getByTestId('soc2-examination-title').textContent()) ?? '';
    expect(title).not.toContain(issued.examination.reference);
    expect(await page.getByTestId('soc2-renewal-open').count()).toBe(0);

    // Back on the issued one: the next period is linked, and nothing offers to open a second.
    await page.getByTestId('soc2-renewal-previous').click();
    await page.getByTestId('soc2-renewal-next').waitFor();
    expect(await page.getByTestId('soc2-renewal-next').textContent()).toBe(`Next period: ${title.split(' · ')[0]}`);
    expect(await page.getByTestId('soc2-renewal-open').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
