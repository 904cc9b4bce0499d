import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import type { Page } from 'playwright-core';
import { createAccountsService } from '../../src/server/modules/accounts/accounts-service.ts';
import type { TPlatform } from '../../src/server/platform/platform.ts';
import { buildTenant } from '../support/factories.ts';
import { buildBody, buildClient } from '../support/certification-factories.ts';
import { utf8 } from '../support/smtp.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

const MANAGER = { email: 'helene.roux@verite-certification.example', name: 'Hélène Roux', password: 'Verite-schema-2026', locale: 'en' as const };
const CONTACT = { email: 'camille.durand@lumiere-credit.example', name: 'Camille Durand', password: 'Lumiere-accepte-2026' };

/** Without SMTP the e2e server writes each mail to its outbox folder: the proposal link is read there. */
async function proposalTokenFromOutbox(dataDir: string, to: string): Promise<string> {
  const dir = path.join(dataDir, 'outbox');
  for (let i = 0; i < 600; i++) {
    for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      const text = utf8(fs.readFileSync(path.join(dir, f), 'utf8'));
      const token = text.includes(to) ? /\/proposal\/([0-9a-f]{8}-[0-9a-f-]{27}\.[0-9a-f-]{36}\.[0-9a-f]{64})/.exec(text)?.[1] : undefined;
      if (token) return token;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no proposal mail for ${to}`);
}

/** The body's side: a client with a kept audit-time calculation, a proposal drafted from it in the browser and sent. */
async function draftAndSend(manager: Page, base: string, bodyId: string, clientId: string) {
  await manager.goto(`${base}/t/${bodyId}/audit-time?clientId=${clientId}`);
  await manager.getByTestId('at-keep').click();
  await manager.getByTestId('at-kept').locator('tbody tr').first().waitFor();
  await manager.goto(`${base}/t/${bodyId}/clients/${clientId}`);
  await manager.getByTestId('client-new-proposal').click();
  await manager.getByTestId('proposal-new-calculation').waitFor();
  const stage2Days = Number((await manager.getByTestId('proposal-days-stage2').inputValue()).replace(',', '.'));
  expect(stage2Days).toBeGreaterThan(0);
  await manager.getByTestId('proposal-travel-stage2').fill('180');
  await manager.getByTestId('proposal-create').click();
  await expect.poll(() => manager.getByTestId('proposal-state').textContent(), { timeout: 30_000 }).toBe('Draft');
  await manager.getByTestId('proposal-audit-time').waitFor();
  expect(await manager.getByTestId('proposal-line-stage2').count()).toBe(0);
  expect(await manager.getByTestId('proposal-travel-stage2').inputValue()).toContain('180');
  await manager.getByTestId('proposal-send').click();
  await manager.getByTestId('proposal-send-confirm').click();
  await expect.poll(() => manager.getByTestId('proposal-state').textContent(), { timeout: 30_000 }).toBe('Sent');
  await manager.getByTestId('proposal-line-stage2').waitFor();
  return manager.url();
}

async function bodyWithClient(p: TPlatform, managerEmail: string, contactEmail: string, locale: 'en' | 'fr') {
  const body = await buildBody(p, { name: 'Vérité Certification' });
  await insertMembership(p.db, body.id, (await findUserByEmail(p.db, managerEmail))!.id, 'scheme_manager');
  const client = await buildClient(p, body, { legalName: 'Lumière Crédit SA', employees: 120, aiSystems: 5 });
  await p.db.updateTable('clients').set({ contact_email: contactEmail, contact_name: 'Contact', preferred_locale: locale }).where('tenant_id', '=', body.id).where('id', '=', client.id).execute();
  return { body, client };
}

describeInChromium('certification proposal in Chromium: drafted and sent by the body in English, accepted online in French by a newcomer', () => {
  const e2e = useServerAndBrowser();

  it('the scheme manager prices and sends; the client’s contact signs up from the link, founds the organization and accepts; both sides see it', { timeout: 240_000 }, async () => {
    const p = e2e.server.platform;
    const { page: manager, errors } = await signedInPage(e2e.browser, e2e.server, MANAGER, 'en-GB');
    const { body, client } = await bodyWithClient(p, MANAGER.email, CONTACT.email, 'fr');
    const base = e2e.server.baseUrl;
    const proposalUrl = await draftAndSend(manager, base, body.id, client.id);

    // The contact opens the mailed link, in French.
    const token = await proposalTokenFromOutbox(p.config.dataDir, CONTACT.email);
    const contact = await e2e.browser.newPage({ locale: 'fr-FR' });
    contact.on('pageerror', (e) => errors.push(e.message));
    await contact.goto(`${base}/proposal/${token}`);
    await expect.poll(() => contact.getByTestId('proposal-title').textContent(), { timeout: 30_000 }).toMatch(/^Vérité Certification SAS — proposition PRO-\d{4}-0001$/);
    expect(await contact.getByTestId('proposal-audit-time').textContent()).toContain('Effectif');
    expect(await contact.getByTestId('proposal-pdf').getAttribute('href')).toBe(`/api/public/proposals/${token}/document`);

    // A forged link gets a plain page in the visitor's language.
    const forged = await e2e.browser.newPage({ locale: 'fr-FR' });
    await forged.goto(`${base}/proposal/${token.slice(0, -4)}${token.endsWith('0000') ? '1111' : '0000'}`);
    await expect.poll(() => forged.getByTestId('proposal-invalid').textContent(), { timeout: 30_000 }).toContain('Ce lien ne fonctionne pas');
    await forged.close();

    // Sign up with the address the proposal went to, then found the organization and accept.
    expect(await contact.getByTestId('proposal-signup-email').inputValue()).toBe(CONTACT.email);
    await contact.getByTestId('proposal-signup-name').fill(CONTACT.name);
    await contact.getByTestId('proposal-signup-password').fill(CONTACT.password);
    await contact.getByTestId('proposal-signup-confirm').fill(CONTACT.password);
    await contact.getByTestId('proposal-signup-submit').click();
    await expect.poll(() => contact.getByTestId('proposal-signed-in-as').textContent(), { timeout: 30_000 }).toContain(CONTACT.email);
    await contact.getByTestId('proposal-org-name').fill('Lumière Crédit');
    await contact.getByTestId('proposal-accept').click();
    await expect.poll(() => contact.getByTestId('proposal-accepted').textContent(), { timeout: 30_000 }).toContain('Proposition acceptée');

    // The engagement and its programme on the organization's Certification page.
    await contact.getByTestId('proposal-open-engagement').click();
    await expect.poll(() => contact.getByTestId('engagement-body').textContent(), { timeout: 30_000 }).toMatch(/^Vérité Certification/);
    expect(await contact.getByTestId('engagement-status').textContent()).toBe('Active');
    await expect.poll(() => contact.getByTestId('engagement-audits').locator('tbody tr').count()).toBe(5);
    // The sections the audit-plan pages add: plans to acknowledge, who read what.
    await contact.getByTestId('org-audit-plans').waitFor();
    expect(await contact.getByTestId('engagement-audits').textContent()).toContain('Étape 1');
    const orgId = /\/t\/([0-9a-f-]{36})\/certification\//.exec(contact.url())![1]!;
    await contact.goto(`${base}/t/${orgId}/certification`);
    await contact.getByTestId('nav-certification').waitFor();
    await expect.poll(() => contact.getByTestId('engagement-open').textContent(), { timeout: 30_000 }).toMatch(/^Vérité Certification.* — ISO\/IEC 42001$/);

    // The link now says it was answered.
    await contact.goto(`${base}/proposal/${token}`);
    await expect.poll(() => contact.getByTestId('proposal-closed-accepted').textContent(), { timeout: 30_000 }).toContain('Lumière Crédit');

    // The body sees who accepted, when and for which organization.
    await manager.goto(proposalUrl);
    await expect.poll(() => manager.getByTestId('proposal-state').textContent(), { timeout: 30_000 }).toBe('Accepted');
    expect(await manager.getByTestId('proposal-acceptance').textContent()).toContain(`by ${CONTACT.name} (${CONTACT.email}) for Lumière Crédit`);
    await manager.goto(`${base}/t/${body.id}/proposals?status=accepted`);
    await manager.getByTestId('proposals-table').locator('tbody tr').first().waitFor();
    expect(await manager.getByTestId('proposals-table').textContent()).toContain('Lumière Crédit SA');
    expect(errors).toEqual([]);
  });

  it('an owner of an existing organization signs in from the link, in English, and declines with a reason', { timeout: 240_000 }, async () => {
    const p = e2e.server.platform;
    const manager2 = { ...MANAGER, email: 'marc.petit@verite-certification.example', name: 'Marc Petit' };
    const owner = { email: 'sophie.leroy@lumiere-credit.example', name: 'Sophie Leroy', password: 'Lumiere-refuse-2026', locale: 'en' as const };
    const { page: manager, errors } = await signedInPage(e2e.browser, e2e.server, manager2, 'en-GB');
    await createAccountsService(p).createAdmin(owner, { requestId: 'e2e', ip: null, userAgent: null });
    const org = await buildTenant(p, { name: 'Lumière Crédit (existing)', owner: { id: (await findUserByEmail(p.db, owner.email))!.id, email: owner.email, password: owner.password } });
    const { body, client } = await bodyWithClient(p, manager2.email, owner.email, 'en');
    const base = e2e.server.baseUrl;
    const proposalUrl = await draftAndSend(manager, base, body.id, client.id);

    const token = await proposalTokenFromOutbox(p.config.dataDir, owner.email);
    const contact = await e2e.browser.newPage({ locale: 'en-GB' });
    contact.on('pageerror', (e) => errors.push(e.message));
    await contact.goto(`${base}/proposal/${token}`);
    await contact.getByTestId('proposal-identify').waitFor();
    await contact.getByText('I have an account').click();
    await contact.getByTestId('proposal-login-email').fill(owner.email);
    await contact.getByTestId('proposal-login-password').fill(owner.password);
    await contact.getByTestId('proposal-login-submit').click();
    await expect.poll(() => contact.getByTestId('proposal-signed-in-as').textContent(), { timeout: 30_000 }).toContain(owner.email);
    expect(await contact.getByTestId(`proposal-org-${org.name}`).isChecked()).toBe(true);
    await contact.getByTestId('proposal-decline').click();
    await contact.getByTestId('proposal-decline-reason').fill('We chose another certification body.');
    await contact.getByTestId('proposal-decline-confirm').click();
    await expect.poll(() => contact.getByTestId('proposal-declined').textContent(), { timeout: 30_000 }).toContain('Proposal declined');

    await manager.goto(proposalUrl);
    await expect.poll(() => manager.getByTestId('proposal-state').textContent(), { timeout: 30_000 }).toBe('Declined');
    expect(await manager.getByTestId('proposal-decline').textContent()).toContain('by Sophie Leroy: We chose another certification body.');
    expect(errors).toEqual([]);
  });
});
