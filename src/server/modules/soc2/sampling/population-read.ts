import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse as parseCsvSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { TPopulationIndex } from './population-index.ts';

/*
 * Reads the rows of a sample back from the frozen source file. CSV: only the header's and the
 * items' byte ranges are read (the caller opens ranges of the stored blob). XLSX: a zip cannot be
 * read by range, so the file streams once and the wanted sheet rows are kept; its SHA-256 is checked
 * against the index on the way, so a different file is refused rather than read.
 */

export interface TPopulationRow {
  ordinal: number;
  rowNumber: number;
  /** Cells as text, in header order. */
  cells: string[];
}

export interface TPopulationRows {
  header: string[];
  rows: TPopulationRow[];
}

export class PopulationSourceMismatchError extends Error {}

function uniqueSorted(index: TPopulationIndex, ordinals: readonly number[]): number[] {
  const out = [...new Set(ordinals)].sort((a, b) => a - b);
  for (const o of out) if (!Number.isInteger(o) || o < 0 || o >= index.rowCount) throw new RangeError(`ordinal ${o} is not in the population`);
  return out;
}

/** CSV: `readRange(offset, length)` answers those bytes of the stored file. */
export async function readCsvRows(
  index: TPopulationIndex,
  ordinals: readonly number[],
  readRange: (offset: number, length: number) => Promise<Buffer>,
  options: { delimiter?: string } = {},
): Promise<TPopulationRows> {
  if (index.format !== 'csv') throw new TypeError('not a CSV population');
  const parseOne = (buf: Buffer): string[] => {
    const records = parseCsvSync(buf, { bom: true, skip_empty_lines: true, relax_column_count: true, delimiter: options.delimiter ?? ',' }) as string[][];
    if (records.length !== 1) throw new PopulationSourceMismatchError('the byte range does not hold exactly one record');
    return records[0]!;
  };
  const header = parseOne(await readRange(0, index.headerBytes));
  const rows: TPopulationRow[] = [];
  for (const o of uniqueSorted(index, ordinals)) {
    rows.push({ ordinal: o, rowNumber: index.rowNumbers[o]!, cells: parseOne(await readRange(index.offsets[o]!, index.lengths[o]!)) });
  }
  return { header, rows };
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return text(o.result);
    if (typeof o.text === 'string') return o.text;
  }
  return String(v);
}

/** XLSX: streams `source` once; refuses it if its SHA-256 is not the index's. */
export async function readXlsxRows(index: TPopulationIndex, ordinals: readonly number[], source: Readable, options: { worksheet?: string } = {}): Promise<TPopulationRows> {
  if (index.format !== 'xlsx') throw new TypeError('not an XLSX population');
  const wanted = new Map(uniqueSorted(index, ordinals).map((o) => [index.rowNumbers[o]!, o]));
  const hash = createHash('sha256');
  async function* pass() {
    for await (const chunk of source) {
      hash.update(chunk as Buffer);
      yield chunk as Buffer;
    }
  }
  let header: string[] | null = null;
  let taken = false;
  const rows: TPopulationRow[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(pass()), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  for await (const sheet of reader) {
    const ws = sheet as unknown as AsyncIterable<{ number: number; values: unknown[] }> & { name: string };
    const take = !taken && (options.worksheet === undefined || options.worksheet === ws.name);
    if (take) taken = true;
    for await (const row of ws) {
      if (!take) continue;
      const cells = row.values.slice(1).map(text);
      if (header === null) header = cells;
      else {
        const o = wanted.get(row.number);
        if (o !== undefined) rows.push({ ordinal: o, rowNumber: row.number, cells });
      }
    }
  }
  if (hash.digest('hex') !== index.sha256) throw new PopulationSourceMismatchError('the file is not the one the population was imported from');
  rows.sort((a, b) => a.ordinal - b.ordinal);
  return { header: header ?? [], rows };
}
