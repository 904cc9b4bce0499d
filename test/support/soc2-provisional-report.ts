import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import type { TPlatform } from '../../src/server/platform/platform.ts';
import { renderSoc2ReportPdf } from '../../src/server/modules/soc2/documents/index.ts';
import { lumiereReportModel } from '../../src/server/modules/soc2/documents/soc2-report-fixture.ts';
import type { TBuiltSoc2Examination } from './soc2-factories.ts';

/*
 * PROVISIONAL, until the report's issue (helper s20-report) lands: an issued report for an
 * examination, made the way issuing is expected to store it — the « Lumière Crédit » fixture model
 * rendered in EN and FR, each PDF in the blob store, a `soc2_documents` row of kind 'report' whose
 * `files` name each locale's PDF by SHA-256 and whose `model` keeps the model per locale. Replace
 * with the real issue once it exists.
 */
export async function provisionalIssuedSoc2Report(p: TPlatform, built: Pick<TBuiltSoc2Examination, 'firm' | 'examination'>, o: { controls?: number } = {}) {
  const files: Record<string, Record<string, { sha256: string; size: number }>> = {};
  const model: Record<string, unknown> = {};
  const pdfs: Record<string, Buffer> = {};
  for (const lang of ['en', 'fr'] as const) {
    const m = lumiereReportModel(lang, { controls: o.controls ?? 6 });
    const pdf = await renderSoc2ReportPdf(m, lang);
    const stored = await p.blobs.put(Readable.from(pdf));
    files[lang] = { pdf: stored };
    model[lang] = m;
    pdfs[lang] = pdf;
  }
  const json = JSON.stringify(model);
  const row = await p.db
    .insertInto('soc2_documents')
    .values({
      tenant_id: built.firm.id,
      examination_id: built.examination.id,
      kind: 'report',
      reference: `${built.examination.reference}-RPT`,
      model: json,
      model_sha256: createHash('sha256').update(json).digest('hex'),
      files: JSON.stringify(files),
      issued_by: built.firm.owner.id,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
  return { id: row.id, reference: row.reference, files, pdfs };
}
