import JSZip from 'jszip';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { estimateSoc2Fee, DEFAULT_SOC2_FEE_PARAMETERS } from '../fees/fee-estimate.ts';
import {
  renderSoc2BridgeLetterDocx,
  renderSoc2BridgeLetterPdf,
  renderSoc2ProposalPdf,
  renderSoc2ReaderCopyPdf,
  renderSoc2ReportDocx,
  renderSoc2ReportPdf,
  stampSoc2ReaderCopy,
  type TSoc2BridgeLetterModel,
  type TSoc2ProposalSource,
} from './index.ts';
import { lumiereReportModel } from './soc2-report-fixture.ts';

const pdfPages = async (bytes: Buffer) => {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((t) => t.replace(/\s+/g, ' '));
};
const docxText = async (bytes: Buffer) => (await mammoth.extractRawText({ buffer: bytes })).value.replace(/\s+/g, ' ');
const NEVER = /SOC 2 certificate|certificat SOC 2|SOC 2 certified|certifié SOC 2/i;

describe('SOC 2 report', () => {
  it('EN, Type II qualified: the opinion, criteria, samples, exceptions and responses, sections 1–5', async () => {
    const pages = await pdfPages(await renderSoc2ReportPdf(lumiereReportModel('en'), 'en'));
    const all = pages.join(' ');
    expect(all).toContain('Section 1 — Independent service auditor’s report');
    expect(all).toContain('Section 2 — Management’s assertion');
    expect(all).toContain('Section 3 — Description of the system');
    expect(all).toContain('Section 4 — Trust services criteria, controls, tests and results');
    expect(all).toContain('Section 5 — Other information provided by management');
    expect(all).toContain('Basis for qualified opinion');
    expect(all).toContain('In our opinion, except for the matters described in the basis for qualified opinion, in all material respects, the description fairly presents Lumière Crédit’s Lumière Pay system throughout the period from 1 January 2026 to 30 June 2026');
    for (const ref of ['CC1.1', 'CC6.1', 'CC6.2', 'CC8.1', 'A1.2', 'PI1.5']) expect(all).toContain(ref);
    expect(all).toContain('Sample of 25 from a population of 118.');
    expect(all).toContain('2 exceptions noted.');
    expect(all).toContain('1 exception noted.');
    expect(all).toContain('No exceptions noted.');
    expect(all).toContain('Management’s response: Both accesses were reviewed');
    expect(all).toContain('Re-performance: Re-performed the comparison');
    expect(all).toContain('Licence CPA-0123456, New York State Board of Public Accountancy (New York)');
    expect(all).toContain('Carve-out');
    expect(all).toContain('CUEC-2');
    expect(all).toContain('was not examined by the service auditor');
    expect(all).not.toMatch(NEVER);
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('FR, Type II qualified: real French dates and the French opinion', async () => {
    const all = (await pdfPages(await renderSoc2ReportPdf(lumiereReportModel('fr'), 'fr'))).join(' ');
    expect(all).toContain('Section 1 — Rapport de l’auditeur indépendant de l’organisation de services');
    expect(all).toContain('Fondement de l’opinion avec réserve');
    expect(all).toContain('À notre avis, à l’exception des points décrits dans le fondement de l’opinion avec réserve');
    expect(all).toContain('pendant toute la période du 1er janvier 2026 au 30 juin 2026');
    expect(all).toContain('Paris, le 14 août 2026');
    expect(all).toContain('Échantillon de 25 sur une population de 118.');
    expect(all).toContain('2 exceptions relevées.');
    expect(all).toContain('Réexécution');
    expect(all).toContain('CC6.1');
    expect(all).not.toMatch(NEVER);
  });

  it('words each opinion kind and each type differently', async () => {
    const { buildSoc2ReportDocument } = await import('./build-soc2-report.ts');
    const opinions = new Set<string>();
    for (const kind of ['unmodified', 'qualified', 'adverse', 'disclaimer'] as const)
      for (const reportType of ['type1', 'type2'] as const)
        for (const lang of ['en', 'fr'] as const) {
          const doc = buildSoc2ReportDocument(lumiereReportModel(lang, { opinion: kind, reportType, controls: 5 }), lang);
          const i = doc.blocks.findIndex((b) => b.kind === 'heading' && b.level === 2 && /^(Opinion|Qualified opinion|Adverse opinion|Disclaimer of opinion|Opinion avec réserve|Opinion défavorable|Impossibilité d’exprimer une opinion)$/.test(b.text));
          const para = doc.blocks[i + 1]!;
          expect(para.kind).toBe('paragraph');
          if (para.kind === 'paragraph') opinions.add(para.text);
          expect(doc.blocks.some((b) => b.kind === 'heading' && /Basis for|Fondement/.test(b.text))).toBe(kind !== 'unmodified');
        }
    expect(opinions.size).toBe(16);
  });

  it('Type I: as-of date, controls without tests', async () => {
    const all = (await pdfPages(await renderSoc2ReportPdf(lumiereReportModel('en', { reportType: 'type1', opinion: 'unmodified', controls: 10 }), 'en'))).join(' ');
    expect(all).toContain('SOC 2 Type I report');
    expect(all).toContain('as of 30 June 2026');
    expect(all).toContain('Section 4 — Trust services criteria and related controls');
    expect(all).not.toContain('Sample of');
  });

  it('Type II: a control tested without a sample says so, never « Sample of 0 »', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const m = lumiereReportModel(lang, { controls: 5 });
      const tested = m.criteria.flatMap((c) => c.controls).find((c) => c.result)!;
      tested.result!.sampleSize = 0;
      tested.result!.populationSize = null;
      const all = (await pdfPages(await renderSoc2ReportPdf(m, lang))).join(' ');
      expect(all).toContain(lang === 'en' ? 'Tested without a sample: the procedure examines the control as a whole.' : 'Testé sans échantillon : la procédure examine le contrôle dans son ensemble.');
      expect(all).not.toMatch(/Sample of 0\b|Échantillon de 0\b/);
    }
  });

  it('puts the assertion first when the firm orders it so, and the sections follow', async () => {
    const all = (await pdfPages(await renderSoc2ReportPdf({ ...lumiereReportModel('en', { controls: 5 }), assertionFirst: true }, 'en'))).join(' ');
    expect(all.indexOf('Section 1 — Management’s assertion')).toBeGreaterThan(-1);
    expect(all.indexOf('Section 2 — Independent service auditor’s report')).toBeGreaterThan(all.indexOf('Section 1 — Management’s assertion'));
    expect(all).toContain('their assertion (section 1)'.replace('their', 'its'));
  });

  it('DOCX says the same: opinion, criteria, samples, exceptions', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const bytes = await renderSoc2ReportDocx(lumiereReportModel(lang), lang);
      const text = await docxText(bytes);
      expect(text).toContain(lang === 'en' ? 'Qualified opinion' : 'Opinion avec réserve');
      expect(text).toContain('CC6.1');
      expect(text).toContain(lang === 'en' ? 'Sample of 25 from a population of 412.' : 'Échantillon de 25 sur une population de 412.');
      expect(text).toContain(lang === 'en' ? '2 exceptions noted.' : '2 exceptions relevées.');
      expect(text).not.toMatch(NEVER);
      const body = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
      expect(body).toContain('<w:tblHeader/>');
    }
  });
});

