import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { TBlobStore } from '../../../platform/blob-store/blob-store.ts';
import type { TSoc2PopulationMapping } from '../../../../shared/contracts/soc2-fieldwork.ts';
import { importPopulation, type TPopulationImportError, type TPopulationImportLimits, type TPopulationImportStats } from '../sampling/population-import.ts';
import { openPopulationIndex, openPopulationIndexHeader, populationIndexLength, type TPopulationIndex, type TPopulationSourceFormat } from '../sampling/population-index.ts';
import { readCsvRows, readXlsxRows, type TPopulationRows } from '../sampling/population-read.ts';

/*
 * A population file between the upload and the blob store. The blob store is content-addressed and
 * keeps what it is given, so nothing may reach it before the file is known good: the upload streams
 * to a private temporary file (byte cap on the way) while the import reads the same bytes (hash,
 * rows, index), and only then are the file and its index put in the store. The temporary file is removed
 * whatever happens, so a refused file leaves no row and no object.
 */

export type TStoreError = TPopulationImportError | { code: 'population_column_not_found'; role: 'text'; column: string; available: string[] };

export type TStoredPopulation = { stats: TPopulationImportStats; fileSha256: string; fileSize: number; indexSha256: string };

class TooLarge extends Error {}

const delimiterOf = (m: TSoc2PopulationMapping) => m.delimiter;

/** Finds a column as the import does: exact (trimmed) header text, else a unique case-insensitive match. */
export function columnIndex(header: readonly string[], wanted: string): number {
  const names = header.map((h) => h.trim());
  const w = wanted.trim();
  const exact = names.indexOf(w);
  if (exact >= 0) return exact;
  const loose = names.flatMap((n, i) => (n.toLowerCase() === w.toLowerCase() ? [i] : []));
  return loose.length === 1 ? loose[0]! : -1;
}

/** A reader of the stored source: the whole file, or a byte range of it. */
export type TSourceOpener = (range?: { start: number; end: number }) => Promise<Readable>;

