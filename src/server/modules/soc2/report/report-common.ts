import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import canonicalize from 'canonicalize';
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { examinationLogs, examinationParties, recordInBothLogs } from '../shared-audit.ts';
import type { TBlobStore } from '../../../platform/blob-store/blob-store.ts';
import type { TDocument } from '../../../documents/layout.ts';
import { renderDocumentDocx } from '../../../documents/render-docx.ts';
import { renderDocumentPdf } from '../../../documents/render-pdf.ts';
import { LOCALES, type TLocale } from '../../../../shared/contracts/common.ts';
import { SOC2_DOCUMENT_FORMATS, type TSoc2DocumentFile, type TSoc2DocumentFormat, type TSoc2IssuedDocument } from '../../../../shared/contracts/soc2-report.ts';
import type { TDocumentRow, TStoredFiles } from './documents-repo.ts';

/*
 * What issuing a report and a bridge letter share: every file is rendered in memory first (PDF and
 * DOCX, English and French), and only when all four exist are they put in the blob store, so a
 * rendering failure leaves neither a row nor a blob; the model's hash is over its RFC 8785 form.
 */

export const CONTENT_TYPE: Record<TSoc2DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A calendar day in a time zone (the firm's signing day, management's letter date). */
export const dayIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

export const userIdOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);

/** SHA-256 of the model as stored (JSON, dates as ISO strings), in its canonical form. */
export function modelSha256(model: unknown): string {
  return createHash('sha256')
    .update(canonicalize(JSON.parse(JSON.stringify(model))) ?? '')
    .digest('hex');
}

/** Renders the four files of a document, then stores them; nothing is stored unless all four rendered. */
export async function renderAndStore(blobs: Pick<TBlobStore, 'put'>, docOf: (lang: TLocale) => TDocument): Promise<TStoredFiles> {
  const rendered: { locale: TLocale; format: TSoc2DocumentFormat; bytes: Buffer }[] = [];
  for (const locale of LOCALES) {
    const doc = docOf(locale);
    rendered.push({ locale, format: 'pdf', bytes: await renderDocumentPdf(doc) }, { locale, format: 'docx', bytes: await renderDocumentDocx(doc) });
  }
  const files: TStoredFiles = {};
  for (const f of rendered) {
    const stored = await blobs.put(Readable.from([f.bytes]));
    (files[f.locale] ??= {})[f.format] = stored;
  }
  return files;
}

export function filesList(files: TStoredFiles): TSoc2DocumentFile[] {
  return LOCALES.flatMap((locale) => SOC2_DOCUMENT_FORMATS.flatMap((format) => (files[locale]?.[format] ? [{ locale, format, ...files[locale]![format]! }] : [])));
}

export const fileHashes = (files: TStoredFiles) => filesList(files).map(({ locale, format, sha256 }) => ({ locale, format, sha256 }));

export function documentDto(r: TDocumentRow): TSoc2IssuedDocument {
  return {
    id: r.id,
    kind: r.kind,
    reference: r.reference,
    modelSha256: r.model_sha256,
    files: filesList(r.files),
    coversUntil: r.covers_until,
    issuedBy: r.issued_by ? { id: r.issued_by, name: r.issued_by_name ?? '' } : null,
    issuedAt: new Date(r.issued_at).toISOString(),
  };
}

export type TSides = { id: string; tenant_id: string; organization_tenant_id: string; engagement_id: string; reference: string; firm_name: string; organization_name: string };

/** One event in the firm's log (on the examination) and the organization's (on the engagement). */
export async function recordInBoth(
  tx: Transaction<DB>,
  actor: TActor | null,
  ctx: TRequestContext,
  x: TSides,
  event: { action: 'soc2_report.issued' | 'soc2_bridge_letter.issued' | 'soc2_general_use.issued' | 'soc2_document.downloaded'; after: Record<string, unknown> },
) {
  await recordInBothLogs(tx, actor, ctx, examinationLogs(x), { action: event.action, after: { ...examinationParties(x), ...event.after } });
}
