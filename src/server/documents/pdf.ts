import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { TLocale } from '../../shared/contracts/common.ts';

/*
 * Layout primitives every PDF document shares (impact assessments now; certificates and reports
 * later). A document module builds a plain model in one language, then draws it with these: the
 * drawing is a pure function of the model, so the same model always gives the same text.
 * DejaVu is embedded (subset) so French and every other Latin glyph renders, whatever the reader.
 */

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONTS = {
  regular: path.join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  italic: path.join(FONT_DIR, 'DejaVuSans-Oblique.ttf'),
} as const;

const COLOR = { text: '#1a1b1e', muted: '#5c5f66', rule: '#ced4da', accent: '#1c4e80', shade: '#f1f3f5' } as const;
const SIZE = { title: 18, h1: 13.5, h2: 11, body: 9.5, small: 8 } as const;

export type TPdfMeta = {
  title: string;
  subject?: string;
  /** Who the document is produced for, e.g. the organization's name. */
  author: string;
  lang: TLocale;
  /** The document's own date: fixed by the model, so rendering twice gives the same bytes of text. */
  createdAt: Date;
  /** "Page {page} of {pages}" in the document's language. */
  pageLabel: (page: number, pages: number) => string;
  /** A line at the foot of every page (e.g. the document's reference). */
  footer?: string;
  /** A line at the top of every page (e.g. organization — document — version). */
  header?: string;
  layout?: 'portrait' | 'landscape';
  watermark?: TPdfWatermark;
};

/**
 * Lines stamped on every page of one reader's copy: large and light across the page, and once
 * more in small print above the footer where a copier's crop leaves it and a text search finds it.
 */
export type TPdfWatermark = { lines: readonly string[] };

export type TPdfTableColumn = { header: string; width: number };

export type TPdfWriter = ReturnType<typeof writerOf>;

function writerOf(doc: PDFKit.PDFDocument) {
  const width = () => doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = () => doc.page.margins.left;
  const ensureSpace = (h: number) => {
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const w = {
    doc,
    title(text: string, subtitle?: string) {
      doc.font('bold').fontSize(SIZE.title).fillColor(COLOR.accent).text(text, left(), doc.y, { width: width() });
      if (subtitle) doc.moveDown(0.2).font('regular').fontSize(SIZE.h2).fillColor(COLOR.muted).text(subtitle, { width: width() });
      doc.moveDown(0.6);
      w.rule();
    },
    heading(text: string, level: 1 | 2 = 1) {
      ensureSpace(level === 1 ? 60 : 40);
      doc.moveDown(level === 1 ? 0.8 : 0.5);
      doc.font('bold').fontSize(level === 1 ? SIZE.h1 : SIZE.h2).fillColor(level === 1 ? COLOR.accent : COLOR.text).text(text, left(), doc.y, { width: width() });
      doc.moveDown(0.3);
    },
    paragraph(text: string, o: { muted?: boolean; italic?: boolean } = {}) {
      doc.font(o.italic ? 'italic' : 'regular').fontSize(SIZE.body).fillColor(o.muted ? COLOR.muted : COLOR.text).text(text, left(), doc.y, { width: width(), lineGap: 1.5 });
      doc.moveDown(0.4);
    },
    /** A label above its value; an empty value shows `empty` in italics, never a blank. */
    field(label: string, value: string, empty = '—') {
      ensureSpace(30);
      doc.font('bold').fontSize(SIZE.small).fillColor(COLOR.muted).text(label, left(), doc.y, { width: width() });
      doc.moveDown(0.1);
      const has = value.trim().length > 0;
      doc.font(has ? 'regular' : 'italic').fontSize(SIZE.body).fillColor(has ? COLOR.text : COLOR.muted).text(has ? value : empty, { width: width(), lineGap: 1.5 });
      doc.moveDown(0.45);
    },
    /** Label–value pairs in two columns, for a document's identification block. */
    facts(rows: readonly [string, string][]) {
      const labelWidth = Math.min(170, width() * 0.35);
      for (const [label, value] of rows) {
        ensureSpace(18);
        const y = doc.y;
        doc.font('bold').fontSize(SIZE.small).fillColor(COLOR.muted).text(label, left(), y, { width: labelWidth });
        const afterLabel = doc.y;
        doc.font('regular').fontSize(SIZE.body).fillColor(COLOR.text).text(value || '—', left() + labelWidth + 8, y, { width: width() - labelWidth - 8 });
        doc.y = Math.max(afterLabel, doc.y) + 3;
      }
      doc.x = left();
      doc.moveDown(0.3);
    },
    bullets(items: readonly string[]) {
      for (const item of items) {
        ensureSpace(16);
        doc.font('regular').fontSize(SIZE.body).fillColor(COLOR.text).text(`•  ${item}`, left() + 6, doc.y, { width: width() - 6, lineGap: 1.5 });
      }
      doc.x = left();
      doc.moveDown(0.4);
    },
    /** A shaded box holding a short block (e.g. one impact); its height follows its text. */
    box(draw: () => void) {
      ensureSpace(80);
      const top = doc.y;
      const page = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
      doc.x = left() + 8;
      doc.y = top + 6;
      draw();
      const samePage = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1 === page;
      if (samePage) {
        doc.save().lineWidth(0.6).strokeColor(COLOR.rule).rect(left(), top, width(), doc.y - top).stroke().restore();
      }
      doc.x = left();
      doc.moveDown(0.5);
    },
    /**
     * A data table: relative column widths, the header row drawn again at the top of each page
     * the table continues on, a row never split across pages. A row taller than a whole page
     * (not reachable with bounded texts in landscape) is cut with an ellipsis rather than drawn
     * over the footer.
     */
    table(columns: readonly TPdfTableColumn[], rows: readonly (readonly string[])[]) {
      const total = columns.reduce((a, c) => a + c.width, 0);
      const widths = columns.map((c) => (c.width / total) * width());
      const pad = 3;
      const bottom = () => doc.page.height - doc.page.margins.bottom;
      const heightOf = (cells: readonly string[], font: 'regular' | 'bold') => {
        doc.font(font).fontSize(SIZE.small);
        return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad, lineGap: 1 }))) + 2 * pad;
      };
      const drawRow = (cells: readonly string[], header: boolean, height: number) => {
        const h = height;
        const y = doc.y;
        if (header) doc.save().rect(left(), y, width(), h).fill(COLOR.shade).restore();
        let x = left();
        cells.forEach((c, i) => {
          doc
            .font(header ? 'bold' : 'regular')
            .fontSize(SIZE.small)
            .fillColor(COLOR.text)
            .text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad, height: h - 2 * pad, lineGap: 1, ellipsis: true });
          x += widths[i]!;
        });
        doc.save().lineWidth(0.5).strokeColor(COLOR.rule).rect(left(), y, width(), h).stroke();
        x = left();
        for (const cw of widths.slice(0, -1)) {
          x += cw;
          doc.moveTo(x, y).lineTo(x, y + h).stroke();
        }
        doc.restore();
        doc.x = left();
        doc.y = y + h;
      };
      const headerCells = columns.map((c) => c.header);
      const headerHeight = heightOf(headerCells, 'bold');
      const startPage = () => drawRow(headerCells, true, headerHeight);
      if (doc.y + headerHeight + 20 > bottom()) doc.addPage();
      startPage();
      for (const r of rows) {
        const h = heightOf(r, 'regular');
        if (doc.y + h > bottom()) {
          doc.addPage();
          startPage();
        }
        // Measured once: the same height decides the page break and draws the row.
        drawRow(r, false, Math.min(h, bottom() - doc.y));
      }
      doc.moveDown(0.6);
    },
    rule() {
      doc.save().lineWidth(0.6).strokeColor(COLOR.rule).moveTo(left(), doc.y).lineTo(left() + width(), doc.y).stroke().restore();
      doc.moveDown(0.5);
    },
    space(lines = 1) {
      doc.moveDown(lines);
    },
  };
  return w;
}

