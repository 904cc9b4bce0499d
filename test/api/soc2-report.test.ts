import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZOrgSoc2ReportStatus, ZSoc2IssuedDocument, ZSoc2ReportStatus } from '../../src/shared/contracts/soc2-report.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { buildSoc2ReportModelFromDb } from '../../src/server/modules/soc2/report/report-model.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildCpaFirm, buildSoc2ReportReady, createSoc2Examination, issueSoc2Report } from '../support/soc2-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * The SOC 2 report through the API on a real database: built from the tables, previewed as a draft,
 * issued once by the engagement partner (PDF and DOCX in English and French, the model and every
 * file hashed), downloaded by the firm and the organization exactly as stored; management's bridge
 * letter after it. Another tenant gets 404, anyone but the partner 403, a second issue 409.
 */
describe.skipIf(!backendAvailable)('SOC 2 report', { timeout: 240_000 }, () => {
  let t: TTestApp;
  const clock = createTestClock(new Date('2026-08-14T09:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' });
    t.p.clock = clock;
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  const pdfText = async (bytes: Buffer) => {
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
    return text.map((x) => x.replace(/\s+/g, ' '));
  };
  const docxText = async (bytes: Buffer) => (await mammoth.extractRawText({ buffer: bytes })).value.replace(/\s+/g, ' ');
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  it('builds the model from the tables in a fixed number of statements', async () => {
    const w = await buildSoc2ReportReady(t);
    const o = { reference: w.examination.reference, reportDate: '2026-08-14', generatedAt: clock.now() };
    let model: Awaited<ReturnType<typeof buildSoc2ReportModelFromDb>>;
    const queries = await t.queriesDuring(async () => {
      model = await buildSoc2ReportModelFromDb(t.p.db, w.firm.id, w.examination.id, 'fr', o);
    });
    expect(queries).toHaveLength(5);
    const m = model!;
    expect(m.firm).toMatchObject({ name: 'Cabinet Lafayette CPA SAS', city: 'Paris', licence: { number: 'CPA-123456' }, partnerName: expect.any(String) });
    expect(m.categories).toEqual(['availability']);
    expect(m.period).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(m.systemName).toBe('Lumière Pay');
    expect(m.opinion.kind).toBe('qualified');
    expect(m.assertion).toMatchObject({ signatory: { name: 'Camille Roussel', title: 'Chief Executive Officer' }, date: '2026-08-10' });
    expect(m.description.cuecs).toEqual([{ ref: 'CUEC-1', text: expect.stringContaining('every quarter') }]);
    expect(m.description.subserviceOrganizations).toEqual([
      { name: 'Nébuleuse Cloud SAS', services: 'Infrastructure hosting', treatment: 'carve_out', csocs: [{ ref: 'CSOC-1', text: expect.any(String) }] },
    ]);
    // Every applicable criterion (Security + Availability), in catalog order, French titles.
    const refs = m.criteria.map((c) => c.ref);
    expect(refs).toContain('CC1.1');
    expect(refs).toContain('A1.3');
    expect(refs.some((r) => /^(C|PI|P)\d/.test(r))).toBe(false);
    const cc61 = m.criteria.find((c) => c.ref === 'CC6.1')!;
    expect(cc61.controls).toHaveLength(1);
    expect(cc61.controls[0]).toMatchObject({
      ref: 'ACC-01',
      tests: [{ methods: ['inquiry', 'inspection'], procedure: expect.stringContaining('approval') }],
      result: { sampleSize: 3, populationSize: 118, exceptions: 1, managementResponse: expect.stringContaining('blocks a grant'), conclusions: [{ conclusion: 'isolated', impact: 'partial' }] },
    });
    // A suggestion not accepted is not in the report; a tested control without samples yet is "not tested".
    expect(m.criteria.find((c) => c.ref === 'CC6.2')!.controls).toEqual([]);
    expect(m.criteria.find((c) => c.ref === 'A1.2')!.controls[0]!.result).toBeNull();
  });

  it('previews a draft marked on every page, stores nothing; refuses what is not ready with what is missing', async () => {
    const w = await createSoc2Examination(t);
    const partner = await as(t.app, w.firm.owner);
    const E = `/api/tenants/${w.firm.id}/soc2/examinations/${w.examination.id}`;
    const status = ZSoc2ReportStatus.parse((await partner.get(`${E}/report`)).json());
    expect(status).toMatchObject({ report: null, state: 'scoping', abilities: { 'soc2Report.preview': true, 'soc2Report.issue': true } });
    expect(status.missing).toEqual(['state', 'opinion', 'signedOffDescription']);
    const refused = await partner.post(`${E}/report/issue`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'soc2_report_not_ready', details: { missing: ['state', 'opinion', 'signedOffDescription'] } });
    expect((await partner.get(`${E}/report/preview.pdf`)).json()).toMatchObject({ code: 'soc2_report_not_ready' });

    const r = await buildSoc2ReportReady(t);
    const auditor = await as(t.app, await buildMembership(t.p, r.firm, 'auditor'));
    const R = `/api/tenants/${r.firm.id}/soc2/examinations/${r.examination.id}`;
    for (const locale of ['en', 'fr'] as const) {
      const res = await auditor.get(`${R}/report/preview.pdf?locale=${locale}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pages = await pdfText(res.rawPayload);
      const mark = locale === 'en' ? 'DRAFT — not issued' : 'PROJET — non émis';
      pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(mark));
    }
    const docs = await t.p.db.selectFrom('soc2_documents').select('id').where('tenant_id', '=', r.firm.id).execute();
    expect(docs).toEqual([]);
  });

  it('issues once by the partner: EN/FR PDF and DOCX with the opinion and the criteria, hashes that match the bytes, then immutable', async () => {
    const w = await buildSoc2ReportReady(t);
    const E = `/api/tenants/${w.firm.id}/soc2/examinations/${w.examination.id}`;
    const O = `/api/tenants/${w.organization.id}/soc2/org-examinations/${w.examination.id}`;
    const partner = await as(t.app, w.firm.owner);
    const auditor = await as(t.app, await buildMembership(t.p, w.firm, 'auditor'));
    const orgOwner = await as(t.app, w.organization.owner);
    const stranger = await as(t.app, (await buildCpaFirm(t, { name: 'Autre Cabinet CPA' })).owner);

    // Only the engagement partner; another firm does not see the examination.
    const notPartner = await auditor.post(`${E}/report/issue`);
    expect(notPartner.statusCode).toBe(403);
    expect(ZSoc2ReportStatus.parse((await auditor.get(`${E}/report`)).json()).abilities['soc2Report.issue']).toBe(false);
    expect((await stranger.post(`/api/tenants/${w.firm.id}/soc2/examinations/${w.examination.id}/report/issue`)).statusCode).toBe(404);

    const issued = await partner.post(`${E}/report/issue`);
    expect(issued.statusCode, issued.body).toBe(201);
    const status = ZSoc2ReportStatus.parse(issued.json());
    expect(status).toMatchObject({ state: 'issued', missing: [], abilities: { 'soc2Report.issue': false } });
    const report = status.report!;
    expect(report).toMatchObject({ kind: 'report', reference: w.examination.reference, coversUntil: null, issuedBy: { id: w.firm.owner.id } });
    expect(report.files.map((f) => `${f.locale}.${f.format}`)).toEqual(['en.pdf', 'en.docx', 'fr.pdf', 'fr.docx']);

    const en = (await pdfText((await partner.get(`${E}/report/en.pdf`)).rawPayload)).join(' ');
    expect(en).toContain('In our opinion, except for the matters described in the basis for qualified opinion');
    expect(en).toContain('Our tests of the access control (CC6.1) found the exception described in section 4.');
    for (const ref of ['CC1.1', 'CC6.1', 'A1.2', 'A1.3']) expect(en).toContain(ref);
    expect(en).toContain('Sample of 3 from a population of 118.');
    expect(en).toContain('Auditor’s conclusion: isolated; effect on the criterion: partly met.');
    expect(en).toContain('No control addresses this criterion.');
    expect(en).not.toMatch(/certificate/i);
    const fr = (await pdfText((await orgOwner.get(`${O}/report/fr.pdf`)).rawPayload)).join(' ');
    expect(fr).toContain('À notre avis, à l’exception des points décrits dans le fondement de l’opinion avec réserve');
    for (const ref of ['CC1.1', 'CC6.1', 'A1.2']) expect(fr).toContain(ref);
    expect(fr).toContain('Échantillon de 3 sur une population de 118.');
    const docx = await docxText((await orgOwner.get(`${O}/report/fr.docx`)).rawPayload);
    expect(docx).toContain('Opinion avec réserve');
    expect(docx).toContain('CC6.1');

    // Each file served is the stored one, byte for byte: the recorded SHA-256 and size hold.
    for (const f of report.files) {
      const res = await partner.get(`${E}/report/${f.locale}.${f.format}`);
      expect(res.statusCode).toBe(200);
      expect(sha(res.rawPayload)).toBe(f.sha256);
      expect(res.rawPayload.length).toBe(f.size);
      expect(res.headers['x-content-sha256']).toBe(f.sha256);
    }
    const row = await t.p.db.selectFrom('soc2_documents').select(['model', 'model_sha256']).where('tenant_id', '=', w.firm.id).where('examination_id', '=', w.examination.id).executeTakeFirstOrThrow();
    expect((row.model as { en: { reference: string } }).en.reference).toBe(w.examination.reference);
    expect(row.model_sha256).toBe(report.modelSha256);

    // Immutable: a second issue is refused and nothing changes.
    const again = await partner.post(`${E}/report/issue`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('soc2_report_issued');
    expect(ZSoc2ReportStatus.parse((await partner.get(`${E}/report`)).json()).report).toEqual(report);
    const ex = await t.p.db.selectFrom('soc2_examinations').select('state').where('id', '=', w.examination.id).executeTakeFirstOrThrow();
    expect(ex.state).toBe('issued');

    // The organization sees it; another organization gets 404; the firm's URL is not the organization's.
    expect(ZOrgSoc2ReportStatus.parse((await orgOwner.get(`${O}/report`)).json()).report).toEqual(report);
    const otherOrg = await buildTenant(t.p, { name: 'Banque Orée' });
    const outsider = await as(t.app, otherOrg.owner);
    expect((await outsider.get(`/api/tenants/${otherOrg.id}/soc2/org-examinations/${w.examination.id}/report/en.pdf`)).statusCode).toBe(404);
    expect((await orgOwner.get(`/api/tenants/${w.organization.id}/soc2/examinations/${w.examination.id}/report/en.pdf`)).statusCode).toBe(403);

    // Both logs record the issue and each download.
    const actions = async (tenantId: string) =>
      (await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', tenantId).where('action', 'like', 'soc2_%').execute()).map((e) => e.action);
    for (const tenantId of [w.firm.id, w.organization.id]) {
      expect(await actions(tenantId)).toContain('soc2_report.issued');
      expect((await actions(tenantId)).filter((a) => a === 'soc2_document.downloaded').length).toBeGreaterThanOrEqual(7);
    }
  });

  it('bridge letter: management (owner or administrator) after an issued Type II report, within its bounds, EN/FR', async () => {
    const w = await issueSoc2Report(t, { opinion: 'unmodified' });
    const O = `/api/tenants/${w.organization.id}/soc2/org-examinations/${w.examination.id}`;
    const E = `/api/tenants/${w.firm.id}/soc2/examinations/${w.examination.id}`;
    const owner = await as(t.app, w.organization.owner);
    const contributor = await as(t.app, await buildMembership(t.p, w.organization, 'contributor'));
    const partner = await as(t.app, w.firm.owner);
    const body = (coversUntil: string) => ({
      coversUntil,
      changes: ['Nouveau fournisseur d’authentification depuis le 1er juillet 2026.'],
      signatory: { name: 'Camille Roussel', title: 'Directrice générale' },
    });
    const status = ZOrgSoc2ReportStatus.parse((await owner.get(`${O}/report`)).json());
    expect(status).toMatchObject({ periodEnd: '2026-06-30', bridgeLimit: '2027-06-30', opinion: 'unmodified', abilities: { 'soc2BridgeLetter.issue': true } });
    // The report date is the issued model's: the day (Paris) the partner issued it.
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(status.report!.issuedAt));
    expect(status.reportDate).toBe(day);

    expect((await contributor.post(`${O}/bridge-letters`, body('2026-07-31'))).statusCode).toBe(403);
    for (const until of ['2026-06-30', '2026-09-01']) {
      const bad = await owner.post(`${O}/bridge-letters`, body(until));
      expect(bad.statusCode, until).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'soc2_bridge_letter_dates', details: { field: 'coversUntil', periodEnd: '2026-06-30' } });
    }
    const res = await owner.post(`${O}/bridge-letters`, body('2026-07-31'));
    expect(res.statusCode, res.body).toBe(201);
    const letter = ZSoc2IssuedDocument.parse(res.json());
    expect(letter).toMatchObject({ kind: 'bridge_letter', reference: `${w.examination.reference}-BL1`, coversUntil: '2026-07-31', issuedBy: { id: w.organization.owner.id } });
    const pdf = await partner.get(`${E}/bridge-letters/${letter.id}/fr.pdf`);
    expect(sha(pdf.rawPayload)).toBe(letter.files.find((f) => f.locale === 'fr' && f.format === 'pdf')!.sha256);
    const fr = (await pdfText(pdf.rawPayload)).join(' ');
    expect(fr).toContain('du 1er juillet 2026 au 31 juillet 2026 (31 jours)');
    expect(fr).toContain('Nouveau fournisseur d’authentification');
    expect(fr).toContain('Camille Roussel, Directrice générale');
    const en = await docxText((await owner.get(`${O}/bridge-letters/${letter.id}/en.docx`)).rawPayload);
    expect(en).toContain('Bridge letter');
    expect(ZSoc2ReportStatus.parse((await partner.get(`${E}/report`)).json()).bridgeLetters.map((b) => b.reference)).toEqual([letter.reference]);

    // Not before the report is issued.
    const r = await buildSoc2ReportReady(t);
    const rOwner = await as(t.app, r.organization.owner);
    const early = await rOwner.post(`/api/tenants/${r.organization.id}/soc2/org-examinations/${r.examination.id}/bridge-letters`, body('2026-07-31'));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('soc2_report_not_issued');
    const rPartner = await as(t.app, r.firm.owner);
    const earlyGu = await rPartner.post(`/api/tenants/${r.firm.id}/soc2/examinations/${r.examination.id}/report/general-use`);
    expect(earlyGu.statusCode).toBe(409);
    expect(earlyGu.json().code).toBe('soc2_report_not_issued');
  });

  it('general-use summary: the partner, once, after the report; opinion and assertion without the tests', async () => {
    const w = await issueSoc2Report(t, { opinion: 'unmodified' });
    const E = `/api/tenants/${w.firm.id}/soc2/examinations/${w.examination.id}`;
    const O = `/api/tenants/${w.organization.id}/soc2/org-examinations/${w.examination.id}`;
    const partner = await as(t.app, w.firm.owner);
    const auditor = await as(t.app, await buildMembership(t.p, w.firm, 'auditor'));
    const orgOwner = await as(t.app, w.organization.owner);
    expect((await auditor.post(`${E}/report/general-use`)).statusCode).toBe(403);
    const res = await partner.post(`${E}/report/general-use`);
    expect(res.statusCode, res.body).toBe(201);
    const gu = ZSoc2ReportStatus.parse(res.json()).generalUse!;
    expect(gu).toMatchObject({ kind: 'general_use', reference: `${w.examination.reference}-GU`, modelSha256: w.report.modelSha256 });
    const again = await partner.post(`${E}/report/general-use`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('soc2_general_use_issued');
    const en = (await pdfText((await orgOwner.get(`${O}/general-use/en.pdf`)).rawPayload)).join(' ');
    expect(en).toContain('General-use summary of the SOC 2 Type II report');
    expect(en).toContain('In our opinion, in all material respects, the description fairly presents');
    expect(en).toContain('CC6.1');
    expect(en).not.toContain('Sample of');
    const fr = await docxText((await partner.get(`${E}/general-use/fr.docx`)).rawPayload);
    expect(fr).toContain('Synthèse à usage général du rapport SOC 2 Type II');
    expect(ZOrgSoc2ReportStatus.parse((await orgOwner.get(`${O}/report`)).json()).generalUse).toEqual(gu);
  });
});
