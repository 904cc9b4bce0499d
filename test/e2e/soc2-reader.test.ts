import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import { readerToken } from '../../src/server/modules/soc2/readers/reader-common.ts';
import { createSoc2ReadersService } from '../../src/server/modules/soc2/readers/readers-service.ts';
import type { TUserActor } from '../../src/server/platform/authz/actor.ts';
import { buildTenant } from '../support/factories.ts';
import { issueSoc2Report } from '../support/soc2-factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const ADMIN_EN = { name: 'Grace Holloway', email: 'grace.holloway@northwind-readers.example', password: 'Northwind-readers-2026-ok', locale: 'en' as const };
const ADMIN = { name: 'Hélène Marchand', email: 'helene.marchand@lumiere-lecteurs.example', password: 'Lumiere-lecteurs-2026-ok', locale: 'fr' as const };

type TInvitee = { email: string; name: string; company: string };

/**
 * The steps both languages share: the organization (its admin signed in on `page`) has an issued
 * Type II report, invites a reader through the readers tab, and the reader opens their link without
 * an account in a browser of `readerLocale`. Returns the reader's page and the invitation's row id.
 */
async function inviteAndOpen(e2e: ReturnType<typeof useServerAndBrowser>, page: Page, admin: { email: string }, orgName: string, who: TInvitee, invitedLabel: string, readerLocale: string) {
  const p = e2e.server.platform;
  const base = e2e.server.baseUrl;
  const adminRow = (await findUserByEmail(p.db, admin.email))!;
  const org = await buildTenant(p, { name: orgName });
  await insertMembership(p.db, org.id, adminRow.id, 'admin');
  // A Type II report issued by the engagement partner through the report service (real files and hashes).
  const built = await issueSoc2Report(p, { organization: org });
  await page.goto(`${base}/t/${org.id}/soc2-programme/${built.examination.id}/readers`);
  await page.getByTestId('reader-invite-form').waitFor();
  expect(await page.getByTestId('soc2-readers-report').textContent()).toContain(built.report.reference);
  await page.getByTestId('reader-invite-email').fill(who.email);
  await page.getByTestId('reader-invite-name').fill(who.name);
  await page.getByTestId('reader-invite-company').fill(who.company);
  await page.getByTestId('reader-invite-submit').click();
  const row = page.locator('[data-testid^="reader-row-"]');
  await row.first().waitFor();
  const readerId = ((await row.first().getAttribute('data-testid')) ?? '').replace('reader-row-', '');
  expect(await page.getByTestId(`reader-state-${readerId}`).textContent()).toBe(invitedLabel);

  const token = readerToken(p.secretKey, built.firm.id, readerId);
  const context = await e2e.browser.newContext({ locale: readerLocale, acceptDownloads: true });
  const reader = await context.newPage();
  const readerErrors: string[] = [];
  reader.on('pageerror', (e) => readerErrors.push(e.message));
  await reader.goto(`${base}/reader/${token}`);
  await reader.getByTestId('reader-page').waitFor();
  return { built, report: built.report, org, admin: adminRow, readerId, token, context, reader, readerErrors };
}