async function readAll(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A stored index read into one buffer of the length its header states, filled as chunks arrive
 * (collecting the chunks then joining them would hold a million rows' 20 MB twice). A stream that
 * is not an index, or is longer than its header says, is read whole and left to openPopulationIndex
 * to refuse.
 */
async function readIndex(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let have = 0;
  let decided = false;
  let buf: Buffer | null = null;
  let at = 0;
  for await (const c of s) {
    const b = c as Buffer;
    if (buf) {
      if (at + b.length <= buf.length) {
        at += b.copy(buf, at);
        continue;
      }
      chunks.push(buf.subarray(0, at));
      buf = null;
    }
    chunks.push(b);
    have += b.length;
    if (!decided && have >= 16) {
      decided = true;
      const length = populationIndexLength(Buffer.concat(chunks, 16));
      if (length !== null && have <= length) {
        buf = Buffer.alloc(length);
        for (const x of chunks) at += x.copy(buf, at);
        chunks.length = 0;
      }
    }
  }
  return buf ? buf.subarray(0, at) : Buffer.concat(chunks);
}

/** The header and the rows at `ordinals`, read from the source through the index. */
export async function readRows(index: TPopulationIndex, ordinals: readonly number[], open: TSourceOpener, mapping: TSoc2PopulationMapping): Promise<TPopulationRows> {
  if (index.format === 'csv') {
    return readCsvRows(index, ordinals, async (offset, length) => (length === 0 ? Buffer.alloc(0) : readAll(await open({ start: offset, end: offset + length - 1 }))), {
      delimiter: delimiterOf(mapping),
    });
  }
  return readXlsxRows(index, ordinals, await open(), mapping.worksheet ? { worksheet: mapping.worksheet } : {});
}

/** Key, date and text of each row read, per the mapping. */
export function itemFields(rows: TPopulationRows, mapping: TSoc2PopulationMapping) {
  const key = columnIndex(rows.header, mapping.keyColumn);
  const texts = mapping.textColumns.map((c) => columnIndex(rows.header, c)).filter((i) => i >= 0);
  return new Map(
    rows.rows.map((r) => [
      r.ordinal,
      {
        key: (r.cells[key] ?? '').trim().slice(0, 500),
        text: texts
          .map((i) => (r.cells[i] ?? '').trim())
          .filter(Boolean)
          .join(' · ')
          .slice(0, 2000),
      },
    ]),
  );
}

/** Writes `chunk` and waits while `to` is full; a stream already closed (the import stopped reading) is skipped. */
function feed(to: Writable, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (to.destroyed || to.writableEnded) return resolve();
    if (to.write(chunk)) return resolve();
    const done = (err?: Error) => {
      to.off('drain', onDrain).off('close', onDrain).off('error', done);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    to.once('drain', onDrain).once('close', onDrain).once('error', done);
  });
}

/**
 * Imports `source` and, only when it is good, stores the file and its index. Answers the error
 * (nothing stored) or what was stored. The bytes go to the temporary file and to the import at
 * the same time: read once, and each chunk is garbage as soon as both have it (a million-row
 * file written out whole before being read again left some 60 MB of spent chunks resident).
 */
export async function importAndStore(
  blobs: Pick<TBlobStore, 'put'>,
  source: Readable,
  o: {
    format: TPopulationSourceFormat;
    mapping: TSoc2PopulationMapping;
    period: { start: string; end: string };
    limits: Pick<TPopulationImportLimits, 'maxBytes' | 'maxRows'>;
    /** The source's length when known beforehand (a raw upload's Content-Length). */
    sourceBytes?: number | null;
  },
): Promise<{ ok: true; stored: TStoredPopulation } | { ok: false; error: TStoreError }> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'attest-population-'));
  const tmp = path.join(dir, 'source');
  try {
    let bytes = 0;
    const out = fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
    const toImport = new PassThrough();
    const meter = new Writable({
      async write(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        if (bytes > o.limits.maxBytes) return cb(new TooLarge());
        try {
          await Promise.all([feed(out, chunk), feed(toImport, chunk)]);
          cb();
        } catch (e) {
          cb(e as Error);
        }
      },
      final(cb) {
        if (!toImport.destroyed) toImport.end();
        out.end((err?: Error | null) => cb(err ?? null));
      },
    });
    out.on('error', (err) => meter.destroy(err));
    // A refused upload stops the import too (its result is then not read).
    meter.once('error', (err) => {
      toImport.destroy(err);
      out.destroy();
    });
    const written = finished(meter);
    const imported = importPopulation(toImport, {
      format: o.format,
      mapping: { key: o.mapping.keyColumn, date: o.mapping.dateColumn },
      period: o.period,
      dateFormats: o.mapping.dayFirstDates ? ['iso', 'dd/mm/yyyy'] : ['iso'],
      csv: { delimiter: delimiterOf(o.mapping) },
      ...(o.mapping.worksheet ? { xlsx: { worksheet: o.mapping.worksheet } } : {}),
      limits: { maxBytes: o.limits.maxBytes, maxRows: o.limits.maxRows, maxRowErrors: 100 },
      ...(o.sourceBytes ? { sourceBytes: o.sourceBytes } : {}),
    });
    // Piped by hand (as the blob store does) so a refusal leaves the request open for the 413 answer.
    const onSourceError = (err: Error) => meter.destroy(err);
    source.once('error', onSourceError);
    source.pipe(meter);
    const [w, r] = await Promise.allSettled([written, imported]);
    source.off('error', onSourceError);
    if (w.status === 'rejected') {
      source.unpipe(meter);
      source.resume();
      const e = w.reason as { code?: string };
      // @fastify/multipart cuts a file part at its own limit with this code.
      if (e instanceof TooLarge || e.code === 'FST_REQ_FILE_TOO_LARGE') return { ok: false, error: { code: 'population_file_too_large', maxBytes: o.limits.maxBytes } };
      throw w.reason;
    }
    if (r.status === 'rejected') throw r.reason;
    const result = r.value;
    if (!result.ok) return { ok: false, error: result.error };
    const index = openPopulationIndexHeader(result.indexParts[0]!);
    const opener: TSourceOpener = async (range) => fs.createReadStream(tmp, range ?? {});
    const { header } = await readRows(index, [], opener, o.mapping);
    for (const c of o.mapping.textColumns)
      if (columnIndex(header, c) < 0) return { ok: false, error: { code: 'population_column_not_found', role: 'text', column: c, available: header.filter(Boolean).slice(0, 50) } };
    const file = await blobs.put(fs.createReadStream(tmp), { maxBytes: o.limits.maxBytes });
    if (file.sha256 !== result.stats.sha256) throw new Error('population file changed while it was stored');
    // The index's parts stream to the store as they are: never joined into a second copy.
    const hash = createHash('sha256');
    for (const part of result.indexParts) hash.update(part);
    const indexSha256 = hash.digest('hex');
    const indexBytes = result.indexParts.reduce((n, part) => n + part.length, 0);
    const stored = await blobs.put(Readable.from(result.indexParts), { maxBytes: indexBytes });
    if (stored.sha256 !== indexSha256) throw new Error('population index changed while it was stored');
    return { ok: true, stored: { stats: result.stats, fileSha256: file.sha256, fileSize: file.size, indexSha256 } };
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

/** The stored index of a population, checked against its recorded SHA-256. */
export async function loadIndex(blobs: Pick<TBlobStore, 'get'>, indexSha256: string): Promise<{ index: TPopulationIndex; sha256: string }> {
  const s = await blobs.get(indexSha256);
  if (!s) throw new Error(`population index ${indexSha256} is missing from the blob store`);
  const buf = await readIndex(s);
  const sha256 = createHash('sha256').update(buf).digest('hex');
  return { index: openPopulationIndex(buf), sha256 };
}

export function blobOpener(blobs: Pick<TBlobStore, 'get'>, fileSha256: string): TSourceOpener {
  return async (range) => {
    const s = await blobs.get(fileSha256, range);
    if (!s) throw new Error(`population file ${fileSha256} is missing from the blob store`);
    return s;
  };
}
