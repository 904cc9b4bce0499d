import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { fillPageLabel, pageLabelParts, type TDocument } from './layout.ts';
import { renderDocumentDocx } from './render-docx.ts';
import { renderDocumentPdf } from './render-pdf.ts';
import { renderDocumentXlsx } from './render-xlsx.ts';

const rows = Array.from({ length: 80 }, (_, i) => [`R.${i + 1}`, `Contrôle n° ${i + 1} — « élevé »`, i % 3 === 0 ? 'Justification longue : '.repeat(6) : 'Oui']);
const model: TDocument = {
  lang: 'fr',
  title: 'Déclaration d’applicabilité',
  author: 'Lumière Crédit & Cie',
  createdAt: new Date('2026-11-23T10:00:00Z'),
  orientation: 'landscape',
  pageHeader: 'Lumière Crédit & Cie — version 3',
  pageFooter: 'Réf. SOA-3',
  pageLabel: 'Page {page} sur {pages}',
  coverSheetName: 'Synthèse',
  blocks: [
    { kind: 'title', text: 'Déclaration d’applicabilité', subtitle: 'ISO/IEC 42001:2023' },
    { kind: 'keyValue', rows: [['Organisation', 'Lumière Crédit & Cie'], ['Approuvée le', '23 novembre 2026']] },
    { kind: 'paragraph', text: 'Version de travail, non approuvée.', style: 'notice' },
    { kind: 'heading', text: 'Mesures' },
    { kind: 'table', name: 'Annexe A: mesures/contrôles de l’organisation', columns: [{ header: 'Réf.', width: 10 }, { header: 'Intitulé', width: 40 }, { header: 'Justification', width: 50 }], rows },
    { kind: 'table', name: 'Vide', columns: [{ header: 'A', width: 1 }], rows: [], empty: 'Aucune ligne' },
  ],
};

const pdfPages = async (bytes: Buffer) => {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((t) => t.replace(/\s+/g, ' '));
};

describe('page labels', () => {
  it('splits and fills the page tokens', () => {
    expect(pageLabelParts('Page {page} sur {pages}')).toEqual(['Page ', { token: 'page' }, ' sur ', { token: 'pages' }]);
    expect(fillPageLabel('Page {page} of {pages}', 2, 7)).toBe('Page 2 of 7');
  });
});

describe('renderDocumentPdf', () => {
  it('draws every row, repeats the table header and the page header on each page, numbers pages', async () => {
    const pages = await pdfPages(await renderDocumentPdf(model));
    expect(pages.length).toBeGreaterThan(2);
    const all = pages.join(' ');
    for (const [ref] of rows) expect(all).toContain(`${ref} `);
    expect(all).toContain('« élevé »');
    expect(all).toContain('Aucune ligne');
    pages.forEach((p, i) => {
      expect(p).toContain('Lumière Crédit & Cie — version 3');
      expect(p).toContain(`Page ${i + 1} sur ${pages.length}`);
    });
    // The table header comes back on every page the table continues on (all but the last, which holds the empty table's note).
    for (const p of pages.slice(1, -1)) expect(p).toMatch(/Réf\. Intitulé Justification/);
  });

  it('gives the same text for the same model', async () => {
    expect(await pdfPages(await renderDocumentPdf(model))).toEqual(await pdfPages(await renderDocumentPdf(model)));
  });
});

describe('renderDocumentDocx', () => {
  it('holds every row, a repeated header row, page fields and a landscape page', async () => {
    const bytes = await renderDocumentDocx(model);
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    for (const [ref] of rows) expect(value).toContain(ref);
    expect(value).toContain('Déclaration d’applicabilité');
    expect(value).toContain('Aucune ligne');
    const zip = await JSZip.loadAsync(bytes);
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /word\/footer\d*\.xml/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(footers.join('')).toMatch(/PAGE[\s\S]*NUMPAGES/);
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /word\/header\d*\.xml/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(headers.join('')).toContain('Lumière Crédit &amp; Cie — version 3');
  });
});

describe('renderDocumentXlsx', () => {
  it('puts each table on its own sheet with a frozen, repeated header, widths, wrap and header/footer', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderDocumentXlsx(model)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Synthèse', 'Annexe A mesures contrôles de l', 'Vide']);
    const cover = wb.worksheets[0]!;
    expect(cover.getCell('A1').value).toBe('Déclaration d’applicabilité');
    expect(cover.getColumn(2).values).toContain('23 novembre 2026');
    const ws = wb.worksheets[1]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.getRow(1).values).toEqual([undefined, 'Réf.', 'Intitulé', 'Justification']);
    expect(ws.rowCount).toBe(81);
    expect(ws.getCell('A81').value).toBe('R.80');
    expect(ws.getCell('C2').alignment?.wrapText).toBe(true);
    expect(ws.getColumn(3).width).toBeGreaterThan(ws.getColumn(1).width!);
    expect(ws.headerFooter.oddHeader).toBe('&LLumière Crédit && Cie — version 3');
    expect(ws.headerFooter.oddFooter).toBe('&LRéf. SOA-3&RPage &P sur &N');
    expect(wb.worksheets[2]!.getCell('A2').value).toBe('Aucune ligne');
  });
});
