import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { findUserByEmail } from '../../src/server/modules/accounts/accounts-repo.ts';
import { insertMembership } from '../../src/server/modules/tenants/members-repo.ts';
import type { TOrgSoc2ReportStatus } from '../../src/shared/contracts/soc2-report.ts';
import type { TSoc2ComplementaryControl, TSoc2SubserviceOrg } from '../../src/shared/contracts/soc2-scope.ts';
import { buildControl } from '../support/evidence.ts';
import { as, buildTenant } from '../support/factories.ts';
import { createSoc2Examination, forceExaminationStateForTest, raiseSoc2Exception, recordSoc2Opinion } from '../support/soc2-factories.ts';
import { describeInChromium, signedInPage, useServerAndBrowser } from './support.ts';

/*
 * The organization's whole part of a SOC 2 examination, walked in the browser by an administrator,
 * once in English and once in French: the scope (subservice organization, CUEC, CSOC), the system
 * description's sign-off, the PBC list downloaded as XLSX (read back: headers in the user's language)
 * and a request answered, an exception responded to, then the issued report downloaded (the bytes'
 * SHA-256 is the stored one) and a bridge letter issued — refused first outside its bounds, with the
 * reason in the user's language. The firm's steps go through its API; only the state moves the
 * firm's screens own (fieldwork, the opinion) are written by the factories.
 */

const L = {
  en: {
    browserLocale: 'en-GB',
    user: { name: 'Grace Okafor', email: 'grace.okafor@lumiere-journey.example', password: 'Lumiere-journey-2026-ok', locale: 'en' as const },
    period: '1 January 2026 to 30 June 2026',
    carveOut: 'Carved out',
    subReport: 'SOC 2 Type II, to 31 March 2026',
    signOffConfirm: 'Sign off',
    signedState: 'Signed off',
    xlsxHeaders: ['Reference', 'Control', 'Test', 'What is requested', 'Due date', 'State', 'Overdue', 'Evidence provided', 'Last return reason'],
    xlsxOpen: 'Open',
    submit: 'Submit to the firm',
    opinion: 'Unmodified opinion',
    reportDate: /^\d{1,2} [A-Z][a-z]+ 20\d\d$/,
    bridgeDates: 'A bridge letter covers days after the period end',
    bridgeConfirm: 'Issue',
    bridgeRange: '1 July 2026 to 30 September 2026',
    title: 'Chief Executive Officer',
    docxSays: 'Bridge letter',
  },
  fr: {
    browserLocale: 'fr-FR',
    user: { name: 'Hélène Marchand', email: 'helene.marchand@lumiere-journey.example', password: 'Lumiere-journey-2026-ok', locale: 'fr' as const },
    period: 'du 1er janvier 2026 au 30 juin 2026',
    carveOut: 'Exclu (carve-out)',
    subReport: 'SOC 2 type II, jusqu’au 31 mars 2026',
    signOffConfirm: 'Approuver',
    signedState: 'Approuvée',
    xlsxHeaders: ['Référence', 'Contrôle', 'Test', 'Élément demandé', 'Échéance', 'État', 'En retard', 'Éléments probants fournis', 'Dernier motif de renvoi'],
    xlsxOpen: 'Ouverte',
    submit: 'Soumettre au cabinet',
    opinion: 'Opinion sans réserve',
    reportDate: /^\d{1,2}(er)? [a-zéû]+ 20\d\d$/,
    bridgeDates: 'Une lettre de continuité couvre des jours postérieurs à la fin de la période',
    bridgeConfirm: 'Émettre',
    bridgeRange: 'du 1er juillet 2026 au 30 septembre 2026',
    title: 'Directrice générale',
    docxSays: 'continuité',
  },
} as const;

const SECTIONS = {
  services: 'Online credit scoring for retail lenders; 99.9% monthly availability.',
  commitments: 'Borrowers’ data encrypted, access logged, recovery within four hours.',
  infrastructure: 'AWS eu-west-3 (Paris), two availability zones; hosting by Nébuleuse Cloud SAS.',
  software: 'Scoring API, back office, data warehouse.',
  people: 'Engineering, operations, risk; a monthly security committee.',
  procedures: 'Changes by ticket, quarterly access reviews, daily backups.',
  data: 'Credit applications, scores, logs; kept five years.',
  boundaries: 'The outsourced contact centre is outside the examined system.',
  incidents: 'No significant incident during the period.',
  changes: 'Data warehouse moved to PostgreSQL 15 in March 2026.',
};

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Clicks what starts a download and returns the file's bytes. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(path) };
}

