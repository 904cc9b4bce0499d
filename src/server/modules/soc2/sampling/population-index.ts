import os from 'node:os';
import type { TDayNumber } from './dates.ts';

/*
 * The population index: what sampling needs of a frozen population file, in 20 bytes a row.
 * Layout (little-endian), version 1:
 *   0  8 bytes  magic "ATPIDX01"
 *   8  u32      format version (1)
 *  12  u32      row count N
 *  16  u8       source format (1 = CSV, 2 = XLSX), 3 bytes zero
 *  20  i32      period start (day number)
 *  24  i32      period end (day number, inclusive)
 *  28  32 bytes SHA-256 of the source file's bytes
 *  60  u32      CSV: byte length of the header record from the start of the file; XLSX: 0
 *  64  i32 × N  date of each row (day number)
 *      u32 × N  row number as the user sees it (CSV: line where the record starts; XLSX: sheet row)
 *      f64 × N  CSV: byte offset of the record in the source; XLSX: 0
 *      u32 × N  CSV: byte length of the record (with its line break); XLSX: 0
 * Rows keep the file's order: a row's position in the index (its ordinal) is what samples record.
 * Columns rather than records so a draw scans one contiguous Int32Array of dates.
 */

export const POPULATION_INDEX_MAGIC = 'ATPIDX01';
export const POPULATION_INDEX_VERSION = 1;
const HEADER = 64;
const BYTES_PER_ROW = 20;

export type TPopulationSourceFormat = 'csv' | 'xlsx';

export interface TPopulationIndex {
  version: number;
  rowCount: number;
  format: TPopulationSourceFormat;
  periodStart: TDayNumber;
  periodEnd: TDayNumber;
  sha256: string;
  headerBytes: number;
  dates: Int32Array;
  rowNumbers: Uint32Array;
  offsets: Float64Array;
  lengths: Uint32Array;
}

function assertLittleEndian() {
  // Typed arrays use the platform's byte order; every platform Node supports for us is LE.
  if (os.endianness() !== 'LE') throw new Error('population index: big-endian platforms are not supported');
}

const CHUNK_ROWS = 65_536;

/**
 * Columns filled in fixed chunks while a file streams in: no per-row object, and no doubling copy
 * (a million rows never hold more than their 20 MB plus one chunk).
 */
export class PopulationIndexBuilder {
  private dates: Int32Array[] = [];
  private rowNumbers: Uint32Array[] = [];
  private offsets: Float64Array[] = [];
  private lengths: Uint32Array[] = [];
  private at = CHUNK_ROWS;
  count = 0;

  constructor() {
    assertLittleEndian();
  }

  push(date: TDayNumber, rowNumber: number, offset: number, length: number) {
    if (this.at === CHUNK_ROWS) {
      this.dates.push(new Int32Array(CHUNK_ROWS));
      this.rowNumbers.push(new Uint32Array(CHUNK_ROWS));
      this.offsets.push(new Float64Array(CHUNK_ROWS));
      this.lengths.push(new Uint32Array(CHUNK_ROWS));
      this.at = 0;
    }
    const c = this.dates.length - 1;
    const i = this.at++;
    this.dates[c]![i] = date;
    this.rowNumbers[c]![i] = rowNumber;
    this.offsets[c]![i] = offset;
    this.lengths[c]![i] = length;
    this.count++;
  }

  /**
   * The index as its parts, in order: the 64-byte header, then each column's chunks (views, no
   * copy). Streamed to the blob store as is, so a million rows never hold the index twice.
   */
  finishParts(meta: TPopulationIndexMeta): Buffer[] {
    const n = this.count;
    const head = Buffer.alloc(HEADER);
    head.write(POPULATION_INDEX_MAGIC, 0, 'latin1');
    head.writeUInt32LE(POPULATION_INDEX_VERSION, 8);
    head.writeUInt32LE(n, 12);
    head.writeUInt8(meta.format === 'csv' ? 1 : 2, 16);
    head.writeInt32LE(meta.periodStart, 20);
    head.writeInt32LE(meta.periodEnd, 24);
    Buffer.from(meta.sha256, 'hex').copy(head, 28);
    head.writeUInt32LE(meta.headerBytes, 60);
    const parts: Buffer[] = [head];
    for (const chunks of [this.dates, this.rowNumbers, this.offsets, this.lengths] as (Int32Array | Uint32Array | Float64Array)[][]) {
      let rows = 0;
      for (const c of chunks) {
        const take = Math.min(CHUNK_ROWS, n - rows);
        parts.push(Buffer.from(c.buffer, c.byteOffset, take * c.BYTES_PER_ELEMENT));
        rows += take;
      }
    }
    return parts;
  }

