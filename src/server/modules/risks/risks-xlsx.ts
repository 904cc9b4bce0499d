import ExcelJS from 'exceljs';
import type { TLocale } from '../../../shared/contracts/common.ts';
import { bandOf } from './risk-matrix.ts';
import { RISK_LABELS } from './risks-labels.ts';
import type { TExportRow } from './risks-read-repo.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "2026-11-27" as an Excel date (no time, no time zone shift). */
const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

/**
 * The register as one sheet in the reader's language: enum values and level names translated,
 * levels named as on the matrix version each risk was scored on, dates as real dates.
 */
export async function registerToXlsx(rows: TExportRow[], locale: TLocale, today: string): Promise<Buffer> {
  const L = RISK_LABELS[locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Attest';
  const ws = wb.addWorksheet(L.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const dateFmt = locale === 'fr' ? 'dd/mm/yyyy' : 'dd mmm yyyy';
  const keys = Object.keys(L.columns) as (keyof typeof L.columns)[];
  ws.columns = keys.map((k) => ({
    header: L.columns[k],
    key: k,
    width: k === 'title' || k === 'description' || k === 'acceptanceRationale' ? 40 : 18,
    ...(k === 'reviewDate' || k === 'acceptedAt' || k === 'acceptanceExpires' ? { style: { numFmt: dateFmt } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  const level = (r: TExportRow, key: string | null) => (key ? (bandOf(r.matrix_config, key)?.label[locale] ?? key) : null);
  for (const r of rows) {
    ws.addRow({
      title: r.title,
      description: r.description,
      source: L.source[r.source],
      owner: r.owner?.name ?? null,
      aiSystems: r.ai_systems.map((s) => s.name).join('\n'),
      status: L.status[r.status],
      matrixVersion: r.matrix_version,
      inherentLikelihood: r.inherent_likelihood,
      inherentImpact: r.inherent_impact,
      inherentScore: r.inherent_score,
      inherentLevel: level(r, r.inherent_level),
      treatment: r.treatment ? L.treatment[r.treatment] : null,
      residualLikelihood: r.residual_likelihood,
      residualImpact: r.residual_impact,
      residualScore: r.residual_score,
      residualLevel: level(r, r.residual_level),
      reviewDate: day(r.review_date),
      reviewOverdue: r.review_date !== null && r.review_date < today && r.status !== 'closed' ? L.yes : L.no,
      openActions: r.open_actions,
      overdueActions: r.overdue_actions,
      requirements: r.requirements.join('\n'),
      acceptedBy: r.acceptance?.accepted_by ?? null,
      acceptedAt: r.acceptance ? day(new Date(r.acceptance.accepted_at).toISOString().slice(0, 10)) : null,
      acceptanceExpires: day(r.acceptance?.expires_on ?? null),
      acceptanceRationale: r.acceptance?.rationale ?? null,
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: keys.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
