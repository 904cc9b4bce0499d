/**
 * Sum of the uncompressed sizes an XLSX (a zip) declares in its central directory, read before
 * anything is inflated: a 5 MB upload can otherwise unpack to gigabytes (a "zip bomb").
 * Returns null when the buffer has no readable central directory.
 */
export function declaredUnzippedSize(buf: Buffer): number | null {
  const EOCD = 0x06054b50;
  const CDH = 0x02014b50;
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CDH) return null;
    const size = buf.readUInt32LE(p + 24);
    // 0xffffffff means the real size is in a ZIP64 extra field: treat it as too big to trust.
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return total;
}