describeInChromium('SOC 2 in Chromium: the organization’s journey, scope to bridge letter, in English and in French', () => {
  const e2e = useServerAndBrowser();

  for (const lang of ['en', 'fr'] as const) {
    const l = L[lang];
    it(`${lang}: scope → description sign-off → PBC (XLSX, answer) → exception response → report download → bridge letter`, { timeout: 400_000 }, async () => {
      const p = e2e.server.platform;
      const base = e2e.server.baseUrl;
      const { page, errors } = await signedInPage(e2e.browser, e2e.server, l.user, l.browserLocale);
      const admin = (await findUserByEmail(p.db, l.user.email))!;
      const org = await buildTenant(p, { name: 'Lumière Crédit' });
      await insertMembership(p.db, org.id, admin.id, 'admin');
      const { firm, examination } = await createSoc2Examination(p, { organization: org });

      // The firm records the scope's parts, confirms the scope, prepares one test and generates the PBC list.
      const firmApi = await as(e2e.server.app, firm.owner);
      const ownerApi = await as(e2e.server.app, org.owner);
      const E = `/api/tenants/${firm.id}/soc2/examinations/${examination.id}`;
      const O = `/api/tenants/${org.id}/soc2/org-examinations/${examination.id}`;
      const ok = async <T,>(res: Promise<{ statusCode: number; body: string }>, status = 200) => {
        const r = await res;
        expect(r.statusCode, r.body).toBe(status);
        return JSON.parse(r.body) as T;
      };
      const sub = await ok<TSoc2SubserviceOrg>(
        firmApi.post(`${E}/subservice-orgs`, { name: 'Nébuleuse Cloud SAS', services: 'Infrastructure hosting', treatment: 'carve_out', reportKind: 'soc2-type2', reportPeriodEnd: '2026-03-31', reportOpinion: 'unmodified' }),
        201,
      );
      const cuec = await ok<TSoc2ComplementaryControl>(firmApi.post(`${E}/complementary-controls`, { kind: 'cuec', statement: 'User entities review their users’ access every quarter.', criteria: ['CC6.1', 'CC6.2'] }), 201);
      const csoc = await ok<TSoc2ComplementaryControl>(
        firmApi.post(`${E}/complementary-controls`, { kind: 'csoc', statement: 'Physical access to the data centres is restricted to authorised staff.', criteria: ['CC6.4'], subserviceOrgId: sub.id }),
        201,
      );
      await ok(firmApi.post(`${E}/confirm-scope`, {}));
      const control = await buildControl(p, org.id, { reference: 'ACC-01', title: 'Quarterly access review' });
      await ok(firmApi.post(`${E}/matrix/links`, { criterionRef: 'CC6.1', controlId: control.id }));
      const test = await ok<{ id: string; reference: string }>(
        firmApi.post(`${E}/tests`, { controlId: control.id, methods: ['inspection'], procedure: 'Inspect each quarter’s access review.', evidenceRequested: 'Each quarter’s access review export', frequency: 'quarterly' }),
        201,
      );
      await ok(firmApi.post(`${E}/requests/generate`, { dueOn: '2026-12-15' }));
      await ok(ownerApi.put(`${O}/description`, { sections: SECTIONS, assertion: 'Management asserts that the description fairly presents the system throughout the period.' }));
      const EVIDENCE = `Q1 access review ${lang}`;
      await p.db
        .insertInto('evidence')
        .values({ tenant_id: org.id, series_id: randomUUID(), kind: 'link', title: EVIDENCE, sha256: 'c'.repeat(64), url: 'https://intranet.example/access-q1', effective_date: '2026-04-02', status: 'submitted', received_at: new Date(), contemporaneity_days: 30, not_contemporaneous: false })
        .execute();

      // 1. Scope: the period, the carved-out subservice organization with its own report, the CUEC and the CSOC.
      await page.goto(`${base}/t/${org.id}/soc2-programme/${examination.id}/scope`);
      await page.getByTestId('soc2-subservice-table').waitFor();
      expect(await page.getByTestId('soc2-scope-period').textContent()).toContain(l.period);
      const subRow = page.getByTestId(`soc2-subservice-row-${sub.position}`);
      expect(await subRow.textContent()).toContain('Nébuleuse Cloud SAS');
      expect(await subRow.getByTestId('soc2-subservice-treatment').textContent()).toBe(l.carveOut);
      expect(await subRow.getByTestId('soc2-subservice-report').textContent()).toContain(l.subReport);
      const cuecRow = page.getByTestId(`soc2-complementary-row-${cuec.reference}`);
      expect(await cuecRow.getByTestId('soc2-complementary-statement').textContent()).toBe('User entities review their users’ access every quarter.');
      expect(await cuecRow.getByTestId('soc2-complementary-criteria').textContent()).toBe('CC6.1CC6.2');
      const csocRow = page.getByTestId(`soc2-complementary-row-${csoc.reference}`);
      expect(await csocRow.textContent()).toContain('Nébuleuse Cloud SAS');
      expect(await csocRow.getByTestId('soc2-complementary-criteria').textContent()).toBe('CC6.4');

      // 2. Description: every section is written; the administrator signs off version 1.
      await page.getByTestId('soc2-tab-description').click();
      await page.getByTestId('soc2-signoff-title').fill(l.title);
      await page.getByTestId('soc2-signoff-button').click();
      await page.getByRole('dialog').getByRole('button', { name: l.signOffConfirm, exact: true }).click();
      const current = page.getByTestId('soc2-description-current');
      await current.waitFor();
      expect(await current.getByTestId('soc2-description-state').textContent()).toBe(l.signedState);

      // 3. PBC list: the XLSX in the user's language, then PBC-001 answered and submitted.
      await page.getByTestId('soc2-tab-requests').click();
      await page.getByTestId('soc2-request-row-PBC-001').waitFor();
      const xlsx = await download(page, 'soc2-requests-xlsx');
      expect(xlsx.name).toMatch(new RegExp(`^${examination.reference}-.+\\.xlsx$`));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(l.xlsxHeaders);
      expect(ws.getRow(2).getCell(1).value).toBe('PBC-001');
      expect(ws.getRow(2).getCell(6).value).toBe(l.xlsxOpen);
      await page.getByTestId('soc2-request-row-PBC-001').getByTestId('soc2-request-open').click();
      await page.getByTestId('soc2-request-answer-text').fill('The first quarter’s review was done on 2 April; the export is cited.');
      await page.getByTestId('soc2-request-evidence-picker').click();
      await page.getByTestId('soc2-request-evidence-picker').fill('Q1 access');
      await page.getByRole('option', { name: EVIDENCE }).click();
      await page.keyboard.press('Escape');
      await page.getByTestId('soc2-request-save').click();
      await expect.poll(() => page.getByTestId('soc2-request-submit').isEnabled(), { timeout: 30_000 }).toBe(true);
      await page.getByTestId('soc2-request-submit').click();
      await page.getByRole('dialog').getByRole('button', { name: l.submit }).click();
      await page.getByTestId('soc2-request-waiting').waitFor();

      // 4. Fieldwork finds an exception; management responds; the auditor concludes through the route.
      await forceExaminationStateForTest(p, firm.id, examination.id, 'fieldwork');
      const raised = await raiseSoc2Exception(p, { firmId: firm.id, examinationId: examination.id, testId: test.id, description: 'The second quarter’s review was approved three weeks late.' });
      await page.goto(`${base}/t/${org.id}/soc2-programme/${examination.id}/exceptions`);
      const card = page.getByTestId(`soc2-exception-${raised.reference}`);
      await card.waitFor();
      await card.getByTestId('soc2-exception-context-input').fill('The reviewer was away and had no deputy.');
      await card.getByTestId('soc2-exception-remediation-input').fill('A deputy is named since July 2026.');
      await card.getByTestId('soc2-exception-save').click();
      await expect.poll(() => card.getAttribute('data-state'), { timeout: 30_000 }).toBe('responded');
      await ok(firmApi.post(`${E}/exceptions/${raised.id}/conclusion`, { conclusion: 'isolated', criterionImpact: 'none', notes: 'One quarter only.' }));

      // 5. The partner issues the report (the opinion is the firm's screen, recorded by the factory).
      await recordSoc2Opinion(p, { firmId: firm.id, examinationId: examination.id, opinion: 'unmodified', userId: firm.owner.id });
      await ok(firmApi.post(`${E}/report/issue`, {}), 201);
      const status = await ok<TOrgSoc2ReportStatus>(ownerApi.get(`${O}/report`));

      await page.goto(`${base}/t/${org.id}/soc2-programme/${examination.id}/report`);
      const reportCard = page.getByTestId('soc2-report-card');
      await reportCard.waitFor();
      expect(await reportCard.getByTestId('soc2-report-reference').textContent()).toContain(examination.reference);
      expect(await reportCard.getByTestId('soc2-report-opinion').textContent()).toContain(l.opinion);
      expect((await reportCard.getByTestId('soc2-report-date').textContent())!.replace(/^\D+(?=\d)/, '')).toMatch(l.reportDate);
      const pdf = await download(page, `soc2-report-download-${lang}-pdf`);
      expect(sha(pdf.bytes)).toBe(status.report!.files.find((f) => f.locale === lang && f.format === 'pdf')!.sha256);
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

      // 6. Bridge letter: a day inside the period is refused, in the user's language, on the field; then issued.
      const form = page.getByTestId('soc2-bridge-form');
      // The date picker stops where the server does: the limit, or today when earlier; the next report ends after the period.
      const d = new Date();
      const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      expect(await form.getByTestId('soc2-bridge-covers-until').getAttribute('max')).toBe(status.bridgeLimit! < today ? status.bridgeLimit : today);
      expect(await form.getByTestId('soc2-bridge-next-report').getAttribute('min')).toBe(await form.getByTestId('soc2-bridge-covers-until').getAttribute('min'));
      await form.getByTestId('soc2-bridge-covers-until').fill('2026-06-30');
      await form.getByTestId('soc2-bridge-title').fill(l.title);
      await form.getByTestId('soc2-bridge-issue').click();
      await page.getByRole('dialog').getByRole('button', { name: l.bridgeConfirm, exact: true }).click();
      await expect.poll(() => form.textContent(), { timeout: 30_000 }).toContain(l.bridgeDates);
      expect(await page.getByTestId('soc2-bridge-row-' + `${status.report!.reference}-BL1`).count()).toBe(0);

      await form.getByTestId('soc2-bridge-covers-until').fill('2026-09-30');
      await form.getByTestId('soc2-bridge-changes').fill('New authentication provider since 1 July 2026.\nBackups moved to a second region.');
      await form.getByTestId('soc2-bridge-issue').click();
      await page.getByRole('dialog').getByRole('button', { name: l.bridgeConfirm, exact: true }).click();
      const letterRef = `${status.report!.reference}-BL1`;
      const letterRow = page.getByTestId(`soc2-bridge-row-${letterRef}`);
      await letterRow.waitFor({ timeout: 60_000 });
      expect(await letterRow.textContent()).toContain(l.bridgeRange);
      expect(await letterRow.textContent()).toContain(l.user.name);
      const docx = await download(page, `soc2-bridge-download-${letterRef}-${lang}-docx`);
      const text = (await mammoth.extractRawText({ buffer: docx.bytes })).value;
      expect(text).toContain(l.user.name);
      expect(text).toContain(l.title);
      expect(text.toLowerCase()).toContain(l.docxSays.toLowerCase());
      const after = await ok<TOrgSoc2ReportStatus>(ownerApi.get(`${O}/report`));
      expect(after.bridgeLetters).toMatchObject([{ reference: letterRef, coversUntil: '2026-09-30', issuedBy: { name: l.user.name } }]);
      expect(sha(docx.bytes)).toBe(after.bridgeLetters[0]!.files.find((f) => f.locale === lang && f.format === 'docx')!.sha256);
      expect(errors).toEqual([]);
    });
  }
});