describe('reader’s copy', () => {
  it('carries the reader’s name, organization, date and the restriction on every page (EN and FR)', async () => {
    const at = new Date('2026-11-23T10:00:00Z');
    for (const lang of ['en', 'fr'] as const) {
      const pages = await pdfPages(await renderSoc2ReaderCopyPdf(lumiereReportModel(lang, { controls: 30 }), lang, { name: 'Éloïse Durand', organization: 'Banque Orée' }, at, 'Europe/Paris'));
      expect(pages.length).toBeGreaterThan(5);
      const line =
        lang === 'en'
          ? 'Confidential — restricted use — Copy for Éloïse Durand (Banque Orée) — 23 November 2026'
          : 'Confidentiel — distribution restreinte — Exemplaire de Éloïse Durand (Banque Orée) — 23 novembre 2026';
      pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(line));
    }
  });

  it('stamps the issued PDF without rendering it again: the issued bytes stay a prefix, every page carries the reader', async () => {
    const issued = await renderSoc2ReportPdf(lumiereReportModel('fr', { controls: 30 }), 'fr');
    const copy = stampSoc2ReaderCopy(issued, 'fr', { name: 'Éloïse Durand', organization: 'Banque Orée' }, new Date('2026-11-23T10:00:00Z'), 'Europe/Paris');
    expect(copy.subarray(0, issued.length).equals(issued)).toBe(true);
    const pages = await pdfPages(copy);
    expect(pages).toHaveLength((await pdfPages(issued)).length);
    pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain('Confidentiel — distribution restreinte — Exemplaire de Éloïse Durand (Banque Orée) — 23 novembre 2026'));
    expect(pages[0]).toContain('Section 1 — Rapport de l’auditeur indépendant');
  });

  it('the unstamped report carries no reader', async () => {
    const pages = await pdfPages(await renderSoc2ReportPdf(lumiereReportModel('en', { controls: 5 }), 'en'));
    expect(pages.join(' ')).not.toContain('Copy for');
  });
});

