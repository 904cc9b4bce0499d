import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { pageLabelParts, type TDocBlock, type TDocument } from './layout.ts';

/*
 * A TDocument as DOCX (Word, LibreOffice). Text is Unicode so accents need no embedded font; the
 * font named is one every Word and LibreOffice install has or substitutes metrically. Tables use
 * fixed column widths and a header row Word repeats on each page; rows are not split across pages.
 */

const A4 = { width: 11906, height: 16838 } as const; // twips, portrait
const MARGIN = 1000;
const FONT = 'Arial';
const SIZE = { body: 18, small: 16, title: 32, heading: 24 } as const; // half-points
const SHADE = 'F1F3F5';
const RULE = { style: BorderStyle.SINGLE, size: 4, color: 'CED4DA' } as const;

const lines = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}) =>
  text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, font: FONT, size: o.size ?? SIZE.body, bold: o.bold, italics: o.italics, color: o.color }));

function cell(text: string, widthTwips: number, header: boolean) {
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: SHADE } : undefined,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: [new Paragraph({ children: lines(text, { bold: header, size: SIZE.small }) })],
  });
}

function block(b: TDocBlock, contentWidth: number): FileChild[] {
  switch (b.kind) {
    case 'title':
      return [
        new Paragraph({ heading: HeadingLevel.TITLE, children: lines(b.text, { bold: true, size: SIZE.title, color: '1C4E80' }) }),
        ...(b.subtitle ? [new Paragraph({ spacing: { after: 200 }, children: lines(b.subtitle, { color: '5C5F66' }) })] : []),
      ];
    case 'heading':
      return b.level === 2
        ? [new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 160, after: 80 }, children: lines(b.text, { bold: true, size: SIZE.body + 2 }) })]
        : [new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, children: lines(b.text, { bold: true, size: SIZE.heading, color: '1C4E80' }) })];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { after: 120 },
          children: lines(b.text, { italics: b.style === 'notice', color: b.style === 'muted' ? '5C5F66' : undefined }),
        }),
      ];
    case 'keyValue': {
      const w = [Math.round(contentWidth * 0.3), contentWidth - Math.round(contentWidth * 0.3)];
      return [
        new Table({
          layout: TableLayoutType.FIXED,
          width: { size: contentWidth, type: WidthType.DXA },
          columnWidths: w,
          borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
          rows: b.rows.map(([k, v]) => new TableRow({ cantSplit: true, children: [cell(k, w[0]!, true), cell(v || '—', w[1]!, false)] })),
        }),
        new Paragraph({ children: [] }),
      ];
    }
    case 'table': {
      if (b.rows.length === 0 && b.empty) return [new Paragraph({ children: lines(b.empty, { italics: true, color: '5C5F66' }) })];
      const total = b.columns.reduce((a, c) => a + c.width, 0);
      const w = b.columns.map((c) => Math.floor((c.width / total) * contentWidth));
      return [
        new Table({
          layout: TableLayoutType.FIXED,
          width: { size: contentWidth, type: WidthType.DXA },
          columnWidths: w,
          borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
          rows: [
            new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => cell(c.header, w[i]!, true)) }),
            ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, w[i]!, false)) })),
          ],
        }),
        new Paragraph({ children: [] }),
      ];
    }
  }
}

export async function renderDocumentDocx(m: TDocument): Promise<Buffer> {
  const landscape = m.orientation === 'landscape';
  const contentWidth = (landscape ? A4.height : A4.width) - 2 * MARGIN;
  const small = { font: FONT, size: SIZE.small, color: '5C5F66' };
  const pageRuns = pageLabelParts(m.pageLabel).map((p) =>
    typeof p === 'string' ? new TextRun({ text: p, ...small }) : new TextRun({ children: [p.token === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES], ...small }),
  );
  const doc = new Document({
    creator: m.author,
    title: m.title,
    lastModifiedBy: 'Attest',
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: m.pageHeader, ...small })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({ children: [new TextRun({ text: m.pageFooter, ...small })] }),
              new Paragraph({ alignment: AlignmentType.RIGHT, children: pageRuns }),
            ],
          }),
        },
        children: m.blocks.flatMap((b) => block(b, contentWidth)),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
