/*
 * Duplicate-key detection in flat memory: each key is reduced to a 64-bit digest kept in an
 * open-addressing table of typed arrays (12 bytes a slot, at most half full), with the row number
 * where the key was first seen. A million keys take 2^21 slots = 24 MiB, and no string is kept.
 *
 * The digest is cyrb64 (two 32-bit multiply-xor lanes over the UTF-16 code units, cross-mixed at
 * the end), not a cryptographic hash. Equal keys always give equal digests, so a duplicate is never
 * missed. Two different keys may share a digest: for n random keys the chance that any pair does is
 * about n² / 2^65 (2.7 × 10⁻⁸ for a million rows). Such a collision makes the import refuse a row
 * as a duplicate of another whose key differs; the error names both rows, so the person sees it.
 */

export function keyDigest(key: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

export class KeyDigestSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private rows: Uint32Array; // 0 = empty slot (row numbers start at 1)
  private mask: number;
  size = 0;

  constructor(initialSlots = 1 << 16) {
    this.hi = new Uint32Array(initialSlots);
    this.lo = new Uint32Array(initialSlots);
    this.rows = new Uint32Array(initialSlots);
    this.mask = initialSlots - 1;
  }

  /** Records the key at `row`; answers the row where the same digest was first seen, or 0. */
  addOrGetFirstRow(key: string, row: number): number {
    if (row < 1) throw new RangeError('row numbers start at 1');
    const [a, b] = keyDigest(key);
    let i = a & this.mask;
    for (;;) {
      const r = this.rows[i]!;
      if (r === 0) break;
      if (this.hi[i] === a && this.lo[i] === b) return r;
      i = (i + 1) & this.mask;
    }
    this.hi[i] = a;
    this.lo[i] = b;
    this.rows[i] = row;
    if (++this.size * 2 > this.mask + 1) this.grow();
    return 0;
  }

  /**
   * Makes room for `keys` keys at once (at most half full): sized early from an estimate, the
   * table is rehashed once rather than at each doubling.
   */
  reserve(keys: number) {
    let slots = this.mask + 1;
    while (keys * 2 > slots) slots *= 2;
    if (slots > this.mask + 1) this.rehash(slots);
  }

  /** Frees the table (a million keys hold 24 MiB) once the last row is checked; the set is empty after. */
  release() {
    free(this.hi, this.lo, this.rows);
    this.hi = new Uint32Array(1);
    this.lo = new Uint32Array(1);
    this.rows = new Uint32Array(1);
    this.mask = 0;
    this.size = 0;
  }

  private grow() {
    this.rehash((this.mask + 1) * 2);
  }

  private rehash(slots: number) {
    const { hi, lo, rows } = this;
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.rows = new Uint32Array(slots);
    this.mask = slots - 1;
    for (let j = 0; j < rows.length; j++) {
      if (rows[j] === 0) continue;
      let i = hi[j]! & this.mask;
      while (this.rows[i] !== 0) i = (i + 1) & this.mask;
      this.hi[i] = hi[j]!;
      this.lo[i] = lo[j]!;
      this.rows[i] = rows[j]!;
    }
    free(hi, lo, rows);
  }
}

/**
 * Gives a table's memory back now: a dropped typed array is only freed by a full collection, and
 * the trail of smaller tables left by the doublings (24 MiB for a million keys) is what pushed V8
 * into collecting mid-import and then enlarging its young generation for good. Detaching (transfer
 * to length 0) frees the backing store at once; these arrays are the set's own, never shared.
 */
function free(...arrays: Uint32Array[]) {
  for (const a of arrays) (a.buffer as ArrayBuffer).transfer(0);
}
