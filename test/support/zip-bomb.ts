import { constants, crc32, deflateRawSync } from 'node:zlib';

/*
 * Archives that lie, built in memory: a few MB on the wire for gigabytes unpacked.
 */

export type TRawEntry = { name: string; packed: Buffer; method: 0 | 8; size: number; crc: number };

/** Raw deflate of `bytes` zeros (a multiple of 16 MiB): one sync-flushed block repeated, then an empty final block. */
export function deflatedZeros(bytes: number): Buffer {
  const block = 16 * 1024 * 1024;
  const one = deflateRawSync(Buffer.alloc(block), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const parts: Buffer[] = Array.from({ length: Math.ceil(bytes / block) }, () => one);
  return Buffer.concat([...parts, deflateRawSync(Buffer.alloc(0))]);
}

export const rawEntry = (name: string, data: Buffer): TRawEntry => ({ name, packed: deflateRawSync(data), method: 8, size: data.length, crc: crc32(data) });

/** A zip whose headers say exactly what each entry claims, true or not. */
export function zipOf(entries: TRawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const header = (size: number, sig: number) => {
      const h = Buffer.alloc(size);
      h.writeUInt32LE(sig, 0);
      return h;
    };
    const local = header(30, 0x04034b50);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.packed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = header(46, 0x02014b50);
    cd.writeUInt16LE(e.method, 10);
    cd.writeUInt32LE(e.crc, 16);
    cd.writeUInt32LE(e.packed.length, 20);
    cd.writeUInt32LE(e.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, name, e.packed);
    central.push(cd, name);
    offset += 30 + name.length + e.packed.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, eocd]);
}