// Drawn after the page's content (the pages are buffered), so it sits on top of tables and shading.
function stampWatermark(doc: PDFKit.PDFDocument, wm: TPdfWatermark) {
  const { width: pw, height: ph } = doc.page;
  const left = doc.page.margins.left;
  doc.save();
  doc.rotate(-35, { origin: [pw / 2, ph / 2] });
  doc.fillColor(COLOR.muted).fillOpacity(0.18).font('bold').fontSize(20);
  const lineHeight = 28;
  wm.lines.forEach((line, i) => {
    doc.text(line, -pw / 2, ph / 2 - (wm.lines.length * lineHeight) / 2 + i * lineHeight, { width: pw * 2, align: 'center', lineBreak: false });
  });
  doc.restore();
  doc.font('regular').fontSize(6.5).fillColor(COLOR.muted);
  doc.text(wm.lines.join(' — '), left, ph - 52, { width: pw - 2 * left, align: 'center', lineBreak: false, ellipsis: true });
}

/** Renders a document to PDF bytes: A4, DejaVu embedded, page numbers and footer on every page. */
export function renderPdf(meta: TPdfMeta, draw: (w: TPdfWriter) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: meta.layout ?? 'portrait',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    lang: meta.lang === 'fr' ? 'fr-FR' : 'en-GB',
    displayTitle: true,
    info: { Title: meta.title, Author: meta.author, Subject: meta.subject ?? meta.title, Creator: 'Attest', Producer: 'Attest', CreationDate: meta.createdAt },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  doc.font('regular');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(writerOf(doc));
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 40;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    doc.font('regular').fontSize(SIZE.small).fillColor(COLOR.muted);
    if (meta.footer) doc.text(meta.footer, doc.page.margins.left, y, { width: width * 0.7, lineBreak: false, ellipsis: true });
    doc.text(meta.pageLabel(i + 1, range.count), doc.page.margins.left, y, { width, align: 'right', lineBreak: false });
    if (meta.header) doc.text(meta.header, doc.page.margins.left, 30, { width, lineBreak: false, ellipsis: true });
    if (meta.watermark) stampWatermark(doc, meta.watermark);
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