describe('proposal', () => {
  const src = (lang: 'en' | 'fr'): TSoc2ProposalSource => ({
    reference: 'PROP-SOC2-0007',
    firm: { name: 'Vérité & Associés CPA', address: '14 rue du Louvre, 75001 Paris', licence: { authority: 'New York State Board of Public Accountancy', number: 'CPA-0123456', jurisdiction: 'New York' } },
    organization: { name: 'Lumière Crédit', address: '8 avenue de l’Opéra, 75001 Paris' },
    recipientName: 'Camille Roussel',
    reportType: 'type2',
    period: { start: '2026-01-01', end: '2026-06-30', months: 6 },
    asOfDate: null,
    categories: ['availability', 'processing_integrity'],
    scope: { services: ['Lumière Pay'], systems: ['Application', 'Scoring'], locations: ['Paris'] },
    subserviceOrganizations: [{ name: 'Nébuleuse Cloud SAS', service: lang === 'fr' ? 'Hébergement' : 'Hosting', treatment: 'carve_out' }],
    estimate: estimateSoc2Fee(
      { ...DEFAULT_SOC2_FEE_PARAMETERS, dayRateCents: 125_000 },
      { reportType: 'type2', observationMonths: 6, categories: ['availability', 'processing_integrity'], complexity: 'moderate', documentationMaturity: 'established', subserviceOrganizations: { carveOut: 2, inclusive: 0 }, priorType1: false },
    ),
    validUntil: '2026-12-23',
    issuedAt: new Date('2026-11-23T10:00:00Z'),
    generatedAt: new Date('2026-11-23T10:00:00Z'),
    notes: '',
    timeZone: 'Europe/Paris',
  });

  it('EN: scope, the fee with each factor, the terms; an attestation report, never a certificate', async () => {
    const all = (await pdfPages(await renderSoc2ProposalPdf(src('en'), 'en'))).join(' ');
    expect(all).toContain('SOC 2 engagement proposal');
    expect(all).toContain('1 January 2026 to 30 June 2026 (6 months)');
    expect(all).toContain('Security, Availability and Processing Integrity');
    expect(all).toContain('Availability category, 15% of the 23 core days: +3.5 days → 26.5 days');
    expect(all).toContain('Estimated fee: €55,625.00 excluding VAT, for 44.5 days at €1,250.00 a day.');
    expect(all).toContain('it is neither a certification nor a certificate');
    expect(all).not.toMatch(NEVER);
  });

  it('FR: « 23 décembre 2026 », « 55 625,00 € »', async () => {
    const all = (await pdfPages(await renderSoc2ProposalPdf(src('fr'), 'fr'))).join(' ');
    expect(all).toContain('Proposition de mission SOC 2');
    expect(all).toContain('du 1er janvier 2026 au 30 juin 2026 (6 mois)');
    expect(all).toContain('Valable jusqu’au');
    expect(all).toContain('23 décembre 2026');
    expect(all).toMatch(/Honoraires estimés : 55 625,00 € hors TVA, pour 44,5 jours à 1 250,00 € par jour\./);
    expect(all).toContain('Catégorie Disponibilité, 15 % des 23 jours de base');
    expect(all).not.toMatch(NEVER);
  });
});

describe('bridge letter', () => {
  const model = (lang: 'en' | 'fr', changes: string[] = []): TSoc2BridgeLetterModel => ({
    organization: { name: 'Lumière Crédit', address: '8 avenue de l’Opéra, 75001 Paris' },
    systemName: 'Lumière Pay',
    report: { reference: 'SOC2-2026-LC-01', type: 'type2', firmName: 'Vérité & Associés CPA', coveredUntil: '2026-06-30' },
    bridgeEnd: '2026-11-30',
    letterDate: '2026-12-02',
    changes,
    incidents: [],
    nextReportPeriodEnd: lang === 'en' ? '2026-12-31' : null,
    signatory: { name: 'Camille Roussel', title: lang === 'fr' ? 'Directrice générale' : 'Chief Executive Officer' },
    generatedAt: new Date('2026-12-02T09:00:00Z'),
  });

  it('EN: the gap from the day after the period to the bridge date, management’s representation, no assurance', async () => {
    const all = (await pdfPages(await renderSoc2BridgeLetterPdf(model('en'), 'en'))).join(' ');
    expect(all).toContain('1 July 2026 to 30 November 2026 (153 days)');
    expect(all).toContain('up to 30 June 2026');
    expect(all).toContain('there were no significant changes to the system');
    expect(all).toContain('a period ending on 31 December 2026');
    expect(all).toContain('has not been examined by Vérité & Associés CPA');
  });

  it('FR, with changes listed, in PDF and DOCX', async () => {
    const m = model('fr', ['Nouveau fournisseur d’authentification depuis le 1er septembre 2026.']);
    const pdf = (await pdfPages(await renderSoc2BridgeLetterPdf(m, 'fr'))).join(' ');
    expect(pdf).toContain('du 1er juillet 2026 au 30 novembre 2026 (153 jours)');
    expect(pdf).toContain('Nouveau fournisseur d’authentification');
    expect(pdf).not.toContain('aucun changement important');
    const docx = await docxText(await renderSoc2BridgeLetterDocx(m, 'fr'));
    expect(docx).toContain('Lettre de continuité');
    expect(docx).toContain('Déclaration de la direction');
  });
});
