import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TLocale } from '../../../../shared/contracts/common.ts';
import type { TSoc2RequestState } from '../../../../shared/contracts/soc2.ts';
import { isOverdue } from './request-rules.ts';
import type { TRequestRow } from './requests-repo.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/* The information request list ("PBC list") as one sheet, headers and states in the reader's language. */
const LABELS = {
  en: {
    sheet: 'Information requests',
    file: 'information-requests',
    columns: {
      reference: 'Reference',
      control: 'Control',
      test: 'Test',
      requested: 'What is requested',
      dueOn: 'Due date',
      state: 'State',
      overdue: 'Overdue',
      evidence: 'Evidence provided',
      returnReason: 'Last return reason',
    },
    state: { open: 'Open', submitted: 'Submitted', accepted: 'Accepted', returned: 'Returned' } satisfies Record<TSoc2RequestState, string>,
    yes: 'Yes',
    no: 'No',
    dateFormat: 'dd mmm yyyy',
  },
  fr: {
    sheet: 'Demandes d’information',
    file: 'demandes-information',
    columns: {
      reference: 'Référence',
      control: 'Contrôle',
      test: 'Test',
      requested: 'Élément demandé',
      dueOn: 'Échéance',
      state: 'État',
      overdue: 'En retard',
      evidence: 'Éléments probants fournis',
      returnReason: 'Dernier motif de renvoi',
    },
    state: { open: 'Ouverte', submitted: 'Soumise', accepted: 'Acceptée', returned: 'Renvoyée' } satisfies Record<TSoc2RequestState, string>,
    yes: 'Oui',
    no: 'Non',
    dateFormat: 'dd/mm/yyyy',
  },
} as const;

export const requestsXlsxFileName = (examinationReference: string, locale: TLocale) => `${examinationReference}-${LABELS[locale].file}.xlsx`;

/** "2026-11-27" as an Excel date at midnight UTC (no time zone shift). */
const day = (d: string) => new Date(`${d}T00:00:00Z`);
/** A text cell that would start a formula is written as text (a leading apostrophe). */
const safe = (s: string) => (/^[=+\-@]/.test(s) ? `'${s}` : s);

/** One row per request, written by ExcelJS's streaming writer: rows go out as they are committed. */
export function requestsToXlsx(rows: readonly TRequestRow[], locale: TLocale, today: string): Readable {
  const L = LABELS[locale];
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  wb.creator = 'Attest';
  const ws = wb.addWorksheet(L.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const keys = Object.keys(L.columns) as (keyof typeof L.columns)[];
  ws.columns = keys.map((k) => ({
    header: L.columns[k],
    key: k,
    width: k === 'requested' || k === 'evidence' || k === 'returnReason' ? 48 : 16,
    ...(k === 'dueOn' ? { style: { numFmt: L.dateFormat } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  (async () => {
    for (const r of rows) {
      ws.addRow({
        reference: r.reference,
        control: r.control_ref ?? '',
        test: r.test_reference ?? '',
        requested: safe(r.detail ? `${r.title}\n${r.detail}` : r.title),
        dueOn: day(r.due_on),
        state: L.state[r.state],
        overdue: isOverdue({ state: r.state, dueOn: r.due_on }, today) ? L.yes : L.no,
        evidence: safe(r.evidence.map((e) => e.title).join('\n')),
        returnReason: safe(r.return_reason),
      }).commit();
    }
    ws.commit();
    await wb.commit();
  })().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
