import { createHash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { parse as parseCsv, type CsvError } from 'csv-parse';
import ExcelJS from 'exceljs';
import { dayOfDateCell, dayOfIso, isoOfDay, parseDateText, type TDateFormat, type TDayNumber } from './dates.ts';
import { KeyDigestSet } from './key-digest-set.ts';
import { concatIndexParts, PopulationIndexBuilder, type TPopulationSourceFormat } from './population-index.ts';

/*
 * Streams a CSV or XLSX population file once: hashes its bytes, validates each row, and builds the
 * population index (population-index.ts). Nothing is half-done: the answer is either the index and
 * its statistics, or the errors and no index. Rows are never kept as objects (see README.md).
 */

export interface TPopulationColumnMapping {
  /** Header text of each column (trimmed; matched exactly, else case-insensitively if unique). */
  key: string;
  date: string;
  description?: string;
  amount?: string;
}

export interface TPopulationImportLimits {
  maxBytes: number;
  maxRows: number;
  /** Row errors listed in full; the total is always counted. */
  maxRowErrors: number;
}

export const DEFAULT_POPULATION_IMPORT_LIMITS: TPopulationImportLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxRows: 2_000_000,
  maxRowErrors: 100,
};

export interface TPopulationImportOptions {
  format: TPopulationSourceFormat;
  mapping: TPopulationColumnMapping;
  /** Observation period, inclusive, `YYYY-MM-DD`. */
  period: { start: string; end: string };
  /** Accepted date forms; ISO (`YYYY-MM-DD`, ISO datetime) by default. */
  dateFormats?: readonly TDateFormat[];
  csv?: { delimiter?: string };
  /** XLSX: the worksheet's name; the first worksheet by default. */
  xlsx?: { worksheet?: string };
  limits?: Partial<TPopulationImportLimits>;
  /** CSV: the source's length in bytes when known, to size the duplicate-key table once (memory only). */
  sourceBytes?: number;
}

export type TPopulationRowErrorCode =
  | 'missing_key'
  | 'missing_date'
  | 'unparseable_date'
  | 'date_outside_period'
  | 'duplicate_key'
  | 'unparseable_amount';

export interface TPopulationRowError {
  /** Row as the person sees it: CSV line where the record starts, XLSX sheet row. */
  row: number;
  code: TPopulationRowErrorCode;
  /** The offending value, cut to 100 characters. */
  value?: string;
  /** duplicate_key: the row where the key first appeared. */
  firstRow?: number;
}

export type TPopulationImportError =
  | { code: 'population_rows_invalid'; rowErrors: TPopulationRowError[]; rowErrorCount: number; rowCount: number }
  | { code: 'population_file_too_large'; maxBytes: number }
  | { code: 'population_too_many_rows'; maxRows: number }
  | { code: 'population_malformed_csv'; line: number | null; reason: string }
  | { code: 'population_malformed_xlsx'; reason: string }
  | { code: 'population_worksheet_not_found'; worksheet: string; available: string[] }
  | { code: 'population_header_missing' }
  | { code: 'population_column_not_found'; role: keyof TPopulationColumnMapping; column: string; available: string[] }
  | { code: 'population_column_ambiguous'; role: keyof TPopulationColumnMapping; column: string }
  | { code: 'population_empty' };

export interface TPopulationImportStats {
  format: TPopulationSourceFormat;
  sha256: string;
  bytes: number;
  rowCount: number;
  /** Earliest and latest row dates, `YYYY-MM-DD`. */
  firstDate: string;
  lastDate: string;
  headerRow: number;
  worksheet: string | null;
}

export type TPopulationImportResult =
  /** `indexParts`: the index as stored, in order (no copy); `index`: the same joined, built on first read. */
  | { ok: true; indexParts: readonly Buffer[]; readonly index: Buffer; stats: TPopulationImportStats }
  | { ok: false; error: TPopulationImportError };

class StopImport extends Error {
  readonly error: TPopulationImportError;
  constructor(error: TPopulationImportError) {
    super(error.code);
    this.error = error;
  }
}

type TCell = string | number | boolean | Date | null | undefined;

const ESTIMATE_AFTER = 1000;
const cut = (s: string) => (s.length > 100 ? `${s.slice(0, 99)}…` : s);
const AMOUNT = /^[+-]?\d+(?:[.,]\d+)?$/;

function cellText(v: TCell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.toISOString() : '';
  return String(v).trim();
}

function resolveColumns(header: string[], mapping: TPopulationColumnMapping) {
  const names = header.map((h) => h.trim());
  const find = (role: keyof TPopulationColumnMapping, wanted: string): number => {
    const w = wanted.trim();
    const exact = names.indexOf(w);
    if (exact >= 0) return exact;
    const loose = names.flatMap((n, i) => (n.toLowerCase() === w.toLowerCase() ? [i] : []));
    if (loose.length === 1) return loose[0]!;
    if (loose.length > 1) throw new StopImport({ code: 'population_column_ambiguous', role, column: wanted });
    throw new StopImport({ code: 'population_column_not_found', role, column: wanted, available: names.filter(Boolean).slice(0, 50) });
  };
  return {
    key: find('key', mapping.key),
    date: find('date', mapping.date),
    description: mapping.description ? find('description', mapping.description) : -1,
    amount: mapping.amount ? find('amount', mapping.amount) : -1,
  };
}

