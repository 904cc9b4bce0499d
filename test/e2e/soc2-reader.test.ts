import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { readerToken } from '../../src/server/modules/soc2/readers/reader-common.ts';
import { buildTenant } from '../support/factories.ts';
import { issueSoc2Report } from '../support/soc2-factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const ADMIN = { name: 'Hélène Marchand', email: 'helene.marchand@lumiere-lecteurs.example', password: 'Lumiere-lecteurs-2026-ok', locale: 'fr' as const };

describeInChromium('SOC 2 in Chromium: a report reader under NDA', () => {
  const e2e = useServerAndBrowser();

  it('the organization invites a French reader; the reader opens the link in French, accepts the terms by typing their name, downloads a copy stamped on every page; revoked, the link is refused', { timeout: 360_000 }, async () => {
    const p = e2e.server.platform;
    const base = e2e.server.baseUrl;
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, ADMIN, 'fr-FR');
    const admin = (await findUserByEmail(p.db, ADMIN.email))!;
    const org = await buildTenant(p, { name: 'Lumière Crédit' });
    await insertMembership(p.db, org.id, admin.id, 'admin');
    // A Type II report issued by the engagement partner through the report service (real files and hashes).
    const built = await issueSoc2Report(p, { organization: org });
    const { report } = built;

    // « Lecteurs du rapport »: invite Éloïse Durand of Banque Orée, in French.
    await page.goto(`${base}/t/${org.id}/soc2-programme/${built.examination.id}/readers`);
    await page.getByTestId('reader-invite-form').waitFor();
    expect(await page.getByTestId('soc2-readers-report').textContent()).toContain(report.reference);
    await page.getByTestId('reader-invite-email').fill('rssi@banque-oree.example');
    await page.getByTestId('reader-invite-name').fill('Éloïse Durand');
    await page.getByTestId('reader-invite-company').fill('Banque Orée');
    await page.getByTestId('reader-invite-submit').click();
    const row = page.locator('[data-testid^="reader-row-"]');
    await row.first().waitFor();
    const readerId = ((await row.first().getAttribute('data-testid')) ?? '').replace('reader-row-', '');
    expect(await page.getByTestId(`reader-state-${readerId}`).textContent()).toBe('Invité');

    // The reader, without an account, in an English-speaking browser: the page follows the invitation's language.
    const token = readerToken(p.secretKey, built.firm.id, readerId);
    const context = await e2e.browser.newContext({ locale: 'en-GB', acceptDownloads: true });
    const reader = await context.newPage();
    const readerErrors: string[] = [];
    reader.on('pageerror', (e) => readerErrors.push(e.message));
    await reader.goto(`${base}/reader/${token}`);
    await reader.getByTestId('reader-page').waitFor();
    await expect.poll(() => reader.getByTestId('reader-report').textContent(), { timeout: 30_000 }).toMatch(/^Lumière Crédit partage avec vous son rapport SOC 2 type II émis par Cabinet Lafayette CPA, du 1er janvier 2026 au 30 juin 2026\.$/);
    expect(await reader.getByTestId('reader-nda').textContent()).toContain('Diffusion restreinte — conditions d’accès à ce rapport SOC 2');
    expect(await reader.getByTestId('reader-downloads').count()).toBe(0);

    await reader.getByTestId('reader-accept-name').fill('Éloïse Durand');
    await reader.getByTestId('reader-accept').click();
    await reader.getByTestId('reader-accepted').waitFor();
    expect(await reader.getByTestId('reader-accepted').textContent()).toMatch(/^Conditions acceptées par Éloïse Durand le /);

    const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByTestId('reader-download-fr').click()]);
    const file = await download.path();
    const copy = fs.readFileSync(file!);
    const issued = report.files.find((f) => f.locale === 'fr' && f.format === 'pdf')!;
    expect(createHash('sha256').update(copy.subarray(0, issued.size)).digest('hex')).toBe(issued.sha256);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(copy)), { mergePages: false });
    const today = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date()).replace(/^1 /, '1er ');
    text.map((t) => t.replace(/\s+/g, ' ')).forEach((pageText, i) => expect(pageText, `page ${i + 1}`).toContain(`Exemplaire de Éloïse Durand (Banque Orée) — ${today}`));

    // The organization sees the acceptance and the download in the access log, then revokes.
    await page.reload();
    await expect.poll(() => page.getByTestId(`reader-state-${readerId}`).textContent(), { timeout: 30_000 }).toBe('Conditions acceptées');
    await page.getByTestId(`reader-log-${readerId}`).click();
    const log = page.getByTestId(`reader-log-table-${readerId}`);
    await log.waitFor();
    expect(await log.textContent()).toContain('Exemplaire téléchargé');
    await page.keyboard.press('Escape');
    await page.getByTestId(`reader-revoke-${readerId}`).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Révoquer' }).click();
    await expect.poll(() => page.getByTestId(`reader-state-${readerId}`).textContent(), { timeout: 30_000 }).toBe('Révoqué');

    await reader.reload();
    await reader.getByTestId('reader-refused').waitFor();
    expect(await reader.getByTestId('reader-refused').textContent()).toContain('L’organisation qui vous a invité a retiré cet accès au rapport.');
    await context.close();
    expect(errors).toEqual([]);
    expect(readerErrors).toEqual([]);
  });
});