  /** The index in one (8-byte aligned) buffer. */
  finish(meta: TPopulationIndexMeta): Buffer {
    return concatIndexParts(this.finishParts(meta));
  }
}

export type TPopulationIndexMeta = { format: TPopulationSourceFormat; periodStart: TDayNumber; periodEnd: TDayNumber; sha256: string; headerBytes: number };

/** Joins an index's parts into one buffer of its own (Buffer.alloc: aligned, never pooled). */
export function concatIndexParts(parts: readonly Buffer[]): Buffer {
  const buf = Buffer.alloc(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) at += p.copy(buf, at);
  return buf;
}

export class PopulationIndexError extends Error {}

/**
 * The header of an index (its first 64 bytes) with no rows: enough to read the source file's
 * header record before the index is stored.
 */
export function openPopulationIndexHeader(head: Buffer): TPopulationIndex {
  if (head.length < HEADER || head.toString('latin1', 0, 8) !== POPULATION_INDEX_MAGIC) throw new PopulationIndexError('not a population index');
  return {
    version: head.readUInt32LE(8),
    rowCount: 0,
    format: head.readUInt8(16) === 1 ? 'csv' : 'xlsx',
    periodStart: head.readInt32LE(20),
    periodEnd: head.readInt32LE(24),
    sha256: head.toString('hex', 28, 60),
    headerBytes: head.readUInt32LE(60),
    dates: new Int32Array(0),
    rowNumbers: new Uint32Array(0),
    offsets: new Float64Array(0),
    lengths: new Uint32Array(0),
  };
}

/** An index's total length in bytes, read from its first 16 bytes (null: not an index). */
export function populationIndexLength(head: Buffer): number | null {
  if (head.length < 16 || head.toString('latin1', 0, 8) !== POPULATION_INDEX_MAGIC) return null;
  return HEADER + BYTES_PER_ROW * head.readUInt32LE(12);
}

/** Views over a stored index (copied once if the Buffer is not 8-byte aligned). */
export function openPopulationIndex(stored: Buffer | Uint8Array): TPopulationIndex {
  assertLittleEndian();
  const src = Buffer.isBuffer(stored) ? stored : Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (src.length < HEADER || src.toString('latin1', 0, 8) !== POPULATION_INDEX_MAGIC) throw new PopulationIndexError('not a population index');
  const version = src.readUInt32LE(8);
  if (version !== POPULATION_INDEX_VERSION) throw new PopulationIndexError(`population index version ${version} is not supported`);
  const n = src.readUInt32LE(12);
  if (src.length !== HEADER + BYTES_PER_ROW * n) throw new PopulationIndexError('population index is truncated');
  const formatByte = src.readUInt8(16);
  if (formatByte !== 1 && formatByte !== 2) throw new PopulationIndexError('population index: unknown source format');
  const buf = src.byteOffset % 8 === 0 ? src : Buffer.from(src);
  const base = buf.byteOffset;
  return {
    version,
    rowCount: n,
    format: formatByte === 1 ? 'csv' : 'xlsx',
    periodStart: buf.readInt32LE(20),
    periodEnd: buf.readInt32LE(24),
    sha256: buf.toString('hex', 28, 60),
    headerBytes: buf.readUInt32LE(60),
    dates: new Int32Array(buf.buffer, base + HEADER, n),
    rowNumbers: new Uint32Array(buf.buffer, base + HEADER + 4 * n, n),
    offsets: new Float64Array(buf.buffer, base + HEADER + 8 * n, n),
    lengths: new Uint32Array(buf.buffer, base + HEADER + 16 * n, n),
  };
}