/** The validation shared by both formats: one call per data row, cells read through `cell(i)`. */
function makeRowChecker(opts: TPopulationImportOptions, limits: TPopulationImportLimits) {
  const start = dayOfIso(opts.period.start);
  const end = dayOfIso(opts.period.end);
  if (end < start) throw new RangeError('population period ends before it starts');
  const formats = opts.dateFormats ?? ['iso'];
  const keys = new KeyDigestSet();
  const index = new PopulationIndexBuilder();
  const rowErrors: TPopulationRowError[] = [];
  let rowErrorCount = 0;
  let rowCount = 0;
  let minDate = Number.POSITIVE_INFINITY;
  let maxDate = Number.NEGATIVE_INFINITY;
  const fail = (e: TPopulationRowError) => {
    rowErrorCount++;
    if (rowErrors.length < limits.maxRowErrors) rowErrors.push(e);
  };
  let columns: ReturnType<typeof resolveColumns> | null = null;
  let firstOffset = 0;

  return {
    start,
    end,
    setHeader(header: string[]) {
      columns = resolveColumns(header, opts.mapping);
    },
    hasHeader: () => columns !== null,
    row(rowNumber: number, cell: (i: number) => TCell, offset: number, length: number) {
      const c = columns!;
      if (++rowCount > limits.maxRows) throw new StopImport({ code: 'population_too_many_rows', maxRows: limits.maxRows });
      // The first rows' average length tells how many the file holds (+10 %, capped by the limit).
      if (rowCount === ESTIMATE_AFTER && opts.sourceBytes && offset > 0) {
        const perRow = (offset + length - firstOffset) / ESTIMATE_AFTER;
        keys.reserve(Math.min(limits.maxRows, Math.ceil(((opts.sourceBytes - firstOffset) / perRow) * 1.1)));
      }
      if (rowCount === 1) firstOffset = offset;
      const key = cellText(cell(c.key));
      if (!key) fail({ row: rowNumber, code: 'missing_key' });
      else {
        const firstRow = keys.addOrGetFirstRow(key, rowNumber);
        if (firstRow) fail({ row: rowNumber, code: 'duplicate_key', value: cut(key), firstRow });
      }
      const rawDate = cell(c.date);
      let day: TDayNumber | null = null;
      if (rawDate instanceof Date) {
        day = dayOfDateCell(rawDate);
        if (day === null) fail({ row: rowNumber, code: 'unparseable_date', value: cut(cellText(rawDate)) });
      } else {
        const text = cellText(rawDate);
        if (!text) fail({ row: rowNumber, code: 'missing_date' });
        else {
          day = typeof rawDate === 'string' ? parseDateText(text, formats) : null;
          if (day === null) fail({ row: rowNumber, code: 'unparseable_date', value: cut(text) });
        }
      }
      if (day !== null && (day < start || day > end)) fail({ row: rowNumber, code: 'date_outside_period', value: isoOfDay(day) });
      if (c.amount >= 0) {
        const v = cell(c.amount);
        if (typeof v !== 'number') {
          const t = cellText(v).replace(/[\s\u00a0\u202f]/g, '');
          if (t && !AMOUNT.test(t)) fail({ row: rowNumber, code: 'unparseable_amount', value: cut(t) });
        }
      }
      // After the first error the index is dropped anyway: stop filling it, keep counting errors.
      if (rowErrorCount === 0 && day !== null) {
        index.push(day, rowNumber, offset, length);
        if (day < minDate) minDate = day;
        if (day > maxDate) maxDate = day;
      }
    },
    finish(meta: { format: TPopulationSourceFormat; sha256: string; bytes: number; headerRow: number; headerBytes: number; worksheet: string | null }): TPopulationImportResult {
      if (columns === null) return { ok: false, error: { code: 'population_header_missing' } };
      if (rowErrorCount > 0) return { ok: false, error: { code: 'population_rows_invalid', rowErrors, rowErrorCount, rowCount } };
      if (rowCount === 0) return { ok: false, error: { code: 'population_empty' } };
      keys.release();
      const indexParts = index.finishParts({ format: meta.format, periodStart: start, periodEnd: end, sha256: meta.sha256, headerBytes: meta.headerBytes });
      let joined: Buffer | null = null;
      return {
        ok: true,
        indexParts,
        get index() {
          return (joined ??= concatIndexParts(indexParts));
        },
        stats: { format: meta.format, sha256: meta.sha256, bytes: meta.bytes, headerRow: meta.headerRow, worksheet: meta.worksheet, rowCount, firstDate: isoOfDay(minDate), lastDate: isoOfDay(maxDate) },
      };
    },
  };
}

