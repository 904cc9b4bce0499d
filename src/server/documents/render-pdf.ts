import { fillPageLabel, type TDocument } from './layout.ts';
import { renderPdf, type TPdfWatermark } from './pdf.ts';

export type TRenderPdfOptions = {
  /** Stamped on every page (a reader's copy of a restricted report); the model stays the same. */
  watermark?: TPdfWatermark;
};

/** A TDocument as PDF: A4 in the model's orientation, DejaVu embedded, header and page numbers on every page. */
export function renderDocumentPdf(m: TDocument, options: TRenderPdfOptions = {}): Promise<Buffer> {
  return renderPdf(
    {
      title: m.title,
      author: m.author,
      lang: m.lang,
      createdAt: m.createdAt,
      layout: m.orientation,
      header: m.pageHeader,
      footer: m.pageFooter,
      pageLabel: (page, pages) => fillPageLabel(m.pageLabel, page, pages),
      watermark: options.watermark,
    },
    (w) => {
      for (const b of m.blocks) {
        switch (b.kind) {
          case 'title':
            w.title(b.text, b.subtitle);
            break;
          case 'heading':
            w.heading(b.text, b.level ?? 1);
            break;
          case 'keyValue':
            w.facts(b.rows.map(([k, v]) => [k, v] as [string, string]));
            break;
          case 'paragraph':
            w.paragraph(b.text, { muted: b.style === 'muted', italic: b.style === 'notice' });
            break;
          case 'table':
            if (b.rows.length === 0 && b.empty) w.paragraph(b.empty, { muted: true });
            else w.table(b.columns, b.rows);
            break;
        }
      }
    },
  );
}
