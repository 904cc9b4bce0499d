import ExcelJS from 'exceljs';
import { pageLabelParts, type TDocument } from './layout.ts';

/*
 * A TDocument as XLSX. A spreadsheet is read as data, so each table gets its own sheet with the
 * header in row 1 (frozen, filterable, repeated on printed pages); the title, key-values and
 * paragraphs go to a first "cover" sheet. Printed pages carry the page header (organization,
 * version) and "page n of m" in Excel's own header/footer codes.
 */

const SHEET_NAME_MAX = 31;
const CHARS_PER_WIDTH_UNIT = 1.6; // relative width → Excel character columns for a ~100-unit table
const SHADE = 'FFF1F3F5';

/** Excel forbids []:*?/\ in sheet names and wants them unique and at most 31 characters. */
function sheetName(raw: string, taken: Set<string>) {
  const base = raw.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, SHEET_NAME_MAX).trim() || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, SHEET_NAME_MAX - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Header/footer text: `&` starts a code in Excel, so a literal one is doubled. */
const hf = (s: string) => s.replaceAll('&', '&&');

export async function renderDocumentXlsx(m: TDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Attest';
  wb.company = m.author;
  wb.title = m.title;
  wb.created = m.createdAt;
  wb.modified = m.createdAt;
  const taken = new Set<string>();
  const pageLabel = pageLabelParts(m.pageLabel)
    .map((p) => (typeof p === 'string' ? hf(p) : p.token === 'page' ? '&P' : '&N'))
    .join('');
  const setup = (ws: ExcelJS.Worksheet) => {
    ws.pageSetup = { paperSize: 9, orientation: m.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } };
    ws.headerFooter = { oddHeader: `&L${hf(m.pageHeader)}`, oddFooter: `&L${hf(m.pageFooter)}&R${pageLabel}` };
  };

  const cover = wb.addWorksheet(sheetName(m.coverSheetName, taken));
  setup(cover);
  cover.columns = [{ width: 34 }, { width: 90 }];
  for (const b of m.blocks) {
    if (b.kind === 'title') {
      const r = cover.addRow([b.text]);
      r.font = { bold: true, size: 16, color: { argb: 'FF1C4E80' } };
      if (b.subtitle) cover.addRow([b.subtitle]).font = { italic: true, color: { argb: 'FF5C5F66' } };
      cover.addRow([]);
    } else if (b.kind === 'heading') {
      cover.addRow([]);
      cover.addRow([b.text]).font = { bold: true, size: 12 };
    } else if (b.kind === 'keyValue') {
      for (const [k, v] of b.rows) {
        const r = cover.addRow([k, v]);
        r.getCell(1).font = { bold: true };
        r.alignment = { wrapText: true, vertical: 'top' };
      }
    } else if (b.kind === 'paragraph') {
      const r = cover.addRow([b.text]);
      cover.mergeCells(r.number, 1, r.number, 2);
      r.alignment = { wrapText: true, vertical: 'top' };
      if (b.style !== 'normal' && b.style !== undefined) r.font = { italic: b.style === 'notice', color: { argb: 'FF5C5F66' } };
    } else {
      const ws = wb.addWorksheet(sheetName(b.name, taken), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
      setup(ws);
      ws.pageSetup.printTitlesRow = '1:1';
      const total = b.columns.reduce((a, c) => a + c.width, 0);
      ws.columns = b.columns.map((c) => ({ width: Math.max(8, Math.round((c.width / total) * 100 * CHARS_PER_WIDTH_UNIT)) }));
      const head = ws.addRow(b.columns.map((c) => c.header));
      head.font = { bold: true };
      head.alignment = { wrapText: true, vertical: 'top' };
      head.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SHADE } }));
      for (const row of b.rows) ws.addRow([...row]).alignment = { wrapText: true, vertical: 'top' };
      if (b.rows.length === 0 && b.empty) ws.addRow([b.empty]).font = { italic: true };
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: b.columns.length } };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
