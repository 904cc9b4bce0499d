import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { crc32, inflateRawSync } from 'node:zlib';
import { deflatedZeros, rawEntry, zipOf } from '../../../../test/support/zip-bomb.ts';
import { ArchiveError, readZipEntries } from './zip-reader.ts';
import { storedZip } from './zip-writer.ts';
import { guardedXlsx } from './office.ts';
import { createArchiveGate } from './archive-gate.ts';

const limits = { maxUnpackedBytes: 8 * 1024 * 1024, maxEntries: 100 };
const all = () => true;
const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ArchiveError);
  return (err as Error).message;
};

describe('zip reader: sizes are claims, not facts', () => {
  it('reads honest entries and leaves the others packed', async () => {
    const zip = zipOf([rawEntry('a.txt', Buffer.from('première')), rawEntry('b.bin', Buffer.alloc(1000, 1))]);
    const got = await readZipEntries(zip, (n) => n === 'a.txt', limits);
    expect([...got.keys()]).toEqual(['a.txt']);
    expect(got.get('a.txt')!.toString()).toBe('première');
  });

  it('builds bombs that really inflate to what they hold', () => {
    const packed = deflatedZeros(32 * 1024 * 1024);
    expect(packed.length).toBeLessThan(100_000);
    expect(inflateRawSync(packed).length).toBe(32 * 1024 * 1024);
  });

  it('refuses an entry that declares 100 bytes for gigabytes, before inflating it, even when nobody wants it', async () => {
    const bomb = { name: 'xl/media/zeros.bin', packed: deflatedZeros(4 * 1024 ** 3), method: 8 as const, size: 100, crc: 0 };
    expect(bomb.packed.length).toBeLessThan(5 * 1024 * 1024);
    const zip = zipOf([rawEntry('a.txt', Buffer.from('x')), bomb]);
    const started = performance.now();
    expect(await refusal(readZipEntries(zip, (n) => n === 'a.txt', limits))).toMatch(/zeros\.bin" declares 100 bytes unpacked/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('stops inflating one byte past a plausible lie', async () => {
    const packed = deflatedZeros(64 * 1024 * 1024);
    // 64 KB of packed zeros could honestly be 64 MB: the claim of 2 MB only shows while inflating.
    const zip = zipOf([{ name: 'sheet.xml', packed, method: 8, size: 2 * 1024 * 1024, crc: 0 }]);
    expect(await refusal(readZipEntries(zip, all, limits))).toMatch(/unpacks to more than the 2097152 bytes it declares/);
  });

  it('caps what the wanted entries unpack to together, and ignores big entries it does not want', async () => {
    const big = { name: 'big.bin', packed: deflatedZeros(16 * 1024 * 1024), method: 8 as const, size: 16 * 1024 * 1024, crc: crc32(Buffer.alloc(16 * 1024 * 1024)) };
    const zip = zipOf([rawEntry('a.txt', Buffer.from('x')), big]);
    expect(await refusal(readZipEntries(zip, all, limits))).toMatch(/unpacks to more than 8 MB/);
    expect((await readZipEntries(zip, (n) => n === 'a.txt', limits)).size).toBe(1);
  });

  it('refuses wrong checksums, short entries, duplicates, encryption, and what is not a zip', async () => {
    const ok = rawEntry('a.txt', Buffer.from('hello'));
    expect(await refusal(readZipEntries(zipOf([{ ...ok, crc: 1 }]), all, limits))).toMatch(/checksum/);
    expect(await refusal(readZipEntries(zipOf([{ ...ok, size: 4 }]), all, limits))).toMatch(/more than the 4 bytes/);
    expect(await refusal(readZipEntries(zipOf([{ ...ok, size: 6 }]), all, limits))).toMatch(/unpacks to 5 bytes, not the 6/);
    expect(await refusal(readZipEntries(zipOf([ok, ok]), all, limits))).toMatch(/twice/);
    expect(await refusal(readZipEntries(zipOf([{ ...ok, packed: Buffer.from('garbage!') }]), all, limits))).toMatch(/not valid compressed data/);
    expect(await refusal(readZipEntries(Buffer.from('ref,title\nA.1,x\n'), all, limits))).toMatch(/not a zip/);
    expect(await refusal(readZipEntries(zipOf(Array.from({ length: 101 }, (_, i) => rawEntry(`f${i}`, Buffer.from('x')))), all, limits))).toMatch(/101 entries/);
  });

  it('round-trips through the stored writer, and keeps a real workbook readable', async () => {
    const entries = new Map([['x/é.txt', Buffer.from('données')]]);
    expect(await readZipEntries(storedZip(entries), all, limits)).toEqual(entries);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Requirements').addRow(['ref', 'Titre « A »']);
    wb.addImage({ buffer: Buffer.alloc(100, 9) as never, extension: 'png' });
    const clean = await guardedXlsx(Buffer.from(await wb.xlsx.writeBuffer()), limits);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(clean as unknown as ArrayBuffer);
    expect(back.getWorksheet('Requirements')!.getRow(1).getCell(2).value).toBe('Titre « A »');
  });
});

describe('archive gate', () => {
  it('refuses with 429 past its slots, and frees a slot when work ends or fails', async () => {
    const gate = createArchiveGate(1);
    let release!: () => void;
    const held = gate.run(() => new Promise<void>((r) => (release = r)));
    await expect(gate.run(async () => 1)).rejects.toMatchObject({ status: 429, code: 'imports_busy' });
    release();
    await held;
    await expect(gate.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await gate.run(async () => 2)).toBe(2);
    expect(gate.active).toBe(0);
  });
});