describeInChromium('SOC 2 in Chromium: a report reader under NDA', () => {
  const e2e = useServerAndBrowser();

  it('the organization invites a French reader; the reader opens the link in French, accepts the terms by typing their name, downloads a copy stamped on every page; revoked, the link is refused', { timeout: 360_000 }, async () => {
    const p = e2e.server.platform;
    const base = e2e.server.baseUrl;
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, ADMIN, 'fr-FR');
    // « Lecteurs du rapport »: invite Éloïse Durand of Banque Orée, in French; the reader, without an
    // account, in an English-speaking browser: the page follows the invitation's language.
    const { built, report, org, readerId, token, context, reader, readerErrors } = await inviteAndOpen(
      e2e, page, ADMIN, 'Lumière Crédit', { email: 'rssi@banque-oree.example', name: 'Éloïse Durand', company: 'Banque Orée' }, 'Invité', 'en-GB');
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

  it('in English: the organization invites an English reader who opens the link in an English browser, accepts the terms, downloads a copy stamped in English on every page; expired and revoked links are refused in English', { timeout: 360_000 }, async () => {
    const p = e2e.server.platform;
    const base = e2e.server.baseUrl;
    const { page, errors } = await signedInPage(e2e.browser, e2e.server, ADMIN_EN, 'en-GB');
    // « Report readers » in English: the invitation's language follows the interface (English); the
    // reader, without an account, in a US-English browser.
    const { built, report, org, admin, readerId, token, context, reader, readerErrors } = await inviteAndOpen(
      e2e, page, ADMIN_EN, 'Northwind Payments', { email: 'ciso@harbour-bank.example', name: 'Oliver Bennett', company: 'Harbour Bank plc' }, 'Invited', 'en-US');
    await expect.poll(() => reader.getByTestId('reader-report').textContent(), { timeout: 30_000 }).toBe('Northwind Payments shares with you its SOC 2 Type II report issued by Cabinet Lafayette CPA, from 1 January 2026 to 30 June 2026.');
    expect(await reader.getByTestId('reader-for').textContent()).toMatch(/^For Oliver Bennett \(Harbour Bank plc\), access until \d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(await reader.getByTestId('reader-nda').textContent()).toContain('Restricted use — terms of access to this SOC 2 report');
    expect(await reader.getByTestId('reader-downloads').count()).toBe(0);

    await reader.getByTestId('reader-accept-name').fill('Oliver Bennett');
    await reader.getByTestId('reader-accept').click();
    await reader.getByTestId('reader-accepted').waitFor();
    expect(await reader.getByTestId('reader-accepted').textContent()).toMatch(/^Terms accepted by Oliver Bennett on /);

    const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByTestId('reader-download-en').click()]);
    const copy = fs.readFileSync((await download.path())!);
    const issued = report.files.find((f) => f.locale === 'en' && f.format === 'pdf')!;
    expect(createHash('sha256').update(copy.subarray(0, issued.size)).digest('hex')).toBe(issued.sha256);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(copy)), { mergePages: false });
    // English long date, day first (en-GB, the product's English), on the copy's day in Paris.
    const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date());
    expect(today).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(text.length).toBeGreaterThan(1);
    text.map((t) => t.replace(/\s+/g, ' ')).forEach((pageText, i) => {
      expect(pageText, `page ${i + 1}`).toContain('Confidential — restricted use');
      expect(pageText, `page ${i + 1}`).toContain(`Copy for Oliver Bennett (Harbour Bank plc) — ${today}`);
    });

    // A second reader invited (through the service) more than a year ago: the firm's 365 days are over.
    const longAgo = new Date(Date.now() - 400 * 86_400_000);
    const actor: TUserActor = {
      type: 'user',
      userId: admin.id,
      email: ADMIN_EN.email,
      name: ADMIN_EN.name,
      locale: 'en',
      mfaEnabled: false,
      isPlatformAdmin: false,
      sessionId: null,
      createdAt: longAgo.toISOString(),
      memberships: [{ tenantId: org.id, tenantName: org.name, tenantKind: 'organization', role: 'admin', requireMfa: false }],
    };
    const stale = await createSoc2ReadersService({ ...p, clock: { now: () => longAgo } }).invite(
      actor,
      org.id,
      built.examination.id,
      { email: 'audit@maple-assurance.example', name: 'Priya Shah', company: 'Maple Assurance LLP', locale: 'en' },
      { requestId: 'e2e', ip: null, userAgent: null },
    );
    const expired = await context.newPage();
    expired.on('pageerror', (e) => readerErrors.push(e.message));
    await expired.goto(`${base}/reader/${readerToken(p.secretKey, built.firm.id, stale.id)}`);
    await expired.getByTestId('reader-refused').waitFor();
    expect(await expired.getByTestId('reader-refused').textContent()).toBe('Access expiredThis access to the report has expired. Ask the organization that invited you for a new invitation.');

    // The organization revokes the first reader; the link is refused in English.
    await page.reload();
    await expect.poll(() => page.getByTestId(`reader-state-${readerId}`).textContent(), { timeout: 30_000 }).toBe('Terms accepted');
    expect(await page.getByTestId(`reader-state-${stale.id}`).textContent()).toBe('Expired');
    await page.getByTestId(`reader-log-${readerId}`).click();
    const log = page.getByTestId(`reader-log-table-${readerId}`);
    await log.waitFor();
    expect(await log.textContent()).toContain('Copy downloaded');
    await page.keyboard.press('Escape');
    await page.getByTestId(`reader-revoke-${readerId}`).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => page.getByTestId(`reader-state-${readerId}`).textContent(), { timeout: 30_000 }).toBe('Revoked');

    await reader.reload();
    await reader.getByTestId('reader-refused').waitFor();
    expect(await reader.getByTestId('reader-refused').textContent()).toBe('Access withdrawnThe organization that invited you has withdrawn this access to the report.');
    await context.close();
    expect(errors).toEqual([]);
    expect(readerErrors).toEqual([]);
  });
});