/** Hashes and counts the source's bytes on their way to the parser, refusing past the size cap. */
function tap(source: Readable, maxBytes: number) {
  const hash = createHash('sha256');
  const state = { bytes: 0, sha256: '' };
  async function* pass() {
    for await (const chunk of source) {
      const b: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      state.bytes += b.length;
      if (state.bytes > maxBytes) throw new StopImport({ code: 'population_file_too_large', maxBytes });
      hash.update(b);
      yield b;
    }
    state.sha256 = hash.digest('hex');
  }
  return { stream: Readable.from(pass(), { objectMode: false }), state };
}

async function importCsv(source: Readable, opts: TPopulationImportOptions, limits: TPopulationImportLimits): Promise<TPopulationImportResult> {
  const checker = makeRowChecker(opts, limits);
  const { stream, state } = tap(source, limits.maxBytes);
  let prevBytes = 0;
  let prevLines = 0;
  let prevEmpty = 0;
  let headerRow = 0;
  let headerBytes = 0;
  // Rows are checked inside csv-parse's on_record hook and dropped there (null): no record object
  // is queued in the stream, which halves the parser's memory on a million rows.
  const onRecord = (record: string[], info: { bytes: number; lines: number; empty_lines: number }): null => {
    // A record spans several lines when a quoted field holds line breaks: it starts after the
    // previous record's last line and the blank lines skipped since.
    const startLine = prevLines + 1 + (info.empty_lines - prevEmpty);
    const offset = prevBytes;
    const length = info.bytes - prevBytes;
    prevBytes = info.bytes;
    prevLines = info.lines;
    prevEmpty = info.empty_lines;
    if (!checker.hasHeader()) {
      checker.setHeader(record);
      headerRow = startLine;
      headerBytes = info.bytes;
    } else {
      checker.row(startLine, (i) => record[i], offset, length);
    }
    return null;
  };
  const parser = pipeline(
    stream,
    parseCsv({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      delimiter: opts.csv?.delimiter ?? ',',
      on_record: onRecord as unknown as (record: string[]) => null,
    }),
    () => {},
  );
  try {
    for await (const _ of parser) void _;
  } catch (e) {
    if (e instanceof StopImport) return { ok: false, error: e.error };
    const err = e as CsvError & { lines?: number };
    if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
      return { ok: false, error: { code: 'population_malformed_csv', line: typeof err.lines === 'number' ? err.lines : null, reason: err.code } };
    }
    throw e;
  } finally {
    source.destroy();
  }
  return checker.finish({ format: 'csv', sha256: state.sha256, bytes: state.bytes, headerRow, headerBytes, worksheet: null });
}

function xlsxCell(v: unknown): TCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return xlsxCell(o.result);
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

async function importXlsx(source: Readable, opts: TPopulationImportOptions, limits: TPopulationImportLimits): Promise<TPopulationImportResult> {
  const checker = makeRowChecker(opts, limits);
  const { stream, state } = tap(source, limits.maxBytes);
  const wanted = opts.xlsx?.worksheet;
  const seen: string[] = [];
  let found: string | null = null;
  let headerRow = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const sheet of reader) {
      const ws = sheet as unknown as AsyncIterable<{ number: number; values: unknown[] }> & { name: string };
      const name = ws.name;
      seen.push(name);
      const take = found === null && (wanted === undefined || wanted === name);
      if (take) found = name;
      // Every sheet is read to its end: the SHA-256 covers the whole file.
      for await (const row of ws) {
        if (!take) continue;
        const values = row.values;
        if (!checker.hasHeader()) {
          checker.setHeader(values.slice(1).map((v) => cellText(xlsxCell(v))));
          headerRow = row.number;
          continue;
        }
        checker.row(row.number, (i) => xlsxCell(values[i + 1]), 0, 0);
      }
    }
    if (state.sha256 === '') for await (const _ of stream) void _;
  } catch (e) {
    if (e instanceof StopImport) return { ok: false, error: e.error };
    return { ok: false, error: { code: 'population_malformed_xlsx', reason: cut(e instanceof Error ? e.message : String(e)) } };
  } finally {
    source.destroy();
  }
  if (found === null) return { ok: false, error: { code: 'population_worksheet_not_found', worksheet: wanted ?? '', available: seen.slice(0, 50) } };
  return checker.finish({ format: 'xlsx', sha256: state.sha256, bytes: state.bytes, headerRow, headerBytes: 0, worksheet: found });
}

/**
 * Imports a population file from `source` (read to its end once). The caller stores the file
 * (whose SHA-256 is in the stats) and the index only when `ok`.
 */
export async function importPopulation(source: Readable, opts: TPopulationImportOptions): Promise<TPopulationImportResult> {
  const limits = { ...DEFAULT_POPULATION_IMPORT_LIMITS, ...opts.limits };
  try {
    return opts.format === 'csv' ? await importCsv(source, opts, limits) : await importXlsx(source, opts, limits);
  } catch (e) {
    if (e instanceof StopImport) return { ok: false, error: e.error };
    throw e;
  }
}
