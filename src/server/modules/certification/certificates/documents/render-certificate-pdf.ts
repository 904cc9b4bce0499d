import QRCode from 'qrcode';
import { fillPageLabel } from '../../../../documents/layout.ts';
import { renderPdf } from '../../../../documents/pdf.ts';
import type { TCertificateDocModel } from './build-certificate-model.ts';

/** The QR code to the register page, as a PNG (error correction M: survives a worn print). */
export const qrPngOf = async (url: string): Promise<Uint8Array> => QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });

/** Draws a certificate model with the shared PDF primitives (A4, DejaVu embedded, page n of m). */
export function renderCertificatePdf(m: TCertificateDocModel): Promise<Buffer> {
  return renderPdf(
    {
      title: m.meta.title,
      author: m.meta.author,
      lang: m.lang,
      createdAt: m.meta.createdAt,
      header: m.meta.pageHeader,
      footer: m.meta.pageFooter,
      pageLabel: (page, pages) => fillPageLabel(m.meta.pageLabel, page, pages),
    },
    (w) => {
      const { doc } = w;
      w.title(m.title, m.subtitle);
      w.paragraph(m.certifies);
      doc.font('bold').fontSize(16).fillColor('#1a1b1e').text(m.holderName, { align: 'center' });
      if (m.holderAddress) doc.font('regular').fontSize(9.5).fillColor('#5c5f66').text(m.holderAddress, { align: 'center' });
      doc.moveDown(0.6);
      w.paragraph(m.conforms);
      doc.font('bold').fontSize(14).fillColor('#1c4e80').text(m.standard, { align: 'center' });
      doc.moveDown(0.6);
      w.paragraph(m.forScope);
      w.paragraph(m.scope);
      w.rule();
      w.facts(m.facts);
      if (m.revisionNotice) w.paragraph(m.revisionNotice, { italic: true });
      w.heading(m.sitesHeading, 2);
      w.table(m.siteColumns, m.siteRows);
      w.heading(m.aiSystemsHeading, 2);
      if (m.aiSystems.length) w.bullets(m.aiSystems);
      else w.paragraph(m.aiSystemsNone, { muted: true });
      w.heading(m.registerTitle, 2);
      const size = 96;
      if (doc.y + size > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const top = doc.y;
      const left = doc.page.margins.left;
      doc.image(Buffer.from(m.qrPng), left, top, { width: size, height: size });
      const textWidth = doc.page.width - doc.page.margins.right - left - size - 12;
      doc.font('regular').fontSize(9.5).fillColor('#1a1b1e').text(m.registerNotice, left + size + 12, top, { width: textWidth, lineGap: 1.5 });
      doc.moveDown(0.4);
      doc.font('regular').fontSize(8).fillColor('#5c5f66').text(m.credentialNotice, { width: textWidth, lineGap: 1.5 });
      doc.x = left;
      doc.y = Math.max(doc.y, top + size) + 6;
    },
  );
}
