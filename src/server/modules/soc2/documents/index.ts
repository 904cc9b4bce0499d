import type { TLocale } from '../../../../shared/contracts/common.ts';
import { renderDocumentDocx } from '../../../documents/render-docx.ts';
import { stampPdfPages } from '../../../documents/pdf-stamp.ts';
import { renderDocumentPdf } from '../../../documents/render-pdf.ts';
import { buildSoc2BridgeLetter, type TSoc2BridgeLetterModel } from './build-soc2-bridge-letter.ts';
import { buildSoc2GeneralUseSummary } from './build-soc2-general-use.ts';
import { buildSoc2ProposalDocument, type TSoc2ProposalSource } from './build-soc2-proposal.ts';
import { buildSoc2ReportDocument } from './build-soc2-report.ts';
import { soc2ReaderWatermark, type TSoc2Reader } from './reader-watermark.ts';
import type { TSoc2ReportModel } from './soc2-report-model.ts';

export * from './soc2-report-model.ts';
export { buildSoc2BridgeLetter, buildSoc2GeneralUseSummary, buildSoc2ProposalDocument, buildSoc2ReportDocument, soc2ReaderWatermark };
export type { TSoc2BridgeLetterModel, TSoc2ProposalSource, TSoc2Reader };

export const renderSoc2ProposalPdf = (src: TSoc2ProposalSource, lang: TLocale) => renderDocumentPdf(buildSoc2ProposalDocument(src, lang));

export const renderSoc2ReportPdf = (m: TSoc2ReportModel, lang: TLocale) => renderDocumentPdf(buildSoc2ReportDocument(m, lang));
export const renderSoc2ReportDocx = (m: TSoc2ReportModel, lang: TLocale) => renderDocumentDocx(buildSoc2ReportDocument(m, lang));

/**
 * One reader's copy of the issued report: the issued PDF's bytes unchanged, then an incremental
 * update stamping the reader's name, organization and the date on every page (milliseconds, and
 * the issued SHA-256 still verifies on the copy's first bytes).
 */
export const stampSoc2ReaderCopy = (issuedPdf: Buffer, lang: TLocale, reader: TSoc2Reader, downloadedAt: Date, timeZone?: string) =>
  stampPdfPages(issuedPdf, soc2ReaderWatermark(lang, reader, downloadedAt, timeZone).lines);

/** The same copy rendered again from the model with the watermark drawn by pdfkit (for a report whose PDF is not at hand). */
export const renderSoc2ReaderCopyPdf = (m: TSoc2ReportModel, lang: TLocale, reader: TSoc2Reader, downloadedAt: Date, timeZone?: string) =>
  renderDocumentPdf(buildSoc2ReportDocument(m, lang), { watermark: soc2ReaderWatermark(lang, reader, downloadedAt, timeZone) });

export const renderSoc2BridgeLetterPdf = (m: TSoc2BridgeLetterModel, lang: TLocale) => renderDocumentPdf(buildSoc2BridgeLetter(m, lang));
export const renderSoc2BridgeLetterDocx = (m: TSoc2BridgeLetterModel, lang: TLocale) => renderDocumentDocx(buildSoc2BridgeLetter(m, lang));
