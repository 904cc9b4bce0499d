import { AppError } from '../../../platform/errors/errors.ts';
import type { TPopulationRowError } from '../sampling/population-import.ts';
import type { TStoreError } from './population-store.ts';

/*
 * A refused population file answers 4xx with a stable code and, for row errors, each row as the
 * person sees it (CSV line, sheet row) with its reason in English and French: the file is theirs,
 * the fix is in it, and the API is used outside the web too.
 */

const ROW_MESSAGES: Record<TPopulationRowError['code'], { en: (e: TPopulationRowError) => string; fr: (e: TPopulationRowError) => string }> = {
  missing_key: { en: (e) => `Row ${e.row}: the key is empty.`, fr: (e) => `Ligne ${e.row}\u00a0: la clé est vide.` },
  missing_date: { en: (e) => `Row ${e.row}: the date is empty.`, fr: (e) => `Ligne ${e.row}\u00a0: la date est vide.` },
  unparseable_date: { en: (e) => `Row ${e.row}: “${e.value ?? ''}” is not a date.`, fr: (e) => `Ligne ${e.row}\u00a0: «\u00a0${e.value ?? ''}\u00a0» n’est pas une date.` },
  date_outside_period: {
    en: (e) => `Row ${e.row}: ${e.value ?? ''} is outside the period.`,
    fr: (e) => `Ligne ${e.row}\u00a0: le ${e.value ?? ''} est hors de la période.`,
  },
  duplicate_key: {
    en: (e) => `Row ${e.row}: the key “${e.value ?? ''}” already appears on row ${e.firstRow ?? '?'}.`,
    fr: (e) => `Ligne ${e.row}\u00a0: la clé «\u00a0${e.value ?? ''}\u00a0» figure déjà à la ligne ${e.firstRow ?? '?'}.`,
  },
  unparseable_amount: { en: (e) => `Row ${e.row}: “${e.value ?? ''}” is not an amount.`, fr: (e) => `Ligne ${e.row}\u00a0: «\u00a0${e.value ?? ''}\u00a0» n’est pas un montant.` },
};

export function rowErrorMessage(e: TPopulationRowError) {
  const m = ROW_MESSAGES[e.code];
  return { en: m.en(e), fr: m.fr(e) };
}

/** The import's refusal as the API answers it. Nothing was stored. */
export function populationError(error: TStoreError, period: { start: string; end: string }): AppError {
  switch (error.code) {
    case 'population_rows_invalid': {
      const rows = error.rowErrors.map((e) => ({ ...e, message: rowErrorMessage(e) }));
      const first = rows[0]?.row;
      return new AppError(400, error.code, `${error.rowErrorCount} row(s) refused${first ? `, the first on row ${first}` : ''}; nothing was imported.`, {
        rowErrors: rows,
        rowErrorCount: error.rowErrorCount,
        rowCount: error.rowCount,
        firstRow: first ?? null,
        periodStart: period.start,
        periodEnd: period.end,
      });
    }
    case 'population_file_too_large':
      return new AppError(413, error.code, `The file exceeds ${Math.floor(error.maxBytes / 1024 / 1024)} MB; nothing was imported.`, { maxBytes: error.maxBytes, maxMb: Math.floor(error.maxBytes / 1024 / 1024) });
    case 'population_too_many_rows':
      return new AppError(413, error.code, `The file has more than ${error.maxRows} rows; nothing was imported.`, { maxRows: error.maxRows });
    case 'population_malformed_csv':
      return new AppError(400, error.code, `The CSV is malformed${error.line !== null ? ` near line ${error.line}` : ''} (${error.reason}); nothing was imported.`, { line: error.line, reason: error.reason });
    case 'population_malformed_xlsx':
      return new AppError(400, error.code, `The workbook cannot be read (${error.reason}); nothing was imported.`, { reason: error.reason });
    case 'population_worksheet_not_found':
      return new AppError(400, error.code, `No worksheet “${error.worksheet}”.`, { worksheet: error.worksheet, available: error.available });
    case 'population_header_missing':
      return new AppError(400, error.code, 'The file has no header row.', {});
    case 'population_column_not_found':
      return new AppError(400, error.code, `No column “${error.column}” in the header.`, { role: error.role, column: error.column, available: error.available });
    case 'population_column_ambiguous':
      return new AppError(400, error.code, `Several columns are named “${error.column}”.`, { role: error.role, column: error.column });
    case 'population_empty':
      return new AppError(400, error.code, 'The population has no row; nothing was imported.', {});
  }
}
