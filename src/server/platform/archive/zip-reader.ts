import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';

/*
 * Reads the entries a caller needs from a zip (XLSX, DOCX, evidence bundles) without trusting
 * anything the archive says about itself. The sizes in its headers are claims: an entry that
 * declares 100 bytes may inflate to gigabytes. So:
 * - only the wanted entries are inflated; the others are never touched;
 * - a declared size is checked against the compressed bytes (deflate cannot shrink data more
 *   than ~1032:1 nor grow it more than a few bytes per block), so a lie is refused before
 *   inflating anything;
 * - inflation streams and stops as soon as an entry produces one byte more than it declared,
 *   and the declared sizes of the wanted entries are capped together: memory is bounded by the
 *   limit, whatever the archive holds;
 * - the CRC and the final size must match, and local headers must agree with the directory.
 */

export type TArchiveLimits = {
  /** Most bytes the wanted entries may unpack to, all together. */
  maxUnpackedBytes: number;
  /** Most entries the directory may list. */
  maxEntries: number;
};

/** A refusal whose message a person can act on; callers turn it into a 4xx. */
export class ArchiveError extends Error {}

type TEntry = { name: string; flags: number; method: number; crc: number; packed: number; size: number; localOffset: number };

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const CHUNK = 64 * 1024;

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
const broken = (why: string) => new ArchiveError(`the archive is malformed: ${why}`);

/** The most a deflate stream of `size` bytes can weigh (zlib's deflateBound, with room for other encoders). */
const maxPackedFor = (size: number) => size + (size >>> 10) + 1024;
/** The least it can weigh: deflate's best ratio is 258 bytes per ~2 bits, about 1:1032. */
const minPackedFor = (size: number) => Math.floor(size / 1100);

function readDirectory(buf: Buffer, limits: TArchiveLimits): { entries: TEntry[]; directoryAt: number } {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ArchiveError('the file is not a zip archive');
  const count = buf.readUInt16LE(eocd + 10);
  const directoryAt = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryAt === 0xffffffff) throw broken('ZIP64 archives are not accepted');
  if (count > limits.maxEntries) throw new ArchiveError(`the archive lists ${count} entries, more than the ${limits.maxEntries} accepted`);
  if (directoryAt > eocd) throw broken('the directory lies outside the file');

  const entries: TEntry[] = [];
  let p = directoryAt;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CDH_SIG) throw broken('the directory is cut short');
    const nameLen = buf.readUInt16LE(p + 28);
    const end = p + 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (end > eocd) throw broken('the directory is cut short');
    const flags = buf.readUInt16LE(p + 8);
    entries.push({
      name: buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen),
      flags,
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      packed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p = end;
  }
  return { entries, directoryAt };
}

/** Refuses an entry whose declared size its compressed bytes cannot honestly produce. */
function checkClaims(e: TEntry) {
  if (e.packed === 0xffffffff || e.size === 0xffffffff) throw broken('ZIP64 archives are not accepted');
  const honest =
    e.method === 0 ? e.packed === e.size : e.method === 8 ? e.packed <= maxPackedFor(e.size) && e.packed >= minPackedFor(e.size) : true;
  if (!honest) throw broken(`entry "${e.name}" declares ${e.size} bytes unpacked for ${e.packed} bytes packed`);
}

async function inflateBounded(packed: Buffer, declared: number, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let produced = 0;
  const slices = function* () {
    for (let i = 0; i < packed.length; i += CHUNK) yield packed.subarray(i, i + CHUNK);
  };
  try {
    await pipeline(Readable.from(slices()), createInflateRaw(), async (out: AsyncIterable<Buffer>) => {
      for await (const chunk of out) {
        produced += chunk.length;
        if (produced > declared) throw broken(`entry "${name}" unpacks to more than the ${declared} bytes it declares`);
        chunks.push(chunk);
      }
    });
  } catch (err) {
    if (err instanceof ArchiveError) throw err;
    throw broken(`entry "${name}" is not valid compressed data`);
  }
  return Buffer.concat(chunks, produced);
}

/**
 * The wanted entries of a zip, inflated under a hard limit. Throws ArchiveError (a message for a
 * person) on anything malformed, dishonest, encrypted or too large; never inflates an unwanted entry.
 */
export async function readZipEntries(buf: Buffer, wanted: (name: string) => boolean, limits: TArchiveLimits): Promise<Map<string, Buffer>> {
  const { entries, directoryAt } = readDirectory(buf, limits);
  for (const e of entries) checkClaims(e);
  const picked = entries.filter((e) => !e.name.endsWith('/') && wanted(e.name));
  const names = new Set<string>();
  let total = 0;
  for (const e of picked) {
    if (names.has(e.name)) throw broken(`entry "${e.name}" appears twice`);
    names.add(e.name);
    if (e.flags & 0x1) throw new ArchiveError(`entry "${e.name}" is encrypted: save the file without a password`);
    if (e.method !== 0 && e.method !== 8) throw new ArchiveError(`entry "${e.name}" uses a compression method that is not supported`);
    total += e.size;
  }
  if (total > limits.maxUnpackedBytes) throw new ArchiveError(`it unpacks to more than ${mb(limits.maxUnpackedBytes)}`);

  const out = new Map<string, Buffer>();
  for (const e of picked) {
    const at = e.localOffset;
    if (at + 30 > directoryAt || buf.readUInt32LE(at) !== LFH_SIG) throw broken(`entry "${e.name}" has no local header`);
    const nameLen = buf.readUInt16LE(at + 26);
    if (buf.toString(e.flags & 0x800 ? 'utf8' : 'latin1', at + 30, at + 30 + nameLen) !== e.name) throw broken(`entry "${e.name}" is named differently in its local header`);
    const start = at + 30 + nameLen + buf.readUInt16LE(at + 28);
    if (start + e.packed > directoryAt) throw broken(`entry "${e.name}" runs past the end of the data`);
    const packed = buf.subarray(start, start + e.packed);
    const data = e.method === 0 ? Buffer.from(packed) : await inflateBounded(packed, e.size, e.name);
    if (data.length !== e.size) throw broken(`entry "${e.name}" unpacks to ${data.length} bytes, not the ${e.size} it declares`);
    if (crc32(data) !== e.crc) throw broken(`entry "${e.name}" fails its checksum`);
    out.set(e.name, data);
  }
  return out;
}
