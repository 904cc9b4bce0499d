import { createHash } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect } from 'vitest';
import { ZSoc2OpinionView, ZSoc2OpinionWarnings } from '../../src/shared/contracts/soc2-exceptions.ts';
import { ZPublicSoc2Reader, ZSoc2Reader, ZSoc2ReaderList } from '../../src/shared/contracts/soc2-readers.ts';
import { ZOrgSoc2ReportStatus, ZSoc2ReportStatus } from '../../src/shared/contracts/soc2-report.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { utf8 as mailText } from '../support/smtp.ts';
import { createClient } from '../support/test-app.ts';
import type { TJourney } from './soc2-journey.test.ts';

const flat = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
const pdfPages = async (bytes: Buffer) => {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
  return text.map(flat);
};

/**
 * Stage 5 of issue 12's journey: reporting starts once everything is concluded; the engagement
 * partner records a qualified opinion and issues the report; the firm and the organization download
 * it in English and French; a customer invited by the organization accepts the NDA and downloads a
 * copy stamped with their name and company, the access logged; a customer not invited gets 404.
 */
export async function journeyReport(j: TJourney) {
  const { t, ok, E, O, manager, auditor, orgOwner } = j;

  // Reporting: every test and exception is concluded.
  j.clock.set(new Date('2026-08-03T09:00:00Z'));
  expect(await ok(auditor.post(`${E}/reporting`))).toEqual({ examinationId: j.examinationId, state: 'reporting' });
  const warnings = ZSoc2OpinionWarnings.parse(await ok(auditor.get(`${E}/opinion/warnings`)));
  expect(warnings.untestedCriteria).toEqual([]);
  expect(warnings.unconcludedTests).toEqual([]);
  expect(warnings.doubtfulExceptions.map((x) => [x.reference, x.criterionImpact])).toEqual([
    ['EX-001', 'partial'],
    ['EX-002', 'partial'],
  ]);

  // The scheme manager names the engagement partner, who alone records the opinion.
  const partnerUser = await buildMembership(t.p, { id: j.firmId }, 'auditor');
  const partner = await as(t.app, partnerUser);
  await ok(manager.put(`${E}/partner`, { userId: partnerUser.id }));
  const basis = 'Our tests of the change-approval control (CC8.1) found that 2 of 25 deployments were made before their approval was recorded (section 4, EX-001 and EX-002).';
  expect((await auditor.put(`${E}/opinion`, { opinion: 'qualified', basis })).statusCode).toBe(403);
  const opinion = ZSoc2OpinionView.parse(await ok(partner.put(`${E}/opinion`, { opinion: 'qualified', basis })));
  expect(opinion).toMatchObject({ opinion: 'qualified', basis, recordedBy: { id: partnerUser.id } });

  // The partner issues the report: PDF and DOCX, English and French.
  j.clock.set(new Date('2026-08-14T09:00:00Z'));
  expect((await manager.post(`${E}/report/issue`)).statusCode).toBe(403);
  const issued = ZSoc2ReportStatus.parse(await ok(partner.post(`${E}/report/issue`), 201));
  expect(issued).toMatchObject({ state: 'issued', missing: [], report: { kind: 'report', reference: j.reference, issuedBy: { id: partnerUser.id } } });
  expect(issued.report!.files.map((f) => `${f.locale}.${f.format}`)).toEqual(['en.pdf', 'en.docx', 'fr.pdf', 'fr.docx']);
  expect((await manager.post(`${E}/report/issue`)).statusCode).toBeGreaterThanOrEqual(400);

  // Downloaded in English and French: the qualified opinion's paragraph and the criteria.
  const download = async (url: string) => {
    const res = await (url.startsWith(E) ? manager : orgOwner).get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return res.rawPayload;
  };
  const enBytes = await download(`${E}/report/en.pdf`);
  const en = (await pdfPages(enBytes)).join(' ');
  expect(en).toContain('Basis for qualified opinion');
  expect(en).toContain('In our opinion, except for the matters described in the basis for qualified opinion, in all material respects, the description fairly presents');
  expect(en).toContain('throughout the period from 1 January 2026 to 30 June 2026');
  expect(en).toContain(basis);
  for (const ref of ['CC1.1', 'CC6.1', 'CC8.1', 'CC9.2']) expect(en).toContain(ref);
  // Two procedures on the same 181 deployments: one population, 50 items tested.
  expect(en).toContain('Sample of 50 from a population of 181.');
  expect(en).toContain('2 exceptions noted.');
  expect(en).toContain('Management’s response: An emergency fix during the March incident');
  expect(en).toContain('Licence CPA-123456');
  expect(en).not.toMatch(/SOC 2 certificate/i);

  const frBytes = await download(`${O}/report/fr.pdf`);
  const fr = (await pdfPages(frBytes)).join(' ');
  expect(fr).toContain('Fondement de l’opinion avec réserve');
  expect(fr).toContain('À notre avis, à l’exception des points décrits dans le fondement de l’opinion avec réserve');
  expect(fr).toContain('du 1er janvier 2026 au 30 juin 2026');
  for (const ref of ['CC1.1', 'CC6.1', 'CC8.1']) expect(fr).toContain(ref);
  expect(fr).toContain('Échantillon de 50 sur une population de 181.');
  expect(fr).toContain('2 exceptions relevées.');
  expect(fr).not.toMatch(/certificat SOC 2/i);
  // The organization's copy is the firm's, byte for byte, as issued.
  const frFile = issued.report!.files.find((f) => f.locale === 'fr' && f.format === 'pdf')!;
  expect(createHash('sha256').update(frBytes).digest('hex')).toBe(frFile.sha256);
  const orgStatus = ZOrgSoc2ReportStatus.parse(await ok(orgOwner.get(`${O}/report`)));
  expect(orgStatus.report?.reference).toBe(j.reference);

  // A customer invited as a reader: the link by mail, the NDA accepted, a stamped copy downloaded.
  j.clock.set(new Date('2026-09-02T08:00:00Z'));
  const invite = { email: 'rssi@banque-oree.example', name: 'Éloïse Durand', company: 'Banque Orée', locale: 'fr' };
  const reader = ZSoc2Reader.parse(await ok(orgOwner.post(`${O}/readers`, invite), 201));
  expect(reader).toMatchObject({ state: 'invited', name: 'Éloïse Durand', company: 'Banque Orée' });
  const mail = mailText((await j.smtp.waitFor(invite.email)).raw);
  const token = /https:\/\/attest\.example\/reader\/([A-Za-z0-9_-]{43})/.exec(mail)![1]!;
  const visitor = createClient(t.app);
  const R = `/api/soc2-readers/${token}`;
  const page = ZPublicSoc2Reader.parse(await ok(visitor.get(R)));
  expect(page).toMatchObject({ name: 'Éloïse Durand', company: 'Banque Orée', report: { reference: j.reference, organizationName: 'Lumière Crédit', reportType: 'type2', periodStart: '2026-01-01', periodEnd: '2026-06-30' }, accepted: null });
  expect((await visitor.get(`${R}/download?locale=fr`)).statusCode).toBe(409);
  j.clock.set(new Date('2026-09-02T08:10:00Z'));
  await ok(visitor.post(`${R}/accept`, { name: 'Éloïse Durand', ndaVersion: page.nda.version, ndaSha256: page.nda.sha256 }));
  const copy = await visitor.get(`${R}/download?locale=fr`, { 'user-agent': 'Banque Orée/1.0' });
  expect(copy.statusCode, copy.body).toBe(200);
  // The issued bytes, then the stamp: the issued SHA-256 verifies on the copy's first bytes.
  expect(createHash('sha256').update(copy.rawPayload.subarray(0, frFile.size)).digest('hex')).toBe(frFile.sha256);
  const stamped = await pdfPages(copy.rawPayload);
  expect(stamped.length).toBeGreaterThan(3);
  stamped.forEach((p, i) => expect(p, `page ${i + 1}`).toContain('Exemplaire de Éloïse Durand (Banque Orée) — 2 septembre 2026'));
  expect(stamped.join(' ')).toContain('Fondement de l’opinion avec réserve');

  // The access is logged, and the firm reads the same log.
  const firmLog = ZSoc2ReaderList.parse(await ok(manager.get(`${E}/readers`)));
  const row = firmLog.items.find((r) => r.id === reader.id)!;
  expect(row).toMatchObject({ state: 'accepted', downloads: 1, nda: { name: 'Éloïse Durand', version: page.nda.version } });
  expect(row.accesses.map((a) => a.kind)).toEqual(['invited', 'nda_accepted', 'download']);
  expect(row.accesses[2]).toMatchObject({ locale: 'fr', userAgent: 'Banque Orée/1.0', watermark: expect.stringContaining('Exemplaire de Éloïse Durand (Banque Orée) — 2 septembre 2026') });
  const orgLog = ZSoc2ReaderList.parse(await ok(orgOwner.get(`${O}/readers`)));
  expect(orgLog.items.find((r) => r.id === reader.id)!.downloads).toBe(1);

  // A second customer, not invited: their own account and a guessed link both answer 404.
  const other = await buildTenant(t.p, { name: 'Assur Est' });
  const otherOwner = await as(t.app, other.owner);
  for (const url of [`/api/tenants/${other.id}/soc2/org-examinations/${j.examinationId}/report/fr.pdf`, `/api/tenants/${other.id}/soc2/org-examinations/${j.examinationId}/readers`])
    expect((await otherOwner.get(url)).statusCode, url).toBe(404);
  const guessed = `${token.slice(0, 42)}${token.endsWith('A') ? 'B' : 'A'}`;
  expect((await createClient(t.app).get(`/api/soc2-readers/${guessed}/download?locale=fr`)).statusCode).toBe(404);
  const after = ZSoc2ReaderList.parse(await ok(orgOwner.get(`${O}/readers`)));
  expect(after.items).toHaveLength(1);
  expect(after.items[0]!.downloads).toBe(1);
}
